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

const char *clausier__locale_supported(const char *tag)
{
	if (!tag)
		return NULL;
	size_t n = strlen(tag);
	for (size_t i = 0; i < sizeof S_supported / sizeof *S_supported; i++) {
		const char *s = S_supported[i];
		if (strlen(s) != n)
			continue;
		size_t k;
		/* BCP 47 tags are case-insensitive; ICU-style "fr_CA" is accepted too. */
		for (k = 0; k < n; k++) {
			char a = tag[k] == '_' ? '-' : tag[k];
			char b = s[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (k == n)
			return s;
	}
	return NULL;
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
