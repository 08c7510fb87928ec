/* Catalog and profile loading: what loads, and what is refused and how. */
#include "helpers.h"

#include <fcntl.h>
#include <unistd.h>

static const char *mini_catalog =
	"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>"
	"<title><text xml:lang='en'>Policy</text></title>"
	"<param name='days' type='number'/>"
	"<clause id='one' topic='scope'><heading><text xml:lang='en'>One</text></heading>"
	"<body><text xml:lang='en'>BODY_EN</text><text xml:lang='fr'>BODY_FR</text></body></clause>"
	"</catalog>";

/* mini_catalog with the two bodies replaced. */
static char *with_bodies(const char *en, const char *fr)
{
	static char buf[65536];
	const char *a = strstr(mini_catalog, "BODY_EN"), *b = strstr(mini_catalog, "BODY_FR");
	snprintf(buf, sizeof buf, "%.*s%s%.*s%s%s", (int)(a - mini_catalog), mini_catalog, en,
	         (int)(b - a - 7), a + 7, fr, b + 7);
	return buf;
}

static int load_status(const char *xml, clausier_error *err)
{
	clausier_catalog *cat = (clausier_catalog *)1;
	int rc = clausier_catalog_load_memory(&cat, xml, strlen(xml), "test.xml", err);
	if (rc != CLAUSIER_OK)
		cr_assert_null(cat, "*out must be NULL on failure");
	clausier_catalog_free(cat);
	return rc;
}

Test(catalog, sample_loads_with_its_clauses_in_document_order)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK, "%s", errline(&err));
	const char *ids[] = { "personal-responsibility", "digital-footprint", "working-time",
		              "confidentiality", "disclaimer", "crisis-response", "acknowledgement" };
	cr_assert_eq(clausier_catalog_count(cat), 7);
	for (size_t i = 0; i < 7; i++)
		cr_assert_str_eq(clausier_catalog_clause_id(cat, i), ids[i]);
	cr_assert_null(clausier_catalog_clause_id(cat, 7));
	cr_assert_str_eq(clausier_catalog_source_language(cat), "en");
	clausier_catalog_free(cat);
}

Test(catalog, free_and_accessors_accept_null)
{
	clausier_catalog_free(NULL);
	clausier_profile_free(NULL);
	clausier_policy_free(NULL);
	clausier_free(NULL);
	cr_assert_eq(clausier_catalog_count(NULL), 0);
	cr_assert_null(clausier_catalog_clause_id(NULL, 0));
}

Test(catalog, missing_file_names_the_file)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, "no-such-catalog.xml", &err), CLAUSIER_EIO);
	cr_assert_null(cat);
	cr_assert_str_eq(errline(&err), "no-such-catalog.xml: cannot open: No such file or directory");
	cr_assert_eq(err.code, CLAUSIER_EIO);
}

Test(catalog, a_directory_is_not_a_catalog)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SRCDIR, &err), CLAUSIER_EIO);
	cr_assert(strstr(err.message, "not a regular file"));
}

Test(catalog, error_struct_may_be_null)
{
	clausier_catalog *cat = NULL;
	cr_assert_eq(clausier_catalog_load_file(&cat, "no-such-catalog.xml", NULL), CLAUSIER_EIO);
	cr_assert_eq(clausier_catalog_load_memory(NULL, "x", 1, NULL, NULL), CLAUSIER_EARG);
}

Test(catalog, input_above_the_size_cap_is_refused_unread)
{
	clausier_error err;
	size_t n = CLAUSIER_MAX_INPUT_SIZE + 1;
	char *big = malloc(n);
	memset(big, ' ', n);
	clausier_catalog *cat = NULL;
	cr_assert_eq(clausier_catalog_load_memory(&cat, big, n, "big.xml", &err), CLAUSIER_ETOOBIG);
	free(big);

	char path[] = "/tmp/clausier-big-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(ftruncate(fd, (off_t)CLAUSIER_MAX_INPUT_SIZE + 1), 0);
	close(fd);
	cr_assert_eq(clausier_catalog_load_file(&cat, path, &err), CLAUSIER_ETOOBIG);
	unlink(path);
	cr_assert(strstr(err.message, "file too large"), "%s", err.message);
}

Test(catalog, doctype_is_refused_before_any_entity_is_declared)
{
	const char *bomb = "<?xml version='1.0'?>\n"
	                   "<!DOCTYPE catalog [<!ENTITY a 'aaaaaaaaaa'>\n"
	                   "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>\n"
	                   "<catalog " NS ">&b;</catalog>";
	clausier_error err;
	cr_assert_eq(load_status(bomb, &err), CLAUSIER_EPARSE);
	cr_assert_str_eq(errline(&err), "test.xml:2: a DOCTYPE declaration is not allowed");
}

Test(catalog, malformed_xml_gives_line_and_column)
{
	clausier_error err;
	cr_assert_eq(load_status("<catalog " NS ">\n  <title>\n</catalog>", &err), CLAUSIER_EPARSE);
	cr_assert_eq(err.line, 3);
	cr_assert_eq(err.column, 11);
	cr_assert_str_eq(err.source, "test.xml");
}

Test(catalog, invalid_utf8_is_refused_with_its_position)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("ok", "caf\xc3\x28"), &err), CLAUSIER_EPARSE);
	cr_assert_eq(err.line, 1);
	cr_assert(err.column > 0);
	cr_assert(strstr(err.message, "not proper UTF-8"), "%s", err.message);
}

Test(catalog, bidi_controls_are_refused_naming_clause_language_and_position)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("ok", "ab\xe2\x80\xae" "cd"), &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err),
	                 "test.xml:1: clause “one”, text in “fr”: character 3 is U+202E, an invisible control, "
	                 "formatting or separator character, which policy texts may not contain");
}

Test(catalog, invisible_reordering_and_separator_characters_are_refused_each_by_its_code)
{
	/* doc/design.md: each refused character, in a value of the text
	 * where a reader would not see it. */
	static const struct {
		const char *utf8;
		const char *code;
	} refused[] = {
		{ "\xe2\x80\x8e", "U+200E" },     /* left-to-right mark */
		{ "\xe2\x80\x8f", "U+200F" },     /* right-to-left mark */
		{ "\xd8\x9c", "U+061C" },         /* Arabic letter mark */
		{ "\xe2\x80\xa8", "U+2028" },     /* line separator */
		{ "\xe2\x80\xa9", "U+2029" },     /* paragraph separator */
		{ "\xe2\x80\x8b", "U+200B" },     /* zero width space */
		{ "\xe2\x81\xa0", "U+2060" },     /* word joiner */
		{ "\xef\xbb\xbf", "U+FEFF" },     /* zero width no-break space */
		{ "\xf3\xa0\x81\x81", "U+E0041" }, /* tag latin capital A */
		{ "\xef\xb7\x90", "U+FDD0" },     /* a noncharacter (the library's own mark) */
	};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		char body[64];
		snprintf(body, sizeof body, "con%sfidential", refused[i].utf8);
		clausier_error err;
		cr_assert_eq(load_status(with_bodies("ok", body), &err), CLAUSIER_EINVALID, "%s", refused[i].code);
		char want[32];
		snprintf(want, sizeof want, "character 4 is %s", refused[i].code);
		cr_assert(strstr(err.message, want), "%s: %s", refused[i].code, err.message);
	}
	/* Joiners (emoji sequences, scripts that need them) and the soft
	 * hyphen load: clausier check points them out. */
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb ok", "respon\xc2\xadsabilit\xc3\xa9"), &err),
	             CLAUSIER_OK, "%s", errline(&err));
}

Test(catalog, bidi_isolates_are_refused_too)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("a\xe2\x81\xa6" "b", "ok"), &err), CLAUSIER_EINVALID);
	cr_assert(strstr(err.message, "U+2066"), "%s", err.message);
}

Test(catalog, french_plural_accepts_one_many_other)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("{days, plural, one {# day} other {# days}}",
	                                     "{days, plural, one {# jour} many {# de jours} other {# jours}}"),
	                         &err),
	             CLAUSIER_OK, "%s", errline(&err));
}

Test(catalog, plural_keys_are_checked_against_cldr_for_each_language)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("{days, plural, one {# day} many {# days} other {# days}}", "ok"),
	                         &err),
	             CLAUSIER_EMESSAGE);
	cr_assert(strstr(err.message, "“many” is not a plural category of language “en”"), "%s", err.message);
	cr_assert_eq(load_status(with_bodies("ok", "{days, plural, one {# jour} few {# jours} other {# jours}}"),
	                         &err),
	             CLAUSIER_EMESSAGE);
	cr_assert(strstr(err.message, "“few” is not a plural category of language “fr”"), "%s", err.message);
}

Test(catalog, ordinal_keys_use_the_ordinal_rules)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("{days, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
	                                     "{days, selectordinal, one {#er} other {#e}}"),
	                         &err),
	             CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(load_status(with_bodies("ok", "{days, selectordinal, one {#er} two {#e} other {#e}}"), &err),
	             CLAUSIER_EMESSAGE);
}

Test(catalog, explicit_plural_values_are_allowed)
{
	clausier_error err;
	cr_assert_eq(load_status(with_bodies("{days, plural, =0 {no day} one {# day} other {# days}}", "ok"),
	                         &err),
	             CLAUSIER_OK, "%s", errline(&err));
}

Test(catalog, a_second_text_in_one_language_is_an_error)
{
	const char *xml = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>\n"
	                  "<title><text xml:lang='en'>A</text>\n<text xml:lang='EN'>B</text></title>\n"
	                  "<clause id='one' topic='scope'><heading><text xml:lang='en'>One</text></heading>"
	                  "<body><text xml:lang='en'>x</text></body></clause></catalog>";
	clausier_error err;
	cr_assert_eq(load_status(xml, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "test.xml:3: the title: a second text in “EN”");
}

Test(catalog, the_first_name_given_twice_in_document_order_is_the_one_reported)
{
	/* Found in one sort, reported where a scan in document order would
	 * have: b, a, b, a names b's second first. */
	const char *clauses = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>\n"
	                      "<title><text xml:lang='en'>T</text></title>\n"
	                      "<clause id='b' topic='scope'><heading><text xml:lang='en'>B</text></heading><body><text xml:lang='en'>x</text></body></clause>\n"
	                      "<clause id='a' topic='scope'><heading><text xml:lang='en'>A</text></heading><body><text xml:lang='en'>x</text></body></clause>\n"
	                      "<clause id='b' topic='scope'><heading><text xml:lang='en'>B</text></heading><body><text xml:lang='en'>x</text></body></clause>\n"
	                      "<clause id='a' topic='scope'><heading><text xml:lang='en'>A</text></heading><body><text xml:lang='en'>x</text></body></clause>\n"
	                      "</catalog>";
	clausier_error err;
	cr_assert_eq(load_status(clauses, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "test.xml:5: clause “b” is defined twice (first at line 3)");
	const char *params = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>\n"
	                     "<title><text xml:lang='en'>T</text></title>\n"
	                     "<param name='y' type='text'/>\n<param name='x' type='text'/>\n"
	                     "<param name='x' type='text'/>\n<param name='y' type='text'/>\n"
	                     "<clause id='c' topic='scope'><heading><text xml:lang='en'>C</text></heading><body><text xml:lang='en'>x</text></body></clause>\n"
	                     "</catalog>";
	cr_assert_eq(load_status(params, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "test.xml:5: parameter “x” is declared twice");
	const char *sections = "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>\n"
	                       "<title><text xml:lang='en'>T</text></title>\n"
	                       "<section id='s'><title><text xml:lang='en'>S</text></title></section>\n"
	                       "<section id='s'><title><text xml:lang='en'>S</text></title></section>\n"
	                       "<clause id='c' topic='scope' section='s'><heading><text xml:lang='en'>C</text></heading><body><text xml:lang='en'>x</text></body></clause>\n"
	                       "</catalog>";
	cr_assert_eq(load_status(sections, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "test.xml:4: section “s” is defined twice (first at line 3)");
}

Test(catalog, nesting_is_limited_before_icu_parses)
{
	/* Absurd nesting, the kind that overflows ICU 72's stack. */
	static char pat[32768];
	pat[0] = '\0';
	for (int i = 0; i < 1000; i++)
		strcat(pat, "{days, plural, other {");
	clausier_error err;
	cr_assert_eq(load_status(with_bodies(pat, "ok"), &err), CLAUSIER_EMESSAGE);
	cr_assert(strstr(err.message, "nested deeper than 8 levels"), "%s", err.message);
}

Test(profile, values_and_selection_load)
{
	clausier_profile *prof = NULL;
	clausier_error err;
	cr_assert_eq(clausier_profile_load_file(&prof, SAMPLE_PROFILE, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_profile_free(prof);
}

Test(profile, a_value_given_twice_for_one_language_is_an_error)
{
	const char *xml = "<profile " NS " version='1'>\n<value name='org'>A</value>\n"
	                  "<value name='org' xml:lang='fr'>B</value>\n<value name='org'>C</value></profile>";
	clausier_profile *prof = NULL;
	clausier_error err;
	cr_assert_eq(clausier_profile_load_memory(&prof, xml, strlen(xml), "p.xml", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "p.xml:4: a second value for “org” (the first is at line 2)");
}

Test(policy, unknown_clause_is_reported_at_its_line)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK);
	clausier_profile *prof = load_profile_text(
		"<profile " NS " version='1'>\n<value name='org'>A</value>\n\n"
		"<exclude clause='disclaimer'/>\n<replace clause='digital-footprint' with='no-such-clause'/>\n</profile>");
	clausier_policy *pol = (clausier_policy *)1;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_ENOTFOUND);
	cr_assert_null(pol);
	cr_assert_eq(err.line, 5);
	cr_assert(strstr(err.message, "unknown clause “no-such-clause”"), "%s", err.message);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(policy, adjustments_exclude_include_and_replace_in_place)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK);
	/* Only the title page's parameters and the kept clauses' are needed:
	 * contact and days go with the excluded clauses. */
	clausier_profile *prof = load_profile_text(
		"<profile " NS " version='1'><value name='org'>A</value>"
		"<value name='effective'>2027-01-15</value>"
		"<exclude clause='personal-responsibility'/><exclude clause='confidentiality'/>"
		"<exclude clause='disclaimer'/><exclude clause='crisis-response'/>"
		"<replace clause='working-time' with='acknowledgement'/>"
		"<exclude clause='acknowledgement'/><include clause='working-time'/></profile>");
	clausier_policy *pol = NULL;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_policy_count(pol), 2);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "en-CA";
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert(strstr(out, "1. A lasting digital footprint\n"), "%s", out);
	cr_assert(strstr(out, "2. Use during working time\n"), "%s", out);
	clausier_free(out);
	clausier_policy_free(pol);
	clausier_profile_free(prof);

	/* Replaced, the acknowledgement takes working-time's third place. */
	prof = load_profile_text("<profile " NS " version='1'><value name='org'>A</value>"
	                         "<value name='effective'>2027-01-15</value><value name='contact'>a@b.ca</value>"
	                         "<value name='days'>30</value><exclude clause='acknowledgement'/>"
	                         "<replace clause='working-time' with='acknowledgement'/></profile>");
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	opts.locale = "en-US";
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert(strstr(out, "3. Acknowledgement\n"), "%s", out);
	cr_assert_null(strstr(out, "working time"), "%s", out);
	clausier_free(out);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(policy, ill_typed_values_are_refused_at_their_line)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK);
	const char *dates[] = { "2027-13-01", "2027-02-29", "27-01-15", "2027-1-15", "2027-01-15x", "" };
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		char xml[512];
		snprintf(xml, sizeof xml,
		         "<profile " NS " version='1'><value name='org'>A</value>\n<value name='effective'>%s</value>"
		         "<value name='contact'>c@example.org</value><value name='days'>30</value></profile>",
		         dates[i]);
		clausier_profile *prof = load_profile_text(xml);
		clausier_policy *pol = NULL;
		cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_EPARAM, "%s", dates[i]);
		cr_assert_eq(err.line, 2);
		clausier_profile_free(prof);
	}
	const char *numbers[] = { "thirty", "3,5", "1e3", "-", ".5", "1.", "30 " "days" };
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		char xml[512];
		snprintf(xml, sizeof xml,
		         "<profile " NS " version='1'><value name='org'>A</value><value name='effective'>2027-01-15</value>"
		         "<value name='contact'>c@example.org</value>\n<value name='days'>%s</value></profile>",
		         numbers[i]);
		clausier_profile *prof = load_profile_text(xml);
		clausier_policy *pol = NULL;
		cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_EPARAM, "%s", numbers[i]);
		cr_assert_eq(err.line, 2);
		clausier_profile_free(prof);
	}
	clausier_catalog_free(cat);
}

Test(policy, leap_day_is_a_date)
{
	char *out = render_texts("<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>{d, date, long}</text></title>"
	                         "<param name='d' type='date'/><clause id='a' topic='scope'><heading><text xml:lang='en'>A</text></heading>"
	                         "<body><text xml:lang='en'>B</text></body></clause></catalog>",
	                         "<profile " NS " version='1'><value name='d'>2028-02-29</value></profile>", "en-US", 0);
	cr_assert_str_eq(out, "February\u00a029,\u00a02028\n\n1. A\n\nB\n");
	clausier_free(out);
}
