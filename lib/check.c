/* Translators' checks: a translation against its source.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

typedef struct {
	char name[64];
	enum clausier__argkind kind;
} S_arg;

typedef struct {
	S_arg args[64];
	size_t n;
	const char *lang;
	char wrong[64];  /* a form of the other language, as {org_the} in French */
	char names[256]; /* " org x " : the arguments used through their forms */
} S_args;

/* n bytes of s into buf, cut to its size as snprintf cuts (called for
 * every argument of every message checked: no format to read). */
static void S_copy(char *buf, size_t size, const char *s, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

/* Collects the arguments of a pattern; the forms of a name ({org_du},
 * {org_the}) count as the name itself, which each language writes with its
 * own forms. */
static int S_collect(void *vctx, const char *arg, enum clausier__argkind kind, size_t start, size_t end,
                     char *why, size_t whylen)
{
	S_args *a = vctx;
	(void)why, (void)whylen, (void)start, (void)end;
	if (kind == CLAUSIER__ARG_COUNT)
		kind = CLAUSIER__ARG_NUMBER;
	char name[64];
	size_t base = clausier__form_base(arg);
	S_copy(name, sizeof name, arg, base);
	if (base < strlen(arg)) {
		if (clausier__form_of(arg, base, a->lang) == -2 && !a->wrong[0])
			snprintf(a->wrong, sizeof a->wrong, "%s", arg);
		char key[70];
		snprintf(key, sizeof key, " %s ", name);
		size_t used = strlen(a->names);
		if (!strstr(a->names, key) && used + strlen(key) < sizeof a->names)
			snprintf(a->names + used, sizeof a->names - used, "%s", used ? key + 1 : key);
		kind = CLAUSIER__ARG_ANY;
	}
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->args[i].name, name)) {
			/* A plain {x} says nothing of its type: keep the typed use. */
			if (a->args[i].kind == CLAUSIER__ARG_ANY)
				a->args[i].kind = kind;
			return 0;
		}
	if (a->n < sizeof a->args / sizeof *a->args) {
		S_copy(a->args[a->n].name, sizeof a->args[a->n].name, name, strlen(name));
		a->args[a->n++].kind = kind;
	}
	return 0;
}

static const char *S_kind(enum clausier__argkind k)
{
	switch (k) {
	case CLAUSIER__ARG_NUMBER: return "number";
	case CLAUSIER__ARG_DATE: return "date";
	case CLAUSIER__ARG_TEXT: return "select";
	default: return "text";
	}
}

/* Whether s holds something that reads as markup: "<" then a letter, "/" or "!". */
static const char *S_markup(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
		if ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '/' || p[1] == '!')
			return p;
	return NULL;
}

static int S_chars(const char *s, const char *upto)
{
	int n = 1;
	for (; s < upto; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The length in bytes of the first max characters of s, never ending
 * inside a character (nor inside invalid UTF-8's bytes: U8_FWD_1 skips
 * them as one). */
static int S_cut(const char *s, int max)
{
	int32_t len = (int32_t)strnlen(s, INT32_MAX), i = 0;
	for (int k = 0; k < max && i < len; k++)
		U8_FWD_1(s, i, len);
	return (int)i;
}

/* The space at s in words, with its length in *len; NULL when s does not
 * start with one of the spaces typography sets. */
static const char *S_space(const char *s, size_t *len)
{
	*len = 0;
	if (*s == ' ') {
		*len = 1;
		/* TRANSLATORS: the kinds of space, named in the typography warning
		 * (in French typography, espace is feminine: une espace) */
		return _("space");
	}
	if (!strncmp(s, "\xc2\xa0", 2)) {
		*len = 2;
		return _("no-break space U+00A0");
	}
	if (!strncmp(s, "\xe2\x80\xaf", 3)) {
		*len = 3;
		return _("narrow no-break space U+202F");
	}
	return NULL;
}

/* clausier__locale_resolve(lang, 1, ...), which a PO file asks for every
 * message in the same language: the last answer is kept, per thread (one
 * tag; the answer is a string of the library's own table). */
static const char *S_resolve(const char *lang)
{
	static _Thread_local char last[64];
	static _Thread_local const char *answer;
	static _Thread_local int known;
	if (known && !strcmp(last, lang))
		return answer;
	const char *loc = clausier__locale_resolve(lang, 1, NULL, 0);
	if (strlen(lang) < sizeof last) {
		memcpy(last, lang, strlen(lang) + 1);
		answer = loc;
		known = 1;
	}
	return loc;
}

void clausier__check_untagged(void *vctx, clausier_severity severity, int column, const char *rule,
                              const char *message)
{
	const clausier__check_public *p = vctx;
	(void)rule;
	p->report(p->ctx, severity, column, message);
}

int clausier_check_translation(const char *source, const char *source_lang, const char *translation,
                               const char *lang, clausier_check_report report, void *ctx)
{
	if (!source || !source_lang || !translation || !lang || !report)
		return CLAUSIER_EARG;
	clausier__check_public p = { report, ctx };
	return clausier__check_translation(source, source_lang, translation, lang, clausier__check_untagged, &p);
}

int clausier__check_translation(const char *source, const char *source_lang, const char *translation,
                                const char *lang, clausier__check_emit report, void *ctx)
{
	int errors = 0;
	char msg[600], why[400];
	long cp;
	size_t pos;
#define S_REPORT(sev, col, rule, ...) \
	do { \
		snprintf(msg, sizeof msg, __VA_ARGS__); \
		report(ctx, sev, col, rule, msg); \
		errors += (sev) == CLAUSIER_CHECK_ERROR; \
	} while (0)

	if (clausier__text_check(translation, &cp, &pos) < 0) {
		if (cp < 0)
			S_REPORT(CLAUSIER_CHECK_ERROR, (int)pos, "invalid-utf8", _("invalid UTF-8 at character %zu"), pos);
		else
			S_REPORT(CLAUSIER_CHECK_ERROR, (int)pos, "invisible-character",
			         _("character %zu is U+%04lX, an invisible control, formatting or separator character, which policy texts may not contain"),
			         pos, cp);
		return errors;
	}
	/* Allowed but invisible: said, in case it came in by accident. */
	{
		size_t chars = 0;
		for (int32_t i = 0, len = (int32_t)strlen(translation); i < len;) {
			UChar32 c;
			if ((unsigned char)translation[i] < 0x80) {
				/* ASCII: none of the characters said here */
				i++;
				chars++;
				continue;
			}
			U8_NEXT((const uint8_t *)translation, i, len, c);
			chars++;
			if (clausier__invisible(c) < 0) {
				char name[96];
				UErrorCode st = U_ZERO_ERROR;
				u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &st);
				S_REPORT(CLAUSIER_CHECK_WARNING, (int)chars, "invisible-character",
				         _("character %zu is U+%04lX %s, which is invisible: keep it only where it belongs (an emoji sequence, a script that needs it, a hyphenation point)"),
				         chars, (long)c, U_SUCCESS(st) ? name : "");
				break;
			}
		}
	}
	/* The tag as ICU reads it (FR-ca, fr_CA.UTF-8: fr-CA), for French and its typography. */
	const char *loc = S_resolve(lang);
	int fr = loc && !strncmp(loc, "fr", 2);
	S_args src = { .n = 0, .lang = source_lang }, tr = { .n = 0, .lang = lang };
	if (clausier__msg_check(translation, lang, S_collect, &tr, why, sizeof why) < 0) {
		S_REPORT(CLAUSIER_CHECK_ERROR, 0, "icu-syntax", "%s", why);
		return errors;
	}
	if (tr.wrong[0]) {
		clausier__form_error(why, sizeof why, tr.wrong, clausier__form_base(tr.wrong), lang);
		S_REPORT(CLAUSIER_CHECK_ERROR, S_chars(translation, strstr(translation, tr.wrong)), "plural-category", "%s", why);
	}
	/* The source is the catalog's business; if it does not parse, only the
	 * checks above apply. */
	int source_ok = clausier__msg_check(source, source_lang, S_collect, &src, why, sizeof why) == 0;
	if (source_ok) {
		for (size_t i = 0; i < src.n; i++) {
			size_t k;
			for (k = 0; k < tr.n && strcmp(src.args[i].name, tr.args[k].name); k++)
				;
			if (k == tr.n)
				S_REPORT(CLAUSIER_CHECK_ERROR, 0, "argument-missing", _("argument {%s} of the source is missing"), src.args[i].name);
			else if (src.args[i].kind != tr.args[k].kind && tr.args[k].kind != CLAUSIER__ARG_ANY &&
			         src.args[i].kind != CLAUSIER__ARG_ANY)
				S_REPORT(CLAUSIER_CHECK_ERROR, 0, "argument-type", _("argument {%s} is used as %s, but as %s in the source"),
				         src.args[i].name, S_kind(tr.args[k].kind), S_kind(src.args[i].kind));
		}
		for (size_t k = 0; k < tr.n; k++) {
			size_t i;
			for (i = 0; i < src.n && strcmp(src.args[i].name, tr.args[k].name); i++)
				;
			if (i == src.n)
				S_REPORT(CLAUSIER_CHECK_ERROR, 0, "argument-extra", _("argument {%s} is not in the source"), tr.args[k].name);
		}
	}
	/* French: a name inserted bare after « de », « à », « que » or an
	 * article, where its contracted form agrees (« du Collège », « à
	 * l’Hôpital »).  A name is an argument the message uses through its
	 * forms somewhere. */
	if (fr) {
		static const char *const before[][2] = {
			{ "de", "du" }, { "du", "du" }, { "des", "du" }, { "à", "au" }, { "au", "au" },
			{ "aux", "au" }, { "le", "le" }, { "la", "le" }, { "les", "le" }, { "que", "le" },
		};
		/* the translation's names, then the source's not among them */
		char names[520];
		snprintf(names, sizeof names, "%s", tr.names);
		for (const char *n = src.names; *n;) {
			n += strspn(n, " ");
			size_t len = strcspn(n, " "), used = strlen(names);
			char key[70];
			snprintf(key, sizeof key, " %.*s ", (int)len, n);
			if (len && !strstr(names, key) && used + len + 2 < sizeof names)
				snprintf(names + used, sizeof names - used, "%s", used ? key + 1 : key);
			n += len;
		}
		for (const char *n = names; *n;) {
			n += strspn(n, " ");
			size_t len = strcspn(n, " ");
			if (!len)
				break;
			char arg[80];
			snprintf(arg, sizeof arg, "{%.*s}", (int)len, n);
			for (const char *hit = strstr(translation, arg); hit; hit = strstr(hit + 1, arg)) {
				for (size_t b = 0; b < sizeof before / sizeof *before; b++) {
					size_t wl = strlen(before[b][0]);
					if ((size_t)(hit - translation) < wl + 1)
						continue;
					const char *w = hit - wl - 1;
					if (hit[-1] != ' ' || strncmp(w, before[b][0], wl) ||
					    (w > translation && ((w[-1] >= 'a' && w[-1] <= 'z') || (unsigned char)w[-1] >= 0x80)))
						continue;
					/* TRANSLATORS: “de {org}”: {org} is a name: write {org_du}, which agrees with its article */
					S_REPORT(CLAUSIER_CHECK_WARNING, S_chars(translation, w), "name-agreement",
					         _("“%s %s”: %s is a name: write {%.*s_%s}, which agrees with its article"),
					         before[b][0], arg, arg, (int)len, n,
					         !strcmp(before[b][0], "que") ? "le" : before[b][1]);
				}
			}
			n += len;
		}
	}
	const char *m = S_markup(translation);
	if (m && !S_markup(source))
		S_REPORT(CLAUSIER_CHECK_ERROR, S_chars(translation, m), "markup", _("markup that the source does not have"));

	/* Typography where the library knows it: the languages it renders. */
	char *set = loc ? clausier__typeset(translation, loc) : NULL;
	if (set && strcmp(set, translation)) {
		const char *a = translation, *b = set;
		while (*a && *a == *b)
			a++, b++;
		while (a > translation && ((unsigned char)*a & 0xC0) == 0x80)
			a--, b--;
		/* Excerpts of 40 characters, cut between two; the difference
		 * they start with said in words when it is a space, which the
		 * excerpts cannot show. */
		int was = S_cut(a, 40), now = S_cut(b, 40);
		size_t la, lb;
		const char *ka = S_space(a, &la), *kb = S_space(b, &lb);
		if (!strncmp(a, "\xc2\xb0", 2) && a > translation && (a[-1] == 'n' || a[-1] == 'N'))
			/* TRANSLATORS: « nº » is n + U+00BA (ordinal indicator), « n° » n + U+00B0 (degree) */
			S_REPORT(CLAUSIER_CHECK_WARNING, S_chars(translation, a - 1), "numero-sign",
			         _("typography for %s: “%.*s” should read “%.*s” (numéro is written with º U+00BA, not "
			           "the degree sign °)"),
			         lang, S_cut(a - 1, 40), a - 1, S_cut(b - 1, 40), b - 1);
		else if (!ka && kb && *a == b[lb])
			S_REPORT(CLAUSIER_CHECK_WARNING, S_chars(translation, a), "typography",
			         /* TRANSLATORS: the last %s is a kind of space: "space",
			          * "no-break space U+00A0" or "narrow no-break space U+202F" */
			         _("typography for %s: “%.*s” should read “%.*s” (add a %s)"), lang, was, a, now, b, kb);
		else if (ka && !kb && a[la] == *b)
			S_REPORT(CLAUSIER_CHECK_WARNING, S_chars(translation, a), "typography",
			         /* TRANSLATORS: the last %s is a kind of space: "space",
			          * "no-break space U+00A0" or "narrow no-break space U+202F" */
			         _("typography for %s: “%.*s” should read “%.*s” (remove the %s)"), lang, was, a, now, b, ka);
		else if (ka && kb)
			S_REPORT(CLAUSIER_CHECK_WARNING, S_chars(translation, a), "typography",
			         /* TRANSLATORS: the last two %s are kinds of space: "space",
			          * "no-break space U+00A0" or "narrow no-break space U+202F" */
			         _("typography for %s: “%.*s” should read “%.*s” (write a %s instead of the %s)"), lang, was,
			         a, now, b, kb, ka);
		else
			S_REPORT(CLAUSIER_CHECK_WARNING, S_chars(translation, a), "typography",
			         _("typography for %s: “%.*s” should read “%.*s”"), lang, was, a, now, b);
	}
	free(set);
	if (!strcmp(source, translation) && strpbrk(source, "abcdefghijklmnopqrstuvwxyz") &&
	    strcspn(source, "{") > 0)
		S_REPORT(CLAUSIER_CHECK_WARNING, 0, "identical", _("the translation is identical to the source"));
	return errors;
#undef S_REPORT
}

int clausier_typeset(char **out, const char *text, const char *locale)
{
	if (!out || !text || !locale)
		return CLAUSIER_EARG;
	/* FR-ca, fr_CA.UTF-8: fr-CA as ICU reads them; other languages: English rules */
	const char *loc = clausier__locale_resolve(locale, 1, NULL, 0);
	*out = clausier__typeset(text, loc ? loc : "en");
	return *out ? CLAUSIER_OK : CLAUSIER_ENOMEM;
}
