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

#endif
