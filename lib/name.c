/* Names that agree: the grammar of an inserted name (an organization, a
 * department, a platform) and the forms a sentence needs, in French with
 * article, elision and contraction (« du Collège », « à l’Hôpital »,
 * « d’Acme »), in English with or without "the".
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* The suffixes of the forms, in enum clausier__form order. */
static const char *const S_suffix[CLAUSIER__NFORMS] = {
	"le", "Le", "du", "au", "the", "The", "s", "gender", "number",
};

int clausier__form_of(const char *arg, size_t baselen, const char *lang)
{
	if (arg[baselen] != '_')
		return -1;
	const char *suf = arg + baselen + 1;
	int fr = lang && !strncasecmp(lang, "fr", 2) && (!lang[2] || lang[2] == '-');
	for (int f = 0; f < CLAUSIER__NFORMS; f++) {
		if (strcmp(suf, S_suffix[f]))
			continue;
		if (f <= CLAUSIER__FORM_AU && !fr)
			return -2;
		if (f >= CLAUSIER__FORM_THE && f <= CLAUSIER__FORM_S && fr)
			return -2;
		return f;
	}
	return -1;
}

size_t clausier__form_base(const char *arg)
{
	size_t n = strlen(arg);
	for (int f = 0; f < CLAUSIER__NFORMS; f++) {
		size_t k = strlen(S_suffix[f]);
		if (n > k + 1 && arg[n - k - 1] == '_' && !strcmp(arg + n - k, S_suffix[f]))
			return n - k - 1;
	}
	return n;
}

void clausier__form_error(char *why, size_t whylen, const char *arg, size_t baselen, const char *lang)
{
	char p[64];
	snprintf(p, sizeof p, "%.*s", (int)baselen, arg);
	if (!strncasecmp(lang, "fr", 2))
		/* TRANSLATORS: {%s_le}... are argument names: leave them as they are. */
		snprintf(why, whylen, _("argument {%s} is an English form of the name “%s”: French texts use {%s_le}, {%s_Le}, {%s_du} and {%s_au}"),
		         arg, p, p, p, p, p);
	else
		/* TRANSLATORS: {%s_the}... are argument names: leave them as they are. */
		snprintf(why, whylen, _("argument {%s} is a French form of the name “%s”: English texts use {%s_the}, {%s_The} and {%s_s}"),
		         arg, p, p, p, p);
}

const char *clausier__form_suffix(int form)
{
	return form >= 0 && form < CLAUSIER__NFORMS ? S_suffix[form] : NULL;
}

/* ---- UTF-8 through ICU ---- */

/* s lowercased, as French lowercases (« ŒUVRE » -> « œuvre »), into
 * out[len]: 0, or -1 when it does not fit or is not UTF-8. */
static int S_lower(char *out, size_t len, const char *s)
{
	UChar u[128], l[128];
	int32_t n = 0, m = 0, k = 0;
	UErrorCode e = U_ZERO_ERROR;
	u_strFromUTF8(u, 128, &n, s, -1, &e);
	if (U_FAILURE(e) || n >= 128)
		return -1;
	m = u_strToLower(l, 128, u, n, "fr", &e);
	if (U_FAILURE(e) || m >= 128)
		return -1;
	u_strToUTF8(out, (int32_t)len, &k, l, m, &e);
	if (U_FAILURE(e) || (size_t)k >= len)
		return -1;
	out[k] = '\0';
	return 0;
}

/* s with its first letter in upper case (ICU's title case), in place when
 * it keeps its length, else in a new string (s freed); NULL when out of
 * memory. */
static char *S_capitalize(char *s)
{
	int32_t i = 0, n = (int32_t)strlen(s);
	UChar32 c;
	U8_NEXT(s, i, n, c);
	if (c < 0)
		return s;
	UChar32 t = u_totitle(c);
	if (t == c)
		return s;
	uint8_t b[4];
	int32_t bl = 0;
	UBool err = 0;
	U8_APPEND(b, bl, 4, t, err);
	if (err)
		return s;
	if (bl == i) {
		memcpy(s, b, (size_t)bl);
		return s;
	}
	char *r = malloc((size_t)(n - i + bl) + 1);
	if (r) {
		memcpy(r, b, (size_t)bl);
		memcpy(r + bl, s + i, (size_t)(n - i) + 1);
	}
	free(s);
	return r;
}

/* Whether the character at s is a letter (upper: an upper-case one). */
static int S_letter(const char *s, int upper)
{
	int32_t i = 0;
	UChar32 c;
	U8_NEXT(s, i, -1, c);
	return c > 0 && (upper ? u_isupper(c) : u_isalpha(c));
}

/* ---- reading a name ---- */

#define S_WORD 64

/* The length of the UTF-8 character at s (1 for a bad byte). */
static size_t S_charlen(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Whether s starts a word separator: a space, a no-break space, a hyphen,
 * an apostrophe; *len gets its length. */
static int S_sep(const char *s, size_t *len)
{
	if (*s == ' ' || *s == '-' || *s == '\'' || *s == ',' || *s == '.' || *s == '(' || *s == '&') {
		*len = 1;
		return 1;
	}
	if (!strncmp(s, "\xC2\xA0", 2)) {
		*len = 2;
		return 1;
	}
	if (!strncmp(s, "’", 3) || !strncmp(s, "\xE2\x80\xAF", 3) || !strncmp(s, "\xE2\x80\x91", 3)) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* The word at s, up to a separator (all of a token up to a space when
 * token), as written into raw and lowercased by ICU into low (« Œuvre »
 * -> « œuvre »).  Returns where the next word starts (after separators),
 * or NULL when there is no word. */
static const char *S_word(const char *s, char *raw, char *low, int token)
{
	size_t n = 0, k;
	raw[0] = low[0] = '\0';
	while (*s && !(token ? (*s == ' ' || !strncmp(s, "\xC2\xA0", 2)) : S_sep(s, &k))) {
		size_t c = S_charlen(s);
		if (n + c >= S_WORD)
			return NULL;
		memcpy(raw + n, s, c);
		n += c;
		s += c;
	}
	if (!n)
		return NULL;
	raw[n] = '\0';
	if (S_lower(low, S_WORD, raw) < 0)
		return NULL;
	while (*s && S_sep(s, &k))
		s += k;
	return s;
}

static const clausier__word *S_find(const clausier__word *list, const char *word, const char *classes)
{
	for (; list->word; list++)
		if (list->word[0] == word[0] && !strcmp(list->word, word) && strchr(classes, list->cls))
			return list;
	return NULL;
}

static int S_is_vowel(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (strchr("AEIOUaeiou", c) && c)
		return 1;
	/* À Â Ä Æ È É Ê Ë Î Ï Ô Ö Ù Û Ü and lowercase */
	if (c == 0xC3) {
		unsigned char d = (unsigned char)s[1] | 0x20;
		return d == 0xA0 || d == 0xA2 || d == 0xA4 || d == 0xA6 || (d >= 0xA8 && d <= 0xAB) ||
		       d == 0xAE || d == 0xAF || d == 0xB4 || d == 0xB6 || d == 0xB9 || d == 0xBB || d == 0xBC;
	}
	/* Œ œ */
	if (c == 0xC5 && ((unsigned char)s[1] == 0x92 || (unsigned char)s[1] == 0x93))
		return 1;
	return 0;
}

/* Whether French elides before text, and in *sure whether that was known
 * (a vowel, a listed h or y) rather than guessed (an h no list has). */
static int S_elides(const char *text, int *sure)
{
	*sure = 1;
	if (S_is_vowel(text))
		return 1;
	char raw[S_WORD], low[S_WORD];
	if (*text == 'h' || *text == 'H') {
		if (!S_word(text, raw, low, 0))
			return 1;
		const clausier__word *w = S_find(clausier__fr_words, low, "hmnA");
		if (!w)
			w = S_find(clausier__fr_words, raw, "A");
		if (w && w->elision != '-')
			return w->elision == 'y';
		if (w && w->cls == 'n')
			return 1; /* the nouns of the list with an h are mute: hôpital, hôtel */
		/* An acronym said letter by letter starts with « ache »: d’HEC. */
		if (strlen(raw) >= 2 && raw[1] >= 'A' && raw[1] <= 'Z')
			return 1;
		*sure = 0;
		return 1;
	}
	if (*text == 'y' || *text == 'Y') {
		/* y before a consonant is a vowel (d’Yves, d’Ypres), before a
		 * vowel a consonant (de Yoplait), but for the listed words */
		if (S_word(text, raw, low, 0)) {
			const clausier__word *w = S_find(clausier__fr_words, low, "yY");
			if (w)
				return w->cls == 'y';
			/* an acronym: « le YMCA » */
			if (raw[1] >= 'A' && raw[1] <= 'Z')
				return 0;
		}
		return text[1] && !S_is_vowel(text + 1) && text[1] != 'y' && text[1] != 'Y' &&
		       (unsigned char)text[1] < 0x80 && text[1] != ' ' && text[1] != '-';
	}
	return 0;
}

int clausier__elides(const char *s)
{
	int sure;
	return S_elides(s, &sure);
}

static const char *const S_articles[] = { "none", "le", "la", "l’", "les", "the" };

int clausier__article_from_name(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "l'"))
		return CLAUSIER__ART_L;
	for (int i = 0; i < (int)(sizeof S_articles / sizeof *S_articles); i++)
		if (!strcmp(s, S_articles[i]))
			return i;
	return -1;
}

const char *clausier__article_name(int a)
{
	return a >= 0 && a < (int)(sizeof S_articles / sizeof *S_articles) ? S_articles[a] : "none";
}

/* The article a name starts with, as part of it (« Le Monde », « L’Oréal »,
 * "The Globe and Mail"), and in *len its length with the space after it;
 * CLAUSIER__ART_NONE when it starts with none. */
static int S_own_article(const char *text, int fr, size_t *len)
{
	static const struct {
		const char *s;
		int art, fr;
	} own[] = {
		{ "Le ", CLAUSIER__ART_LE, 1 },  { "le ", CLAUSIER__ART_LE, 1 },   { "La ", CLAUSIER__ART_LA, 1 },
		{ "la ", CLAUSIER__ART_LA, 1 },  { "Les ", CLAUSIER__ART_LES, 1 }, { "les ", CLAUSIER__ART_LES, 1 },
		{ "L’", CLAUSIER__ART_L, 1 },    { "l’", CLAUSIER__ART_L, 1 },     { "L'", CLAUSIER__ART_L, 1 },
		{ "l'", CLAUSIER__ART_L, 1 },    { "The ", CLAUSIER__ART_THE, 0 }, { "the ", CLAUSIER__ART_THE, 0 },
	};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
		size_t n = strlen(own[i].s);
		if (own[i].fr == fr && !strncmp(text, own[i].s, n) && text[n] && text[n] != ' ') {
			/* l’ before a vowel or an h only */
			if (own[i].art == CLAUSIER__ART_L && !S_is_vowel(text + n) && text[n] != 'h' && text[n] != 'H' &&
			    text[n] != 'y' && text[n] != 'Y')
				continue;
			*len = n;
			return own[i].art;
		}
	}
	*len = 0;
	return CLAUSIER__ART_NONE;
}

/* The French noun that heads text (after an adjective of the list: « Haute
 * Autorité », « Hautes écoles »), or the adjective's own grammar, or an
 * acronym used with an article (« SNCF », « AP-HP »).  NULL: none known. */
static const clausier__word *S_fr_head(const char *text, const clausier__word **adj)
{
	char raw[S_WORD], low[S_WORD];
	*adj = NULL;
	/* an acronym: the token as written, then its part before a hyphen */
	if (S_word(text, raw, low, 1)) {
		const clausier__word *w = S_find(clausier__fr_words, raw, "Ab");
		if (w)
			return w;
	}
	const char *next = S_word(text, raw, low, 0);
	if (!next)
		return NULL;
	const clausier__word *w = S_find(clausier__fr_words, raw, "Ab");
	if (w)
		return w;
	if ((w = S_find(clausier__fr_words, low, "n")))
		return w;
	if ((*adj = S_find(clausier__fr_words, low, "a")) && S_word(next, raw, low, 0))
		return S_find(clausier__fr_words, low, "n");
	return NULL;
}

/* Whether the word of text that ends at end is in the English list of classes. */
static int S_en_listed(const char *text, size_t end, const char *classes)
{
	char word[S_WORD];
	size_t b = end;
	while (b > 0 && text[b - 1] != ' ')
		b--;
	if (end - b == 0 || end - b >= S_WORD)
		return 0;
	char raw[S_WORD];
	memcpy(raw, text + b, end - b);
	raw[end - b] = '\0';
	if (S_lower(word, sizeof word, raw) < 0)
		return 0;
	return S_find(clausier__en_words, word, classes) != NULL;
}

/* English: whether the last word of text is plural in form ("Leafs",
 * "Hortons", "Archives"; not "Cross", "Press", "Campus", "Sainsbury’s"). */
static int S_plural_form(const char *text)
{
	size_t end = strlen(text);
	while (end > 0 && strchr(".,", text[end - 1]))
		end--;
	if (end < 3 || text[end - 1] != 's' || strchr("siu'", text[end - 2]))
		return 0;
	return !(end >= 4 && !strncmp(text + end - 4, "’", 3));
}

/* English: whether text takes "the" (and *sure whether a list said so). */
static int S_en_the(const char *text, int *sure, int *plural_looking)
{
	*sure = 1;
	*plural_looking = 0;
	size_t len = strlen(text);
	/* an acronym said with "the", alone or before "of" */
	const char *sp = strchr(text, ' ');
	size_t first = sp ? (size_t)(sp - text) : len;
	char tok[S_WORD];
	if (first < S_WORD) {
		memcpy(tok, text, first);
		tok[first] = '\0';
		if (S_find(clausier__en_words, tok, "A"))
			return !sp || !strncmp(sp, " of ", 4);
	}
	/* the noun before "of" or "for": the Government of Canada */
	const char *of = strstr(text, " of ");
	const char *fo = strstr(text, " for ");
	if (fo && (!of || fo < of))
		of = fo;
	if (of) {
		if (S_en_listed(text, (size_t)(of - text), "to?"))
			return 1;
		*sure = 0;
		return 0;
	}
	/* the last word: the Canadian Red Cross, the Salvation Army */
	size_t end = len;
	while (end > 0 && strchr(".,", text[end - 1]))
		end--;
	if (S_en_listed(text, end, "t"))
		return 1;
	/* the Canadian Broadcasting Corporation, but Microsoft Corporation */
	if (S_en_listed(text, end, "?"))
		*sure = 0;
	/* an initialism no list has: the BBC or NASA? */
	if (!sp && len >= 2 && len < S_WORD) {
		int caps = 1;
		for (size_t i = 0; i < len; i++)
			if (!(text[i] >= 'A' && text[i] <= 'Z'))
				caps = 0;
		if (caps)
			*sure = 0;
	}
	*plural_looking = S_plural_form(text);
	return 0;
}

void clausier__name_grammar(clausier__grammar *g, const char *text, int fr, const char *article,
                            const char *gender, const char *number, const char *elision)
{
	memset(g, 0, sizeof *g);
	g->plform = !fr && S_plural_form(text);
	int given = clausier__article_from_name(article);
	/* "the" is English and the others French: in the other language the
	 * article given says nothing. */
	if ((given == CLAUSIER__ART_THE && fr) || (given > CLAUSIER__ART_NONE && given < CLAUSIER__ART_THE && !fr))
		given = -1;
	size_t ownlen;
	int own = S_own_article(text, fr, &ownlen);
	const char *rest = text + ownlen;
	g->gender = gender ? (*gender == 'f' ? 'f' : 'm') : 0;
	g->plural = number ? (*number == 'p') : -1;
	g->elides = elision ? !strcmp(elision, "yes") : -1;
	if (own != CLAUSIER__ART_NONE) {
		/* The name's own article: « Le Monde », whatever was given; an
		 * article given that says otherwise is reported. */
		g->own = 1;
		g->article = (signed char)own;
		if (given > CLAUSIER__ART_NONE && given != own &&
		    !(own == CLAUSIER__ART_L && (given == CLAUSIER__ART_LE || given == CLAUSIER__ART_LA)))
			g->unsure |= CLAUSIER__UNSURE_CONFLICT;
	} else if (given >= 0) {
		g->article = (signed char)given;
	} else if (!fr) {
		int sure, pl;
		g->article = S_en_the(text, &sure, &pl) ? CLAUSIER__ART_THE : CLAUSIER__ART_NONE;
		if (!sure)
			g->unsure |= CLAUSIER__UNSURE_ARTICLE;
	} else {
		const clausier__word *adj, *w = S_fr_head(text, &adj);
		if (w && w->cls == 'b') {
			g->article = CLAUSIER__ART_NONE;
		} else if (w) {
			int pl = g->plural >= 0 ? g->plural : w->number == 'p';
			char gd = g->gender ? g->gender : w->gender != '-' ? w->gender : 'm';
			g->article = pl ? CLAUSIER__ART_LES : gd == 'f' ? CLAUSIER__ART_LA : CLAUSIER__ART_LE;
		} else {
			g->article = CLAUSIER__ART_NONE;
			/* an unknown word: a proper name without article, but a
			 * guess, unless the profile gave a gender (and so no
			 * article) */
			if (!gender)
				g->unsure |= CLAUSIER__UNSURE_ARTICLE;
		}
	}
	if (fr) {
		/* gender: given, the article's, the head noun's */
		if (!g->gender && g->article == CLAUSIER__ART_LE)
			g->gender = 'm';
		if (!g->gender && g->article == CLAUSIER__ART_LA)
			g->gender = 'f';
		const clausier__word *adj = NULL, *head = g->gender && g->plural >= 0 ? NULL : S_fr_head(rest, &adj);
		if (!g->gender) {
			const clausier__word *w = head;
			char gd = w && w->gender != '-' ? w->gender : adj && adj->gender != '-' ? adj->gender : 0;
			if (gd)
				g->gender = gd;
			else {
				g->gender = 'm';
				g->unsure |= CLAUSIER__UNSURE_GENDER;
			}
		}
		if (g->plural < 0) {
			const clausier__word *w = head;
			g->plural = g->article == CLAUSIER__ART_LES || (g->article == CLAUSIER__ART_NONE && w && w->cls != 'b' &&
			                                                w->number == 'p');
		}
	} else {
		if (!g->gender)
			g->gender = 'm';
		/* "Toronto Maple Leafs", "Tim Hortons": plural or singular? Only
		 * the profile knows, whatever article it gave. */
		if (g->plural < 0 && g->plform)
			g->unsure |= CLAUSIER__UNSURE_NUMBER;
		if (g->plural < 0)
			g->plural = 0;
	}
	if (g->elides < 0) {
		if (g->own || g->article == CLAUSIER__ART_LES || !fr)
			g->elides = g->article == CLAUSIER__ART_L;
		else if (g->article == CLAUSIER__ART_L)
			g->elides = 1;
		else {
			int sure;
			g->elides = S_elides(text, &sure);
			if (!sure)
				g->unsure |= CLAUSIER__UNSURE_ELISION;
		}
	}
	/* le or la added before a vowel is l’ */
	if (!g->own && (g->article == CLAUSIER__ART_LE || g->article == CLAUSIER__ART_LA) && g->elides)
		g->article = CLAUSIER__ART_L;
}

/* Upper-cases the first letter of s (an article, "the", a name written in
 * lower case) with ICU. */
static char *S_cap(char *s)
{
	return s && *s ? S_capitalize(s) : s;
}

static char *S_cat(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 1);
	if (!s)
		return NULL;
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

/* The English possessive of s: ’s, ’ after a name plural in form (the
 * Chicago Manual's 7.19: the United States’ role, Tim Hortons’), nothing
 * after a name that is one already (Sainsbury’s). */
static char *S_possessive(const char *s, int plural)
{
	size_t n = strlen(s);
	if ((n >= 4 && !strcmp(s + n - 4, "’s")) || (n >= 2 && !strcmp(s + n - 2, "'s")))
		return clausier__strdup(s);
	if (plural && n && s[n - 1] == 's')
		return S_cat(s, "’");
	return S_cat(s, "’s");
}

int clausier__name_forms(char **forms, const char *text, const clausier__grammar *g, int fr)
{
	static const char *const le[] = { "", "le ", "la ", "l’", "les ", "the " };
	static const char *const du[] = { "de ", "du ", "de la ", "de l’", "des ", "de " };
	static const char *const au[] = { "à ", "au ", "à la ", "à l’", "aux ", "à " };
	int a = g->article < 0 ? 0 : g->article;
	for (int f = 0; f < CLAUSIER__NFORMS; f++)
		forms[f] = NULL;
	if (g->own) {
		/* The article is the name's: as written, contracted where French
		 * contracts (« du Monde », « des Échos », but « de La Poste »,
		 * « de L’Oréal »), "The Globe and Mail" everywhere. */
		size_t len;
		S_own_article(text, fr, &len);
		const char *rest = text + len;
		forms[CLAUSIER__FORM_LE] = clausier__strdup(text);
		forms[CLAUSIER__FORM_LE_CAP] = S_cap(clausier__strdup(text));
		if (a == CLAUSIER__ART_LE || a == CLAUSIER__ART_LES) {
			forms[CLAUSIER__FORM_DU] = S_cat(a == CLAUSIER__ART_LE ? "du " : "des ", rest);
			forms[CLAUSIER__FORM_AU] = S_cat(a == CLAUSIER__ART_LE ? "au " : "aux ", rest);
		} else {
			forms[CLAUSIER__FORM_DU] = S_cat("de ", text);
			forms[CLAUSIER__FORM_AU] = S_cat("à ", text);
		}
		forms[CLAUSIER__FORM_THE] = clausier__strdup(text);
		forms[CLAUSIER__FORM_THE_CAP] = S_cap(clausier__strdup(text));
	} else {
		forms[CLAUSIER__FORM_LE] = S_cat(le[a], text);
		forms[CLAUSIER__FORM_LE_CAP] = a ? S_cap(S_cat(le[a], text)) : clausier__strdup(text);
		forms[CLAUSIER__FORM_DU] = a == CLAUSIER__ART_NONE && g->elides ? S_cat("d’", text) : S_cat(du[a], text);
		forms[CLAUSIER__FORM_AU] = S_cat(au[a], text);
		forms[CLAUSIER__FORM_THE] = S_cat(a == CLAUSIER__ART_THE ? "the " : "", text);
		forms[CLAUSIER__FORM_THE_CAP] = a == CLAUSIER__ART_THE ? S_cat("The ", text) : clausier__strdup(text);
	}
	forms[CLAUSIER__FORM_S] = forms[CLAUSIER__FORM_THE] ? S_possessive(forms[CLAUSIER__FORM_THE], g->plural > 0 || g->plform) : NULL;
	forms[CLAUSIER__FORM_GENDER] = clausier__strdup(g->gender == 'f' ? "feminine" : "masculine");
	forms[CLAUSIER__FORM_NUMBER] = clausier__strdup(g->plural > 0 ? "plural" : "singular");
	for (int f = 0; f < CLAUSIER__NFORMS; f++)
		if (!forms[f]) {
			for (int k = 0; k < CLAUSIER__NFORMS; k++) {
				free(forms[k]);
				forms[k] = NULL;
			}
			return -1;
		}
	return 0;
}

/* Where French text writes a contraction it must not (« de Le Monde »,
 * « à Les Échos », « de le Collège »): de or à, a space, le or les, a
 * space and a capital.  A pointer to it, or NULL. */
const char *clausier__bad_contraction(const char *s)
{
	for (const char *p = s; (p = strpbrk(p, "dDà\xC3")); p++) {
		size_t n;
		if (*p == 'd' || *p == 'D')
			n = p[1] == 'e' ? 2 : 0;
		else if (!strncmp(p, "à", 2) || !strncmp(p, "À", 2))
			n = 2;
		else
			n = 0;
		if (!n)
			continue;
		/* at a word's start */
		if (p > s) {
			unsigned char b = (unsigned char)p[-1];
			if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80 || b == '-' || b == '\'')
				if (!(b == 0xA0 && p - s >= 2 && (unsigned char)p[-2] == 0xC2))
					continue;
		}
		const char *q = p + n;
		size_t k;
		if (!S_sep(q, &k) || *q == '-' || *q == '\'' || *q == ',' || *q == '.' || *q == '(' || *q == '&' ||
		    !strncmp(q, "’", 3))
			continue;
		q += k;
		int cap = *q == 'L';
		if ((*q != 'l' && *q != 'L') || q[1] != 'e')
			continue;
		q += 2;
		if (*q == 's')
			q++;
		if (!S_sep(q, &k) || *q == '-' || *q == '\'' || *q == ',' || *q == '.' || !strncmp(q, "’", 3))
			continue;
		q += k;
		if (S_letter(q, !cap))
			return p;
	}
	return NULL;
}

static int S_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* French words that elide before a vowel or a mute h. */
static const char *const S_elidable[] = {
	"que", "de", "le", "la", "je", "ne", "se", "me", "te", "lorsque", "puisque", "jusque",
	"quoique", NULL,
};

/* Whether the value about to follow text[0, p) comes after a word French
 * elides there (« que », « de », « le »… and a space): the offset of that
 * word's last letter, which ’ replaces along with the space, or 0. */
static size_t S_elision_site(const char *text, const char *p)
{
	const char *done = text;
	/* the separator before the value: a space or U+00A0 */
	const char *sep = NULL;
	if (p - text >= 1 && p[-1] == ' ')
		sep = p - 1;
	else if (p - text >= 2 && (unsigned char)p[-2] == 0xC2 && (unsigned char)p[-1] == 0xA0)
		sep = p - 2;
	if (!sep || sep < done)
		return 0;
	/* the word before it, of at most 15 letters */
	const char *w = sep;
	while (w > done && sep - w < 16 && ((w[-1] >= 'a' && w[-1] <= 'z') || (w[-1] >= 'A' && w[-1] <= 'Z')))
		w--;
	char word[16];
	size_t wl = (size_t)(sep - w);
	/* before the word: the start, punctuation, a space; not a letter (an
	 * accented one is C3 xx), digit, _ or - */
	int boundary = w == text ||
	               ((unsigned char)w[-1] < 0x80 ? !((w[-1] >= '0' && w[-1] <= '9') || w[-1] == '_' ||
	                                                w[-1] == '-' || (w[-1] >= 'a' && w[-1] <= 'z') ||
	                                                (w[-1] >= 'A' && w[-1] <= 'Z'))
	                                            : !(w - text >= 2 && (unsigned char)w[-2] == 0xC3));
	if (wl < 2 || wl >= sizeof word || !boundary)
		return 0;
	memcpy(word, w, wl);
	word[wl] = '\0';
	word[0] = (char)(word[0] | 0x20);
	return S_in(word, S_elidable) ? (size_t)(sep - text) - 1 : 0;
}

int clausier__arg_elides(const clausier__arg *a)
{
	return a->elide && a->text && *a->text && (a->elide == 2 || clausier__elides(a->text));
}

void clausier__elide_end(clausier__buf *b)
{
	size_t cut = b->data ? S_elision_site(b->data, b->data + b->len) : 0;
	if (cut) {
		b->len = cut;
		clausier__buf_puts(b, "’");
	}
}

int clausier__elide_marks(char **out, const char *text)
{
	*out = NULL;
	const char *m = strstr(text, CLAUSIER__ELISION_MARK_UTF8);
	if (!m)
		return 0;
	clausier__buf b = { 0 };
	const char *p = text;
	for (; m; m = strstr(p, CLAUSIER__ELISION_MARK_UTF8)) {
		clausier__buf_add(&b, p, (size_t)(m - p));
		clausier__elide_end(&b);
		p = m + 3;
	}
	clausier__buf_puts(&b, p);
	*out = clausier__buf_detach(&b, NULL);
	return *out ? 1 : -1;
}
