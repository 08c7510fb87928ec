/* A reader of PO files for `clausier check`: the entries, with the line of
 * each msgstr so that findings point at it.  libgettextpo gives no such
 * line, is GPL and exits on out-of-memory (doc/design.md), hence this.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *S_dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* Appends the C-style quoted string at q (after the opening quote) to *acc.
 * Returns 0, or -1 when the string is not closed. */
static int S_unquote(char **acc, const char *q)
{
	size_t have = *acc ? strlen(*acc) : 0, cap = have + strlen(q) + 1;
	char *out = realloc(*acc, cap);
	if (!out)
		return -1;
	*acc = out;
	char *o = out + have;
	for (; *q && *q != '"'; q++) {
		if (*q != '\\') {
			*o++ = *q;
			continue;
		}
		q++;
		switch (*q) {
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'r': *o++ = '\r'; break;
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\0': *o = '\0'; return -1;
		default: *o++ = *q;
		}
	}
	*o = '\0';
	return *q == '"' ? 0 : -1;
}

void po_free(po_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].msgctxt);
		free(e[i].msgid);
		free(e[i].msgstr);
	}
	free(e);
}

int po_read(const char *path, po_entry **out, size_t *count, char *lang, size_t langlen, char *why,
            size_t whylen)
{
	*out = NULL;
	*count = 0;
	lang[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(why, whylen, "0:%s", "cannot open");
		return -1;
	}
	po_entry *e = NULL;
	size_t n = 0, cap = 0;
	char line[65536];
	int lineno = 0, fuzzy = 0;
	char **field = NULL; /* the string continuation lines add to */
	int rc = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *l = line;
		l[strcspn(l, "\r\n")] = '\0';
		int obsolete = 0;
		if (!strncmp(l, "#~", 2)) {
			obsolete = 1;
			l += 2;
			while (*l == ' ')
				l++;
			if (*l == '|')
				continue; /* #~| previous */
		} else if (l[0] == '#') {
			if (l[1] == ',' && strstr(l, "fuzzy"))
				fuzzy = 1;
			continue;
		}
		while (*l == ' ' || *l == '\t')
			l++;
		if (!*l) {
			field = NULL;
			continue;
		}
		if (*l == '"') {
			if (!field || S_unquote(field, l + 1) < 0)
				goto bad;
			continue;
		}
		const char *kw = l;
		size_t kwlen = strcspn(l, " \t");
		const char *q = strchr(l, '"');
		if (!q)
			goto bad;
		int is_ctxt = kwlen == 7 && !strncmp(kw, "msgctxt", 7);
		int is_id = kwlen == 5 && !strncmp(kw, "msgid", 5);
		int is_str = (kwlen == 6 && !strncmp(kw, "msgstr", 6)) || !strncmp(kw, "msgstr[0]", 9);
		int is_other = !strncmp(kw, "msgid_plural", 12) || !strncmp(kw, "msgstr[", 7);
		if (is_ctxt || (is_id && (n == 0 || e[n - 1].msgstr))) {
			/* A new entry. */
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				po_entry *p = realloc(e, cap * sizeof *e);
				if (!p)
					goto oom;
				e = p;
			}
			memset(&e[n], 0, sizeof e[n]);
			e[n].line = lineno;
			e[n].fuzzy = fuzzy;
			e[n].obsolete = obsolete;
			n++;
			fuzzy = 0;
		}
		if (!n)
			goto bad;
		po_entry *cur = &e[n - 1];
		if (is_ctxt)
			field = &cur->msgctxt;
		else if (is_id)
			field = &cur->msgid;
		else if (is_str) {
			field = &cur->msgstr;
			cur->msgstr_line = lineno;
		} else if (is_other)
			field = NULL; /* plural forms: catalogs use ICU plurals */
		else
			goto bad;
		if (field) {
			if (!*field && !(*field = S_dup("")))
				goto oom;
			if (S_unquote(field, q + 1) < 0)
				goto bad;
		}
	}
	fclose(f);
	/* The header: its Language field. */
	for (size_t i = 0; i < n; i++)
		if (e[i].msgid && !e[i].msgid[0] && !e[i].msgctxt && e[i].msgstr) {
			const char *p = strstr(e[i].msgstr, "Language: ");
			if (p) {
				p += 10;
				size_t len = strcspn(p, "\n");
				snprintf(lang, langlen, "%.*s", (int)len, p);
				for (char *c = lang; *c; c++)
					if (*c == '_')
						*c = '-';
			}
		}
	*out = e;
	*count = n;
	return rc;
bad:
	fclose(f);
	po_free(e, n);
	snprintf(why, whylen, "%d:%s", lineno, "syntax");
	return -1;
oom:
	fclose(f);
	po_free(e, n);
	snprintf(why, whylen, "%d:%s", lineno, "memory");
	return -1;
}
