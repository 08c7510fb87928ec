/* Rendering: exact editions, ICU formatting, fallback, options, threads. */
#include "helpers.h"

#include <malloc.h>
#include <pthread.h>

static char *render_sample(const char *locale)
{
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_profile_load_file(&prof, SAMPLE_PROFILE, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts;
	cr_assert_eq(clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION), CLAUSIER_OK);
	opts.locale = locale;
	char *out = NULL;
	size_t len = 0;
	cr_assert_eq(clausier_render(&out, &len, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(len, strlen(out));
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return out;
}

static void check_golden(const char *locale)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/golden/sample.%s.txt", SRCDIR, locale);
	char *want = slurp(path);
	char *got = render_sample(locale);
	cr_assert_str_eq(got, want, "edition for %s differs from %s", locale, path);
	clausier_free(got);
	free(want);
}

Test(golden, sample_fr_CA) { check_golden("fr-CA"); }
Test(golden, sample_fr_FR) { check_golden("fr-FR"); }
Test(golden, sample_fr_CH) { check_golden("fr-CH"); }
Test(golden, sample_fr_BE) { check_golden("fr-BE"); }
Test(golden, sample_fr) { check_golden("fr"); }
Test(golden, sample_en_CA) { check_golden("en-CA"); }
Test(golden, sample_en_US) { check_golden("en-US"); }
Test(golden, sample_en_GB) { check_golden("en-GB"); }
Test(golden, sample_en) { check_golden("en"); }

/* A one-clause catalog whose body is the given patterns. */
static char *one_clause(char *buf, size_t n, const char *en, const char *fr, const char *ptype)
{
	snprintf(buf, n,
	         "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
	         "<text xml:lang='fr'>T</text></title><param name='v' type='%s'/>"
	         "<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
	         "<body><text xml:lang='en'>%s</text><text xml:lang='fr'>%s</text></body></clause></catalog>",
	         ptype, en, fr);
	return buf;
}

/* The body line of a one-clause edition whose value element is
 * <value name='v' + value_el + </value>: attributes, '>' and the text. */
static void expect_value(const char *en, const char *fr, const char *ptype, const char *value_el,
                         const char *locale, const char *want)
{
	char cat[4096], prof[512], expected[1024];
	snprintf(prof, sizeof prof, "<profile " NS " version='1'><value name='v'%s</value></profile>", value_el);
	char *out = render_texts(one_clause(cat, sizeof cat, en, fr, ptype), prof, locale, 0);
	snprintf(expected, sizeof expected, "T\n\n1. H\n\n%s\n", want);
	cr_assert_str_eq(out, expected, "value %s in %s", value_el, locale);
	clausier_free(out);
}

static void expect_body(const char *en, const char *fr, const char *ptype, const char *value,
                        const char *locale, const char *want)
{
	char el[512];
	snprintf(el, sizeof el, ">%s", value);
	expect_value(en, fr, ptype, el, locale, want);
}

#define DAYS_EN "within {v, plural, one {# day} other {# days}}"
#define DAYS_FR "dans un délai de {v, plural, one {# jour} many {# de jours} other {# jours}}"

Test(icu, english_plural_one_and_other)
{
	expect_body(DAYS_EN, DAYS_FR, "number", "1", "en-CA", "within 1\u00a0day");
	expect_body(DAYS_EN, DAYS_FR, "number", "30", "en-CA", "within 30\u00a0days");
	expect_body(DAYS_EN, DAYS_FR, "number", "0", "en-CA", "within 0\u00a0days");
	expect_body(DAYS_EN, DAYS_FR, "number", "1.5", "en-US", "within 1.5\u00a0days");
	expect_body(DAYS_EN, DAYS_FR, "number", "1000", "en-US", "within 1,000\u00a0days");
}

Test(icu, french_plural_one_many_other)
{
	expect_body(DAYS_EN, DAYS_FR, "number", "30", "fr-CA", "dans un délai de 30\u00a0jours");
	expect_body(DAYS_EN, DAYS_FR, "number", "1", "fr-CA", "dans un délai de 1\u00a0jour");
	/* French "one" is 0 and 1, and every number below 2. */
	expect_body(DAYS_EN, DAYS_FR, "number", "0", "fr-FR", "dans un délai de 0\u00a0jour");
	expect_body(DAYS_EN, DAYS_FR, "number", "1.5", "fr-FR", "dans un délai de 1,5\u00a0jour");
	/* "many": a million and its multiples take "de"; fr-FR groups digits
	 * with U+202F, fr-CA with U+00A0 (CLDR). */
	expect_body(DAYS_EN, DAYS_FR, "number", "1000000", "fr-FR", "dans un délai de 1\u202f000\u202f000\u00a0de jours");
	expect_body(DAYS_EN, DAYS_FR, "number", "1000000", "fr-CA", "dans un délai de 1\u00a0000\u00a0000\u00a0de jours");
	expect_body(DAYS_EN, DAYS_FR, "number", "2500", "fr-CH", "dans un délai de 2\u202f500\u00a0jours");
}

Test(icu, dates_are_calendar_days_in_every_locale)
{
	const char *en = "from {v, date, long}", *fr = "à compter du {v, date, long}";
	expect_body(en, fr, "date", "2027-01-15", "en-CA", "from January\u00a015,\u00a02027");
	expect_body(en, fr, "date", "2027-01-15", "en-GB", "from 15\u00a0January\u00a02027");
	expect_body(en, fr, "date", "2027-01-15", "fr-CA", "à compter du 15\u00a0janvier\u00a02027");
	/* French writes the first of the month as an ordinal; CLDR does not. */
	expect_body(en, fr, "date", "2027-07-01", "fr-FR", "à compter du 1er\u00a0juillet\u00a02027");
	expect_body(en, fr, "date", "2027-07-01", "fr-CA", "à compter du 1er\u00a0juillet\u00a02027");
	expect_body(en, fr, "date", "2027-07-11", "fr-FR", "à compter du 11\u00a0juillet\u00a02027");
	expect_body(en, fr, "date", "2027-07-21", "fr-BE", "à compter du 21\u00a0juillet\u00a02027");
	expect_body(en, fr, "date", "2027-07-01", "en-US", "from July\u00a01,\u00a02027");
	expect_body("{v, date, full}", "le {v, date, full}, au plus tard le {v, date, short}", "date",
	            "2027-07-01", "fr-FR", "le jeudi 1er\u00a0juillet\u00a02027, au plus tard le 01/07/2027");
}

static void date_in_zone(const char *tz)
{
	setenv("TZ", tz, 1);
	expect_body("from {v, date, long}", "à compter du {v, date, long}", "date", "2027-01-01", "en-US",
	            "from January\u00a01,\u00a02027");
	expect_body("from {v, date, long}", "à compter du {v, date, long}", "date", "2026-12-31", "fr-CA",
	            "à compter du 31\u00a0décembre\u00a02026");
}

/* Criterion runs each test in its own process, so ICU reads TZ afresh. */
Test(icu, a_date_does_not_move_east_of_greenwich) { date_in_zone("Pacific/Kiritimati"); }
Test(icu, a_date_does_not_move_west_of_greenwich) { date_in_zone("Pacific/Pago_Pago"); }

Test(icu, values_are_never_read_as_patterns_or_markup)
{
	expect_body("Hello {v}.", "Bonjour {v}.", "text", "{v} &lt;b&gt; # {0}", "en-CA",
	            "Hello {v} <b> # {0}.");
}

Test(icu, select_on_a_text_value)
{
	const char *en = "{v, select, hospital {patients} other {members}}";
	const char *fr = "{v, select, hospital {patients} other {membres}}";
	expect_body(en, fr, "text", "hospital", "en-CA", "patients");
	expect_body(en, fr, "text", "school", "fr-CA", "membres");
}

static const char *partial_catalog =
	"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>\n"
	"<title><text xml:lang='en'>Policy</text><text xml:lang='fr'>Politique</text></title>\n"
	"<clause id='scope' topic='scope'>\n"
	"<heading><text xml:lang='en'>Scope</text></heading>\n"
	"<body><text xml:lang='en'>Everyone.</text></body></clause></catalog>";
static const char *empty_profile = "<profile " NS " version='1'/>";

Test(fallback, a_missing_translation_is_an_error_naming_clause_and_locale)
{
	clausier_catalog *cat = load_catalog_text(partial_catalog);
	clausier_profile *prof = load_profile_text(empty_profile);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	char *out = (char *)1;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_ENOTFOUND);
	cr_assert_null(out);
	cr_assert_str_eq(errline(&err), "test.xml:4: clause “scope” has no text for fr-CA");
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(fallback, with_the_flag_the_source_text_is_used)
{
	char *out = render_texts(partial_catalog, empty_profile, "fr-CA", CLAUSIER_RENDER_FALLBACK);
	/* Visibly: the edition says the clause is not translated. */
	cr_assert_str_eq(out, "Politique\n\n1. Scope\n\nEveryone.\n\n"
	                      "[Clause non traduite\u00a0: texte en version originale.]\n");
	clausier_free(out);
}

Test(locale, regional_text_wins_over_the_language)
{
	char *ca = render_sample("fr-CA"), *be = render_sample("fr-BE");
	cr_assert(strstr(ca, "Politique d’utilisation des médias sociaux\n"));
	cr_assert(strstr(be, "Charte d’usage des réseaux sociaux\n"));
	clausier_free(ca);
	clausier_free(be);
}

Test(locale, values_can_differ_by_language)
{
	const char *prof = "<profile " NS " version='1'><value name='v'>Northwind Literacy</value>"
	                   "<value name='v' xml:lang='fr'>Alphabétisation Northwind</value></profile>";
	char cat[2048];
	one_clause(cat, sizeof cat, "{v}", "{v}", "text");
	char *en = render_texts(cat, prof, "en-CA", 0), *fr = render_texts(cat, prof, "fr-CA", 0);
	cr_assert_str_eq(en, "T\n\n1. H\n\nNorthwind Literacy\n");
	cr_assert_str_eq(fr, "T\n\n1. H\n\nAlphabétisation Northwind\n");
	clausier_free(en);
	clausier_free(fr);
}

Test(locale, supported_tags_are_case_insensitive_and_accept_underscores)
{
	cr_assert(clausier_locale_is_supported("fr-CA"));
	cr_assert(clausier_locale_is_supported("FR_ca"));
	cr_assert(clausier_locale_is_supported("en"));
	cr_assert_not(clausier_locale_is_supported("fr-CA-x-private"));
	cr_assert_not(clausier_locale_is_supported("de-DE"));
	cr_assert_not(clausier_locale_is_supported("fr\rCA"));
	cr_assert_not(clausier_locale_is_supported(""));
	cr_assert_not(clausier_locale_is_supported(NULL));
	char *a = render_sample("fr_ca"), *b = render_sample("fr-CA");
	cr_assert_str_eq(a, b);
	clausier_free(a);
	clausier_free(b);
}

Test(locale, unsupported_locale_is_an_error)
{
	clausier_catalog *cat = load_catalog_text(partial_catalog);
	clausier_profile *prof = load_profile_text(empty_profile);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "de-DE";
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_ELOCALE);
	cr_assert_str_eq(errline(&err), "unsupported locale “de-DE” (supported: en, en-US, en-CA, en-GB, fr, "
	                                "fr-FR, fr-CA, fr-CH, fr-BE)");
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(options, init_rejects_unknown_versions_and_null_means_english)
{
	clausier_render_options opts;
	cr_assert_eq(clausier_render_options_init(&opts, 99), CLAUSIER_EARG);
	cr_assert_eq(clausier_render_options_init(NULL, CLAUSIER_RENDER_OPTIONS_VERSION), CLAUSIER_EARG);
	cr_assert_eq(clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION), CLAUSIER_OK);
	cr_assert_eq(opts.version, CLAUSIER_RENDER_OPTIONS_VERSION);
	cr_assert_null(opts.locale);
	cr_assert_eq(opts.flags, 0);

	clausier_catalog *cat = load_catalog_text(partial_catalog);
	clausier_profile *prof = load_profile_text(empty_profile);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK);
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, NULL, &err), CLAUSIER_OK);
	cr_assert_str_eq(out, "Policy\n\n1. Scope\n\nEveryone.\n");
	clausier_free(out);
	opts.version = 2;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_render(&out, NULL, NULL, NULL, &err), CLAUSIER_EARG);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(api, version_and_error_text)
{
	cr_assert_str_eq(clausier_version(), PACKAGE_VERSION_FOR_TESTS);
	clausier_error err = { CLAUSIER_EPARSE, "a.xml", 3, 7, "boom" };
	char buf[64];
	cr_assert_eq(clausier_error_format(buf, sizeof buf, &err), 15);
	cr_assert_str_eq(buf, "a.xml:3:7: boom");
	err.column = 0;
	clausier_error_format(buf, sizeof buf, &err);
	cr_assert_str_eq(buf, "a.xml:3: boom");
	err.line = 0;
	clausier_error_format(buf, sizeof buf, &err);
	cr_assert_str_eq(buf, "a.xml: boom");
	cr_assert_str_eq(clausier_strerror(CLAUSIER_ELOCALE), "unsupported locale");
	cr_assert_str_eq(clausier_strerror(12345), "unknown error");
}

/* One catalog and policy shared by many threads give what one thread gives. */
typedef struct {
	const clausier_policy *pol;
	const char *locale;
	const char *want;
	int mismatches;
} job;

static void *worker(void *arg)
{
	job *j = arg;
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = j->locale;
	for (int i = 0; i < 25; i++) {
		char *out = NULL;
		if (clausier_render(&out, NULL, j->pol, &opts, NULL) != CLAUSIER_OK || strcmp(out, j->want))
			j->mismatches++;
		clausier_free(out);
	}
	return NULL;
}

Test(threads, renders_from_eight_threads_match_the_single_thread_edition)
{
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK);
	cr_assert_eq(clausier_profile_load_file(&prof, SAMPLE_PROFILE, &err), CLAUSIER_OK);
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK);
	char *fr = slurp(SRCDIR "/tests/golden/sample.fr-CA.txt");
	char *en = slurp(SRCDIR "/tests/golden/sample.en-CA.txt");
	pthread_t t[8];
	job jobs[8];
	for (int i = 0; i < 8; i++) {
		jobs[i] = (job){ pol, i % 2 ? "fr-CA" : "en-CA", i % 2 ? fr : en, 0 };
		cr_assert_eq(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
	}
	for (int i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		cr_assert_eq(jobs[i].mismatches, 0, "thread %d", i);
	}
	free(fr);
	free(en);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

/* Typography, character by character (doc/design.md's table). */
#define NBSP "\u00a0"
#define NNBSP "\u202f"

Test(typography, france_belgium_switzerland)
{
	const char *fr = "{v}";
	const char *value = "Attention: lisez \"ceci\"; puis agissez! D'accord? Oui...";
	const char *want = "Attention" NBSP ": lisez «" NNBSP "ceci" NNBSP "»" NNBSP "; puis agissez" NNBSP
	                   "! D’accord" NNBSP "? Oui…";
	expect_body(fr, fr, "text", value, "fr-FR", want);
	expect_body(fr, fr, "text", value, "fr-BE", want);
	expect_body(fr, fr, "text", value, "fr-CH", want);
}

Test(typography, quebec_has_no_space_before_semicolon_exclamation_question)
{
	expect_body("{v}", "{v}", "text", "Attention: lisez \"ceci\"; puis agissez! D'accord? Oui...", "fr-CA",
	            "Attention" NBSP ": lisez «" NBSP "ceci" NBSP "»; puis agissez! D’accord? Oui…");
}

Test(typography, a_france_text_rendered_for_quebec_gets_quebec_spacing)
{
	/* The catalog has only a France text; the fr-CA edition respaces it. */
	expect_body("x", "Dites «" NNBSP "oui" NNBSP "»" NNBSP "! Vraiment" NNBSP "?", "text", "v", "fr-CA",
	            "Dites «" NBSP "oui" NBSP "»! Vraiment?");
	/* And text already set for its locale is left as it is. */
	expect_body("x", "Dites «" NNBSP "oui" NNBSP "»" NNBSP "! Vraiment" NNBSP "?", "text", "v", "fr-FR",
	            "Dites «" NNBSP "oui" NNBSP "»" NNBSP "! Vraiment" NNBSP "?");
}

Test(typography, english_quotes_apostrophes_and_no_french_spacing)
{
	expect_body("{v}", "{v}", "text", "It's \"ours\": 'quoted'...", "en-US",
	            "It’s “ours”: ‘quoted’…");
	expect_body("{v}", "{v}", "text", "Note: see below; now!", "en-GB", "Note: see below; now!");
}

Test(typography, urls_email_addresses_and_times_are_untouched)
{
	expect_body("{v}", "{v}", "text",
	            "Voir https://example.org/a:b?x=1;y=2 et www.example.org/p?q=1, écrire à a'b@example.org: rendez-vous à 12:30!",
	            "fr-FR",
	            "Voir https://example.org/a:b?x=1;y=2 et www.example.org/p?q=1, écrire à a'b@example.org" NBSP
	            ": rendez-vous à 12:30" NNBSP "!");
}

Test(shortcuts, an_argument_with_white_space_inside_its_braces_is_read_as_icu_reads_it)
{
	/* { v } is ICU's {v}: the direct path must not drop it (XML turns a
	 * line break inside the braces into a space). */
	expect_body("works for { v }, and {v }.", "travaille pour { v }, et {  v}.", "text", "Acme", "en-CA",
	            "works for Acme, and Acme.");
	expect_body("works for { v }.", "indique que { v } agit.", "text", "Acme", "fr-CA",
	            "indique qu’Acme agit.");
	expect_body("works for {\n v\n}.", "x", "text", "Acme", "en-US", "works for Acme.");
}

Test(shortcuts, elision_happens_where_a_value_goes_in_not_where_its_text_already_was)
{
	/* « que Acme » written in the catalog is the author's; only the value
	 * inserted after « que » elides. */
	expect_body("x", "Acme dit que Acme sait que {v} agit.", "text", "Acme", "fr-FR",
	            "Acme dit que Acme sait qu’Acme agit.");
}

Test(shortcuts, through_icu_too_elision_happens_where_a_value_goes_in)
{
	const char *cat =
		"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
		"<text xml:lang='fr'>T</text></title><param name='v' type='text'/><param name='n' type='number'/>"
		"<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
		"<body><text xml:lang='en'>x</text>"
		"<text xml:lang='fr'>Acme dit que Acme sait que {v} agit dans {n, plural, one {# jour} other {# jours}}.</text>"
		"</body></clause></catalog>";
	const char *prof = "<profile " NS " version='1'><value name='v'>Acme</value><value name='n'>2</value></profile>";
	char *out = render_texts(cat, prof, "fr-CA", 0);
	cr_assert_str_eq(out, "T\n\n1. H\n\nAcme dit que Acme sait qu’Acme agit dans 2\u00a0jours.\n");
	clausier_free(out);
}

Test(typography, every_address_of_a_long_message_is_untouched)
{
	/* Each address holds an apostrophe that prose would turn into ’. */
	char value[512] = "", want[512] = "";
	for (int i = 0; i < 40; i++) {
		strcat(value, "a'b@c.fr ");
		strcat(want, "a'b@c.fr ");
	}
	strcat(value, "l'an");
	strcat(want, "l’an");
	expect_body("{v}", "{v}", "text", value, "fr-FR", want);
}

/* The direct path (no ICU for messages with plain text arguments) and the
 * per-thread formatter cache give exactly what ICU gives, formatter built
 * afresh, for every locale and format. */
#define ALWAYS_ICU (1u << 31) /* CLAUSIER__RENDER_ALWAYS_ICU, internal */

static void same_with_and_without_shortcuts(const char *catalog, const char *profile)
{
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, catalog, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_profile_load_file(&prof, profile, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	const char *locales[] = { "fr-CA", "fr-FR", "en-CA", "en-US" };
	for (size_t l = 0; l < 4; l++)
		for (int f = CLAUSIER_FORMAT_TEXT; f <= CLAUSIER_FORMAT_DOCBOOK; f++) {
			clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
			opts.locale = locales[l];
			opts.format = (clausier_format)f;
			opts.flags = CLAUSIER_RENDER_FALLBACK;
			char *fast = NULL, *slow = NULL, *again = NULL;
			cr_assert_eq(clausier_render(&fast, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
			char *kept = NULL; /* the second edition keeps its messages, the third takes them */
			cr_assert_eq(clausier_render(&kept, NULL, pol, &opts, &err), CLAUSIER_OK);
			cr_assert_str_eq(kept, fast);
			clausier_free(kept);
			cr_assert_eq(clausier_render(&again, NULL, pol, &opts, &err), CLAUSIER_OK);
			opts.flags |= ALWAYS_ICU;
			cr_assert_eq(clausier_render(&slow, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
			cr_assert_str_eq(fast, slow, "%s, format %d", locales[l], f);
			cr_assert_str_eq(again, slow, "%s, format %d, from the cache", locales[l], f);
			clausier_free(fast);
			clausier_free(slow);
			clausier_free(again);
		}
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(shortcuts, sample_catalog_renders_as_icu_alone_would)
{
	same_with_and_without_shortcuts(SAMPLE_CATALOG, SAMPLE_PROFILE);
}

Test(shortcuts, default_catalogs_render_as_icu_alone_would)
{
	same_with_and_without_shortcuts(BUILDDIR "/uninstalled/catalogs/smp.xml", SRCDIR "/data/samples/hospital-qc.xml");
	same_with_and_without_shortcuts(BUILDDIR "/uninstalled/catalogs/charte.xml", SRCDIR "/data/samples/company-fr.xml");
}

Test(shortcuts, a_reloaded_catalog_never_gets_a_cached_formatter_of_the_old_one)
{
	const char *prof = "<profile " NS " version='1'><value name='v'>2</value></profile>";
	char cat[2048];
	for (int round = 0; round < 20; round++) {
		/* Same length, same layout, likely the same addresses: other words. */
		const char *en = round % 2 ? "{v, plural, one {# cat} other {# cats}}"
		                           : "{v, plural, one {# dog} other {# dogs}}";
		char *out = render_texts(one_clause(cat, sizeof cat, en, en, "number"), prof, "en-CA", 0);
		cr_assert(strstr(out, round % 2 ? "2\u00a0cats" : "2\u00a0dogs"), "round %d: %s", round, out);
		clausier_free(out);
	}
}

/* An intranet that reloads its catalogs when translators publish: the
 * formatters compiled for a freed catalog go with it, in every thread, so
 * memory stays flat.  (Before, each thread kept them until it had 4,096.) */
static void *render_sample_thread(void *locale)
{
	clausier_free(render_sample(locale));
	return NULL;
}

Test(shortcuts, memory_stays_flat_across_catalog_reloads)
{
	const char *locales[] = { "fr-CA", "en-CA", "fr-FR", "en-US", "fr-CH", "en-GB" };
	size_t at10 = 0, at60 = 0;
	for (int round = 0; round < 60; round++) {
		/* One thread that lives on (this one) and one that ends. */
		for (size_t l = 0; l < 6; l++)
			clausier_free(render_sample(locales[l]));
		pthread_t t;
		cr_assert_eq(pthread_create(&t, NULL, render_sample_thread, (void *)locales[round % 6]), 0);
		pthread_join(t, NULL);
		struct mallinfo2 mi = mallinfo2();
		if (round == 10)
			at10 = mi.uordblks;
		if (round == 59)
			at60 = mi.uordblks;
	}
	if (!at10 && !at60)
		cr_skip_test("mallinfo2 says nothing here (valgrind replaces malloc)");
	/* 50 reloads of 6 editions each kept ~20 formatters of ~20 KB each. */
	cr_assert_lt(at60, at10 + 1024 * 1024, "%zu bytes in use after 10 reloads, %zu after 60", at10, at60);
}

Test(icu, premier_changes_the_date_not_a_value_that_reads_the_same)
{
	const char *cat =
		"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
		"<text xml:lang='fr'>T</text></title><param name='d' type='date'/><param name='t' type='text'/>"
		"<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
		"<body><text xml:lang='en'>From {d, date, long} (“{t}”).</text>"
		"<text xml:lang='fr'>À compter du {d, date, long} (« {t} », {d, date, full}).</text></body></clause></catalog>";
	const char *prof = "<profile " NS " version='1'><value name='d'>2027-02-01</value>"
	                   "<value name='t'>avis du 1 février 2027</value></profile>";
	char *out = render_texts(cat, prof, "fr-FR", 0);
	cr_assert_str_eq(out, "T\n\n1. H\n\nÀ compter du 1er\u00a0février\u00a02027 («\u202favis du 1\u00a0février\u00a02027\u202f», lundi 1er\u00a0février\u00a02027).\n");
	clausier_free(out);
}

Test(icu, en_CA_short_dates_are_pinned_to_ISO_order)
{
	const char *en = "by {v, date, short} ({v, date, long})", *fr = "au {v, date, short}";
	expect_body(en, fr, "date", "2027-01-15", "en-CA", "by 2027-01-15 (January\u00a015,\u00a02027)");
	expect_body(en, fr, "date", "2027-01-15", "en-US", "by 1/15/27 (January\u00a015,\u00a02027)");
	expect_body(en, fr, "date", "2027-01-15", "fr-CA", "au 2027-01-15");
	expect_body(en, fr, "date", "2027-01-15", "fr-FR", "au 15/01/2027");
}

Test(icu, spelled_out_numbers_in_legal_style_and_ordinals)
{
	const char *en = "within {v, spellout} ({v, number}) {v, plural, one {day} other {days}}, "
	                 "the {v, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} time";
	const char *fr = "dans un délai de {v, spellout} ({v, number}) {v, plural, one {jour} many {de jours} other {jours}}, "
	                 "pour la {v, selectordinal, one {#re} other {#e}} fois";
	expect_body(en, fr, "number", "30", "en-US", "within thirty (30) days, the 30th\u00a0time");
	expect_body(en, fr, "number", "1", "en-CA", "within one (1) day, the 1st\u00a0time");
	expect_body(en, fr, "number", "22", "en-GB", "within twenty-two (22) days, the 22nd\u00a0time");
	expect_body(en, fr, "number", "30", "fr-FR", "dans un délai de trente (30) jours, pour la 30e\u00a0fois");
	expect_body(en, fr, "number", "1", "fr-CA", "dans un délai de un (1) jour, pour la 1re\u00a0fois");
	/* Swiss and Belgian French count in their own words. */
	expect_body(en, fr, "number", "80", "fr-CH", "dans un délai de huitante (80) jours, pour la 80e\u00a0fois");
	expect_body(en, fr, "number", "70", "fr-BE", "dans un délai de septante (70) jours, pour la 70e\u00a0fois");
}

Test(locale, with_fallback_an_unsupported_region_falls_back_to_its_language_and_says_so)
{
	clausier_catalog *cat = load_catalog_text(partial_catalog);
	clausier_profile *prof = load_profile_text(empty_profile);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-LU";
	opts.format = CLAUSIER_FORMAT_HTML;
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_ELOCALE);
	opts.flags = CLAUSIER_RENDER_FALLBACK;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert(strstr(out, "<article class=\"clausier-edition\" lang=\"fr\">"), "%s", out);
	cr_assert(strstr(out, "<h1>Politique</h1>"), "%s", out);
	clausier_free(out);
	opts.locale = "de-DE";
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_ELOCALE);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(typography, us_titles_and_headings_in_title_case_others_as_written)
{
	const char *h = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>"
	                "<title><text>policy on the use of social media</text></title>"
	                "<clause id='c' topic='scope'><heading><text>follow-up on NLRA rights: a guide for iPhone users</text></heading>"
	                "<body><text>Body.</text></body></clause></catalog>";
	const char *p = "<profile " NS " version='1'/>";
	char *us = render_texts(h, p, "en-US", 0), *ca = render_texts(h, p, "en-CA", 0);
	cr_assert_str_eq(us, "Policy on the Use of Social Media\n\n1. Follow-Up on NLRA Rights: A Guide for iPhone Users\n\nBody.\n");
	cr_assert_str_eq(ca, "policy on the use of social media\n\n1. follow-up on NLRA rights: a guide for iPhone users\n\nBody.\n");
	clausier_free(us);
	clausier_free(ca);
}

Test(icu, percent_and_currency_skeletons)
{
	const char *en = "{v, number, percent} | {v, number, ::currency/CAD} | {v, number, ::percent scale/100 precision-integer}";
	const char *fr = "{v, number, percent} | {v, number, ::currency/EUR}";
	expect_body(en, fr, "number", "0.25", "en-CA", "25% | $0.25 | 25%");
	expect_body(en, fr, "number", "0.25", "fr-FR", "25\u00a0% | 0,25\u00a0€");
	expect_body(en, fr, "number", "1234.5", "fr-CA", "123\u00a0450\u00a0% | 1\u00a0234,50\u00a0€");
}

/* ---- names that agree (issue 8) ---- */

#define NAME_FR "{v_Le} {v_number, select, plural {adoptent} other {adopte}} la présente charte, qui s’applique au personnel {v_du}. Les questions sont adressées {v_au}. {v_number, select, plural {{v_gender, select, feminine {Elles en sont garantes} other {Ils en sont garants}}} other {{v_gender, select, feminine {Elle en est garante} other {Il en est garant}}}}, et il est rappelé que {v_le} {v_number, select, plural {peuvent} other {peut}} la modifier."
#define NAME_EN "{v_The} adopts this policy, which applies to {v_s} staff. Questions go to {v_the}. {v} may amend it."

/* The body of a one-clause edition naming the organization as the value
 * element (attributes and text) says. */
static void expect_name(const char *value_el, const char *locale, const char *want)
{
	expect_value(NAME_EN, NAME_FR, "name", value_el, locale, want);
}

Test(names, french_article_elision_and_contraction_inferred)
{
	expect_name(">Hôpital Sainte-Anne", "fr-CA",
	            "L’Hôpital Sainte-Anne adopte la présente charte, qui s’applique au personnel de l’Hôpital Sainte-Anne. Les questions sont adressées à l’Hôpital Sainte-Anne. Il en est garant, et il est rappelé que l’Hôpital Sainte-Anne peut la modifier.");
	expect_name(">Collège Ahuntsic", "fr-CA",
	            "Le Collège Ahuntsic adopte la présente charte, qui s’applique au personnel du Collège Ahuntsic. Les questions sont adressées au Collège Ahuntsic. Il en est garant, et il est rappelé que le Collège Ahuntsic peut la modifier.");
	expect_name(">Ville de Laval", "fr-CA",
	            "La Ville de Laval adopte la présente charte, qui s’applique au personnel de la Ville de Laval. Les questions sont adressées à la Ville de Laval. Elle en est garante, et il est rappelé que la Ville de Laval peut la modifier.");
	expect_name(">Services partagés Canada", "fr-CA",
	            "Les Services partagés Canada adoptent la présente charte, qui s’applique au personnel des Services partagés Canada. Les questions sont adressées aux Services partagés Canada. Ils en sont garants, et il est rappelé que les Services partagés Canada peuvent la modifier.");
	/* An aspirated h: no elision. */
	expect_name(">Haute Autorité de santé", "fr-FR",
	            "La Haute Autorité de santé adopte la présente charte, qui s’applique au personnel de la Haute Autorité de santé. Les questions sont adressées à la Haute Autorité de santé. Elle en est garante, et il est rappelé que la Haute Autorité de santé peut la modifier.");
	/* A proper name: no article; « de » and « que » elide before its vowel. */
	expect_name(">Acme", "fr-FR",
	            "Acme adopte la présente charte, qui s’applique au personnel d’Acme. Les questions sont adressées à Acme. Il en est garant, et il est rappelé qu’Acme peut la modifier.");
}

Test(names, french_grammar_given_in_the_profile)
{
	expect_name(" gender='f'>Acme", "fr-FR",
	            "Acme adopte la présente charte, qui s’applique au personnel d’Acme. Les questions sont adressées à Acme. Elle en est garante, et il est rappelé qu’Acme peut la modifier.");
	expect_name(" article='none'>Bibliomonde", "fr-CA",
	            "Bibliomonde adopte la présente charte, qui s’applique au personnel de Bibliomonde. Les questions sont adressées à Bibliomonde. Il en est garant, et il est rappelé que Bibliomonde peut la modifier.");
	/* « l’ » given: it elides; orchestre is masculine. */
	expect_name(" article=\"l'\" gender='m'>Orchestre métropolitain", "fr-CA",
	            "L’Orchestre métropolitain adopte la présente charte, qui s’applique au personnel de l’Orchestre métropolitain. Les questions sont adressées à l’Orchestre métropolitain. Il en est garant, et il est rappelé que l’Orchestre métropolitain peut la modifier.");
	/* A feminine name whose gender the lists cannot know. */
	expect_name(" gender='f'>Vidéotron", "fr-CA",
	            "Vidéotron adopte la présente charte, qui s’applique au personnel de Vidéotron. Les questions sont adressées à Vidéotron. Elle en est garante, et il est rappelé que Vidéotron peut la modifier.");
	expect_name(" article='les' gender='f'>Éditions du Boréal", "fr-CA",
	            "Les Éditions du Boréal adoptent la présente charte, qui s’applique au personnel des Éditions du Boréal. Les questions sont adressées aux Éditions du Boréal. Elles en sont garantes, et il est rappelé que les Éditions du Boréal peuvent la modifier.");
	/* An h the list does not know, declared aspirated. */
	expect_name(" elision='no'>Hootsuite", "fr-FR",
	            "Hootsuite adopte la présente charte, qui s’applique au personnel de Hootsuite. Les questions sont adressées à Hootsuite. Il en est garant, et il est rappelé que Hootsuite peut la modifier.");
}

Test(names, english_the_and_possessive)
{
	/* "The" written with the name is the name's own: kept as written. */
	expect_name(">The Ottawa Hospital", "en-CA",
	            "The Ottawa Hospital adopts this policy, which applies to The Ottawa Hospital’s staff. Questions go to The Ottawa Hospital. The Ottawa Hospital may amend it.");
	/* "the" from the lists; a name plural in form takes the apostrophe alone. */
	expect_name(">Canadian Red Cross", "en-CA",
	            "The Canadian Red Cross adopts this policy, which applies to the Canadian Red Cross’s staff. Questions go to the Canadian Red Cross. Canadian Red Cross may amend it.");
	expect_name(" number='plural' article='the'>Toronto Maple Leafs", "en-CA",
	            "The Toronto Maple Leafs adopts this policy, which applies to the Toronto Maple Leafs’ staff. Questions go to the Toronto Maple Leafs. Toronto Maple Leafs may amend it.");
	expect_name(">Acme", "en-US",
	            "Acme adopts this policy, which applies to Acme’s staff. Questions go to Acme. Acme may amend it.");
	expect_name(" article='the'>City of Ottawa", "en-CA",
	            "The City of Ottawa adopts this policy, which applies to the City of Ottawa’s staff. Questions go to the City of Ottawa. City of Ottawa may amend it.");
}

Test(names, one_value_per_language)
{
	char cat[4096];
	char *fr = render_texts(one_clause(cat, sizeof cat, NAME_EN, NAME_FR, "name"),
	                        "<profile " NS " version='1'><value name='v' xml:lang='fr'>Hôpital d’Ottawa</value>"
	                        "<value name='v' xml:lang='en'>The Ottawa Hospital</value></profile>",
	                        "fr-CA", 0);
	cr_assert(strstr(fr, "L’Hôpital d’Ottawa adopte la présente charte, qui s’applique au personnel de l’Hôpital d’Ottawa."), "%s", fr);
	clausier_free(fr);
	char *en = render_texts(one_clause(cat, sizeof cat, NAME_EN, NAME_FR, "name"),
	                        "<profile " NS " version='1'><value name='v' xml:lang='fr'>Hôpital d’Ottawa</value>"
	                        "<value name='v' xml:lang='en'>The Ottawa Hospital</value></profile>",
	                        "en-CA", 0);
	cr_assert(strstr(en, "applies to The Ottawa Hospital’s staff"), "%s", en);
	clausier_free(en);
}

Test(names, french_elides_before_any_inserted_text)
{
	expect_body("that {v} asks", "que {v} demande, de {v}, le {v}", "text", "Instagram", "fr-CA",
	            "qu’Instagram demande, d’Instagram, l’Instagram");
	/* a consonant, and a word that merely ends in « de » or « que » */
	expect_body("that {v} asks", "que {v} demande, monde {v}, chaque {v}", "text", "YouTube", "fr-CA",
	            "que YouTube demande, monde YouTube, chaque YouTube");
	expect_body("that {v} asks", "chaque {v}, remonte {v}", "text", "Instagram", "fr-CA",
	            "chaque Instagram, remonte Instagram");
	/* English is left alone. */
	expect_body("the {v} app", "que {v}", "text", "Instagram", "en-CA", "the Instagram app");
}

Test(names, forms_of_the_other_language_are_refused)
{
	char cat[4096];
	clausier_catalog *c = NULL;
	clausier_error err;
	one_clause(cat, sizeof cat, "{v_The} asks", "{v_the} demande", "name");
	cr_assert_eq(clausier_catalog_load_memory(&c, cat, strlen(cat), "t.xml", &err), CLAUSIER_EMESSAGE);
	cr_assert(strstr(err.message, "argument {v_the} is an English form of the name “v”: French texts use {v_le}, {v_Le}, {v_du} and {v_au}"),
	          "%s", err.message);
	one_clause(cat, sizeof cat, "{v_du} asks", "{v_Le} demande", "name");
	cr_assert_eq(clausier_catalog_load_memory(&c, cat, strlen(cat), "t.xml", &err), CLAUSIER_EMESSAGE);
	cr_assert(strstr(err.message, "argument {v_du} is a French form of the name “v”"), "%s", err.message);
	/* a form of a parameter that is not a name */
	one_clause(cat, sizeof cat, "{v_the} asks", "{v_le} demande", "text");
	cr_assert_eq(clausier_catalog_load_memory(&c, cat, strlen(cat), "t.xml", &err), CLAUSIER_EMESSAGE);
	cr_assert(strstr(err.message, "argument {v_the} is not a declared parameter"), "%s", err.message);
}

/* A page's <title> says whose policy it is: the title and the subtitle;
 * a bilingual page both titles, and one subtitle when they say the same. */
static char *render_page(const char *subtitle_en, const char *subtitle_fr, const char *locale2)
{
	char xml[1024];
	snprintf(xml, sizeof xml,
	         "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>"
	         "<title><text>Policy</text><text xml:lang='fr'>Politique</text></title>"
	         "<subtitle><text>%s</text><text xml:lang='fr'>%s</text></subtitle>"
	         "<clause id='a' topic='scope'><heading><text>A</text><text xml:lang='fr'>A</text></heading>"
	         "<body><text>B</text><text xml:lang='fr'>B</text></body></clause></catalog>",
	         subtitle_en, subtitle_fr);
	clausier_catalog *cat = load_catalog_text(xml);
	clausier_profile *prof = load_profile_text("<profile " NS " version='1'/>");
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	opts.locale2 = locale2;
	opts.format = CLAUSIER_FORMAT_HTML;
	opts.flags = CLAUSIER_RENDER_STANDALONE;
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return out;
}

Test(html, a_page_title_names_the_organization)
{
	char *p = render_page("Smith &amp; Sons", "Smith &amp; fils", NULL);
	cr_assert(strstr(p, "<title>Politique — Smith &amp; fils</title>\n"), "%s", p);
	clausier_free(p);
	p = render_page("Smith &amp; Sons", "Smith &amp; fils", "en-CA");
	cr_assert(strstr(p, "<title>Politique — Smith &amp; fils / Policy — Smith &amp; Sons</title>\n"), "%s", p);
	clausier_free(p);
	p = render_page("Acme", "Acme", "en-CA");
	cr_assert(strstr(p, "<title>Politique / Policy — Acme</title>\n"), "%s", p);
	clausier_free(p);
}

/* ---- compiled messages against ICU's MessageFormat (doc/design.md) ----
 *
 * A generated corpus: every kind of argument ICU formats (number styles,
 * skeletons and patterns, money, dates and times in every style and a
 * pattern, spellout, ordinal, duration, lists, plurals with =N, offset and
 * every CLDR category of the language, selectordinal, select, name forms,
 * elision), alone and inside plural and select branches, rendered from
 * the compiled form and by ICU alone, for the nine locales and value sets
 * that move every plural category; byte for byte, and again from the
 * thread's memo of the policy. */
static const char *const S_args[] = {
	"{v}", "que {v}", "de {v}", "{n}", "{n, number}", "{n, number, integer}", "{n, number, percent}",
	"{n, number, ::precision-integer}", "{n, number, ::compact-short}", "{n, number, ::percent scale/100}",
	"{n, number, #,##0.00}", "{m, number, currency}", "{m, number}", "{d}", "{d, date}", "{d, date, short}",
	"{d, date, medium}", "{d, date, long}", "{d, date, full}", "{d, date, yyyy-MM-dd}", "{d, date, ::yMMMd}",
	"{d, time, short}", "{n, spellout}", "{n, ordinal}", "{n, duration}", "{n, spellout, %spellout-ordinal}",
	"{l}", "{c, select, a {choix a de {v}} b {choix b} other {autre}}", "{org}", "{org_the}|{org_au}", "{org_The}|{org_du}", "{org_s}|{org_Le}", "que {org}",
	"{org_gender, select, feminine {elle} other {il}}", "{k, plural, =0 {zéro} =1 {un seul {v}} other {# fois}}",
	NULL,
};
/* wrappers: %s is an argument above; {EN|FR} are the language's keys */
static const char *const S_wraps[] = {
	"%s.",
	"Avant %s, après {n, plural, one {# un} other {# autres}}.",
	"{k, plural, one {un : %s} other {# : %s, encore #}}",
	"{k, plural, offset:1 =0 {personne} =1 {%s seul} one {%s et # autre} other {%s et # autres}}",
	"{c, select, a {A %s} other {O %s}}",
	"{k, selectordinal, ORD}",
	"{n, plural, KEYS}",
	NULL,
};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void S_pattern(char *buf, size_t size, const char *wrap, const char *arg2, int fr)
{
	/* "en|fr": an argument of each language */
	char arg[256];
	const char *bar = strchr(arg2, '|');
	if (!bar)
		snprintf(arg, sizeof arg, "%s", arg2);
	else if (fr)
		snprintf(arg, sizeof arg, "%s", bar + 1);
	else
		snprintf(arg, sizeof arg, "%.*s", (int)(bar - arg2), arg2);
	if (strstr(wrap, "ORD"))
		snprintf(buf, size, fr ? "{k, selectordinal, one {#re %s} other {#e %s}}"
		                       : "{k, selectordinal, one {#st %s} two {#nd %s} few {#rd %s} other {#th %s}}",
		         arg, arg, arg, arg);
	else if (strstr(wrap, "KEYS"))
		snprintf(buf, size, fr ? "{n, plural, =2 {deux %s} one {# %s} many {# de %s} other {# %s}}"
		                       : "{n, plural, =2 {two %s} one {# %s} other {# %ss}}",
		         arg, arg, arg, arg);
	else
		snprintf(buf, size, wrap, arg, arg, arg, arg);
}
#pragma GCC diagnostic pop

static void S_xml_escape(char *out, size_t size, const char *in)
{
	size_t n = 0;
	for (; *in && n + 6 < size; in++) {
		const char *rep = *in == '&' ? "&amp;" : *in == '<' ? "&lt;" : NULL;
		if (rep) {
			memcpy(out + n, rep, strlen(rep));
			n += strlen(rep);
		} else {
			out[n++] = *in;
		}
	}
	out[n] = '\0';
}

Test(compiled, every_kind_of_argument_renders_as_icu_alone_would_in_nine_locales, .timeout = 600)
{
	size_t cap = 1 << 20, len = 0;
	char *cat = malloc(cap);
	len += (size_t)snprintf(cat + len, cap - len,
	                        "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
	                        "<text xml:lang='fr'>T</text></title><param name='v' type='text'/>"
	                        "<param name='n' type='number'/><param name='k' type='number'/><param name='m' type='money'/>"
	                        "<param name='d' type='date'/><param name='l' type='list'/>"
	                        "<param name='c' type='choice' choices='a b c'/><param name='org' type='name'/>");
	int clauses = 0;
	for (size_t w = 0; S_wraps[w]; w++)
		for (size_t a = 0; S_args[a]; a++) {
			/* ICU's path pins en-CA's short dates and writes French « 1er »
			 * only in top-level arguments (MessageFormat::getFormats), the
			 * compiled form everywhere: nested dates are tested below. */
			if (w > 0 && strstr(S_args[a], "{d"))
				continue;
			char en[1024], fr[1024], een[2048], efr[2048];
			/* a plural of k inside a plural of k: fine; selects as arguments of selectordinal: fine */
			S_pattern(en, sizeof en, S_wraps[w], S_args[a], 0);
			S_pattern(fr, sizeof fr, S_wraps[w], S_args[a], 1);
			S_xml_escape(een, sizeof een, en);
			S_xml_escape(efr, sizeof efr, fr);
			len += (size_t)snprintf(cat + len, cap - len,
			                        "<clause id='c%d' topic='scope'><heading><text xml:lang='en'>H</text>"
			                        "<text xml:lang='fr'>H</text></heading><body><text xml:lang='en'>%s</text>"
			                        "<text xml:lang='fr'>%s</text></body></clause>",
			                        clauses++, een, efr);
			cr_assert_lt(len, cap - 4096);
		}
	snprintf(cat + len, cap - len, "</catalog>");
	clausier_catalog *c = load_catalog_text(cat);
	free(cat);
	static const char *const sets[][8] = {
		/* n, k, m, d, l (items |), c, org, v */
		{ "0", "0", "0 EUR", "2027-01-01", "Facebook", "a", "Acme", "Instagram" },
		{ "1", "1", "1 CAD", "2027-02-01", "X|LinkedIn", "b", "Hôpital Sainte-Anne", "une école" },
		{ "2", "2", "1500.50 CAD", "2027-03-15", "Facebook|LinkedIn|YouTube", "c", "Le Monde", "Acme" },
		{ "1.5", "3", "12500 EUR", "2028-12-31", "A|B|C|D", "a", "La Poste", "Oxfam" },
		{ "1.50", "21", "0.99 USD", "2027-06-30", "Un|Deux|Trois", "b", "YMCA", "Élysée" },
		{ "1000000", "22", "1000000 CHF", "2030-10-10", "Mastodon|Bluesky", "c", "Université Laval", "Hydro" },
		{ "0.25", "101", "42 EUR", "2027-08-01", "Threads", "a", "The Ottawa Hospital", "ordre" },
		{ "1500", "1000000", "7.5 GBP", "2029-04-01", "TikTok|Snapchat|Pinterest|Reddit|Twitch", "b", "Les Amis de la Terre", "X" },
	};
	const char *locales[] = { "en", "en-US", "en-CA", "en-GB", "fr", "fr-FR", "fr-CA", "fr-CH", "fr-BE" };
	int compared = 0;
	for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
		char prof[4096], items[1024] = "";
		const char *p = sets[s][4];
		while (*p) {
			size_t n = strcspn(p, "|");
			snprintf(items + strlen(items), sizeof items - strlen(items), "<item>%.*s</item>", (int)n, p);
			p += n + (p[n] == '|');
		}
		snprintf(prof, sizeof prof,
		         "<profile " NS " version='1'><value name='n'>%s</value><value name='k'>%s</value>"
		         "<value name='m'>%s</value><value name='d'>%s</value><value name='l'>%s</value>"
		         "<value name='c'>%s</value><value name='org'>%s</value><value name='v'>%s</value></profile>",
		         sets[s][0], sets[s][1], sets[s][2], sets[s][3], items, sets[s][5], sets[s][6], sets[s][7]);
		clausier_profile *pr = load_profile_text(prof);
		clausier_policy *pol = NULL;
		clausier_error err;
		cr_assert_eq(clausier_policy_assemble(&pol, c, pr, &err), CLAUSIER_OK, "%s", errline(&err));
		for (size_t l = 0; l < sizeof locales / sizeof *locales; l++) {
			clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
			opts.locale = locales[l];
			char *fast = NULL, *again = NULL, *slow = NULL, *kept = NULL;
			cr_assert_eq(clausier_render(&fast, NULL, pol, &opts, &err), CLAUSIER_OK, "%s: %s", locales[l], errline(&err));
			/* the second edition keeps its messages, the third takes them */
			cr_assert_eq(clausier_render(&kept, NULL, pol, &opts, &err), CLAUSIER_OK);
			clausier_free(kept);
			cr_assert_eq(clausier_render(&again, NULL, pol, &opts, &err), CLAUSIER_OK);
			opts.flags = ALWAYS_ICU;
			cr_assert_eq(clausier_render(&slow, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
			/* the first line that differs, for the report */
			size_t at = 0;
			while (fast[at] && fast[at] == slow[at])
				at++;
			while (at > 0 && slow[at - 1] != '\n')
				at--;
			cr_assert_str_eq(fast, slow, "value set %zu, %s, from: %.200s\nICU:  %.200s", s, locales[l], fast + at,
			                 slow + at);
			cr_assert_str_eq(again, slow, "value set %zu, %s, from the memo", s, locales[l]);
			compared++;
			clausier_free(fast);
			clausier_free(again);
			clausier_free(slow);
		}
		clausier_policy_free(pol);
		clausier_profile_free(pr);
	}
	cr_assert_eq(compared, 72);
	cr_assert_gt(clauses, 150);
	clausier_catalog_free(c);
}

Test(compiled, dates_inside_plural_and_select_branches_are_pinned_and_get_their_premier)
{
	char cat[4096];
	const char *pat = "{k, plural, one {le {d, date, short} ; le {d, date, long}} other {{c, select, a {le {d, date, short} ; le {d, date, long}} other {x}}}}";
	const char *prof = "<profile " NS " version='1'><value name='k'>2</value><value name='c'>a</value>"
	                   "<value name='d'>2027-02-01</value></profile>";
	snprintf(cat, sizeof cat,
	         "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
	         "<text xml:lang='fr'>T</text></title><param name='k' type='number'/><param name='d' type='date'/>"
	         "<param name='c' type='choice' choices='a b'/><clause id='c' topic='scope'><heading><text xml:lang='en'>H</text>"
	         "<text xml:lang='fr'>H</text></heading><body><text xml:lang='en'>%s</text><text xml:lang='fr'>%s</text>"
	         "</body></clause></catalog>",
	         pat, pat);
	char *en = render_texts(cat, prof, "en-CA", 0), *fr = render_texts(cat, prof, "fr-FR", 0);
	cr_assert(strstr(en, "le 2027-02-01;") && strstr(en, "February"), "%s", en);
	cr_assert(strstr(fr, "le 01/02/2027") && strstr(fr, "1er\u00a0février"), "%s", fr);
	clausier_free(en);
	clausier_free(fr);
}

/* A policy's rendered messages are kept under its serial, new each time
 * values are set: a policy freed and another made at the same address,
 * with other values, never gets the old one's text. */
Test(compiled, a_policy_made_where_another_was_freed_never_gets_its_messages)
{
	const char *cat = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
	                  "<text xml:lang='fr'>T</text></title><param name='v' type='text'/><param name='n' type='number'/>"
	                  "<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
	                  "<body><text xml:lang='en'>{v} within {n, plural, one {# day} other {# days}}.</text>"
	                  "<text xml:lang='fr'>{v} sous {n, plural, one {# jour} other {# jours}}.</text></body></clause></catalog>";
	clausier_catalog *c = load_catalog_text(cat);
	clausier_error err;
	for (int round = 0; round < 12; round++) {
		char prof[512], want[128];
		snprintf(prof, sizeof prof, "<profile " NS " version='1'><value name='v'>Value%d</value><value name='n'>%d</value></profile>",
		         round, round + 1);
		snprintf(want, sizeof want, "Value%d within %d\u00a0day%s.", round, round + 1, round ? "s" : "");
		clausier_profile *p = load_profile_text(prof);
		clausier_policy *pol = NULL;
		cr_assert_eq(clausier_policy_assemble(&pol, c, p, &err), CLAUSIER_OK, "%s", errline(&err));
		for (int k = 0; k < 3; k++) {
			clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
			opts.locale = "en-CA";
			char *out = NULL;
			cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
			cr_assert(strstr(out, want), "round %d, edition %d: %s", round, k, out);
			clausier_free(out);
		}
		clausier_policy_free(pol);
		clausier_profile_free(p);
	}
	clausier_catalog_free(c);
}

/* Texts without arguments are kept per thread for every policy of their
 * catalog, under its serial: a catalog loaded where another was freed,
 * with other words, never gets the old one's. */
Test(compiled, a_catalog_loaded_where_another_was_freed_never_gets_its_texts)
{
	const char *prof = "<profile " NS " version='1'/>";
	for (int round = 0; round < 12; round++) {
		char cat[1024], want[64];
		snprintf(cat, sizeof cat,
		         "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
		         "<text xml:lang='fr'>T</text></title><clause id='c' topic='scope'><heading><text xml:lang='en'>Heading %02d</text>"
		         "<text xml:lang='fr'>Titre %02d</text></heading><body><text xml:lang='en'>Body %02d.</text>"
		         "<text xml:lang='fr'>Corps %02d.</text></body></clause></catalog>",
		         round, round, round, round);
		snprintf(want, sizeof want, "1. Heading %02d\n\nBody %02d.\n", round, round);
		for (int k = 0; k < 3; k++) {
			char *out = render_texts(cat, prof, "en-CA", 0);
			cr_assert(strstr(out, want), "round %d, edition %d: %s", round, k, out);
			clausier_free(out);
		}
	}
}

/* Integers are written without ICU where the locale's default format
 * writes them as its probes showed, else by ICU: either way every
 * grouping, in the nine locales, is exactly ICU's.  (That the hand-written
 * path is taken shows in instruction counts, not here.) */
Test(compiled, integers_are_written_as_icu_writes_them_in_nine_locales)
{
	const char *cat = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
	                  "<text xml:lang='fr'>T</text></title><param name='n' type='number'/>"
	                  "<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
	                  "<body><text xml:lang='en'>{n} {n, number} {n, plural, one {# one} other {# other}} {n, number, integer}</text>"
	                  "<text xml:lang='fr'>{n} {n, number} {n, plural, one {# un} many {# de} other {# autres}} {n, number, integer}</text>"
	                  "</body></clause></catalog>";
	static const char *const ints[] = { "0", "1", "2", "9", "10", "99", "100", "999", "1000", "1001", "2000", "9999",
		                            "10000", "12345", "99999", "100000", "123456", "999999", "1000000", "1234567",
		                            "20000000", "100000000000000", "999999999999999", "007",
		                            "1.0", "2.50", NULL };
	const char *locales[] = { "en", "en-US", "en-CA", "en-GB", "fr", "fr-FR", "fr-CA", "fr-CH", "fr-BE" };
	clausier_catalog *c = load_catalog_text(cat);
	clausier_error err;
	for (size_t i = 0; ints[i]; i++) {
		char prof[256];
		snprintf(prof, sizeof prof, "<profile " NS " version='1'><value name='n'>%s</value></profile>", ints[i]);
		clausier_profile *p = load_profile_text(prof);
		clausier_policy *pol = NULL;
		cr_assert_eq(clausier_policy_assemble(&pol, c, p, &err), CLAUSIER_OK, "%s", errline(&err));
		for (size_t l = 0; l < sizeof locales / sizeof *locales; l++) {
			clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
			opts.locale = locales[l];
			char *fast = NULL, *slow = NULL;
			cr_assert_eq(clausier_render(&fast, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
			opts.flags = ALWAYS_ICU;
			cr_assert_eq(clausier_render(&slow, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
			cr_assert_str_eq(fast, slow, "%s in %s", ints[i], locales[l]);
			clausier_free(fast);
			clausier_free(slow);
		}
		clausier_policy_free(pol);
		clausier_profile_free(p);
	}
	clausier_catalog_free(c);
}
