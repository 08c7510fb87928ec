/* Plain-text back end: one paragraph a line, section titles underlined,
 * clauses numbered through the whole edition.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>

/* Characters, not bytes: the underline matches what a reader sees. */
static size_t S_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void S_line(clausier__buf *out, const char *s)
{
	if (!s)
		return;
	clausier__buf_puts(out, s);
	clausier__buf_putc(out, '\n');
}

int clausier__render_text(clausier__buf *out, const clausier__edition *ed)
{
	S_line(out, ed->title);
	S_line(out, ed->subtitle);
	S_line(out, ed->dateline);
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			section = c->section;
			const char *title = ed->sections[section];
			clausier__buf_putc(out, '\n');
			S_line(out, title);
			for (size_t k = S_width(title); k > 0; k--)
				clausier__buf_putc(out, '=');
			clausier__buf_putc(out, '\n');
		}
		char num[32];
		snprintf(num, sizeof num, "\n%zu. ", i + 1);
		clausier__buf_puts(out, num);
		S_line(out, c->heading);
		clausier__buf_putc(out, '\n');
		S_line(out, c->body);
		if (c->fallback) {
			clausier__buf_putc(out, '\n');
			S_line(out, clausier__chrome(ed, CLAUSIER__UNTRANSLATED));
		}
	}
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
