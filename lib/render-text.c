/* Plain-text back end: one paragraph a line, section titles underlined,
 * clauses numbered through the whole edition.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <string.h>

/* A paragraph: one line, or wrapped at the edition's width (the first line
 * after first, the others after rest). */
static void S_para(clausier__buf *out, const clausier__edition *ed, const char *s, const char *first,
                   const char *rest)
{
	if (!s)
		return;
	if (ed->width) {
		clausier__wrap(out, s, ed->width, first, rest, ed->icu_locale);
		return;
	}
	clausier__buf_puts(out, first);
	clausier__buf_puts(out, s);
	clausier__buf_putc(out, '\n');
}

static void S_line(clausier__buf *out, const clausier__edition *ed, const char *s)
{
	S_para(out, ed, s, "", "");
}

int clausier__render_text(clausier__buf *out, const clausier__edition *ed)
{
	S_line(out, ed, ed->title);
	S_line(out, ed, ed->subtitle);
	S_line(out, ed, ed->dateline);
	S_line(out, ed, ed->revised);
	S_line(out, ed, ed->prevailing);
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			section = c->section;
			const char *title = ed->sections[section];
			clausier__buf_putc(out, '\n');
			S_line(out, ed, title);
			size_t w = clausier__columns(title);
			for (size_t k = ed->width && w > ed->width ? ed->width : w; k > 0; k--)
				clausier__buf_putc(out, '=');
			clausier__buf_putc(out, '\n');
		}
		/* Wrapped, a clause hangs under its number. */
		char num[64], hang[32];
		clausier__number(num, sizeof num, ed, i);
		strcat(num, clausier__number_sep(ed));
		/* Numbered clauses hang; articles are blocks. */
		snprintf(hang, sizeof hang, "%*s", ed->width && ed->genre != CLAUSIER_GENRE_CHARTE ? (int)strlen(num) : 0, "");
		clausier__buf_putc(out, '\n');
		S_para(out, ed, c->heading, num, hang);
		clausier__buf_putc(out, '\n');
		S_para(out, ed, c->body, hang, hang);
		if (c->fallback) {
			clausier__buf_putc(out, '\n');
			S_para(out, ed, clausier__chrome(ed, CLAUSIER__UNTRANSLATED), hang, hang);
		}
	}
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}

/* Bilingual: the title page in both languages, then each section title and
 * each clause in the first language and then the second, under one number. */
int clausier__render_text_pair(clausier__buf *out, const clausier__edition *a, const clausier__edition *b)
{
	const clausier__edition *both[2] = { a, b };
	for (int k = 0; k < 2; k++) {
		if (k)
			clausier__buf_putc(out, '\n');
		S_line(out, both[k], both[k]->title);
		/* A subtitle that reads the same in both (a name) is said once. */
		if (k == 0 || !a->subtitle || !b->subtitle || strcmp(a->subtitle, b->subtitle))
			S_line(out, both[k], both[k]->subtitle);
		S_line(out, both[k], both[k]->dateline);
		S_line(out, both[k], both[k]->revised);
		S_line(out, both[k], both[k]->prevailing);
	}
	long section = -1;
	for (size_t i = 0; i < a->nclauses; i++) {
		if (a->clauses[i].section != section && a->clauses[i].section >= 0) {
			section = a->clauses[i].section;
			clausier__buf_putc(out, '\n');
			for (int k = 0; k < 2; k++) {
				const char *title = both[k]->sections[section];
				S_line(out, both[k], title);
				size_t w = clausier__columns(title);
				for (size_t n = both[k]->width && w > both[k]->width ? both[k]->width : w; n > 0; n--)
					clausier__buf_putc(out, '=');
				clausier__buf_putc(out, '\n');
			}
		}
		char label[48], hang[32];
		clausier__number(label, sizeof label, a, i);
		snprintf(hang, sizeof hang, "%*s", a->width && a->genre != CLAUSIER_GENRE_CHARTE ? (int)strlen(label) + 1 : 0, "");
		for (int k = 0; k < 2; k++) {
			const clausier__rclause *c = &both[k]->clauses[i];
			char num[64];
			clausier__number(num, sizeof num, both[k], i);
			strcat(num, clausier__number_sep(both[k]));
			clausier__buf_putc(out, '\n');
			S_para(out, both[k], c->heading, num, hang);
			clausier__buf_putc(out, '\n');
			S_para(out, both[k], c->body, hang, hang);
			if (c->fallback) {
				clausier__buf_putc(out, '\n');
				S_para(out, both[k], clausier__chrome(both[k], CLAUSIER__UNTRANSLATED), hang, hang);
			}
		}
	}
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
