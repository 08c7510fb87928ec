/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER__PO_H
#define CLAUSIER__PO_H

#include <stddef.h>

typedef struct {
	int line;        /* where the entry starts */
	int msgstr_line; /* where its msgstr starts */
	int msgstr_end;  /* the line of its msgstr's last string */
	char *msgctxt, *msgid, *msgstr; /* unquoted; NULL when absent */
	int fuzzy, obsolete;
	size_t piece, npieces; /* po.c's: where the msgstr's strings are */
} clausier__po_entry;

/* Reads a PO file (clausier__po_read_memory on its bytes).  On failure returns -1 and
 * why holds "LINE:what" (what: cannot open, syntax, memory); after "cannot
 * open", errno says why. */
int clausier__po_read(const char *path, clausier__po_entry **out, size_t *count, char *lang, size_t langlen, char *why,
            size_t whylen);

/* Reads the PO file in data[0..len).  *lang gets the header's Language
 * (fr_CA as fr-CA).  Strings are decoded by gettext's rules (\n \t \r \a \b
 * \f \v \" \\, octal \ooo, hex \xhh...); an unknown escape, or one that
 * makes a NUL byte, is a syntax error, as is anything but a comment after a
 * string on its line. */
int clausier__po_read_memory(const char *data, size_t len, clausier__po_entry **out, size_t *count, char *lang, size_t langlen,
                   char *why, size_t whylen);
void clausier__po_free(clausier__po_entry *e, size_t n);

/* The bytes of the file at path, NUL-terminated (*len without the NUL); -1
 * with errno set when it cannot be read. */
int clausier__po_slurp(const char *path, char **data, size_t *len);

/* A msgstr to rewrite: the line where it starts, its new text, and whether
 * clausier__po_rewrite set it. */
typedef struct {
	int line;
	const char *text;
	int applied;
} clausier__po_fix;

/* Rewrites the PO file data[0..len) with the given msgstrs replaced (fixes
 * in line order), into *out (malloc'd, NUL-terminated, *outlen bytes).  Each
 * new text is split over the same strings as the old one: it is aligned
 * with the old text byte by byte (resynchronising within 64 bytes) so that
 * every change lands on the line it belongs to, and what did not change
 * keeps its spelling (escapes included).  Nothing outside the strings of
 * the fixed msgstrs changes.  A fix whose line starts no msgstr, whose text
 * is the msgstr's already, or that cannot be aligned is not applied;
 * fixes[i].applied says which were.
 *
 * Before returning, the result is read again and compared with the input:
 * every applied msgstr must decode to exactly its new text, every other
 * entry must read the same, and the bytes outside the applied strings must
 * be identical.  Returns 0; -1 on memory exhaustion or when data does not
 * read; -2 when that verification fails, with *bad_line the line where
 * (then *out is NULL: nothing is to be written). */
int clausier__po_rewrite(const char *data, size_t len, clausier__po_fix *fixes, size_t nfixes, char **out, size_t *outlen,
               int *bad_line);

#endif
