/* A reader of PO files for the translators' checks (lib/translate.c): the entries, with the line of
 * each msgstr so that findings point at it, and the rewriting of msgstrs
 * for --fix.  libgettextpo gives no such line, is GPL and exits on
 * out-of-memory (doc/design.md), hence this.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"
#include "po.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- strings ---- */

/* Where a string's text is: data[from..to) between its quotes, on line. */
typedef struct {
	size_t from, to;
	int line;
} S_piece;

static int S_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One unit of a quoted string at p (before end, the end of its line): a
 * byte as written, or an escape by gettext's rules (po-lex.c: \n \t \b \r
 * \f \v \a \\ \", one to three octal digits, \x and any number of hex
 * digits, the value kept to a byte).  Returns the length of its spelling
 * with the byte in *c, 0 at the closing quote, or -1 where the string does
 * not go on: the end of the line, an escape gettext does not know, or a
 * NUL byte (at which msgfmt silently cuts the string). */
static long S_unit(const char *p, const char *end, char *c)
{
	if (p >= end)
		return -1;
	if (*p == '"')
		return 0;
	if (*p != '\\') {
		*c = *p;
		return 1;
	}
	const char *q = p + 1;
	if (q >= end)
		return -1;
	unsigned v = 0;
	switch (*q) {
	case 'n': *c = '\n'; return 2;
	case 't': *c = '\t'; return 2;
	case 'b': *c = '\b'; return 2;
	case 'r': *c = '\r'; return 2;
	case 'f': *c = '\f'; return 2;
	case 'v': *c = '\v'; return 2;
	case 'a': *c = '\a'; return 2;
	case '\\': *c = '\\'; return 2;
	case '"': *c = '"'; return 2;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		for (int k = 0; k < 3 && q < end && *q >= '0' && *q <= '7'; k++, q++)
			v = v * 8 + (unsigned)(*q - '0');
		break;
	case 'x':
		q++;
		if (q >= end || S_hex(*q) < 0)
			return -1;
		for (; q < end && S_hex(*q) >= 0; q++)
			v = (v * 16 + (unsigned)S_hex(*q)) & 0xff;
		break;
	default: return -1;
	}
	v &= 0xff;
	if (!v)
		return -1;
	*c = (char)v;
	return (long)(q - p);
}

/* The strings of a line from l (an opening quote) to end: each decoded onto
 * b (NULL: only read) and, when pieces is given, recorded there.  After a
 * string come blanks, another string, or a comment, which ends the field
 * (*ended), as for msgfmt.  Returns the number of strings, or -1 (-2 when
 * out of memory). */
static int S_strings(const char *data, const char *l, const char *end, int line, clausier__buf *b, S_piece **pieces,
                     size_t *np, size_t *pcap, int *ended)
{
	*ended = 0;
	int count = 0;
	while (l < end && *l == '"') {
		const char *from = ++l;
		for (;;) {
			/* a run of bytes as written, in one piece */
			const char *run = l;
			while (l < end && *l != '"' && *l != '\\')
				l++;
			if (b && l > run)
				clausier__buf_add(b, run, (size_t)(l - run));
			char c;
			long k = S_unit(l, end, &c);
			if (k < 0)
				return -1;
			if (k == 0)
				break;
			if (b)
				clausier__buf_putc(b, c);
			l += k;
		}
		if (b && b->failed)
			return -2;
		if (pieces) {
			if (*np == *pcap) {
				size_t cap = *pcap ? *pcap * 2 : 64;
				S_piece *p = realloc(*pieces, cap * sizeof *p);
				if (!p)
					return -2;
				*pieces = p;
				*pcap = cap;
			}
			(*pieces)[(*np)++] = (S_piece){ (size_t)(from - data), (size_t)(l - data), line };
		}
		count++;
		l++; /* the closing quote */
		while (l < end && (*l == ' ' || *l == '\t'))
			l++;
		if (l < end && *l == '#') {
			*ended = 1;
			return count;
		}
	}
	return l == end ? count : -1;
}

/* ---- reading ---- */

void clausier__po_free(clausier__po_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].msgctxt);
		free(e[i].msgid);
		free(e[i].msgstr);
	}
	free(e);
}

enum { S_NONE, S_SKIP, S_CTXT, S_ID, S_STR };

/* The field being read is finished: it goes to its entry. */
static void S_commit(clausier__po_entry *e, size_t n, int which, clausier__buf *b)
{
	char *text = b->data;
	if (!text && which != S_NONE && which != S_SKIP && !b->failed) {
		text = malloc(1);
		if (text)
			text[0] = '\0';
		else
			b->failed = 1;
	}
	char **to = which == S_CTXT ? &e[n - 1].msgctxt : which == S_ID ? &e[n - 1].msgid
	            : which == S_STR ? &e[n - 1].msgstr : NULL;
	if (to && !b->failed)
		*to = text;
	else
		free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* The reader, with where each entry's msgstr strings are in data. */
static int S_parse(const char *data, size_t len, clausier__po_entry **out, size_t *count, char *lang, size_t langlen,
                   S_piece **pieces_out, size_t *npieces_out, char *why, size_t whylen)
{
	*out = NULL;
	*count = 0;
	if (langlen)
		lang[0] = '\0';
	if (pieces_out) {
		*pieces_out = NULL;
		*npieces_out = 0;
	}
	clausier__po_entry *e = NULL;
	size_t n = 0, cap = 0;
	S_piece *pieces = NULL;
	size_t np = 0, pcap = 0;
	clausier__buf field = { 0 };
	int which = S_NONE; /* the field that strings on the next lines add to */
	int lineno = 0, fuzzy = 0;
	int memory = 0;
	const char *p = data, *stop = data + len;
	while (p < stop) {
		const char *nl = memchr(p, '\n', (size_t)(stop - p));
		const char *eol = nl ? nl : stop;
		const char *l = p, *end = p;
		while (end < eol && *end != '\r' && *end != '\0')
			end++;
		p = nl ? nl + 1 : stop;
		lineno++;
		int obsolete = 0;
		while (l < end && (*l == ' ' || *l == '\t'))
			l++;
		if (end - l >= 2 && l[0] == '#' && l[1] == '~') {
			obsolete = 1;
			l += 2;
			while (l < end && *l == ' ')
				l++;
			if (l < end && *l == '|') {
				S_commit(e, n, which, &field);
				which = S_NONE;
				continue; /* #~| previous */
			}
		} else if (l < end && l[0] == '#') {
			/* A comment ends the strings before it, as for msgfmt. */
			S_commit(e, n, which, &field);
			which = S_NONE;
			if (end - l >= 2 && l[1] == ',')
				for (const char *f = l; f + 5 <= end; f++)
					if (!memcmp(f, "fuzzy", 5)) {
						fuzzy = 1;
						break;
					}
			continue;
		}
		while (l < end && (*l == ' ' || *l == '\t'))
			l++;
		if (l == end) {
			S_commit(e, n, which, &field);
			which = S_NONE;
			continue;
		}
		if (*l == '"') {
			if (which == S_NONE)
				goto bad;
			int ended;
			int k = S_strings(data, l, end, lineno, which == S_SKIP ? NULL : &field,
			                  which == S_STR ? &pieces : NULL, &np, &pcap, &ended);
			if (k == -2)
				goto oom;
			if (k < 0)
				goto bad;
			if (which == S_STR) {
				e[n - 1].npieces += (size_t)k;
				e[n - 1].msgstr_end = lineno;
			}
			if (ended) {
				S_commit(e, n, which, &field);
				which = S_NONE;
			}
			continue;
		}
		S_commit(e, n, which, &field);
		which = S_NONE;
		if (field.failed)
			goto oom;
		const char *kw = l;
		while (l < end && ((*l >= 'a' && *l <= 'z') || (*l >= '0' && *l <= '9') || *l == '_' || *l == '[' ||
		                   *l == ']'))
			l++;
		size_t kwlen = (size_t)(l - kw);
		while (l < end && (*l == ' ' || *l == '\t'))
			l++;
		if (l == end || *l != '"')
			goto bad;
		int kind = S_NONE;
		if (kwlen == 7 && !memcmp(kw, "msgctxt", 7))
			kind = S_CTXT;
		else if (kwlen == 5 && !memcmp(kw, "msgid", 5))
			kind = S_ID;
		else if ((kwlen == 6 && !memcmp(kw, "msgstr", 6)) || (kwlen == 9 && !memcmp(kw, "msgstr[0]", 9)))
			kind = S_STR;
		else if (kwlen == 12 && !memcmp(kw, "msgid_plural", 12))
			kind = S_SKIP; /* plural forms: catalogs use ICU plurals */
		else if (kwlen > 8 && !memcmp(kw, "msgstr[", 7) && kw[kwlen - 1] == ']' &&
		         strspn(kw + 7, "0123456789") == kwlen - 8)
			kind = S_SKIP;
		else
			goto bad;
		if (kind == S_CTXT || (kind == S_ID && (n == 0 || e[n - 1].msgstr))) {
			/* A new entry. */
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				clausier__po_entry *ne = realloc(e, cap * sizeof *e);
				if (!ne)
					goto oom;
				e = ne;
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
		clausier__po_entry *cur = &e[n - 1];
		/* A keyword twice in one entry, or a msgstr before its msgid. */
		if ((kind == S_ID && cur->msgid) || (kind == S_STR && (cur->msgstr || !cur->msgid)))
			goto bad;
		if (kind == S_STR) {
			cur->msgstr_line = cur->msgstr_end = lineno;
			cur->piece = np;
		}
		which = kind;
		int ended;
		int k = S_strings(data, l, end, lineno, kind == S_SKIP ? NULL : &field, kind == S_STR ? &pieces : NULL,
		                  &np, &pcap, &ended);
		if (k == -2)
			goto oom;
		if (k < 0)
			goto bad;
		if (kind == S_STR)
			cur->npieces = (size_t)k;
		if (ended) {
			S_commit(e, n, which, &field);
			which = S_NONE;
		}
	}
	S_commit(e, n, which, &field);
	if (field.failed)
		goto oom;
	/* The header: its Language field. */
	for (size_t i = 0; i < n && langlen; i++)
		if (e[i].msgid && !e[i].msgid[0] && !e[i].msgctxt && e[i].msgstr) {
			const char *f = strstr(e[i].msgstr, "Language: ");
			if (f) {
				f += 10;
				size_t flen = strcspn(f, "\n");
				snprintf(lang, langlen, "%.*s", (int)flen, f);
				for (char *c = lang; *c; c++)
					if (*c == '_')
						*c = '-';
			}
		}
	*out = e;
	*count = n;
	if (pieces_out) {
		*pieces_out = pieces;
		*npieces_out = np;
	} else {
		free(pieces);
	}
	return 0;
oom:
	memory = 1;
bad:
	free(field.data);
	clausier__po_free(e, n);
	free(pieces);
	snprintf(why, whylen, "%d:%s", lineno, memory ? "memory" : "syntax");
	return -1;
}

int clausier__po_read_memory(const char *data, size_t len, clausier__po_entry **out, size_t *count, char *lang, size_t langlen,
                   char *why, size_t whylen)
{
	return S_parse(data, len, out, count, lang, langlen, NULL, NULL, why, whylen);
}

int clausier__po_slurp(const char *path, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	clausier__buf b = { 0 };
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		clausier__buf_add(&b, chunk, got);
	int e = ferror(f) ? (errno ? errno : EIO) : b.failed ? ENOMEM : 0;
	fclose(f);
	if (!e && !b.data)
		clausier__buf_add(&b, "", 0);
	if (e || b.failed) {
		free(b.data);
		errno = e ? e : ENOMEM;
		return -1;
	}
	*data = b.data;
	*len = b.len;
	return 0;
}

int clausier__po_read(const char *path, clausier__po_entry **out, size_t *count, char *lang, size_t langlen, char *why,
            size_t whylen)
{
	char *data;
	size_t len;
	*out = NULL;
	*count = 0;
	if (clausier__po_slurp(path, &data, &len) < 0) {
		int e = errno;
		snprintf(why, whylen, "0:%s", "cannot open");
		errno = e;
		return -1;
	}
	int rc = clausier__po_read_memory(data, len, out, count, lang, langlen, why, whylen);
	free(data);
	return rc;
}

/* ---- rewriting msgstrs (clausier check --fix) ---- */

/* Byte c as gettext writes it in a string.  Other control bytes take three
 * octal digits, which no following digit can extend. */
static void S_escape(clausier__buf *b, char c)
{
	char tmp[8];
	switch (c) {
	case '\n': clausier__buf_add(b, "\\n", 2); break;
	case '\t': clausier__buf_add(b, "\\t", 2); break;
	case '\r': clausier__buf_add(b, "\\r", 2); break;
	case '\a': clausier__buf_add(b, "\\a", 2); break;
	case '\b': clausier__buf_add(b, "\\b", 2); break;
	case '\f': clausier__buf_add(b, "\\f", 2); break;
	case '\v': clausier__buf_add(b, "\\v", 2); break;
	case '"': clausier__buf_add(b, "\\\"", 2); break;
	case '\\': clausier__buf_add(b, "\\\\", 2); break;
	default:
		if ((unsigned char)c < 0x20 || c == 0x7f) {
			snprintf(tmp, sizeof tmp, "\\%03o", (unsigned char)c);
			clausier__buf_add(b, tmp, 4);
		} else {
			clausier__buf_putc(b, c);
		}
	}
}

/* Where old[i..] and new[j..] agree again (on 4 bytes, or both ending):
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

#define S_INSERTED SIZE_MAX

/* Writes entry e's msgstr strings with text new in place: data[*at..) up to
 * each string, then its share of the new text; *at moves past the last
 * string.  Returns 1, 0 when the texts cannot be aligned (nothing written),
 * -1 when out of memory. */
static int S_rewrite_one(clausier__buf *o, const char *data, size_t *at, const clausier__po_entry *e, const S_piece *pc,
                         const char *new)
{
	const char *old = e->msgstr;
	size_t on = strlen(old), nn = strlen(new), np = e->npieces;
	if (!np)
		return 0;
	/* Each old byte's string, and where its spelling starts in data. */
	size_t *seg = malloc((on + 1) * sizeof *seg), *start = malloc((on + 1) * sizeof *start);
	size_t *nseg = malloc((nn + 1) * sizeof *nseg), *src = malloc((nn + 1) * sizeof *src);
	int rc = -1;
	if (!seg || !start || !nseg || !src)
		goto done;
	size_t i = 0, j = 0;
	for (size_t q = 0; q < np; q++)
		for (size_t x = pc[q].from; x < pc[q].to;) {
			char c;
			long k = S_unit(data + x, data + pc[q].to, &c);
			if (k <= 0 || i >= on || c != old[i])
				goto done; /* not what the reader read: cannot happen */
			seg[i] = q;
			start[i++] = x;
			x += (size_t)k;
		}
	if (i != on)
		goto done;
	/* Each new byte's string, and the old byte it is (S_INSERTED: none). */
	i = 0;
	while (j < nn) {
		if (i < on && old[i] == new[j]) {
			nseg[j] = seg[i];
			src[j++] = i++;
			continue;
		}
		size_t a, b;
		if (S_resync(old, on, i, new, nn, j, &a, &b) < 0) {
			rc = 0;
			goto done;
		}
		size_t s = i < on ? seg[i] : on ? seg[on - 1] : 0;
		for (size_t k = 0; k < b; k++) {
			nseg[j + k] = s;
			src[j + k] = S_INSERTED;
		}
		i += a;
		j += b;
	}
	j = 0;
	for (size_t q = 0; q < np; q++) {
		clausier__buf_add(o, data + *at, pc[q].from - *at);
		for (; j < nn && nseg[j] == q; j++) {
			size_t x = src[j];
			if (x == S_INSERTED) {
				S_escape(o, new[j]);
				continue;
			}
			/* The old spelling, unless it is a numeric escape whose
			 * neighbour changed: "\1" then an inserted "2" would read
			 * "\12". */
			size_t from = start[x], to = x + 1 < on && seg[x + 1] == q ? start[x + 1] : pc[q].to;
			int numeric = data[from] == '\\' && ((data[from + 1] >= '0' && data[from + 1] <= '7') ||
			                                     data[from + 1] == 'x');
			int last_new = j + 1 == nn || nseg[j + 1] != q, last_old = x + 1 == on || seg[x + 1] != q;
			int same_next = last_new ? last_old : !last_old && src[j + 1] == x + 1;
			if (numeric && !same_next)
				S_escape(o, new[j]);
			else
				clausier__buf_add(o, data + from, to - from);
		}
		*at = pc[q].to;
	}
	rc = o->failed ? -1 : 1;
done:
	free(seg);
	free(start);
	free(nseg);
	free(src);
	return rc;
}

static int S_same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The line of data[off]. */
static int S_line_of(const char *data, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += data[i] == '\n';
	return line;
}

/* The result read again against the input (clausier__po_rewrite). */
static int S_verify(const char *old, size_t oldlen, const clausier__po_entry *e, size_t n, const S_piece *pc,
                    const char *const *want, const char *new, size_t newlen, int *bad_line)
{
	clausier__po_entry *f;
	size_t m, nq;
	S_piece *qc;
	char lang[1], why[64];
	if (S_parse(new, newlen, &f, &m, lang, 0, &qc, &nq, why, sizeof why) < 0) {
		if (strstr(why, "memory"))
			return -1;
		*bad_line = atoi(why);
		return -2;
	}
	int rc = 0;
	size_t oat = 0, nat = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		const clausier__po_entry *a = &e[k];
		if (k >= m) {
			*bad_line = a->line;
			rc = -2;
			break;
		}
		const clausier__po_entry *b = &f[k];
		if (a->line != b->line || a->msgstr_line != b->msgstr_line || a->msgstr_end != b->msgstr_end ||
		    a->fuzzy != b->fuzzy || a->obsolete != b->obsolete || a->npieces != b->npieces ||
		    !S_same(a->msgctxt, b->msgctxt) || !S_same(a->msgid, b->msgid) ||
		    !S_same(want[k] ? want[k] : a->msgstr, b->msgstr)) {
			*bad_line = a->msgstr_line ? a->msgstr_line : a->line;
			rc = -2;
			break;
		}
		if (!want[k])
			continue;
		/* The bytes up to each string of the rewritten msgstr are the same. */
		for (size_t q = 0; q < a->npieces; q++) {
			const S_piece *op = &pc[a->piece + q], *nq_ = &qc[b->piece + q];
			if (op->from - oat != nq_->from - nat || memcmp(old + oat, new + nat, op->from - oat)) {
				*bad_line = op->line;
				rc = -2;
				break;
			}
			oat = op->to;
			nat = nq_->to;
		}
	}
	if (!rc && m != n) {
		*bad_line = f[n].line;
		rc = -2;
	}
	if (!rc && (oldlen - oat != newlen - nat || memcmp(old + oat, new + nat, oldlen - oat))) {
		size_t d = 0;
		while (oat + d < oldlen && nat + d < newlen && old[oat + d] == new[nat + d])
			d++;
		*bad_line = S_line_of(old, oat + d);
		rc = -2;
	}
	clausier__po_free(f, m);
	free(qc);
	return rc;
}

int clausier__po_rewrite(const char *data, size_t len, clausier__po_fix *fixes, size_t nfixes, char **out, size_t *outlen,
               int *bad_line)
{
	*out = NULL;
	*outlen = 0;
	*bad_line = 0;
	for (size_t f = 0; f < nfixes; f++)
		fixes[f].applied = 0;
	clausier__po_entry *e;
	size_t n, np;
	S_piece *pc;
	char lang[1], why[64];
	if (S_parse(data, len, &e, &n, lang, 0, &pc, &np, why, sizeof why) < 0) {
		*bad_line = atoi(why);
		return -1;
	}
	const char **want = calloc(n ? n : 1, sizeof *want);
	clausier__buf o = { 0 };
	size_t at = 0, k = 0;
	int rc = want ? 0 : -1;
	for (size_t f = 0; f < nfixes && !rc; f++) {
		while (k < n && e[k].msgstr_line < fixes[f].line)
			k++;
		if (k == n || e[k].msgstr_line != fixes[f].line || !e[k].msgstr || !fixes[f].text)
			continue;
		if (strcmp(e[k].msgstr, fixes[f].text)) {
			int r = S_rewrite_one(&o, data, &at, &e[k], pc + e[k].piece, fixes[f].text);
			if (r < 0)
				rc = -1;
			else if (r > 0) {
				fixes[f].applied = 1;
				want[k] = fixes[f].text;
			}
		}
		k++;
	}
	if (!rc) {
		clausier__buf_add(&o, data + at, len - at);
		if (!o.data)
			clausier__buf_add(&o, "", 0);
		if (o.failed)
			rc = -1;
	}
	if (!rc)
		rc = S_verify(data, len, e, n, pc, want, o.data, o.len, bad_line);
	if (rc) {
		free(o.data);
		for (size_t f = 0; f < nfixes; f++)
			fixes[f].applied = 0;
	} else {
		*out = o.data;
		*outlen = o.len;
	}
	free(want);
	clausier__po_free(e, n);
	free(pc);
	return rc;
}
