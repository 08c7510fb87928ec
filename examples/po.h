/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_PO_H
#define CLAUSIER_PO_H

#include <stddef.h>

typedef struct {
	int line;        /* where the entry starts */
	int msgstr_line; /* where its msgstr starts */
	char *msgctxt, *msgid, *msgstr; /* unquoted; NULL when absent */
	int fuzzy, obsolete;
} po_entry;

/* Reads a PO file.  *lang gets the header's Language (fr_CA as fr-CA).  On
 * failure returns -1 and why holds "LINE:what" (what: cannot open, syntax,
 * memory). */
int po_read(const char *path, po_entry **out, size_t *count, char *lang, size_t langlen, char *why,
            size_t whylen);
void po_free(po_entry *e, size_t n);

/* A msgstr to rewrite: the line where it starts, and its new text. */
typedef struct {
	int line;
	const char *text;
} po_fix;

/* Copies path to out with the given msgstrs replaced (fixes in line order),
 * each split over the same lines as before: the new text is aligned with
 * the old one so that every change stays on the line it belongs to, and
 * nothing else in the file changes.  A msgstr that cannot be aligned is
 * left as it was.  Returns 0, or -1 on a read or write error. */
#include <stdio.h>
int po_rewrite(const char *path, FILE *out, const po_fix *fixes, size_t nfixes);

#endif
