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
	char *line = NULL;
	size_t linecap = 0;
	int lineno = 0, fuzzy = 0;
	char **field = NULL; /* the string continuation lines add to */
	int rc = 0;
	while (getline(&line, &linecap, f) >= 0) {
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
		/* A keyword twice in one entry, or a msgstr before its msgid. */
		if ((is_id && cur->msgid) || (is_str && (cur->msgstr || !cur->msgid)))
			goto bad;
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
	free(line);
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
	free(line);
	po_free(e, n);
	snprintf(why, whylen, "%d:%s", lineno, "syntax");
	return -1;
oom:
	fclose(f);
	free(line);
	po_free(e, n);
	snprintf(why, whylen, "%d:%s", lineno, "memory");
	return -1;
}

/* ---- rewriting msgstrs in place (clausier check --fix) ---- */

static void S_escape(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		default: fputc(s[i], f);
		}
	}
}

/* Where old[i..] and new[j..] agree again (on K bytes, or both ending):
 * the smallest a + b, up to 64; -1 if none. */
static int S_resync(const char *o, size_t on, size_t i, const char *n, size_t nn, size_t j, size_t *a,
                    size_t *b)
{
	for (size_t d = 1; d <= 64; d++)
		for (size_t x = 0; x <= d; x++) {
			size_t y = d - x, oi = i + x, nj = j + y;
			if (oi > on || nj > nn)
				continue;
			size_t k = 0;
			while (k < 4 && oi + k < on && nj + k < nn && o[oi + k] == n[nj + k])
				k++;
			if (k == 4 || (oi + k == on && nj + k == nn)) {
				*a = x;
				*b = y;
				return 0;
			}
		}
	return -1;
}

int po_rewrite(const char *path, FILE *out, const po_fix *fixes, size_t nfixes)
{
	FILE *in = fopen(path, "r");
	if (!in)
		return -1;
	char *line = NULL;
	size_t linecap = 0;
	int lineno = 0;
	size_t next = 0;
	while (getline(&line, &linecap, in) >= 0) {
		lineno++;
		if (next >= nfixes || lineno != fixes[next].line) {
			fputs(line, out);
			continue;
		}
		/* The msgstr block: this line and its continuation lines. */
		char *lines[512];
		int nl = 0;
		lines[nl++] = strdup(line);
		long pos = ftell(in);
		while (nl < 512 && getline(&line, &linecap, in) >= 0) {
			const char *t = line;
			while (*t == ' ' || *t == '\t')
				t++;
			if (*t != '"') {
				fseek(in, pos, SEEK_SET);
				break;
			}
			lines[nl++] = strdup(line);
			pos = ftell(in);
			lineno++;
		}
		/* Each line's string, and which line each byte of the old text is on. */
		char *old = NULL;
		size_t on = 0;
		int *seg = NULL;
		for (int k = 0; k < nl; k++) {
			char *str = NULL;
			const char *q = strchr(lines[k], '"');
			if (!q || S_unquote(&str, q + 1) < 0) {
				free(str);
				str = strdup("");
			}
			size_t len = strlen(str);
			old = realloc(old, on + len + 1);
			seg = realloc(seg, (on + len + 1) * sizeof *seg);
			memcpy(old + on, str, len);
			for (size_t i = 0; i < len; i++)
				seg[on + i] = k;
			on += len;
			old[on] = '\0';
			free(str);
		}
		const char *new = fixes[next].text;
		size_t nn = strlen(new);
		int *nseg = malloc((nn + 1) * sizeof *nseg);
		size_t i = 0, j = 0;
		int ok = nseg != NULL;
		while (ok && j < nn) {
			if (i < on && old[i] == new[j]) {
				nseg[j++] = seg[i++];
				continue;
			}
			size_t a, b;
			if (S_resync(old, on, i, new, nn, j, &a, &b) < 0) {
				ok = 0;
				break;
			}
			int s = i < on ? seg[i] : (on ? seg[on - 1] : 0);
			for (size_t k = 0; k < b; k++)
				nseg[j + k] = s;
			i += a;
			j += b;
		}
		for (int k = 0; k < nl; k++) {
			if (!ok) {
				fputs(lines[k], out);
				free(lines[k]);
				continue;
			}
			/* Keep what stands before and after the string on its line. */
			char *q = strchr(lines[k], '"');
			char *end = strrchr(lines[k], '"');
			fwrite(lines[k], 1, (size_t)(q - lines[k]) + 1, out);
			for (size_t x = 0; x < nn; x++)
				if (nseg[x] == k)
					S_escape(out, new + x, 1);
			fputs(end, out);
			free(lines[k]);
		}
		free(old);
		free(seg);
		free(nseg);
		next++;
	}
	fclose(in);
	free(line);
	return ferror(out) ? -1 : 0;
}
