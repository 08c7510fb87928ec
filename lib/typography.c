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
 *
 * Numbers, in both languages (S_numbers): a no-break space U+00A0 ties a
 * number to the word after it (« 15 jours », "6 months", « 1er février »),
 * a month to the number after it (« février 2027 », "January 4, 2027"),
 * and « nº », « art. », « al. », « p. », "No." to theirs; the degree sign
 * written for numéro (« n° 12 ») becomes « nº ».  English "Month D, YYYY"
 * takes a comma after the year when the sentence goes on ("January 4,
 * 2027, and").  A number is a word of digits (with ICU's grouping and
 * decimal separators, and an ordinal suffix: 1er, 2e, 3rd, XXIe), never
 * part of a URL, an address or a code (v2, A-12, 12h30).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

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

/* ---- numbers, dates and their words ---- */

/* The code point at s (0 at the end), its length in *len. */
static UChar32 S_cp(const char *s, size_t *len)
{
	int32_t i = 0, n = (int32_t)strnlen(s, 4);
	UChar32 c = 0;
	if (!n) {
		*len = 0;
		return 0;
	}
	U8_NEXT(s, i, n, c);
	*len = (size_t)i;
	return c < 0 ? 0xFFFD : c;
}

static int S_letter_at(const char *s)
{
	unsigned char b = (unsigned char)*s;
	if (b < 0x80)
		return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
	size_t len;
	UChar32 c = S_cp(s, &len);
	return c && u_isalpha(c);
}

static int S_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether c, ASCII, is one after which a word can start (S_opens). */
static int S_opener(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '"'; }

/* Whether a number or a word may start at s: at the start of the text, or
 * after a space, a line break, an opening bracket, quote or guillemet, an
 * apostrophe (« l’article 5 ») or a dash; not after a letter, a digit, '-', '/', '.', '_'..., where it is
 * part of a code (v2, A-12, 1.2e). */
static int S_opens(const char *s, const char *start)
{
	if (s == start)
		return 1;
	if ((unsigned char)s[-1] < 0x80)
		return S_opener(s[-1]);
	static const char *const after[] = { S_NBSP, S_NNBSP, "\xc2\xab", "\xe2\x80\x9c", "\xe2\x80\x98",
	                                     "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x99" };
	for (size_t i = 0; i < sizeof after / sizeof *after; i++) {
		size_t n = strlen(after[i]);
		if ((size_t)(s - start) >= n && !memcmp(s - n, after[i], n))
			return 1;
	}
	return 0;
}

/* Whether what follows a number or an ordinal at s ends it: not a letter,
 * a digit or a character that joins it to a code (1e-3, 2e_x, 2e@, 2e/3),
 * nor a '.', ',' or ':' that goes on into one (2e.txt). */
static int S_ends_number(const char *s)
{
	if (S_digit(*s) || S_letter_at(s) || (*s && strchr("_@/-=+#%&~\\'", *s)))
		return 0;
	if (*s == '.' || *s == ',' || *s == ':')
		return !(S_digit(s[1]) || S_letter_at(s + 1));
	return 1;
}

/* A number at s (which opens a word): digits with the decimal and grouping
 * separators ICU writes (1,500.50; 3 000; 1,5), or a Roman numeral, and an
 * ordinal suffix (1er, 1re, 2e, 2nde, XXIe; in English 1st, 2nd, 3rd, 4th).
 * Returns its length (0 when s holds none), and where its suffix starts in
 * *suffix (its length when it has none).  A Roman numeral needs a French
 * suffix and, alone, is I, V or X: « Le », « Ce », « De » are words. */
static size_t S_number(const char *s, int fr, size_t *suffix)
{
	static const char *const fr_suffixes[] = { "ers", "res", "ndes", "nds", "nde", "nd", "er", "re", "es", "e" };
	static const char *const en_suffixes[] = { "st", "nd", "rd", "th" };
	size_t j = 0;
	int roman = 0;
	if (S_digit(*s)) {
		while (S_digit(s[j]))
			j++;
		for (;;) {
			size_t g = !strncmp(s + j, S_NNBSP, 3) || !strncmp(s + j, "\xe2\x80\x89", 3) ? 3
			           : !strncmp(s + j, S_NBSP, 2) ? 2 : 0;
			if ((s[j] == ',' || s[j] == '.') && S_digit(s[j + 1])) {
				j++;
				while (S_digit(s[j]))
					j++;
			} else if (g && S_digit(s[j + g]) && S_digit(s[j + g + 1]) && S_digit(s[j + g + 2]) &&
			           !S_digit(s[j + g + 3])) {
				j += g + 3;
			} else {
				break;
			}
		}
	} else if (fr) {
		while (s[j] && strchr("IVXLCDM", s[j]))
			j++;
		if (!j || (j == 1 && !strchr("IVX", *s)))
			return 0;
		roman = 1;
	} else {
		return 0;
	}
	*suffix = j;
	const char *const *sfx = fr ? fr_suffixes : en_suffixes;
	size_t nsfx = fr ? sizeof fr_suffixes / sizeof *fr_suffixes : sizeof en_suffixes / sizeof *en_suffixes;
	/* a suffix only after plain digits: not 1,5e */
	int plain = 1;
	for (size_t k = 0; k < j; k++)
		plain &= roman || S_digit(s[k]);
	for (size_t k = 0; plain && k < nsfx; k++) {
		size_t n = strlen(sfx[k]);
		if (!strncmp(s + j, sfx[k], n) && S_ends_number(s + j + n))
			return j + n;
	}
	return !roman && S_ends_number(s + j) ? j : 0;
}

/* The month names and abbreviations ICU has for each language, as
 * written in dates (format) and alone (stand-alone), for the regions the
 * library renders: « février », « févr. », « juill. », "January", "Sept". */
enum { S_MONTHS_MAX = 4 * 4 * 12 };
static char S_months[2][S_MONTHS_MAX][32];
static size_t S_nmonths[2];
/* one language at a time: a French edition reads no English month */
static pthread_once_t S_months_once[2] = { PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT };

static void S_months_init_lang(int l)
{
	static const char *const locales[2][4] = { { "en", "en_GB", "en_CA", "en_AU" },
	                                           { "fr", "fr_CA", "fr_CH", "fr_BE" } };
	static const UDateFormatSymbolType types[] = { UDAT_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_MONTHS,
	                                               UDAT_STANDALONE_SHORT_MONTHS };
	for (int k = 0; k < 4; k++) {
		UErrorCode st = U_ZERO_ERROR;
		UDateFormat *f = udat_open(UDAT_NONE, UDAT_LONG, locales[l][k], NULL, 0, NULL, 0, &st);
		for (size_t t = 0; U_SUCCESS(st) && t < sizeof types / sizeof *types; t++)
			for (int32_t m = 0; m < 12; m++) {
				UChar u[32];
				char name[32];
				UErrorCode e = U_ZERO_ERROR;
				int32_t n = udat_getSymbols(f, types[t], m, u, 32, &e);
				if (U_FAILURE(e) || n <= 0 || n >= 32)
					continue;
				u_strToUTF8(name, sizeof name, NULL, u, n, &e);
				if (U_FAILURE(e) || !name[0] || e == U_STRING_NOT_TERMINATED_WARNING)
					continue;
				size_t i = 0;
				while (i < S_nmonths[l] && strcmp(S_months[l][i], name))
					i++;
				if (i == S_nmonths[l] && i < S_MONTHS_MAX)
					memcpy(S_months[l][S_nmonths[l]++], name, strlen(name) + 1);
			}
		if (f)
			udat_close(f);
	}
}

static void S_months_init_en(void)
{
	S_months_init_lang(0);
}

static void S_months_init_fr(void)
{
	S_months_init_lang(1);
}

/* Whether the n bytes at w are a month of the language: as ICU writes it,
 * or in French with a capital (« Février 2027 » opening a line). */
static int S_month(const char *w, size_t n, int fr)
{
	pthread_once(&S_months_once[fr ? 1 : 0], fr ? S_months_init_fr : S_months_init_en);
	for (size_t i = 0; i < S_nmonths[fr]; i++) {
		const char *m = S_months[fr][i];
		if (strlen(m) != n)
			continue;
		if (!strncmp(m, w, n) || (fr && w[0] >= 'A' && w[0] <= 'Z' && w[0] - 'A' + 'a' == m[0] &&
		                          !strncmp(m + 1, w + 1, n - 1)))
			return 1;
	}
	return 0;
}

/* Words that a number follows with a no-break space: numéro (« nº »,
 * U+00BA), article, alinéa, page, and their English; « § ». */
static int S_before_number(const char *w, size_t n)
{
	static const char *const words[] = {
		"n\xc2\xba", "N\xc2\xba", "n\xc2\xbas", "N\xc2\xbas", "art.", "Art.", "al.", "Al.", "p.", "pp.",
		"article", "Article", "articles", "Articles", "alinéa", "Alinéa", "alinéas", "page", "Page", "pages",
		"chapitre", "Chapitre", "annexe", "Annexe", "paragraphe", "No.", "no.", "Nos.", "nos.", "Section",
		"section", "sections", "chapter", "Chapter", "paragraph", "\xc2\xa7", "\xc2\xa7\xc2\xa7",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && !strncmp(words[i], w, n))
			return 1;
	return 0;
}

/* Length of a space (ASCII or no-break) at s, or 0. */
static size_t S_gap(const char *s)
{
	return *s == ' ' ? 1 : !strncmp(s, S_NBSP, 2) ? 2 : 0;
}

/* Whether t holds anything for the numbers pass: a digit, or what may be
 * a Roman numeral's ordinal (« XXIe », « Ier »).  Most messages do not. */
static int S_has_numbers(const char *t)
{
	for (const char *p = strpbrk(t, "0123456789IVX"); p; p = strpbrk(p + 1, "0123456789IVX"))
		if (S_digit(*p) || p[1] == 'e' || p[1] == 'r')
			return 1;
	return 0;
}

/* Where the word that ends at e (before a '.' of its own) starts, no
 * further back than from; e itself when no letter ends there. */
static size_t S_word_back(const char *t, size_t from, size_t e)
{
	size_t w = e;
	if (w > from && t[w - 1] == '.')
		w--;
	size_t end = w;
	while (w > from) {
		size_t k = w - 1;
		while (k > from && ((unsigned char)t[k] & 0xC0) == 0x80)
			k--;
		if (!S_letter_at(t + k))
			break;
		w = k;
	}
	if (w == end) {
		/* « § », « §§ » */
		while (w >= from + 2 && !memcmp(t + w - 2, "\xc2\xa7", 2))
			w -= 2;
		return w == end ? e : w;
	}
	return w;
}

/* The numbers pass (see the top of the file) over t, already set, whose
 * URLs and addresses are ranges[0..nranges): only around its digits (and
 * French Roman ordinals), the rest copied as it is.  Returns 1 with the
 * text set in *out, 0 when nothing changes, -1 out of memory. */
static int S_numbers(char **out, const char *t, int fr, const S_range *ranges, size_t nranges)
{
	clausier__buf b = { 0 };
	size_t r = 0;
	size_t n = strlen(t), done = 0; /* t[0..done) is in b, as it is or set */
	int changed = 0;
	const char *cand = fr ? "0123456789IVX" : "0123456789";
	for (size_t i = 0; i < n;) {
		i += strcspn(t + i, cand);
		if (i >= n)
			break;
		while (r < nranges && ranges[r].to <= i)
			r++;
		if (r < nranges && ranges[r].from <= i) {
			i = ranges[r].to; /* in a URL or an address */
			continue;
		}
		const char *p = t + i;
		size_t sfx, num = S_opens(p, t) ? S_number(p, fr, &sfx) : 0;
		if (S_digit(*p) && !num && i >= done + 3 && (p[-3] == 'n' || p[-3] == 'N') && !memcmp(p - 2, "\xc2\xb0", 2) &&
		    S_opens(p - 3, t) && !(r && i - 3 < ranges[r - 1].to)) {
			/* « n°12 »: not a number by itself (it follows a letter) */
			clausier__buf_add(&b, t + done, i - 2 - done);
			clausier__buf_puts(&b, "\xc2\xba" S_NBSP);
			done = i;
			changed = 1;
			num = S_number(p, fr, &sfx);
		}
		if (r < nranges && i + num > ranges[r].from)
			num = 0;
		/* « nº 2016-1691 », "Act No. 2022-401": a reference that starts with a digit */
		int ref = !num && S_digit(*p) && S_opens(p, t);
		if (!num && !ref) {
			while (i < n && (S_digit(t[i]) || strchr("IVXLCDM", t[i])))
				i++;
			if (i == (size_t)(p - t))
				i++;
			continue;
		}
		/* what comes before: a month, « nº », « art. »..., « n° » */
		size_t g = 0;
		if (i >= done + 1 && t[i - 1] == ' ')
			g = 1;
		else if (i >= done + 2 && !memcmp(t + i - 2, S_NBSP, 2))
			g = 2;
		int month = 0;
		if (g) {
			size_t e = i - g, w = S_word_back(t, done, e);
			int opens = w < e && S_opens(t + w, t) && !(r && w < ranges[r - 1].to);
			int degree = e >= done + 3 && (t[e - 3] == 'n' || t[e - 3] == 'N') && !memcmp(t + e - 2, "\xc2\xb0", 2) &&
			             S_opens(t + e - 3, t) && !(r && e - 3 < ranges[r - 1].to);
			month = opens && S_month(t + w, e - w, fr);
			if (degree) {
				clausier__buf_add(&b, t + done, e - 2 - done);
				clausier__buf_puts(&b, "\xc2\xba" S_NBSP);
				done = i;
				changed = 1;
			} else if (opens && ((month && !ref) || S_before_number(t + w, e - w))) {
				clausier__buf_add(&b, t + done, e - done);
				clausier__buf_puts(&b, S_NBSP);
				done = i;
				changed |= g == 1;
			}
		}
		if (ref) {
			i++;
			continue;
		}
		/* the number itself */
		clausier__buf_add(&b, t + done, i + num - done);
		i += num;
		done = i;
		/* English "January 4, 2027": the year held too, and a comma after it
		 * when the sentence goes on ("January 4, 2027, and replaces"). */
		size_t yg = t[i] == ',' ? S_gap(t + i + 1) : 0, ysfx, year = 0;
		if (!fr && month && num <= 2 && sfx == num && yg &&
		    (year = S_number(t + i + 1 + yg, 0, &ysfx)) == 4 && ysfx == 4 &&
		    !(r < nranges && i + 1 + yg + year > ranges[r].from)) {
			clausier__buf_puts(&b, "," S_NBSP);
			clausier__buf_add(&b, t + i + 1 + yg, year);
			changed |= yg == 1;
			i += 1 + yg + year;
			done = i;
			if (t[i] == ' ' && (S_letter_at(t + i + 1) || S_digit(t[i + 1]))) {
				clausier__buf_putc(&b, ',');
				changed = 1;
			}
			continue;
		}
		/* « 15 jours », « 1er février », "6 months" */
		if (t[i] == ' ' && S_letter_at(t + i + 1)) {
			clausier__buf_puts(&b, S_NBSP);
			i++;
			done = i;
			changed = 1;
		}
	}
	if (!changed) {
		clausier__buf_free(&b); /* t as it is (whatever an allocation did) */
		return 0;
	}
	clausier__buf_add(&b, t + done, n - done);
	return (*out = clausier__buf_detach(&b, NULL)) ? 1 : -1;
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
			/* copied as it is; its place in the output, for the numbers pass */
			size_t from = b.len;
			clausier__buf_add(&b, p, ranges[r].to - ranges[r].from);
			p = s + ranges[r].to;
			ranges[r].from = from;
			ranges[r++].to = b.len;
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
	if (!b.data) {
		free(ranges);
		return b.failed ? NULL : clausier__strdup("");
	}
	char *set = clausier__buf_detach(&b, NULL), *out = NULL;
	int rc = set && S_has_numbers(set) ? S_numbers(&out, set, fr, ranges, r) : 0;
	free(ranges);
	if (rc == 0)
		return set;
	free(set);
	return out;
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

/* The n bytes at s escaped for XML. */
static void S_xml_n(clausier__buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t run = strcspn(s + i, "&<>\"'");
		if (run > n - i)
			run = n - i;
		clausier__buf_add(b, s + i, run);
		i += run;
		if (i < n) {
			clausier__buf_puts(b, s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
			                      : s[i] == '"' ? "&quot;" : "&#39;");
			i++;
		}
	}
}

void clausier__buf_xml_ordinals(clausier__buf *b, const char *s, const char *locale, const char *open,
                                const char *close)
{
	/* most texts have none: found first without the URLs, then with them */
	const char *q = locale[0] == 'f' && S_has_numbers(s) ? strpbrk(s, "0123456789IVX") : NULL;
	for (size_t sfx; q; q = strpbrk(q + 1, "0123456789IVX"))
		if (S_opens(q, s) && S_number(q, 1, &sfx) > sfx)
			break;
	if (!q) {
		clausier__buf_xml(b, s);
		return;
	}
	size_t nranges, r = 0;
	S_range *ranges = S_ranges(s, &nranges);
	size_t n = strlen(s), done = 0;
	for (size_t i = 0; i < n;) {
		i += strcspn(s + i, "0123456789IVX");
		if (i >= n)
			break;
		while (r < nranges && ranges[r].to <= i)
			r++;
		if (r < nranges && ranges[r].from <= i) {
			i = ranges[r++].to;
			continue;
		}
		size_t sfx, num = (S_digit(s[i]) || strchr("IVX", s[i])) && S_opens(s + i, s) ? S_number(s + i, 1, &sfx) : 0;
		if (num && r < nranges && i + num > ranges[r].from)
			num = 0;
		if (!num) {
			i++;
			continue;
		}
		if (sfx < num) {
			S_xml_n(b, s + done, i + sfx - done);
			clausier__buf_puts(b, open);
			clausier__buf_add(b, s + i + sfx, num - sfx);
			clausier__buf_puts(b, close);
			done = i + num;
		}
		i += num;
	}
	S_xml_n(b, s + done, n - done);
	free(ranges);
}
