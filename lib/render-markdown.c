/* CommonMark back end.  Every text is escaped so that a CommonMark parser
 * reads it back as the same plain text: nothing in a catalog or a value
 * becomes emphasis, a link, HTML or a heading.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <string.h>

/* Backslash before every ASCII punctuation character that can open or close
 * an inline construct, and before what would start a block at the head of a
 * paragraph (CommonMark allows a backslash before any ASCII punctuation). */
static void S_escape(clausier__buf *b, const char *s)
{
	const char *p = s;
	/* What the loop below does not escape anyway. */
	if (*p == '+' || *p == '-' || *p == '=') {
		clausier__buf_putc(b, '\\');
	} else {
		const char *d = p;
		while (*d >= '0' && *d <= '9')
			d++;
		if (d > p && (*d == '.' || *d == ')')) {
			clausier__buf_add(b, p, (size_t)(d - p));
			clausier__buf_putc(b, '\\');
			p = d;
		}
	}
	for (; *p; p++) {
		if (strchr("\\`*_[]<>&!~|#{}", *p))
			clausier__buf_putc(b, '\\');
		clausier__buf_putc(b, *p);
	}
}

int clausier__render_markdown(clausier__buf *out, const clausier__edition *ed)
{
	clausier__buf_puts(out, "# ");
	S_escape(out, ed->title);
	clausier__buf_puts(out, "\n");
	if (ed->subtitle) {
		clausier__buf_puts(out, "\n**");
		S_escape(out, ed->subtitle);
		clausier__buf_puts(out, "**\n");
	}
	if (ed->dateline) {
		clausier__buf_puts(out, "\n");
		S_escape(out, ed->dateline);
		clausier__buf_puts(out, "\n");
	}
	if (ed->revised) {
		clausier__buf_puts(out, "\n");
		S_escape(out, ed->revised);
		clausier__buf_puts(out, "\n");
	}
	if (ed->prevailing) {
		clausier__buf_puts(out, "\n*");
		S_escape(out, ed->prevailing);
		clausier__buf_puts(out, "*\n");
	}
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			section = c->section;
			clausier__buf_puts(out, "\n## ");
			S_escape(out, ed->sections[section]);
			clausier__buf_puts(out, "\n");
		}
		char num[64], label[48];
		clausier__number(label, sizeof label, ed, i);
		/* One level below the sections, if there are any. */
		snprintf(num, sizeof num, "\n%s %s%s", ed->nsections ? "###" : "##", label, clausier__number_sep(ed));
		clausier__buf_puts(out, num);
		S_escape(out, c->heading);
		clausier__buf_puts(out, "\n\n");
		S_escape(out, c->body);
		clausier__buf_putc(out, '\n');
		if (c->fallback) {
			clausier__buf_puts(out, "\n*");
			S_escape(out, clausier__chrome(ed, CLAUSIER__UNTRANSLATED));
			clausier__buf_puts(out, "*\n");
		}
	}
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
