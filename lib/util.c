/* Buffers, strings, UTF-8 checks and the names of the model's enumerations, shared by the library's files.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdlib.h>
#include <string.h>

static int S_grow(clausier__buf *b, size_t extra)
{
	if (b->failed)
		return -1;
	if (extra > SIZE_MAX / 2 - b->len) {
		b->failed = 1;
		return -1;
	}
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1) {
		if (cap > SIZE_MAX / 2) {
			b->failed = 1;
			return -1;
		}
		cap *= 2;
	}
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void clausier__buf_add(clausier__buf *b, const char *s, size_t n)
{
	if (S_grow(b, n) < 0)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void clausier__buf_puts(clausier__buf *b, const char *s)
{
	clausier__buf_add(b, s, strlen(s));
}


char *clausier__buf_detach(clausier__buf *b, size_t *len)
{
	if (!b->failed && S_grow(b, 0) == 0) {
		char *p = b->data;
		if (len)
			*len = b->len;
		memset(b, 0, sizeof *b);
		return p;
	}
	clausier__buf_free(b);
	return NULL;
}

void clausier__buf_free(clausier__buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

char *clausier__strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* Decodes one UTF-8 sequence; returns its length, or 0 if invalid
 * (overlong forms, surrogates and values above U+10FFFF included). */
static size_t S_utf8_decode(const unsigned char *s, long *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	long v, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

int clausier__invisible(long c)
{
	/* Refused: C0 controls but tab and line feed, DEL and C1; the bidi
	 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
	 * and the marks that reorder as much (LRM U+200E, RLM U+200F, ALM
	 * U+061C); the line and paragraph separators U+2028 and U+2029, which
	 * some readers break on and others do not; and the invisible
	 * characters that can hide a word from a reader, a glossary or a lint
	 * rule: zero width space U+200B, word joiner U+2060, the invisible
	 * operators U+2061–U+2064, the deprecated format characters
	 * U+206A–U+206F, U+FEFF inside a text, the Mongolian vowel separator
	 * U+180E, interlinear annotations U+FFF9–U+FFFB, and the tag characters
	 * U+E0000–U+E007F (ASCII written invisibly); and the noncharacters
	 * (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), which are not for interchange
	 * and which the library uses as marks of its own. */
	if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
	    c == 0x061C || c == 0x2028 || c == 0x2029 || c == 0x200B || (c >= 0x2060 && c <= 0x2064) ||
	    (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || c == 0x180E || (c >= 0xFFF9 && c <= 0xFFFB) ||
	    (c >= 0xE0000 && c <= 0xE007F) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
		return 1;
	/* Allowed, and pointed out by clausier check: the zero width
	 * non-joiner and joiner (U+200C, U+200D), which emoji sequences and
	 * some scripts need, and the soft hyphen U+00AD, a hyphenation hint. */
	if (c == 0x200C || c == 0x200D || c == 0xAD)
		return -1;
	return 0;
}

int clausier__text_check(const char *s, long *cp, size_t *pos)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t chars = 0;
	while (*p) {
		/* printable ASCII, most of any text: valid and visible */
		if (*p >= 0x20 && *p < 0x7F) {
			p++;
			chars++;
			continue;
		}
		long c;
		size_t n = S_utf8_decode(p, &c);
		chars++;
		if (n == 0) {
			*cp = -1;
			*pos = chars;
			return -1;
		}
		int bad = clausier__invisible(c) > 0;
		if (bad) {
			*cp = c;
			*pos = chars;
			return -1;
		}
		p += n;
	}
	return 0;
}

void clausier__buf_xml(clausier__buf *b, const char *s)
{
	for (;;) {
		size_t run = strcspn(s, "&<>\"'");
		clausier__buf_add(b, s, run);
		s += run;
		if (!*s)
			return;
		clausier__buf_puts(b, *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
		                      : *s == '"' ? "&quot;" : "&#39;");
		s++;
	}
}

int clausier__word_in(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, " ");
		if (len == n && !strncmp(p, word, n))
			return 1;
		p += len;
		while (*p == ' ')
			p++;
	}
	return 0;
}

/* ---- sorted keys: name lookups in O(log n), so that loading and
 * assembling stay linear in the size of the input (issue 12) ---- */

static int S_keycmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);
	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int S_cmp_key(const void *va, const void *vb)
{
	const clausier__key *a = va, *b = vb;
	int c = S_keycmp(a->name, a->len, b->name, b->len);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

clausier__key *clausier__keys_make(const char *const *names, size_t n)
{
	clausier__key *k = malloc((n ? n : 1) * sizeof *k);
	if (!k)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		k[i].name = names[i] ? names[i] : "";
		k[i].len = strlen(k[i].name);
		k[i].index = i;
	}
	qsort(k, n, sizeof *k, S_cmp_key);
	return k;
}

size_t clausier__keys_lower(const clausier__key *keys, size_t n, const char *name, size_t len)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (S_keycmp(keys[mid].name, keys[mid].len, name, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int clausier__keys_is(const clausier__key *key, const char *name, size_t len)
{
	return !S_keycmp(key->name, key->len, name, len);
}

long clausier__keys_find(const clausier__key *keys, size_t n, const char *name, size_t len)
{
	size_t lo = clausier__keys_lower(keys, n, name, len);
	if (lo < n && clausier__keys_is(&keys[lo], name, len))
		return (long)keys[lo].index;
	return -1;
}

int clausier__names_duplicate_keys(char **names, size_t n, size_t *dup, size_t *first, clausier__key **keys_out)
{
	*dup = SIZE_MAX;
	int rc = names ? 0 : -1;
	for (size_t i = 0; names && i < n; i++)
		if (!names[i])
			rc = -1;
	clausier__key *keys = rc ? NULL : clausier__keys_make((const char *const *)names, n);
	if (keys) {
		size_t d = clausier__keys_duplicate(keys, n, first);
		*dup = d < n ? d : SIZE_MAX;
		if (keys_out) {
			*keys_out = keys;
			return 0;
		}
	} else {
		rc = -1;
	}
	free(keys);
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int clausier__names_duplicate(char **names, size_t n, size_t *dup, size_t *first)
{
	return clausier__names_duplicate_keys(names, n, dup, first, NULL);
}

size_t clausier__keys_duplicate(const clausier__key *keys, size_t n, size_t *first)
{
	size_t dup = n;
	for (size_t i = 1; i < n; i++)
		if (!S_keycmp(keys[i - 1].name, keys[i - 1].len, keys[i].name, keys[i].len) &&
		    (i < 2 || S_keycmp(keys[i - 2].name, keys[i - 2].len, keys[i].name, keys[i].len)) &&
		    keys[i].index < dup) {
			/* the second of a run: the first name given twice, in order */
			dup = keys[i].index;
			*first = keys[i - 1].index;
		}
	return dup;
}

/* ---- the names of the model's enumerations, indexed by the public enums ---- */

static const char *const S_genres[] = { NULL, "smp", "charte" };
static const char *const S_sectors[] = { NULL, "health", "education", "nonprofit", "public", "private" };
static const char *const S_risks[] = { "balanced", "strict", "open" };

static int S_index_of(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && s && !strcmp(names[i], s))
			return (int)i;
	return -1;
}

int clausier__risk_from_name(const char *s)
{
	return S_index_of(S_risks, sizeof S_risks / sizeof *S_risks, s);
}

const char *clausier__risk_name(int risk)
{
	return risk >= 0 && risk < 3 ? S_risks[risk] : "balanced";
}

int clausier__sector_from_name(const char *s)
{
	return S_index_of(S_sectors, sizeof S_sectors / sizeof *S_sectors, s);
}

const char *clausier__sector_name(int sector)
{
	return sector > 0 && sector < 6 ? S_sectors[sector] : NULL;
}

int clausier__genre_from_name(const char *s)
{
	return S_index_of(S_genres, sizeof S_genres / sizeof *S_genres, s);
}

const char *clausier__genre_name(int genre)
{
	return genre > 0 && genre < 3 ? S_genres[genre] : NULL;
}
