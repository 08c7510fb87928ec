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

/* The first word of s, lowercased where it is ASCII or Latin-1 accented
 * (enough for the nouns below), into buf. */
static void S_first_word(const char *s, char *buf, size_t len)
{
	size_t n = 0;
	while (*s && *s != ' ' && *s != '-' && n + 3 < len) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z') {
			buf[n++] = (char)(c + 32);
			s++;
		} else if (c == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9E) {
			buf[n++] = (char)c; /* À..Þ -> à..þ */
			buf[n++] = (char)((unsigned char)s[1] + 0x20);
			s += 2;
		} else {
			buf[n++] = *s++;
		}
	}
	buf[n] = '\0';
}

static int S_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* French nouns that open the name of an organization, by gender and number:
 * « le Collège Ahuntsic », « la Ville de Laval », « les Services partagés
 * Canada ».  A name that opens with none of them is taken as a proper name
 * without article (« Acme », « Bibliomonde »). */
static const char *const S_fr_masc[] = {
	"hôpital", "collège", "centre", "ministère", "office", "institut", "conseil", "service",
	"cégep", "syndicat", "groupe", "musée", "département", "secrétariat", "bureau", "cabinet",
	"établissement", "cisss", "ciusss", "comité", "réseau", "tribunal", "commissariat", NULL,
};
static const char *const S_fr_fem[] = {
	"ville", "université", "commission", "société", "agence", "régie", "caisse", "banque",
	"fédération", "association", "fondation", "école", "entreprise", "bibliothèque", "mairie",
	"direction", "clinique", "maison", "communauté", "haute", "autorité", "coopérative",
	"municipalité", "chambre", "cour", "corporation", "organisation", "compagnie", NULL,
};
static const char *const S_fr_plural[] = {
	"services", "éditions", "laboratoires", "archives", "hôpitaux", "établissements",
	"ateliers", "amis", NULL,
};
static const char *const S_fr_plural_fem[] = { "archives", NULL };
/* Words with an aspirated h: no elision (« la Haute Autorité », « de
 * Hockey Canada »). */
static const char *const S_aspirated[] = {
	"haut", "haute", "hautes", "hauts", "hall", "halte", "hangar", "hasard", "hâte", "hausse",
	"héros", "honte", "hors", "hockey", "handicap", "hollande", "hongrie", "havre", "hameau",
	"harcèlement", "harmonie", "hachette", "hainaut", NULL,
};
/* English nouns that take "the": "the Hospital", "the City of Ottawa". */
static const char *const S_en_the[] = {
	"hospital", "college", "university", "city", "town", "department", "ministry", "office",
	"agency", "commission", "foundation", "association", "society", "institute", "bank",
	"centre", "center", "council", "board", "museum", "library", "school", "federation",
	"corporation", "company", "court", "authority", "clinic", "network", "secretariat", NULL,
};

static int S_is_vowel(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (strchr("AEIOUaeiou", c) && c)
		return 1;
	/* À Â Ä Æ È É Ê Ë Î Ï Ô Œ Ù Û Ü and lowercase */
	if (c == 0xC3) {
		unsigned char d = (unsigned char)s[1] | 0x20;
		return d == 0xA0 || d == 0xA2 || d == 0xA4 || d == 0xA6 || (d >= 0xA8 && d <= 0xAB) ||
		       d == 0xAE || d == 0xAF || d == 0xB4 || d == 0xB9 || d == 0xBB || d == 0xBC;
	}
	if (c == 0xC5 && ((unsigned char)s[1] == 0x92 || (unsigned char)s[1] == 0x93))
		return 1;
	return 0;
}

int clausier__elides(const char *s)
{
	if (S_is_vowel(s))
		return 1;
	if (*s == 'h' || *s == 'H') {
		char w[64];
		S_first_word(s, w, sizeof w);
		return !S_in(w, S_aspirated);
	}
	return 0;
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

void clausier__name_grammar(clausier__grammar *g, const char *text, int fr, const char *article,
                            const char *gender, const char *elision)
{
	char w[64];
	S_first_word(text, w, sizeof w);
	g->inferred = 0;
	g->article = clausier__article_from_name(article);
	/* "the" is English and the others French: in the other language the
	 * name is used as it is. */
	if (g->article == CLAUSIER__ART_THE && fr)
		g->article = CLAUSIER__ART_NONE;
	if (g->article > CLAUSIER__ART_NONE && g->article < CLAUSIER__ART_THE && !fr)
		g->article = CLAUSIER__ART_NONE;
	g->gender = gender ? (*gender == 'f' ? 'f' : 'm') : 0;
	g->plural = g->article == CLAUSIER__ART_LES;
	g->elides = elision ? !strcmp(elision, "yes") : -1;
	if (g->article < 0) {
		g->inferred = 1;
		if (!fr) {
			g->article = !strncmp(text, "The ", 4) || S_in(w, S_en_the) ? CLAUSIER__ART_THE
			                                                           : CLAUSIER__ART_NONE;
		} else if (S_in(w, S_fr_plural)) {
			g->article = CLAUSIER__ART_LES;
			g->plural = 1;
			if (!g->gender)
				g->gender = S_in(w, S_fr_plural_fem) ? 'f' : 'm';
		} else if (S_in(w, S_fr_masc) || S_in(w, S_fr_fem)) {
			int fem = S_in(w, S_fr_fem);
			if (!g->gender)
				g->gender = fem ? 'f' : 'm';
			g->article = g->gender == 'f' ? CLAUSIER__ART_LA : CLAUSIER__ART_LE;
		} else {
			g->article = CLAUSIER__ART_NONE;
		}
	}
	if (g->article == CLAUSIER__ART_LA && !g->gender)
		g->gender = 'f';
	if (!g->gender)
		g->gender = 'm';
	if (g->elides < 0) {
		if (g->article == CLAUSIER__ART_L)
			g->elides = 1;
		else if (g->article == CLAUSIER__ART_LES || !fr)
			g->elides = 0;
		else {
			g->elides = clausier__elides(text);
			if (*text == 'H' || *text == 'h')
				g->inferred = 1; /* mute or aspirated: read from a list */
		}
	}
	/* le or la before a vowel is l’. */
	if ((g->article == CLAUSIER__ART_LE || g->article == CLAUSIER__ART_LA) && g->elides)
		g->article = CLAUSIER__ART_L;
}

/* Upper-cases an ASCII first letter (the articles and "the"). */
static char *S_cap(char *s)
{
	if (s && *s >= 'a' && *s <= 'z')
		*s = (char)(*s - 32);
	return s;
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

int clausier__name_forms(char **forms, const char *text, const clausier__grammar *g, int fr)
{
	/* English "The Ottawa Hospital": the article is written apart. */
	const char *name = text;
	if (!fr && g->article == CLAUSIER__ART_THE && !strncmp(text, "The ", 4) && text[4])
		name = text + 4;
	static const char *const le[] = { "", "le ", "la ", "l’", "les ", "the " };
	static const char *const du[] = { "de ", "du ", "de la ", "de l’", "des ", "de " };
	static const char *const au[] = { "à ", "au ", "à la ", "à l’", "aux ", "à " };
	int a = g->article < 0 ? 0 : g->article;
	for (int f = 0; f < CLAUSIER__NFORMS; f++)
		forms[f] = NULL;
	forms[CLAUSIER__FORM_LE] = S_cat(le[a], name);
	forms[CLAUSIER__FORM_LE_CAP] = S_cap(S_cat(le[a], name));
	forms[CLAUSIER__FORM_DU] = a == CLAUSIER__ART_NONE && g->elides ? S_cat("d’", name) : S_cat(du[a], name);
	forms[CLAUSIER__FORM_AU] = S_cat(au[a], name);
	forms[CLAUSIER__FORM_THE] = S_cat(a == CLAUSIER__ART_THE ? "the " : "", name);
	forms[CLAUSIER__FORM_THE_CAP] = S_cap(S_cat(a == CLAUSIER__ART_THE ? "the " : "", name));
	forms[CLAUSIER__FORM_S] = S_cat(forms[CLAUSIER__FORM_THE] ? forms[CLAUSIER__FORM_THE] : "", "’s");
	forms[CLAUSIER__FORM_GENDER] = clausier__strdup(g->gender == 'f' ? "feminine" : "masculine");
	forms[CLAUSIER__FORM_NUMBER] = clausier__strdup(g->plural ? "plural" : "singular");
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
