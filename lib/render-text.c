/* Plain-text back end: one paragraph a line, numbered clauses.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>

int clausier__render_text(clausier__buf *out, const clausier__edition *ed)
{
	clausier__buf_puts(out, ed->title);
	clausier__buf_putc(out, '\n');
	if (ed->subtitle) {
		clausier__buf_puts(out, ed->subtitle);
		clausier__buf_putc(out, '\n');
	}
	if (ed->dateline) {
		clausier__buf_puts(out, ed->dateline);
		clausier__buf_putc(out, '\n');
	}
	for (size_t i = 0; i < ed->nclauses; i++) {
		char num[32];
		snprintf(num, sizeof num, "\n%zu. ", i + 1);
		clausier__buf_puts(out, num);
		clausier__buf_puts(out, ed->clauses[i].heading);
		clausier__buf_puts(out, "\n\n");
		clausier__buf_puts(out, ed->clauses[i].body);
		clausier__buf_putc(out, '\n');
	}
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
