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

#include <stdlib.h>
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

/* Whether s starts a word: at the start, or after a space, a no-break
 * space, a line break, an opening bracket, quote or guillemet, or a closing
 * guillemet (which also ends the word before it). */
static int S_boundary(const char *s, const char *start)
{
	if (s == start)
		return 1;
	char c = s[-1];
	if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '"' || c == '<')
		return 1;
	if (s - start >= 2 && (!strncmp(s - 2, S_NBSP, 2) || !strncmp(s - 2, "\xc2\xab", 2) ||
	                       !strncmp(s - 2, "\xc2\xbb", 2)))
		return 1;
	return s - start >= 3 && !strncmp(s - 3, S_NNBSP, 3);
}

/* Length of what ends a word at s (a space, a no-break space, a line break
 * or a closing guillemet), or 0. */
static size_t S_word_end(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n')
		return 1;
	if (!strncmp(s, S_NBSP, 2) || !strncmp(s, "\xc2\xbb", 2))
		return 2;
	return strncmp(s, S_NNBSP, 3) ? 0 : 3;
}

/* The URLs and e-mail addresses of s, as [from, to) byte ranges in order:
 * a word that starts with http://, https:// or www., or that holds
 * local@domain.tld, without the punctuation that ends a sentence after it.
 * Found from their few telltale characters, not by testing every word, and
 * in one pass: the start of the current word is carried forward rather than
 * searched back for at each telltale, and the word's end, its '@' and the
 * '.' after it are found by pointers that only move forward, so that a text
 * of many telltales in one long word (« a@» repeated) costs its length,
 * not its length squared. */
typedef struct {
	size_t from, to;
} S_range;

/* The first byte at or after from for which pred holds (or the end), with
 * *cache remembering the answer: queries come with from never decreasing. */
typedef size_t (*S_pred)(const char *);
static const char *S_next(const char *from, const char **cache, S_pred pred)
{
	if (*cache && *cache >= from)
		return *cache;
	const char *q = from;
	while (*q && !pred(q))
		q++;
	return *cache = q;
}
static size_t S_is_at(const char *s) { return *s == '@'; }
static size_t S_is_dot(const char *s) { return *s == '.'; }

static S_range *S_ranges(const char *s, size_t *count)
{
	clausier__buf out = { 0 };
	size_t n = 0;
	const char *word = s;  /* the start of the word holding p */
	const char *scanned = s; /* word is right for every byte before this */
	const char *end_c = NULL, *at_c = NULL, *dot_c = NULL;
	for (const char *p = s; *p;) {
		size_t hit = strcspn(p, "@:w");
		p += hit;
		if (!*p)
			break;
		int url = (p[0] == ':' && p[1] == '/' && p[2] == '/') || !strncmp(p, "www.", 4);
		if (!url && *p != '@') {
			p++;
			continue;
		}
		/* The word around it: the last word start at or before p. */
		for (const char *q = scanned; q <= p; q++)
			if (S_boundary(q, s))
				word = q;
		scanned = p + 1;
		const char *w = word;
		const char *e = S_next(w, &end_c, S_word_end);
		size_t len = (size_t)(e - w);
		while (len && strchr(".,;:!?)\"'", w[len - 1]))
			len--;
		const char *at = S_next(w, &at_c, S_is_at);
		int ok = (len > 7 && (!strncmp(w, "http://", 7) || !strncmp(w, "https://", 8))) ||
		         (len > 4 && !strncmp(w, "www.", 4)) ||
		         (at < w + len && at > w && S_next(at, &dot_c, S_is_dot) < w + len);
		if (ok && (!n || (size_t)(w - s) >= ((S_range *)out.data)[n - 1].to)) {
			S_range r = { (size_t)(w - s), (size_t)(w - s) + len };
			clausier__buf_add(&out, (const char *)&r, sizeof r);
			n++;
		}
		p = w + (len ? len : 1) > p ? w + (len ? len : 1) : p + 1;
	}
	*count = out.failed ? 0 : n;
	return (S_range *)out.data;
}

char *clausier__typeset(const char *s, const char *locale)
{
	int fr = locale[0] == 'f';
	int ca = fr && strstr(locale, "CA") != NULL;
	const char *before_high = ca ? "" : S_NNBSP; /* before ; ! ? */
	const char *inside = ca ? S_NBSP : S_NNBSP;  /* inside « » */
	clausier__buf b = { 0 };
	int dq = 0; /* straight double quotes seen: odd means one is open */
	size_t nranges, r = 0;
	S_range *ranges = S_ranges(s, &nranges);
	/* The bytes that can start something to change; \xc2 leads « and ». */
	const char *special = fr ? "'\".:;!?\xc2" : "'\".:;!?";
	for (const char *p = s; *p;) {
		size_t at = (size_t)(p - s);
		if (r < nranges && at == ranges[r].from) {
			clausier__buf_add(&b, p, ranges[r].to - ranges[r].from);
			p = s + ranges[r++].to;
			continue;
		}
		size_t run = strcspn(p, special);
		if (r < nranges && at + run > ranges[r].from)
			run = ranges[r].from - at;
		if (run) {
			clausier__buf_add(&b, p, run);
			p += run;
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
		} else if (!fr && (c == ':' || c == ';' || c == '!' || c == '?') && b.len > 0) {
			/* English: no space before them (a French habit carried over). */
			char next = p[1];
			if (!next || next == ' ' || next == '\n' || next == '"')
				S_trim(&b);
			clausier__buf_putc(&b, c);
			p++;
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
	free(ranges);
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
