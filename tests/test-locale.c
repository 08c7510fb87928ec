/* Locale tags as ICU reads them: understood, or refused with ICU's reading named. */
#include "helpers.h"

static const char *resolved(const char *tag)
{
	const char *out = "unset";
	clausier_error err;
	int rc = clausier_locale_resolve(&out, tag, &err);
	cr_assert_eq(rc, CLAUSIER_OK, "%s: %s", tag, errline(&err));
	return out;
}

static const char *refused(const char *tag)
{
	const char *out = "unset";
	clausier_error err;
	cr_assert_eq(clausier_locale_resolve(&out, tag, &err), CLAUSIER_ELOCALE, "%s was accepted", tag);
	cr_assert_null(out);
	cr_assert_eq(err.code, CLAUSIER_ELOCALE);
	cr_assert_eq(clausier_locale_is_supported(tag), 0, "%s", tag);
	return errline(&err);
}

Test(locale, icu_reads_every_spelling_of_fr_CA)
{
	static const char *const tags[] = { "fr-CA", "fr-Latn-CA", "fr_CA.UTF-8", "fr_CA", "FR-ca", "fr-CA-u-nu-latn",
		                            "fr-ca-u-ca-gregory", "fr_CA.utf8" };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		cr_assert_str_eq(resolved(tags[i]), "fr-CA", "%s", tags[i]);
		cr_assert_eq(clausier_locale_is_supported(tags[i]), 1, "%s", tags[i]);
	}
	cr_assert_str_eq(resolved("EN"), "en");
	cr_assert_str_eq(resolved("en_GB"), "en-GB");
	cr_assert_str_eq(resolved("en-Latn-US"), "en-US");
	cr_assert_str_eq(resolved("fr-be"), "fr-BE");
}

Test(locale, what_is_not_supported_is_named_as_icu_reads_it)
{
	cr_assert_str_eq(refused("fr-Cyrl-CA"), "unsupported locale “fr-Cyrl-CA” (supported: en, en-US, en-CA, en-GB, "
	                                        "fr, fr-FR, fr-CA, fr-CH, fr-BE)");
	cr_assert_str_eq(refused("fr-ca-u-nu-arab"), "unsupported locale “fr-ca-u-nu-arab”, which ICU reads as "
	                                             "fr-CA-u-nu-arab (supported: en, en-US, en-CA, en-GB, fr, fr-FR, "
	                                             "fr-CA, fr-CH, fr-BE)");
	cr_assert_str_eq(refused("de_DE.UTF-8"), "unsupported locale “de_DE.UTF-8”, which ICU reads as de-DE "
	                                         "(supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)");
	cr_assert_str_eq(refused("FR-lu"), "unsupported locale “FR-lu”, which ICU reads as fr-LU (supported: en, en-US, "
	                                   "en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)");
	cr_assert_str_eq(refused("fr-CA-1994"), "unsupported locale “fr-CA-1994” (supported: en, en-US, en-CA, en-GB, "
	                                        "fr, fr-FR, fr-CA, fr-CH, fr-BE)");
	cr_assert_str_eq(refused("fr CA"), "“fr CA” is not a locale tag ICU can read (supported: en, en-US, en-CA, "
	                                   "en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)");
	refused("fr-CA-");
	refused("");
	refused("C");
	refused("fr-CA-x-private");
	refused(NULL);
	cr_assert_eq(clausier_locale_resolve(NULL, "fr", NULL), CLAUSIER_EARG);
}

static const char *catalog =
	"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>"
	"<title><text xml:lang='en'>Policy</text><text xml:lang='fr'>Politique</text></title>"
	"<clause id='scope' topic='scope'><heading><text xml:lang='en'>Scope</text>"
	"<text xml:lang='fr'>Portée</text></heading>"
	"<body><text xml:lang='en'>Everyone: \"all\".</text><text xml:lang='fr'>Tout le monde : \"tous\".</text>"
	"</body></clause></catalog>";

static int render_status(const char *locale, unsigned flags, char **out, clausier_error *err)
{
	clausier_catalog *cat = load_catalog_text(catalog);
	clausier_profile *prof = load_profile_text("<profile " NS " version='1'/>");
	clausier_policy *pol = NULL;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, err), CLAUSIER_OK, "%s", errline(err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = locale;
	opts.flags = flags;
	*out = NULL;
	int rc = clausier_render(out, NULL, pol, &opts, err);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return rc;
}

Test(locale, render_takes_any_spelling_icu_reads)
{
	char *want = render_texts(catalog, "<profile " NS " version='1'/>", "fr-CA", 0);
	cr_assert(strstr(want, "Tout le monde\u00a0: «\u00a0tous\u00a0»."), "%s", want);
	static const char *const tags[] = { "fr_CA.UTF-8", "FR-ca", "fr-Latn-CA", "fr-CA-u-nu-latn" };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		char *got = render_texts(catalog, "<profile " NS " version='1'/>", tags[i], 0);
		cr_assert_str_eq(got, want, "%s", tags[i]);
		clausier_free(got);
	}
	clausier_free(want);
}

Test(locale, render_refuses_what_icu_reads_as_unsupported)
{
	char *out;
	clausier_error err;
	cr_assert_eq(render_status("fr-CA-u-nu-arab", 0, &out, &err), CLAUSIER_ELOCALE);
	cr_assert_null(out);
	cr_assert_str_eq(errline(&err), "unsupported locale “fr-CA-u-nu-arab” (supported: en, en-US, en-CA, en-GB, fr, "
	                                "fr-FR, fr-CA, fr-CH, fr-BE)");
	/* with the fallback, a supported language is enough; another script is not */
	cr_assert_eq(render_status("fr_LU.UTF-8", CLAUSIER_RENDER_FALLBACK, &out, &err), CLAUSIER_OK, "%s",
	             errline(&err));
	cr_assert(strstr(out, "Tout le monde\u00a0: «\u202ftous\u202f»."), "%s", out);
	clausier_free(out);
	cr_assert_eq(render_status("fr-Cyrl-LU", CLAUSIER_RENDER_FALLBACK, &out, &err), CLAUSIER_ELOCALE);
	cr_assert_str_eq(errline(&err), "unsupported locale “fr-Cyrl-LU” (supported: en, en-US, en-CA, en-GB, fr, "
	                                "fr-FR, fr-CA, fr-CH, fr-BE)");
}

Test(locale, a_profiles_locales_are_read_by_icu)
{
	clausier_profile *prof = load_profile_text("<profile " NS " version='1' locales='FR-ca  en-Latn-CA fr-CA-u-nu-latn'/>");
	cr_assert_str_eq(clausier_profile_locales(prof), "fr-CA en-CA fr-CA");
	clausier_profile_free(prof);

	const char *bad = "<profile " NS " version='1'\n locales='fr-CA fr-Cyrl-CA'/>";
	clausier_error err;
	cr_assert_eq(clausier_profile_load_memory(&prof, bad, strlen(bad), "profile.xml", &err), CLAUSIER_ELOCALE);
	cr_assert_null(prof);
	cr_assert_str_eq(errline(&err), "profile.xml:2:2: locales: unsupported locale “fr-Cyrl-CA” (supported: en, "
	                                "en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)");
}

Test(locale, negotiation_reads_the_default_with_icu)
{
	clausier_negotiation n;
	cr_assert_eq(clausier_locale_negotiate(&n, "de-DE", NULL, "fr_CA.UTF-8", NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-CA");
	cr_assert_eq(clausier_locale_negotiate(&n, "FR-ca-u-nu-latn;q=0.9, de;q=0.8", NULL, NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-CA");
}

Test(locale, typeset_and_check_read_the_tag_with_icu)
{
	char *a = NULL, *b = NULL;
	cr_assert_eq(clausier_typeset(&a, "Note : \"oui\" !", "fr-CA"), CLAUSIER_OK);
	cr_assert_eq(clausier_typeset(&b, "Note : \"oui\" !", "FR-ca"), CLAUSIER_OK);
	cr_assert_str_eq(b, a);
	cr_assert_str_eq(a, "Note\u00a0: «\u00a0oui\u00a0»!");
	clausier_free(b);
	cr_assert_eq(clausier_typeset(&b, "Note : \"oui\" !", "fr_CA.UTF-8"), CLAUSIER_OK);
	cr_assert_str_eq(b, a);
	clausier_free(a);
	clausier_free(b);
}

static void count(void *ctx, clausier_severity sev, int column, const char *message)
{
	(void)sev;
	(void)column;
	char *last = ctx;
	snprintf(last, 512, "%s", message);
}

Test(locale, check_uses_the_typography_of_the_tag_icu_reads)
{
	char last[512] = "";
	cr_assert_eq(clausier_check_translation("Note: yes!", "en", "Note : oui!", "FR-ca", count, last), 0);
	cr_assert_str_eq(last, "typography for FR-ca: “ : oui!” should read “\u00a0: oui!” (write a no-break space U+00A0 "
	                       "instead of the space)");
}
