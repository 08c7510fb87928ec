/* The locales editions can be rendered in.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uenum.h>
#include <unicode/uloc.h>

static const char *const S_supported[] = {
	"en", "en-US", "en-CA", "en-GB", "fr", "fr-FR", "fr-CA", "fr-CH", "fr-BE",
};

/* ICU's reading of a tag: a BCP 47 tag ("fr-CA", "FR-ca", "fr-Latn-CA",
 * "fr-CA-u-nu-latn") through uloc_forLanguageTag, which must read all of it;
 * an ICU or POSIX id ("fr_CA", "fr_CA.UTF-8") through uloc_canonicalize.
 * id gets ICU's id ("fr_CA@numbers=latn"), canon the BCP 47 tag ICU makes of
 * it ("fr-CA-u-nu-latn"), or "" when ICU cannot read it.  -1 then. */
static int S_read(const char *tag, char *id, size_t idsize, char *canon, size_t size)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t n = strlen(tag);
	id[0] = canon[0] = '\0';
	if (!n || n > 100)
		return -1;
	if (strpbrk(tag, "_.@")) {
		/* an ICU or POSIX id: only what such ids are made of */
		if (strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.@=;") != n)
			return -1;
		uloc_canonicalize(tag, id, (int32_t)idsize, &st);
	} else {
		int32_t parsed = 0;
		uloc_forLanguageTag(tag, id, (int32_t)idsize, &parsed, &st);
		if (U_SUCCESS(st) && (size_t)parsed != n)
			return -1;
	}
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || !id[0])
		return -1;
	uloc_toLanguageTag(id, canon, (int32_t)size, 1, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING) {
		canon[0] = '\0';
		return -1;
	}
	return 0;
}

/* The Unicode extensions an edition may carry: those that name what the
 * library renders anyway (Latin digits, the Gregorian calendar). */
static int S_keywords_ok(const char *id)
{
	UErrorCode st = U_ZERO_ERROR;
	UEnumeration *keys = uloc_openKeywords(id, &st);
	int ok = U_SUCCESS(st);
	const char *key;
	while (ok && keys && (key = uenum_next(keys, NULL, &st)) && U_SUCCESS(st)) {
		char value[32];
		UErrorCode vst = U_ZERO_ERROR;
		uloc_getKeywordValue(id, key, value, sizeof value, &vst);
		ok = U_SUCCESS(vst) && vst != U_STRING_NOT_TERMINATED_WARNING &&
		     ((!strcmp(key, "numbers") && !strcmp(value, "latn")) ||
		      (!strcmp(key, "calendar") && !strcmp(value, "gregorian")));
	}
	uenum_close(keys);
	return ok && U_SUCCESS(st);
}

/* A part of an ICU id (uloc_getLanguage…) into buf; -1 when it does not fit. */
static int S_part(int32_t (*get)(const char *, char *, int32_t, UErrorCode *), const char *id, char *buf,
                  size_t size)
{
	UErrorCode st = U_ZERO_ERROR;
	get(id, buf, (int32_t)size, &st);
	return U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ? -1 : 0;
}

const char *clausier__locale_resolve(const char *tag, int language_enough, char *canon, size_t size)
{
	char id[ULOC_FULLNAME_CAPACITY], lang[ULOC_FULLNAME_CAPACITY], script[ULOC_FULLNAME_CAPACITY];
	char region[ULOC_FULLNAME_CAPACITY], variant[ULOC_FULLNAME_CAPACITY], scratch[ULOC_FULLNAME_CAPACITY];
	if (!canon) {
		canon = scratch;
		size = sizeof scratch;
	}
	canon[0] = '\0';
	if (!tag || S_read(tag, id, sizeof id, canon, size) < 0 ||
	    S_part(uloc_getLanguage, id, lang, sizeof lang) < 0 ||
	    S_part(uloc_getScript, id, script, sizeof script) < 0 ||
	    S_part(uloc_getCountry, id, region, sizeof region) < 0 ||
	    S_part(uloc_getVariant, id, variant, sizeof variant) < 0 || variant[0] || !S_keywords_ok(id))
		return NULL;
	/* A script is fine where it is the language's own: fr-Latn-CA. */
	if (script[0]) {
		char likely[ULOC_FULLNAME_CAPACITY], own[ULOC_FULLNAME_CAPACITY];
		UErrorCode st = U_ZERO_ERROR;
		uloc_addLikelySubtags(lang, likely, sizeof likely, &st);
		if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ||
		    S_part(uloc_getScript, likely, own, sizeof own) < 0 || strcmp(script, own))
			return NULL;
	}
	/* "fr" and "CA": fr-CA; "fr" alone: fr (and the language of any fr-*) */
	char want[2 * ULOC_FULLNAME_CAPACITY];
	snprintf(want, sizeof want, "%s%s%s", lang, region[0] ? "-" : "", region);
	for (size_t i = 0; i < sizeof S_supported / sizeof *S_supported; i++)
		if (!strcmp(S_supported[i], want))
			return S_supported[i];
	for (size_t i = 0; language_enough && i < sizeof S_supported / sizeof *S_supported; i++)
		if (!strcmp(S_supported[i], lang))
			return S_supported[i];
	return NULL;
}

const char *clausier__locale_supported(const char *tag)
{
	return clausier__locale_resolve(tag, 0, NULL, 0);
}

void clausier__locale_error(clausier_error *err, const char *tag, const char *canon)
{
	if (canon && *canon && tag && strcmp(canon, tag))
		clausier__error_set(err, CLAUSIER_ELOCALE, NULL, 0, 0,
		                    _("unsupported locale “%s”, which ICU reads as %s (supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)"),
		                    tag, canon);
	else if (canon && *canon)
		clausier__error_set(err, CLAUSIER_ELOCALE, NULL, 0, 0,
		                    _("unsupported locale “%s” (supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)"),
		                    tag);
	else
		clausier__error_set(err, CLAUSIER_ELOCALE, NULL, 0, 0,
		                    _("“%s” is not a locale tag ICU can read (supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)"),
		                    tag ? tag : "");
}

int clausier_locale_resolve(const char **out, const char *tag, clausier_error *err)
{
	if (!out) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	char canon[ULOC_FULLNAME_CAPACITY];
	*out = clausier__locale_resolve(tag, 0, canon, sizeof canon);
	if (*out)
		return CLAUSIER_OK;
	clausier__locale_error(err, tag, canon);
	return CLAUSIER_ELOCALE;
}

int clausier_locale_is_supported(const char *tag)
{
	return clausier__locale_supported(tag) != NULL;
}

/* Whether the catalog has texts for a supported locale: its own tag or its
 * language. */
static int S_covered(const clausier_catalog *cat, const char *locale)
{
	if (!cat)
		return 1;
	clausier_coverage *cov;
	size_t n;
	if (clausier_catalog_coverage(&cov, &n, cat, NULL) != CLAUSIER_OK)
		return 0;
	size_t lang = strcspn(locale, "-");
	int ok = 0;
	for (size_t i = 0; i < n && !ok; i++)
		ok = !strcasecmp(cov[i].lang, locale) ||
		     (strlen(cov[i].lang) == lang && !strncasecmp(cov[i].lang, locale, lang));
	free(cov);
	return ok;
}

#define S_NSUPPORTED (sizeof S_supported / sizeof *S_supported)

/* The editions offered: the space-separated tags of offered, each supported,
 * in their order and once, as the library spells them; CLAUSIER_ELOCALE
 * names the first that is not supported. */
static int S_offered(const char **tags, size_t *ntags, const char *offered, clausier_error *err)
{
	for (const char *p = offered; *p;) {
		p += strspn(p, " \t\n");
		size_t len = strcspn(p, " \t\n");
		if (!len)
			break;
		char tag[32];
		snprintf(tag, sizeof tag, "%.*s", (int)(len < sizeof tag ? len : sizeof tag - 1), p);
		const char *s = len < sizeof tag ? clausier__locale_supported(tag) : NULL;
		if (!s) {
			clausier__error_set(err, CLAUSIER_ELOCALE, NULL, 0, 0,
			                    _("unsupported locale “%s” (supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)"),
			                    tag);
			return CLAUSIER_ELOCALE;
		}
		size_t i = 0;
		while (i < *ntags && tags[i] != s)
			i++;
		if (i == *ntags) /* each supported tag once: never more than S_NSUPPORTED */
			tags[(*ntags)++] = s;
		p += len;
	}
	return CLAUSIER_OK;
}

int clausier_locale_negotiate(clausier_negotiation *out, const char *accept_language,
                              const clausier_catalog *catalog, const char *default_locale,
                              clausier_error *err)
{
	return clausier_locale_negotiate_among(out, accept_language, catalog, NULL, default_locale, err);
}

int clausier_locale_negotiate_among(clausier_negotiation *out, const char *accept_language,
                                    const clausier_catalog *catalog, const char *offered,
                                    const char *default_locale, clausier_error *err)
{
	if (!out) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	memset(out, 0, sizeof *out);
	/* The candidates: the editions offered, or else the supported locales
	 * the catalog covers. */
	const char *tags[S_NSUPPORTED] = { NULL }; /* among: S_offered gives one at least */
	size_t ntags = 0;
	int among = offered && offered[strspn(offered, " \t\n")];
	if (among) {
		int rc = S_offered(tags, &ntags, offered, err);
		if (rc != CLAUSIER_OK)
			return rc;
	} else {
		for (size_t i = 0; i < S_NSUPPORTED; i++)
			if (S_covered(catalog, S_supported[i]))
				tags[ntags++] = S_supported[i];
	}
	/* ICU wants its own ids (fr_BE) for what is available. */
	const char *ids[S_NSUPPORTED];
	char idbuf[S_NSUPPORTED][16];
	int32_t nids = 0;
	for (size_t i = 0; i < ntags; i++) {
		snprintf(idbuf[nids], sizeof idbuf[nids], "%s", tags[i]);
		for (char *p = idbuf[nids]; *p; p++)
			if (*p == '-')
				*p = '_';
		ids[nids] = idbuf[nids];
		nids++;
	}
	const char *chosen = NULL;
	UAcceptResult how = ULOC_ACCEPT_FAILED;
	char result[64] = "";
	if (accept_language && *accept_language && nids) {
		UErrorCode status = U_ZERO_ERROR;
		UEnumeration *avail = uenum_openCharStringsEnumeration(ids, nids, &status);
		if (U_SUCCESS(status))
			uloc_acceptLanguageFromHTTP(result, sizeof result, &how, accept_language, avail, &status);
		uenum_close(avail);
		if (U_FAILURE(status) || !result[0])
			how = ULOC_ACCEPT_FAILED;
		if (how != ULOC_ACCEPT_FAILED)
			chosen = clausier__locale_supported(result);
	}
	if (chosen) {
		snprintf(out->locale, sizeof out->locale, "%s", chosen);
		if (how != ULOC_ACCEPT_VALID)
			snprintf(out->why, sizeof out->why, _("%s is the closest to a language the reader accepts"), chosen);
		else if (among)
			snprintf(out->why, sizeof out->why, _("%s is the reader’s first choice among the editions offered"),
			         chosen);
		else
			snprintf(out->why, sizeof out->why, _("%s is the reader’s first choice that the catalog covers"), chosen);
	} else if (among) {
		/* The default if it is offered, else the first edition offered. */
		const char *d = default_locale ? clausier__locale_supported(default_locale) : NULL, *fallback = tags[0];
		for (size_t i = 0; d && i < ntags; i++)
			if (tags[i] == d)
				fallback = d;
		snprintf(out->locale, sizeof out->locale, "%s", fallback);
		snprintf(out->why, sizeof out->why, _("none of the reader’s languages is offered: %s, the default"),
		         fallback);
	} else {
		const char *fallback = default_locale ? clausier__locale_supported(default_locale) : NULL;
		if (!fallback || !S_covered(catalog, fallback))
			fallback = catalog ? clausier__locale_supported(catalog->source_lang) : "en";
		if (!fallback)
			fallback = "en";
		snprintf(out->locale, sizeof out->locale, "%s", fallback);
		snprintf(out->why, sizeof out->why,
		         _("none of the reader’s languages is covered: %s, the default"), fallback);
	}
	/* The order texts are looked up in: the locale, its language, the source. */
	size_t lang = strcspn(out->locale, "-");
	snprintf(out->chain, sizeof out->chain, "%s", out->locale);
	if (out->locale[lang])
		snprintf(out->chain + strlen(out->chain), sizeof out->chain - strlen(out->chain), " %.*s", (int)lang,
		         out->locale);
	if (catalog && strncmp(catalog->source_lang, out->locale, strlen(catalog->source_lang)))
		snprintf(out->chain + strlen(out->chain), sizeof out->chain - strlen(out->chain), " %s",
		         catalog->source_lang);
	return CLAUSIER_OK;
}

int clausier__locales_canonical(char **out, const char *list, clausier_error *err, const char *source, int line,
                                int column)
{
	*out = NULL;
	clausier__buf b = { 0 };
	for (const char *p = list; *p;) {
		p += strspn(p, " \t\r\n");
		size_t len = strcspn(p, " \t\r\n");
		if (!len)
			break;
		char tag[128], canon[ULOC_FULLNAME_CAPACITY];
		snprintf(tag, sizeof tag, "%.*s", (int)(len < sizeof tag ? len : sizeof tag - 1), p);
		const char *l = clausier__locale_resolve(tag, 0, canon, sizeof canon);
		if (!l) {
			clausier_error e;
			clausier__locale_error(&e, tag, canon);
			clausier__error_set(err, CLAUSIER_ELOCALE, source, line, column, _("locales: %s"), e.message);
			clausier__buf_free(&b);
			return CLAUSIER_ELOCALE;
		}
		if (b.len)
			clausier__buf_putc(&b, ' ');
		clausier__buf_puts(&b, l);
		p += len;
	}
	*out = clausier__buf_detach(&b, NULL);
	if (!*out) {
		clausier__error_set(err, CLAUSIER_ENOMEM, source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	return CLAUSIER_OK;
}
