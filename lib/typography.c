/* Typography by locale (doc/design.md, "Locales and typography"), applied to
 * every formatted message: catalog prose and the values inserted in it.
 *
 *              before :   before ; ! ?   inside « »   quotes
 *   fr-FR/BE/CH  U+00A0     U+202F         U+202F       « »
 *   fr-CA        U+00A0     none (OQLF)    U+00A0       « »
 *   en-*         none       none           -            “ ” ‘ ’
 *
 * Straight quotes and apostrophes become typographic, "..." an ellipsis.
 * URLs and e-mail addresses are copied untouched.  The pass is idempotent:
 * text already set for the locale comes out unchanged.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <string.h>

#define S_NBSP "\xc2\xa0"
#define S_NNBSP "\xe2\x80\xaf"

/* Drops the spaces (ASCII, no-break, narrow no-break) that end the buffer. */
static void S_trim(clausier__buf *b)
{
	for (;;) {
		if (b->len >= 1 && b->data[b->len - 1] == ' ')
			b->len -= 1;
		else if (b->len >= 2 && !memcmp(b->data + b->len - 2, S_NBSP, 2))
			b->len -= 2;
		else if (b->len >= 3 && !memcmp(b->data + b->len - 3, S_NNBSP, 3))
			b->len -= 3;
		else
			break;
	}
	if (b->data)
		b->data[b->len] = '\0';
}

/* Length of the space at s (ASCII, no-break or narrow no-break), or 0. */
static size_t S_space(const char *s)
{
	if (*s == ' ')
		return 1;
	if (!strncmp(s, S_NBSP, 2))
		return 2;
	if (!strncmp(s, S_NNBSP, 3))
		return 3;
	return 0;
}

/* Whether a word may start at s: the beginning, or after a space, an
 * opening bracket or quote. */
static int S_word_start(const char *s, const char *start)
{
	if (s == start)
		return 1;
	char c = s[-1];
	if (c == ' ' || c == '\n' || c == '(' || c == '"' || c == '<')
		return 1;
	if (s - start >= 2 && (!strncmp(s - 2, S_NBSP, 2) || !strncmp(s - 2, "\xc2\xab", 2)))
		return 1;
	return s - start >= 3 && !strncmp(s - 3, S_NNBSP, 3);
}

/* The length of a URL or e-mail address starting at s, without the
 * punctuation that ends a sentence after it; 0 if there is none. */
static size_t S_verbatim(const char *s, const char *start)
{
	if (!S_word_start(s, start))
		return 0;
	size_t n = strcspn(s, " \t\n");
	/* A no-break space or a closing guillemet ends the token too. */
	for (size_t i = 0; i < n; i++)
		if (!strncmp(s + i, S_NBSP, 2) || !strncmp(s + i, S_NNBSP, 3) || !strncmp(s + i, "\xc2\xbb", 2)) {
			n = i;
			break;
		}
	while (n && strchr(".,;:!?)\"'", s[n - 1]))
		n--;
	const char *at = memchr(s, '@', n);
	int url = (n > 7 && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8))) ||
	          (n > 4 && !strncmp(s, "www.", 4));
	int mail = at && at > s && memchr(at, '.', (size_t)(s + n - at)) != NULL;
	return url || mail ? n : 0;
}

char *clausier__typeset(const char *s, const char *locale)
{
	int fr = locale[0] == 'f';
	int ca = fr && strstr(locale, "CA") != NULL;
	const char *before_high = ca ? "" : S_NNBSP; /* before ; ! ? */
	const char *inside = ca ? S_NBSP : S_NNBSP;  /* inside « » */
	clausier__buf b = { 0 };
	int dq = 0; /* straight double quotes seen: odd means one is open */
	/* Most texts hold no URL or address: then no word needs the check. */
	int maybe_verbatim = strstr(s, "://") || strstr(s, "www.") || strchr(s, '@');
	/* The bytes that can start something to change; \xc2 leads « and ». */
	const char *special = fr ? "'\".:;!?\xc2hw" : "'\".hw";
	if (!maybe_verbatim)
		special = fr ? "'\".:;!?\xc2" : "'\".";
	for (const char *p = s; *p;) {
		size_t run = strcspn(p, special);
		if (maybe_verbatim) {
			/* A URL or address may start at any word: go word by word. */
			const char *q = p;
			while (q < p + run && !S_word_start(q, s))
				q++;
			run = (size_t)(q - p);
		}
		if (run) {
			clausier__buf_add(&b, p, run);
			p += run;
			continue;
		}
		size_t v = maybe_verbatim ? S_verbatim(p, s) : 0;
		if (v) {
			clausier__buf_add(&b, p, v);
			p += v;
			continue;
		}
		char c = *p;
		int at_start = b.len == 0 || S_space(b.data + b.len - 1) || b.data[b.len - 1] == '(' ||
		               (b.len >= 2 && !memcmp(b.data + b.len - 2, S_NBSP, 2)) ||
		               (b.len >= 3 && !memcmp(b.data + b.len - 3, S_NNBSP, 3));
		if (!strncmp(p, "...", 3)) {
			clausier__buf_puts(&b, "\xe2\x80\xa6");
			p += 3;
		} else if (c == '\'') {
			clausier__buf_puts(&b, !fr && at_start ? "\xe2\x80\x98" : "\xe2\x80\x99");
			p++;
		} else if (c == '"') {
			int open = !(dq++ % 2);
			if (fr && open) {
				clausier__buf_puts(&b, "\xc2\xab");
				clausier__buf_puts(&b, inside);
				p++;
				p += S_space(p);
			} else if (fr) {
				S_trim(&b);
				clausier__buf_puts(&b, inside);
				clausier__buf_puts(&b, "\xc2\xbb");
				p++;
			} else {
				clausier__buf_puts(&b, open ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
				p++;
			}
		} else if (fr && !strncmp(p, "\xc2\xab", 2)) {
			clausier__buf_puts(&b, "\xc2\xab");
			clausier__buf_puts(&b, inside);
			p += 2;
			while (S_space(p))
				p += S_space(p);
		} else if (fr && !strncmp(p, "\xc2\xbb", 2)) {
			S_trim(&b);
			clausier__buf_puts(&b, inside);
			clausier__buf_puts(&b, "\xc2\xbb");
			p += 2;
		} else if (fr && (c == ':' || c == ';' || c == '!' || c == '?') && b.len > 0) {
			/* Punctuation, not a time (12:30), a ratio or "?!". */
			char next = p[1];
			char prev = b.data[b.len - 1];
			int ends = !next || next == ' ' || next == '\n' || next == ')' || next == '"' ||
			           (unsigned char)next >= 0x80 || next == '!' || next == '?' || next == '.';
			int after_mark = prev == '!' || prev == '?';
			if (ends && !after_mark) {
				S_trim(&b);
				if (b.len)
					clausier__buf_puts(&b, c == ':' ? S_NBSP : before_high);
			}
			clausier__buf_putc(&b, c);
			p++;
		} else {
			clausier__buf_putc(&b, c);
			p++;
		}
	}
	if (!b.data)
		return clausier__strdup("");
	return clausier__buf_detach(&b, NULL);
}

/* Words a US title leaves in lower case unless first or last (Chicago:
 * articles, coordinating conjunctions, short prepositions). */
static const char *const S_small[] = {
	"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
	"of", "off", "on", "per", "to", "up", "via", "vs", "from", "into", "onto", "over", "with", "upon",
};

static int S_small_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof S_small / sizeof *S_small; i++)
		if (strlen(S_small[i]) == n && !strncmp(S_small[i], w, n))
			return 1;
	return 0;
}

char *clausier__title_case(const char *s)
{
	char *out = clausier__strdup(s);
	if (!out)
		return NULL;
	/* Words are runs of ASCII letters (and what follows them up to a
	 * space); only a lower-case ASCII first letter is ever changed, so
	 * acronyms, names and non-English words stay as written. */
	size_t len = strlen(out);
	int first = 1, after_colon = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && (out[i] == ' ' || out[i] == '(' || out[i] == '"'))
			i++;
		size_t start = i;
		while (i < len && out[i] != ' ')
			i++;
		/* the word proper: leading letters, up to a hyphen, apostrophe or punctuation */
		size_t w = start, we = start;
		while (we < i && ((out[we] >= 'a' && out[we] <= 'z') || (out[we] >= 'A' && out[we] <= 'Z')))
			we++;
		int last = i >= len;
		int has_upper = 0;
		for (size_t k = start; k < i; k++)
			has_upper |= out[k] >= 'A' && out[k] <= 'Z';
		if (we > w && !has_upper && (first || last || after_colon || !S_small_word(out + w, we - w)))
			out[w] = (char)(out[w] - 'a' + 'A');
		/* each part of a hyphenated compound: Follow-Up, Self-Employed */
		for (size_t k = start; k + 1 < i && !has_upper; k++)
			if (out[k] == '-' && out[k + 1] >= 'a' && out[k + 1] <= 'z')
				out[k + 1] = (char)(out[k + 1] - 'a' + 'A');
		after_colon = i > start && out[i - 1] == ':';
		if (i > start)
			first = 0;
	}
	return out;
}
