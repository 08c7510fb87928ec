/* libFuzzer target (make fuzz): any bytes as a PO file rewritten as
 * `clausier check --fix` rewrites it (lib/po.c, clausier__po_rewrite), in memory.
 * The fixes are each translation set in the header language's typography,
 * as --fix sets it, and, for every third entry, its text with bytes that
 * need escapes inserted in the middle, so that the alignment and the
 * escaping get texts typography never makes.  Then, independently of
 * clausier__po_rewrite's own read-back, the invariant --fix promises:
 *
 *   - clausier__po_rewrite's verification never fails (that would be its bug);
 *   - the rewritten bytes read again, with the same entries, in the same
 *     places (lines), with the same msgctxt, msgid and flags;
 *   - the msgstr of an applied fix is exactly its text, every other one is
 *     as before, and as many msgstrs changed as clausier__po_rewrite says it applied;
 *   - the file has as many lines, and every line outside an applied
 *     msgstr is byte for byte the same;
 *   - rewriting the result with the same fixes changes nothing.
 *
 * A broken invariant aborts, which libFuzzer reports as a crash. */
#include <clausier.h>

#include "po.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_ASSERT(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "fuzz-fix: %s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			abort(); \
		} \
	} while (0)

static int S_same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The line starting at p (up to its '\n' or stop). */
static size_t S_linelen(const char *p, const char *stop)
{
	const char *nl = memchr(p, '\n', (size_t)(stop - p));
	return (size_t)((nl ? nl : stop) - p);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	const char *data = (const char *)bytes;
	clausier__po_entry *e;
	size_t n;
	char lang[32], why[64];
	if (clausier__po_read_memory(data, size, &e, &n, lang, sizeof lang, why, sizeof why) < 0)
		return 0;
	const char *target = lang[0] ? lang : "fr";
	clausier__po_fix *fixes = calloc(n ? n : 1, sizeof *fixes);
	char **texts = calloc(n ? n : 1, sizeof *texts);
	size_t *which = calloc(n ? n : 1, sizeof *which); /* the entry of each fix */
	size_t nfixes = 0;
	if (!fixes || !texts || !which)
		goto done;
	for (size_t i = 0; i < n; i++) {
		if (!e[i].msgstr || !e[i].msgstr_line)
			continue;
		char *t = NULL;
		if (clausier_typeset(&t, e[i].msgstr, target) != CLAUSIER_OK)
			continue;
		if (!strcmp(t, e[i].msgstr) && i % 3 == 0) {
			static const char extra[] = "\"\\\n\t\x01\x7f" "7x";
			size_t len = strlen(e[i].msgstr), half = len / 2;
			char *m = malloc(len + sizeof extra);
			if (m) {
				memcpy(m, e[i].msgstr, half);
				memcpy(m + half, extra, sizeof extra - 1);
				strcpy(m + half + sizeof extra - 1, e[i].msgstr + half);
				clausier_free(t);
				t = NULL;
				texts[i] = m;
			}
		} else {
			/* one allocator for all texts: copy */
			texts[i] = strdup(t);
		}
		clausier_free(t);
		if (!texts[i])
			continue;
		which[nfixes] = i;
		fixes[nfixes].line = e[i].msgstr_line;
		fixes[nfixes++].text = texts[i];
	}
	char *out = NULL;
	size_t outlen = 0;
	int bad_line = 0;
	int rc = clausier__po_rewrite(data, size, fixes, nfixes, &out, &outlen, &bad_line);
	S_ASSERT(rc != -2);
	if (rc < 0)
		goto done;
	/* The entries again. */
	clausier__po_entry *f;
	size_t m;
	S_ASSERT(clausier__po_read_memory(out, outlen, &f, &m, lang, sizeof lang, why, sizeof why) == 0);
	S_ASSERT(m == n);
	size_t applied = 0, changed = 0;
	char *touched = calloc(n ? n : 1, 1);
	S_ASSERT(touched);
	for (size_t k = 0; k < nfixes; k++)
		if (fixes[k].applied) {
			applied++;
			touched[which[k]] = 1;
		}
	for (size_t i = 0; i < n; i++) {
		S_ASSERT(e[i].line == f[i].line && e[i].msgstr_line == f[i].msgstr_line &&
		         e[i].msgstr_end == f[i].msgstr_end);
		S_ASSERT(e[i].fuzzy == f[i].fuzzy && e[i].obsolete == f[i].obsolete);
		S_ASSERT(S_same(e[i].msgctxt, f[i].msgctxt) && S_same(e[i].msgid, f[i].msgid));
		S_ASSERT(S_same(touched[i] ? texts[i] : e[i].msgstr, f[i].msgstr));
		changed += !S_same(e[i].msgstr, f[i].msgstr);
	}
	S_ASSERT(changed == applied);
	/* Line by line: only the lines of applied msgstrs differ. */
	const char *p = data, *q = out, *pe = data + size, *qe = out + outlen;
	int line = 1;
	size_t next = 0; /* the next touched entry */
	while (p < pe || q < qe) {
		S_ASSERT(p < pe && q < qe);
		size_t a = S_linelen(p, pe), b = S_linelen(q, qe);
		while (next < n && (!touched[next] || e[next].msgstr_end < line))
			next++;
		int inside = next < n && e[next].msgstr_line <= line && line <= e[next].msgstr_end;
		if (!inside)
			S_ASSERT(a == b && !memcmp(p, q, a));
		p += a + (p + a < pe);
		q += b + (q + b < qe);
		line++;
	}
	S_ASSERT(size == 0 || (data[size - 1] == '\n') == (out[outlen - 1] == '\n'));
	/* Idempotent: the same fixes again change nothing. */
	char *again = NULL;
	size_t againlen = 0;
	rc = clausier__po_rewrite(out, outlen, fixes, nfixes, &again, &againlen, &bad_line);
	S_ASSERT(rc != -2);
	if (rc == 0) {
		for (size_t k = 0; k < nfixes; k++)
			S_ASSERT(!fixes[k].applied);
		S_ASSERT(againlen == outlen && !memcmp(again, out, outlen));
	}
	free(again);
	free(touched);
	clausier__po_free(f, m);
	free(out);
done:
	for (size_t i = 0; texts && i < n; i++)
		free(texts[i]);
	free(texts);
	free(fixes);
	free(which);
	clausier__po_free(e, n);
	return 0;
}
