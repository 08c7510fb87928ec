/* The law follows the jurisdiction: clauses and bodies by jurisdiction,
 * the jurisdiction's facts, the prevailing version, regional English. */
#include "helpers.h"

/* A catalog whose one clause has a body per level. */
static const char *S_levels =
	"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'>"
	"<title><text>T</text><text xml:lang='fr'>T</text></title>"
	"<clause id='rights' topic='protected-activity'><heading><text>Rights</text><text xml:lang='fr'>Droits</text></heading>"
	"<body><text>generic</text><text xml:lang='fr'>générique</text></body>"
	"<body risk='strict'><text>generic strict</text><text xml:lang='fr'>générique strict</text></body>"
	"<body jurisdictions='CA'><text>Canada</text><text xml:lang='fr'>Canada</text></body>"
	"<body jurisdictions='CA-QC'><text>Quebec</text><text xml:lang='fr'>Québec</text></body>"
	"<body jurisdictions='US' risk='strict'><text>US strict</text><text xml:lang='fr'>É.-U. strict</text></body>"
	"</clause>"
	"<clause id='at-will' topic='sanctions' jurisdictions='US'><heading><text>At will</text><text xml:lang='fr'>À volonté</text></heading>"
	"<body><text>at-will</text><text xml:lang='fr'>à volonté</text></body></clause>"
	"<clause id='canada' topic='sanctions' jurisdictions='CA'><heading><text>Canada only</text><text xml:lang='fr'>Canada</text></heading>"
	"<body><text>any Canadian</text><text xml:lang='fr'>tout le Canada</text></body></clause>"
	"</catalog>";

static char *S_profile(const char *jurisdiction, const char *risk, const char *locales)
{
	static char buf[512];
	snprintf(buf, sizeof buf, "<profile " NS " version='1'%s%s%s risk='%s'%s%s%s/>",
	         jurisdiction ? " jurisdiction='" : "", jurisdiction ? jurisdiction : "", jurisdiction ? "'" : "", risk,
	         locales ? " locales='" : "", locales ? locales : "", locales ? "'" : "");
	return buf;
}

static void S_expect(const char *jurisdiction, const char *risk, const char *body, int at_will, int canada)
{
	char *ed = render_texts(S_levels, S_profile(jurisdiction, risk, NULL), "en-US", 0);
	char line[64];
	snprintf(line, sizeof line, "\n%s\n", body);
	cr_expect(strstr(ed, line) != NULL, "%s %s: wanted body “%s” in\n%s", jurisdiction ? jurisdiction : "(none)",
	          risk, body, ed);
	cr_expect_eq(strstr(ed, "at-will") != NULL, at_will, "%s: at-will clause", jurisdiction ? jurisdiction : "-");
	cr_expect_eq(strstr(ed, "any Canadian") != NULL, canada, "%s: Canada clause", jurisdiction ? jurisdiction : "-");
	free(ed);
}

Test(bodies, the_most_specific_jurisdiction_wins_then_the_risk_tolerance)
{
	S_expect("CA-QC", "balanced", "Quebec", 0, 1);
	S_expect("CA-QC", "strict", "Quebec", 0, 1);      /* law first: Quebec has no strict body */
	S_expect("CA-ON", "balanced", "Canada", 0, 1);    /* a region falls back to its country */
	S_expect("CA", "strict", "Canada", 0, 1);
	S_expect("US", "balanced", "generic", 1, 0);      /* the US body is for strict only */
	S_expect("US", "strict", "US strict", 1, 0);
	S_expect("FR", "strict", "generic strict", 0, 0);
	S_expect(NULL, "balanced", "generic", 0, 0);      /* no jurisdiction: the generic texts */
}

Test(bodies, the_policy_document_names_the_variant_and_reads_it_back)
{
	clausier_catalog *cat = load_catalog_text(S_levels);
	clausier_profile *prof = load_profile_text(S_profile("CA-QC", "strict", "fr-CA en-CA"));
	clausier_policy *pol = NULL, *back = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	char *doc = NULL;
	size_t len = 0;
	cr_assert_eq(clausier_policy_write(&doc, &len, pol, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_expect(strstr(doc, "<clause ref=\"rights\" risk=\"balanced\" jurisdictions=\"CA-QC\"/>") != NULL, "%s", doc);
	cr_expect(strstr(doc, "locales=\"fr-CA en-CA\"") != NULL, "%s", doc);
	cr_assert_eq(clausier_policy_load_memory(&back, cat, doc, len, "p.xml", &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	char *a = NULL, *b = NULL;
	cr_assert_eq(clausier_render(&a, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_render(&b, NULL, back, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_expect_str_eq(a, b);
	cr_expect(strstr(a, "Québec") != NULL);

	/* a variant the catalog does not have is an error at its line */
	const char *bad = "<policy " NS " version='1' catalog='t' genre='smp' jurisdiction='CA-QC' risk='balanced'>\n"
	                  "<clause ref='rights' risk='balanced' jurisdictions='FR'/></policy>";
	clausier_policy *p3 = NULL;
	cr_expect_eq(clausier_policy_load_memory(&p3, cat, bad, strlen(bad), "bad.xml", &err), CLAUSIER_EINVALID);
	cr_expect(strstr(errline(&err), "bad.xml:2:") && strstr(errline(&err), "jurisdictions “FR”"), "%s", errline(&err));
	free(a);
	free(b);
	free(doc);
	clausier_policy_free(back);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(bodies, a_catalog_cannot_give_two_bodies_for_one_jurisdiction_or_one_outside_its_clause)
{
	const char *two =
		"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text>T</text></title>"
		"<clause id='c' topic='purpose'><heading><text>H</text></heading><body><text>b</text></body>"
		"<body jurisdictions='US CA'><text>one</text></body>\n<body jurisdictions='CA'><text>two</text></body>"
		"</clause></catalog>";
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_expect_eq(clausier_catalog_load_memory(&cat, two, strlen(two), "two.xml", &err), CLAUSIER_EINVALID);
	cr_expect(strstr(errline(&err), "two.xml:2:") && strstr(errline(&err), "second body for jurisdiction “CA”"),
	          "%s", errline(&err));
	const char *outside =
		"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text>T</text></title>"
		"<clause id='c' topic='purpose' jurisdictions='CA'><heading><text>H</text></heading><body><text>b</text></body>\n"
		"<body jurisdictions='FR'><text>one</text></body></clause></catalog>";
	cr_expect_eq(clausier_catalog_load_memory(&cat, outside, strlen(outside), "out.xml", &err), CLAUSIER_EINVALID);
	cr_expect(strstr(errline(&err), "out.xml:2:") && strstr(errline(&err), "limited to “CA”"), "%s", errline(&err));
	const char *region =
		"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text>T</text></title>"
		"<clause id='c' topic='purpose' jurisdictions='CA'><heading><text>H</text></heading><body><text>b</text></body>"
		"<body jurisdictions='CA-QC'><text>one</text></body></clause></catalog>";
	cat = load_catalog_text(region); /* a region of the clause's country is inside it */
	cr_expect_str_eq(clausier_catalog_clause_jurisdictions(cat, 0), "CA");
	clausier_catalog_free(cat);
}

/* ---- facts ---- */

static const char *S_facts =
	"<catalog " NS " version='1' id='f' genre='smp' xml:lang='en'>"
	"<title><text>T</text><text xml:lang='fr'>T</text></title>"
	"<param name='emergency_number' type='text' from='jurisdiction'/>"
	"<clause id='call' topic='crisis-response'><heading><text>Call</text><text xml:lang='fr'>Appel</text></heading>"
	"<body><text>Call {emergency_number} first.</text><text xml:lang='fr'>Appelez d’abord {emergency_number}.</text></body>"
	"</clause></catalog>";

Test(facts, a_fact_is_the_jurisdictions_in_the_editions_language)
{
	char *ed = render_texts(S_facts, S_profile("FR", "balanced", NULL), "fr-FR", 0);
	cr_expect(strstr(ed, "Appelez d’abord le 17 (police) ou le 112.") != NULL, "%s", ed);
	free(ed);
	ed = render_texts(S_facts, S_profile("FR", "balanced", NULL), "en-GB", 0);
	cr_expect(strstr(ed, "Call 17 (police) or 112\u00a0first.") != NULL, "%s", ed);
	free(ed);
	ed = render_texts(S_facts, S_profile("CA-QC", "balanced", NULL), "fr-CA", 0);
	cr_expect(strstr(ed, "Appelez d’abord le 911.") != NULL, "%s", ed); /* from Canada's facts */
	free(ed);
	ed = render_texts(S_facts, S_profile("US", "balanced", NULL), "fr-FR", 0);
	cr_expect(strstr(ed, "Appelez d’abord le 911.") != NULL, "%s", ed); /* a US policy in French */
	free(ed);
}

Test(facts, a_profile_cannot_give_a_fact_and_a_jurisdiction_must_have_it)
{
	clausier_catalog *cat = load_catalog_text(S_facts);
	clausier_policy *pol = NULL;
	clausier_error err;
	clausier_profile *prof = load_profile_text("<profile " NS " version='1' jurisdiction='US'>\n"
	                                           "<value name='emergency_number'>112</value></profile>");
	cr_expect_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_EPARAM);
	cr_expect(strstr(errline(&err), "profile.xml:2:") && strstr(errline(&err), "a profile cannot give it"), "%s",
	          errline(&err));
	clausier_profile_free(prof);
	prof = load_profile_text("<profile " NS " version='1'/>");
	cr_expect_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_EPARAM);
	cr_expect(strstr(errline(&err), "names no jurisdiction") != NULL, "%s", errline(&err));
	clausier_profile_free(prof);
	clausier_catalog_free(cat);

	const char *lacking =
		"<catalog " NS " version='1' id='f' genre='smp' xml:lang='en'><title><text>T</text></title>"
		"<param name='no_such_fact' type='text' from='jurisdiction'/>"
		"<clause id='c' topic='purpose'><heading><text>H</text></heading><body><text>{no_such_fact}</text></body>"
		"</clause></catalog>";
	cat = load_catalog_text(lacking);
	prof = load_profile_text(S_profile("CA-QC", "balanced", NULL));
	cr_expect_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_EPARAM);
	cr_expect(strstr(errline(&err), "“no_such_fact”") && strstr(errline(&err), "clause “c”") &&
	                  strstr(errline(&err), "jurisdiction CA-QC does not have"),
	          "%s", errline(&err));
	clausier_profile_free(prof);
	clausier_catalog_free(cat);

	const char *defaulted =
		"<catalog " NS " version='1' id='f' genre='smp' xml:lang='en'><title><text>T</text></title>\n"
		"<param name='emergency_number' type='text' from='jurisdiction' default='911'/>"
		"<clause id='c' topic='purpose'><heading><text>H</text></heading><body><text>b</text></body>"
		"</clause></catalog>";
	cr_expect_eq(clausier_catalog_load_memory(&cat, defaulted, strlen(defaulted), "d.xml", &err), CLAUSIER_EINVALID);
	cr_expect(strstr(errline(&err), "d.xml:2:") && strstr(errline(&err), "cannot have a default"), "%s",
	          errline(&err));
}

/* A jurisdiction body's facts are needed where it is used, and only there:
 * the US body names the NLRB, which Quebec lacks; the generic body uses
 * Quebec's discrimination grounds, which the United States lacks. */
static const char *S_body_facts =
	"<catalog " NS " version='1' id='f' genre='smp' xml:lang='en'>"
	"<title><text>T</text><text xml:lang='fr'>T</text></title>"
	"<param name='labor_board' type='name' from='jurisdiction'/>"
	"<param name='discrimination_grounds' type='text' from='jurisdiction'/>"
	"<clause id='c' topic='purpose'><heading><text>H</text><text xml:lang='fr'>H</text></heading>"
	"<body><text>On {discrimination_grounds}.</text><text xml:lang='fr'>Sur {discrimination_grounds}.</text></body>"
	"<body jurisdictions='US'><text>With {labor_board_the}.</text><text xml:lang='fr'>Auprès {labor_board_du}.</text></body>"
	"</clause></catalog>";

Test(facts, a_jurisdiction_body_needs_its_facts_only_where_it_is_used)
{
	char *ed = render_texts(S_body_facts, S_profile("US", "balanced", NULL), "en-US", 0);
	cr_expect(strstr(ed, "With the National Labor Relations Board.") != NULL, "%s", ed);
	free(ed);
	ed = render_texts(S_body_facts, S_profile("CA-QC", "balanced", NULL), "fr-CA", 0);
	cr_expect(strstr(ed, "Sur la race, la couleur,") != NULL, "%s", ed);
	free(ed);
}

Test(facts, the_policy_document_does_not_write_them_and_gets_them_back)
{
	clausier_catalog *cat = load_catalog_text(S_facts);
	clausier_profile *prof = load_profile_text(S_profile("FR", "balanced", NULL));
	clausier_policy *pol = NULL, *back = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	char *doc = NULL;
	size_t len = 0;
	cr_assert_eq(clausier_policy_write(&doc, &len, pol, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_expect(strstr(doc, "emergency_number") == NULL, "%s", doc);
	cr_assert_eq(clausier_policy_load_memory(&back, cat, doc, len, "p.xml", &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-FR";
	char *a = NULL;
	cr_assert_eq(clausier_render(&a, NULL, back, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_expect(strstr(a, "le 17 (police) ou le 112") != NULL, "%s", a);
	free(a);
	free(doc);
	clausier_policy_free(back);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

/* ---- the prevailing version ---- */

static const char *S_en_source =
	"<catalog " NS " version='1' id='p' genre='smp' xml:lang='en'>"
	"<title><text>T</text><text xml:lang='fr'>T</text></title>"
	"<clause id='c' topic='purpose'><heading><text>H</text><text xml:lang='fr'>H</text></heading>"
	"<body><text>b</text><text xml:lang='fr'>b</text></body></clause></catalog>";
static const char *S_fr_source =
	"<catalog " NS " version='1' id='p' genre='charte' xml:lang='fr'>"
	"<title><text>T</text><text xml:lang='en'>T</text></title>"
	"<clause id='c' topic='purpose'><heading><text>H</text><text xml:lang='en'>H</text></heading>"
	"<body><text>b</text><text xml:lang='en'>b</text></body></clause></catalog>";

static int S_states(const char *cat, const char *jurisdiction, const char *locales, const char *locale,
                    const char *words)
{
	char *ed = render_texts(cat, S_profile(jurisdiction, "balanced", locales), locale, 0);
	int found = words && strstr(ed, words) != NULL;
	int any = strstr(ed, "prevail") || strstr(ed, "prévaut") || strstr(ed, "fait foi") ||
	          strstr(ed, "font également foi") || strstr(ed, "authoritative");
	free(ed);
	return words ? found : any;
}

Test(prevailing, translated_and_multilingual_editions_say_which_version_governs)
{
	/* Quebec: French, whatever the catalog's language */
	cr_expect(S_states(S_en_source, "CA-QC", "fr-CA en-CA", "en-CA", "the French version prevails"));
	cr_expect(S_states(S_en_source, "CA-QC", "fr-CA en-CA", "fr-CA", "la version française prévaut"));
	cr_expect(S_states(S_en_source, "CA-QC", NULL, "fr-CA", "Charte de la langue française"));
	/* France: the French version, article L1321-6 */
	cr_expect(S_states(S_fr_source, "FR", "fr-FR en-US", "en-US", "L1321-6"));
	cr_expect(!S_states(S_fr_source, "FR", "fr-FR", "fr-FR", NULL)); /* the only version */
	/* a US organization: English, in French too */
	cr_expect(S_states(S_en_source, "US", NULL, "fr-FR", "la version anglaise prévaut"));
	cr_expect(!S_states(S_en_source, "US", "en-US", "en-US", NULL));
	cr_expect(S_states(S_en_source, "US", "en-US fr-CA", "en-US", "the English version prevails"));
	/* federal Canada: both equally authoritative */
	cr_expect(S_states(S_en_source, "CA", "en-CA fr-CA", "en-CA", "equally authoritative"));
	cr_expect(S_states(S_en_source, "CA", NULL, "fr-CA", "font également foi"));
	cr_expect(S_states(S_fr_source, "CA-ON", NULL, "en-CA", "the English version prevails"));
	/* no jurisdiction: nothing to say */
	cr_expect(!S_states(S_en_source, NULL, "en-US fr-FR", "fr-FR", NULL));
}

Test(prevailing, a_bilingual_edition_says_it_in_both_languages)
{
	clausier_catalog *cat = load_catalog_text(S_en_source);
	clausier_profile *prof = load_profile_text(S_profile("CA-QC", "balanced", NULL));
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	opts.locale2 = "en-CA";
	opts.format = CLAUSIER_FORMAT_HTML;
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_expect(strstr(out, "<p class=\"clausier-prevailing\">La présente politique") != NULL, "%s", out);
	cr_expect(strstr(out, "<p class=\"clausier-prevailing\">This policy is written in French") != NULL, "%s", out);
	free(out);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

/* ---- regional English ---- */

static const char *S_spelling =
	"<catalog " NS " version='1' id='s' genre='smp' xml:lang='en'>"
	"<title><text>The Labor Center</text></title>"
	"<param name='org' type='name'/><param name='kind' type='choice' choices='labor other'/>"
	"<param name='n' type='number'/>"
	"<clause id='c' topic='purpose'><heading><text>Behavior</text></heading>"
	"<body><text>{org} organized a program on behavior, defense and offenses; it recognizes "
	"labor’s role, {n, plural, one {# color} other {# colors}}, {kind, select, labor {LABOR} other {other}}. "
	"Its size, its prize and the catalog’s license. Maximize enrollment: 50 percent. "
	"Organizational rules, analyzing zigzag data, in organizations.</text></body></clause>"
	"<clause id='d' topic='scope'><heading><text>Labor</text><text xml:lang='en-CA'>Written for Canada: labor</text></heading>"
	"<body><text>x</text></body></clause>"
	"</catalog>";
static const char *S_spelling_profile =
	"<profile " NS " version='1'><value name='org'>World Health Organization Labor Center</value>"
	"<value name='kind'>labor</value><value name='n'>2</value></profile>";

Test(spelling, en_CA_and_en_GB_are_spelled_as_there_and_values_are_left_as_given)
{
	char *us = render_texts(S_spelling, S_spelling_profile, "en-US", 0);
	char *ca = render_texts(S_spelling, S_spelling_profile, "en-CA", 0);
	char *gb = render_texts(S_spelling, S_spelling_profile, "en-GB", 0);
	cr_expect(strstr(us, "organized a program on behavior, defense and offenses; it recognizes labor’s role, 2\u00a0colors, LABOR.") != NULL, "%s", us);
	cr_expect(strstr(ca, "The Labour Centre") != NULL, "%s", ca);
	cr_expect(strstr(ca, "World Health Organization Labor Center organized a program on behaviour, defence and offences; it recognizes labour’s role, 2\u00a0colours, LABOUR.") != NULL,
	          "%s", ca);
	cr_expect(strstr(ca, "Its size, its prize and the catalogue’s licence. Maximize enrolment: 50\u00a0per cent.") != NULL, "%s", ca);
	cr_expect(strstr(gb, "World Health Organization Labor Center organised a programme on behaviour, defence and offences; it recognises labour’s role, 2\u00a0colours, LABOUR.") != NULL,
	          "%s", gb);
	cr_expect(strstr(gb, "Its size, its prize and the catalogue’s licence. Maximise enrolment: 50\u00a0per cent.") != NULL, "%s", gb);
	/* a suffix's z as far as eight letters from the end (-izational) */
	cr_expect(strstr(gb, "Organisational rules, analysing zigzag data, in organisations.") != NULL, "%s", gb);
	cr_expect(strstr(ca, "Organizational rules, analyzing zigzag data, in organizations.") != NULL, "%s", ca);
	/* a text written for en-CA wins over the spelled one */
	cr_expect(strstr(ca, "Written for Canada: labor") != NULL, "%s", ca);
	cr_expect(strstr(gb, "Labour\n") != NULL, "%s", gb);
	free(us);
	free(ca);
	free(gb);
}

Test(spelling, derived_texts_are_not_translations)
{
	clausier_catalog *cat = load_catalog_text(S_spelling);
	clausier_coverage *cov = NULL;
	size_t n = 0;
	clausier_error err;
	cr_assert_eq(clausier_catalog_coverage(&cov, &n, cat, &err), CLAUSIER_OK);
	cr_expect_eq(n, 2, "en and the en-CA text someone wrote");
	for (size_t i = 0; i < n; i++)
		cr_expect(strcmp(cov[i].lang, "en-GB"), "en-GB is spelled, not translated");
	free(cov);
	clausier_text_info *tr = NULL;
	cr_assert_eq(clausier_catalog_translations(&tr, &n, cat, &err), CLAUSIER_OK);
	cr_expect_eq(n, 1, "only the written en-CA heading");
	free(tr);
	clausier_catalog_free(cat);
}

/* ---- lint ---- */

static void S_finding(void *ctx, const clausier_finding *f)
{
	char *buf = ctx;
	size_t n = strlen(buf);
	snprintf(buf + n, 4096 - n, "%s %s %s: %s\n", f->severity == CLAUSIER_CHECK_ERROR ? "error" : "warning",
	         f->clause ? f->clause : "-", f->rule ? f->rule : "-", f->message);
}

static char *S_lint(const char *catalog, const char *policy)
{
	static char buf[4096];
	buf[0] = 0;
	clausier_catalog *cat = load_catalog_text(catalog);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_load_memory(&pol, cat, policy, strlen(policy), "p.xml", &err), CLAUSIER_OK, "%s",
	             errline(&err));
	cr_assert_geq(clausier_policy_lint(pol, NULL, S_finding, buf, &err), 0, "%s", errline(&err));
	clausier_policy_free(pol);
	clausier_catalog_free(cat);
	return buf;
}

Test(lint, a_clause_or_text_of_another_jurisdictions_law_is_found)
{
	const char *head = "<policy " NS " version='1' catalog='t' genre='smp' jurisdiction='CA-QC' risk='strict'>";
	char doc[1024];
	snprintf(doc, sizeof doc, "%s<clause ref='rights' risk='strict' jurisdictions='US'/><clause ref='at-will' risk='balanced'/></policy>", head);
	const char *out = S_lint(S_levels, doc);
	cr_expect(strstr(out, "error rights jurisdiction-body: the clause uses its text for jurisdictions US, and the policy’s jurisdiction is CA-QC") != NULL, "%s", out);
	cr_expect(strstr(out, "error at-will jurisdiction-clause: the clause is limited to jurisdictions US, and the policy’s jurisdiction is CA-QC") != NULL, "%s", out);
	snprintf(doc, sizeof doc, "%s<clause ref='rights' risk='balanced' jurisdictions='CA'/><clause ref='canada' risk='balanced'/></policy>", head);
	out = S_lint(S_levels, doc);
	cr_expect_str_eq(out, "warning rights jurisdiction-variant: the catalog has a text of this clause written for CA-QC, which this policy does not use\n");
	snprintf(doc, sizeof doc, "%s<clause ref='rights' risk='balanced' jurisdictions='CA-QC'/><clause ref='canada' risk='balanced'/></policy>", head);
	cr_expect_str_eq(S_lint(S_levels, doc), "");
}

Test(lint, another_jurisdictions_law_is_found_however_its_citation_is_spaced)
{
	const char *cat =
		"<catalog " NS " version='1' id='m' genre='smp' xml:lang='en'><title><text>T</text></title>"
		"<clause id='qc' topic='privacy'><heading><text>A</text></heading><body><text>Under Law no. 25, ask first.</text></body></clause>"
		"<clause id='fr' topic='privacy'><heading><text>B</text></heading><body><text>As article L 1121-1 says.</text></body></clause>"
		"<clause id='us' topic='privacy'><heading><text>C</text></heading><body><text>See 29 U S C 157 and 16 C F R 255.</text></body></clause>"
		"<clause id='none' topic='privacy'><heading><text>D</text></heading><body><text>Follow the law of your province.</text></body></clause>"
		"</catalog>";
	const char *doc = "<policy " NS " version='1' catalog='m' genre='smp' jurisdiction='CA-ON' risk='balanced'>"
	                  "<clause ref='qc' risk='balanced'/><clause ref='fr' risk='balanced'/><clause ref='us' risk='balanced'/>"
	                  "<clause ref='none' risk='balanced'/></policy>";
	const char *out = S_lint(cat, doc);
	cr_expect(strstr(out, "error qc jurisdiction-mismatch: the clause cites “Law no. 25”") != NULL, "%s", out);
	cr_expect(strstr(out, "error fr jurisdiction-mismatch: the clause cites “L 1121-1”") != NULL, "%s", out);
	cr_expect(strstr(out, "error us jurisdiction-mismatch: the clause cites “29 U S C”") != NULL, "%s", out);
	cr_expect(strstr(out, "error none") == NULL, "%s", out);
}

/* The prefilters compare case-folded text, as ICU folds it (the default,
 * not Turkic, full folding: what UREGEX_CASE_INSENSITIVE compares): any
 * case of any letter is found, accented capitals too (which a byte-wise
 * ASCII comparison missed), and nothing that folding does not make equal. */
Test(lint, words_are_found_in_any_case_as_icu_folds_them)
{
	const char *cat =
		"<catalog " NS " version='1' id='f' genre='smp' xml:lang='fr'><title><text>T</text></title>"
		"<clause id='upper' topic='privacy'><heading><text>A</text></heading><body><text>Voir le CODE PÉNAL.</text></body></clause>"
		"<clause id='mixed' topic='privacy'><heading><text>B</text></heading><body><text>Selon le RÈGLEMENT INTÉRIEUR en vigueur.</text></body></clause>"
		"<clause id='title' topic='privacy'><heading><text>C</text></heading><body><text>Le Comité Social et Économique est consulté.</text></body></clause>"
		"<clause id='dotted' topic='privacy'><heading><text>D</text></heading><body><text>Le COMİTÉ SOCİAL ET ÉCONOMİQUE est consulté.</text></body></clause>"
		"<clause id='dotless' topic='privacy'><heading><text>E</text></heading><body><text>Le comıté socıal et économıque est consulté.</text></body></clause>"
		"<clause id='plain' topic='privacy'><heading><text>F</text></heading><body><text>Suivez les règles de votre province.</text></body></clause>"
		"</catalog>";
	const char *doc = "<policy " NS " version='1' catalog='f' genre='smp' jurisdiction='CA-ON' risk='balanced'>"
	                  "<clause ref='upper' risk='balanced'/><clause ref='mixed' risk='balanced'/><clause ref='title' risk='balanced'/>"
	                  "<clause ref='dotted' risk='balanced'/><clause ref='dotless' risk='balanced'/><clause ref='plain' risk='balanced'/></policy>";
	const char *out = S_lint(cat, doc);
	/* capitals with accents: the citation as the text writes it */
	cr_expect(strstr(out, "error upper jurisdiction-mismatch: the clause cites “CODE PÉNAL”") != NULL, "%s", out);
	cr_expect(strstr(out, "error mixed jurisdiction-mismatch: the clause cites “RÈGLEMENT INTÉRIEUR”") != NULL, "%s", out);
	cr_expect(strstr(out, "error title jurisdiction-mismatch: the clause cites “Comité Social et Économique”") != NULL, "%s", out);
	/* U+0130 folds to i + U+0307 and U+0131 to itself: neither is i */
	cr_expect(strstr(out, "error dotted") == NULL, "%s", out);
	cr_expect(strstr(out, "error dotless") == NULL, "%s", out);
	cr_expect(strstr(out, "error plain") == NULL, "%s", out);

	/* a US rule on a French text (the message has no English one) */
	const char *us =
		"<catalog " NS " version='1' id='u' genre='smp' xml:lang='fr'><title><text>T</text></title>"
		"<clause id='caps' topic='confidentiality'><heading><text>A</text></heading><body><text>Les RÉMUNÉRATIONS sont CONFIDENTIELLES.</text></body></clause>"
		"<clause id='first' topic='confidentiality'><heading><text>B</text></heading><body><text>Les Rémunérations sont Confidentielles.</text></body></clause>"
		"<clause id='ligature' topic='confidentiality'><heading><text>C</text></heading><body><text>Les rémunérations sont conﬁdentielles.</text></body></clause>"
		"<clause id='other' topic='confidentiality'><heading><text>D</text></heading><body><text>Les ŒUVRES sont confidentielles.</text></body></clause>"
		"</catalog>";
	const char *usdoc = "<policy " NS " version='1' catalog='u' genre='smp' jurisdiction='US' risk='balanced'>"
	                    "<clause ref='caps' risk='balanced'/><clause ref='first' risk='balanced'/><clause ref='ligature' risk='balanced'/>"
	                    "<clause ref='other' risk='balanced'/></policy>";
	out = S_lint(us, usdoc);
	cr_expect(strstr(out, "error caps us-nlrb-pay-confidentiality") != NULL, "%s", out);
	cr_expect(strstr(out, "error first us-nlrb-pay-confidentiality") != NULL, "%s", out);
	/* U+FB01 (ﬁ) folds to fi: the ligature is the word */
	cr_expect(strstr(out, "error ligature us-nlrb-pay-confidentiality") != NULL, "%s", out);
	cr_expect(strstr(out, "error other") == NULL, "%s", out);

	/* the words that let a pattern be tried are pieces of it, in any case */
	const char *st =
		"<catalog " NS " version='1' id='s' genre='smp' xml:lang='en'><title><text>T</text></title>"
		"<clause id='rate' topic='official-accounts'><heading><text>A</text></heading><body><text>Publish 3 POSTS PER DAY on each network.</text></body></clause>"
		"<clause id='taux' topic='official-accounts'><heading><text>B</text></heading><body><text>x</text><text xml:lang='fr'>Visez 2 Publications Par Semaine.</text></body></clause>"
		"<clause id='grow' topic='official-accounts'><heading><text>C</text></heading><body><text>We aim to Double our followers.</text></body></clause>"
		"<clause id='cfr' topic='official-accounts'><heading><text>D</text></heading><body><text>Endorsements follow 16 c.f.r. 255.</text></body></clause>"
		"<clause id='calm' topic='official-accounts'><heading><text>E</text></heading><body><text>Posts about us could be discussed calmly.</text></body></clause>"
		"</catalog>";
	const char *stdoc = "<policy " NS " version='1' catalog='s' genre='smp' jurisdiction='CA-ON' risk='balanced'>"
	                    "<clause ref='rate' risk='balanced'/><clause ref='taux' risk='balanced'/><clause ref='grow' risk='balanced'/>"
	                    "<clause ref='cfr' risk='balanced'/><clause ref='calm' risk='balanced'/></policy>";
	out = S_lint(st, stdoc);
	cr_expect(strstr(out, "warning rate policy-not-strategy") != NULL, "%s", out);
	cr_expect(strstr(out, "warning taux policy-not-strategy") != NULL, "%s", out);
	cr_expect(strstr(out, "warning grow policy-not-strategy") != NULL, "%s", out);
	cr_expect(strstr(out, "error cfr jurisdiction-mismatch: the clause cites “16 c.f.r”") != NULL, "%s", out);
	cr_expect(strstr(out, " calm ") == NULL, "%s", out);
}

Test(prevailing, the_organization_may_choose_where_the_law_leaves_it_the_choice)
{
	/* a French-language Ontario school board */
	char xml[512];
	snprintf(xml, sizeof xml, "<profile " NS " version='1' jurisdiction='CA-ON' prevailing='fr' locales='fr-CA en-CA'/>");
	char *ed = render_texts(S_en_source, xml, "en-CA", 0);
	cr_expect(strstr(ed, "This policy was written in French. Any translation is provided for convenience; in case of discrepancy, the French version prevails.") != NULL, "%s", ed);
	free(ed);
	ed = render_texts(S_en_source, xml, "fr-CA", 0);
	cr_expect(strstr(ed, "La présente politique a été rédigée en français.") != NULL, "%s", ed);
	free(ed);
	/* the same choice as the jurisdiction's: its own words */
	snprintf(xml, sizeof xml, "<profile " NS " version='1' jurisdiction='CA-QC' prevailing='fr'/>");
	ed = render_texts(S_en_source, xml, "en-CA", 0);
	cr_expect(strstr(ed, "Charter of the French language") != NULL, "%s", ed);
	free(ed);
	/* where the law decides, no choice */
	clausier_catalog *cat = load_catalog_text(S_fr_source);
	clausier_profile *prof = load_profile_text("<?xml version='1.0'?>\n<profile " NS " version='1' jurisdiction='FR' prevailing='en'/>");
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_expect_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_EINVALID);
	cr_expect(strstr(errline(&err), "profile.xml:2:") && strstr(errline(&err), "prevailing=\"en\": in jurisdiction FR the law makes the French version prevail") != NULL,
	          "%s", errline(&err));
	clausier_profile_free(prof);
	/* a charte says « charte » */
	snprintf(xml, sizeof xml, "<profile " NS " version='1' jurisdiction='CA-ON' prevailing='fr' locales='fr-CA en-CA'/>");
	ed = render_texts(S_fr_source, xml, "fr-CA", 0);
	cr_expect(strstr(ed, "La présente charte a été rédigée en français.") != NULL, "%s", ed);
	free(ed);
	/* kept in the policy document */
	prof = load_profile_text("<profile " NS " version='1' jurisdiction='US' prevailing='equal'/>");
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	char *doc = NULL;
	size_t len = 0;
	cr_assert_eq(clausier_policy_write(&doc, &len, pol, &err), CLAUSIER_OK);
	cr_expect(strstr(doc, "prevailing=\"equal\"") != NULL, "%s", doc);
	clausier_policy *back = NULL;
	cr_assert_eq(clausier_policy_load_memory(&back, cat, doc, len, "p.xml", &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "en-US";
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, back, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_expect(strstr(out, "The English and French versions of this policy are equally authoritative.") != NULL, "%s", out);
	free(out);
	free(doc);
	clausier_policy_free(back);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}
