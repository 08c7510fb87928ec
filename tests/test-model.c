/* The clause model: assembly by sector and risk tolerance, sections, typed
 * parameters formatted by ICU, and the query API for intranet forms. */
#include "helpers.h"

static const char *model =
	"<catalog " NS " version='1' id='m' genre='smp' xml:lang='en'>"
	"<title><text>Policy</text><text xml:lang='fr'>Politique</text></title>"
	"<param name='platforms' type='list'/>"
	"<param name='fine' type='money' default='1500 CAD'/>"
	"<param name='union' type='choice' choices='cse none' default='none'/>"
	"<param name='breaks' type='boolean' default='true'/>"
	"<section id='rules'><title><text>Rules</text><text xml:lang='fr'>Règles</text></title></section>"
	"<section id='advice'><title><text>Advice</text><text xml:lang='fr'>Conseils</text></title></section>"
	"<clause id='tip' topic='good-practice' section='advice' kind='advice' strength='should'>"
	"<heading><text>Tip</text><text xml:lang='fr'>Conseil</text></heading>"
	"<body><text>Think first.</text><text xml:lang='fr'>Réfléchissez.</text></body></clause>"
	"<clause id='all' topic='scope' section='rules'>"
	"<note>Scope of the policy.</note>"
	"<heading><text>All</text><text xml:lang='fr'>Tous</text></heading>"
	"<body><text>Balanced.</text><text xml:lang='fr'>Équilibré.</text></body>"
	"<body risk='strict'><text>Strict.</text><text xml:lang='fr'>Strict.</text></body></clause>"
	"<clause id='patients' topic='confidentiality' section='rules' sectors='health' strength='must' revision='3'>"
	"<heading><text>Patients</text><text xml:lang='fr'>Patients</text></heading>"
	"<body><text>On {platforms}.</text><text xml:lang='fr'>Sur {platforms}.</text></body></clause>"
	"<clause id='students' topic='confidentiality' section='rules' sectors='education public'>"
	"<heading><text>Students</text><text xml:lang='fr'>Élèves</text></heading>"
	"<body><text>Up to {fine, number, currency}.</text><text xml:lang='fr'>Jusqu’à {fine, number, currency}.</text></body>"
	"<body risk='open'><text>{union, select, cse {Ask the CSE.} other {Ask HR.}} "
	"{breaks, select, true {Breaks are free.} other {No use.}}</text>"
	"<text xml:lang='fr'>{union, select, cse {Consultez le CSE.} other {Consultez les RH.}} "
	"{breaks, select, true {Pauses libres.} other {Aucun usage.}}</text></body></clause>"
	"</catalog>";

static char *render_model(const char *profile_attrs, const char *values, const char *locale)
{
	char prof[2048];
	snprintf(prof, sizeof prof, "<profile " NS " version='1' %s>%s</profile>", profile_attrs, values);
	return render_texts(model, prof, locale, 0);
}

#define PLATFORMS "<value name='platforms'><item>Facebook</item><item>X</item><item>LinkedIn</item></value>"

Test(assembly, without_a_sector_only_clauses_for_every_sector)
{
	char *out = render_model("", "", "en-CA");
	cr_assert_str_eq(out, "Policy\n\nRules\n=====\n\n1. All\n\nBalanced.\n\n"
	                      "Advice\n======\n\n2. Tip\n\nThink first.\n");
	clausier_free(out);
}

Test(assembly, a_sector_adds_its_clauses_in_section_order)
{
	char *out = render_model("sector='health'", PLATFORMS, "fr-CA");
	cr_assert_str_eq(out, "Politique\n\nRègles\n======\n\n1. Tous\n\nÉquilibré.\n\n"
	                      "2. Patients\n\nSur Facebook, X et LinkedIn.\n\n"
	                      "Conseils\n========\n\n3. Conseil\n\nRéfléchissez.\n");
	clausier_free(out);
}

Test(assembly, risk_tolerance_picks_the_variant_or_the_balanced_body)
{
	char *out = render_model("sector='education' risk='strict'", "", "en-US");
	cr_assert(strstr(out, "1. All\n\nStrict.\n"), "%s", out);
	cr_assert(strstr(out, "2. Students\n\nUp to CA$1,500.00.\n"), "%s", out);
	clausier_free(out);
	out = render_model("sector='public' risk='open'", "<value name='union'>cse</value>", "fr-FR");
	cr_assert(strstr(out, "1. Tous\n\nÉquilibré.\n"), "%s", out);
	cr_assert(strstr(out, "2. Élèves\n\nConsultez le CSE. Pauses libres.\n"), "%s", out);
	clausier_free(out);
}

Test(formatting, money_in_each_locale)
{
	char *out = render_model("sector='education'", "<value name='fine'>1500 EUR</value>", "fr-FR");
	cr_assert(strstr(out, "Jusqu’à 1\u202f500,00\u00a0€."), "%s", out);
	clausier_free(out);
	out = render_model("sector='education'", "", "fr-CA");
	cr_assert(strstr(out, "Jusqu’à 1\u00a0500,00\u00a0$."), "%s", out);
	clausier_free(out);
	out = render_model("sector='education'", "", "en-CA");
	cr_assert(strstr(out, "Up to $1,500.00."), "%s", out);
	clausier_free(out);
}

Test(formatting, lists_in_each_locale)
{
	char *out = render_model("sector='health'", PLATFORMS, "en-US");
	cr_assert(strstr(out, "On Facebook, X, and LinkedIn."), "%s", out);
	clausier_free(out);
	out = render_model("sector='health'", PLATFORMS, "en-GB");
	cr_assert(strstr(out, "On Facebook, X and LinkedIn."), "%s", out);
	clausier_free(out);
	out = render_model("sector='health'", "<value name='platforms'><item>Facebook</item></value>", "fr-FR");
	cr_assert(strstr(out, "Sur Facebook."), "%s", out);
	clausier_free(out);
}

static int assemble_status(const char *values, clausier_error *err)
{
	clausier_catalog *cat = load_catalog_text(model);
	char prof[1024];
	snprintf(prof, sizeof prof, "<profile " NS " version='1' sector='education'>\n%s</profile>", values);
	clausier_profile *p = load_profile_text(prof);
	clausier_policy *pol = NULL;
	int rc = clausier_policy_assemble(&pol, cat, p, err);
	clausier_policy_free(pol);
	clausier_profile_free(p);
	clausier_catalog_free(cat);
	return rc;
}

Test(formatting, typed_values_are_checked)
{
	clausier_error err;
	cr_assert_eq(assemble_status("<value name='fine'>1500</value>", &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(errline(&err), "profile.xml:2: value of “fine”: “1500” is not a sum of money "
	                                "(write it like 1500 EUR or 250.50 CAD)");
	/* the currency is ISO 4217's, as ICU knows it: in use today */
	cr_assert_eq(assemble_status("<value name='fine'>1500 XYZ</value>", &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(errline(&err), "profile.xml:2: value of “fine”: “1500 XYZ”: XYZ is not a currency ICU knows "
	                                "(write an ISO 4217 code, like 1500 EUR or 250.50 CAD)");
	cr_assert_eq(assemble_status("<value name='fine'>1500 FRF</value>", &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(errline(&err), "profile.xml:2: value of “fine”: “1500 FRF”: FRF (French Franc) is no longer in "
	                                "use: write the sum in today’s currency");
	cr_assert_eq(assemble_status("<value name='fine'>1500 XTS</value>", &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(errline(&err), "profile.xml:2: value of “fine”: “1500 XTS”: XTS (Testing Currency Code) is not "
	                                "a currency money is paid in");
	cr_assert_eq(assemble_status("<value name='fine'>250.50 chf</value>", &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(assemble_status("<value name='fine'>1500 XOF</value>", &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(assemble_status("<value name='union'>union</value>", &err), CLAUSIER_EPARAM);
	cr_assert(strstr(err.message, "“union” is not one of the choices (cse none)"), "%s", err.message);
	cr_assert_eq(assemble_status("<value name='breaks'>yes</value>", &err), CLAUSIER_EPARAM);
	cr_assert(strstr(err.message, "“yes” is not true or false"), "%s", err.message);
}

Test(query, clause_info_describes_each_clause)
{
	clausier_catalog *cat = load_catalog_text(model);
	cr_assert_str_eq(clausier_catalog_id(cat), "m");
	cr_assert_eq(clausier_catalog_genre(cat), CLAUSIER_GENRE_SMP);
	clausier_clause_info info;
	cr_assert_eq(clausier_catalog_clause_info(&info, cat, 2), CLAUSIER_OK);
	cr_assert_str_eq(info.id, "patients");
	cr_assert_str_eq(info.topic, "confidentiality");
	cr_assert_str_eq(info.section, "rules");
	cr_assert_eq(info.kind, CLAUSIER_KIND_RULE);
	cr_assert_eq(info.strength, CLAUSIER_STRENGTH_MUST);
	cr_assert_eq(info.genres, 1u << CLAUSIER_GENRE_SMP);
	cr_assert_eq(info.sectors, 1u << CLAUSIER_SECTOR_HEALTH);
	cr_assert_eq(info.revision, 3);
	cr_assert_null(info.notes);
	cr_assert_eq(clausier_catalog_clause_info(&info, cat, 1), CLAUSIER_OK);
	cr_assert_str_eq(info.notes, "Scope of the policy.");
	cr_assert_eq(info.risk_variants, (1u << CLAUSIER_RISK_BALANCED) | (1u << CLAUSIER_RISK_STRICT));
	cr_assert_eq(clausier_catalog_clause_info(&info, cat, 0), CLAUSIER_OK);
	cr_assert_eq(info.kind, CLAUSIER_KIND_ADVICE);
	cr_assert_eq(clausier_catalog_clause_info(&info, cat, 4), CLAUSIER_EARG);
	clausier_catalog_free(cat);
}

Test(query, find_by_topic_genre_and_sector)
{
	clausier_catalog *cat = load_catalog_text(model);
	clausier_clause_query q;
	cr_assert_eq(clausier_clause_query_init(&q, CLAUSIER_CLAUSE_QUERY_VERSION), CLAUSIER_OK);
	size_t *idx = NULL, n = 0;
	q.topic = "confidentiality";
	cr_assert_eq(clausier_catalog_find(&idx, &n, cat, &q, NULL), CLAUSIER_OK);
	cr_assert_eq(n, 2);
	cr_assert_eq(idx[0], 2);
	cr_assert_eq(idx[1], 3);
	clausier_free(idx);
	q.topic = NULL;
	q.sector = CLAUSIER_SECTOR_PUBLIC;
	cr_assert_eq(clausier_catalog_find(&idx, &n, cat, &q, NULL), CLAUSIER_OK);
	cr_assert_eq(n, 3); /* tip, all, students */
	clausier_free(idx);
	q.sector = CLAUSIER_SECTOR_ANY;
	q.genre = CLAUSIER_GENRE_CHARTE;
	cr_assert_eq(clausier_catalog_find(&idx, &n, cat, &q, NULL), CLAUSIER_OK);
	cr_assert_eq(n, 0);
	cr_assert_null(idx);
	cr_assert_eq(clausier_catalog_find(&idx, &n, cat, NULL, NULL), CLAUSIER_OK);
	cr_assert_eq(n, 4);
	clausier_free(idx);
	q.version = 7;
	cr_assert_eq(clausier_catalog_find(&idx, &n, cat, &q, NULL), CLAUSIER_EARG);
	clausier_catalog_free(cat);
}

Test(query, patterns_by_locale_and_risk)
{
	clausier_catalog *cat = load_catalog_text(model);
	cr_assert_str_eq(clausier_catalog_clause_pattern(cat, 1, -1, "fr-CA"), "Tous");
	cr_assert_str_eq(clausier_catalog_clause_pattern(cat, 1, CLAUSIER_RISK_STRICT, "en-GB"), "Strict.");
	cr_assert_null(clausier_catalog_clause_pattern(cat, 1, CLAUSIER_RISK_OPEN, "en"));
	cr_assert_str_eq(clausier_catalog_clause_pattern(cat, 2, CLAUSIER_RISK_BALANCED, "fr"), "Sur {platforms}.");
	cr_assert_null(clausier_catalog_clause_pattern(cat, 9, 0, "fr"));
	clausier_catalog_free(cat);
}

Test(forms, missing_parameters_with_types_in_the_readers_language)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&cat, SAMPLE_CATALOG, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_profile *prof = load_profile_text("<profile " NS " version='1'><value name='org'>A</value></profile>");
	clausier_missing_param *m = NULL;
	size_t n = 0;
	cr_assert_eq(clausier_profile_missing(&m, &n, cat, prof, "fr-CA", &err), CLAUSIER_OK, "%s", errline(&err));
	/* effective (title page), contact and days; hours has a default. */
	cr_assert_eq(n, 3);
	cr_assert_str_eq(m[0].name, "effective");
	cr_assert_str_eq(m[0].type, "date");
	cr_assert_null(m[0].used_by);
	cr_assert_str_eq(m[1].name, "contact");
	cr_assert_str_eq(m[1].type_label, "adresse courriel");
	cr_assert_str_eq(m[1].used_by, "crisis-response");
	cr_assert_str_eq(m[2].name, "days");
	cr_assert_str_eq(m[2].type_label, "nombre");
	clausier_free(m);
	cr_assert_eq(clausier_profile_missing(&m, &n, cat, prof, "fr-FR", &err), CLAUSIER_OK);
	cr_assert_str_eq(m[1].type_label, "adresse électronique");
	clausier_free(m);
	cr_assert_eq(clausier_profile_missing(&m, &n, cat, prof, "en-US", &err), CLAUSIER_OK);
	cr_assert_str_eq(m[1].type_label, "e-mail address");
	clausier_free(m);
	cr_assert_eq(clausier_profile_missing(&m, &n, cat, prof, "de", &err), CLAUSIER_ELOCALE);
	clausier_profile_free(prof);

	/* Excluding the clauses that need them removes them from the list. */
	prof = load_profile_text("<profile " NS " version='1'><value name='org'>A</value>"
	                         "<value name='effective'>2027-01-01</value><exclude clause='crisis-response'/>"
	                         "<exclude clause='acknowledgement'/></profile>");
	cr_assert_eq(clausier_profile_missing(&m, &n, cat, prof, "en", &err), CLAUSIER_OK);
	cr_assert_eq(n, 0);
	cr_assert_null(m);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(numbering, a_charte_numbers_articles_a_policy_numbers_clauses)
{
	const char *charte =
		"<catalog " NS " version='1' id='c' genre='charte' xml:lang='fr'>"
		"<title><text>Charte</text><text xml:lang='en'>Policy</text></title>"
		"<clause id='a' topic='purpose'><heading><text>Objet</text><text xml:lang='en'>Purpose</text></heading>"
		"<body><text>Texte.</text><text xml:lang='en'>Text.</text></body></clause>"
		"<clause id='b' topic='scope'><heading><text>Champ</text><text xml:lang='en'>Scope</text></heading>"
		"<body><text>Texte.</text><text xml:lang='en'>Text.</text></body></clause></catalog>";
	const char *p = "<profile " NS " version='1'/>";
	char *fr = render_texts(charte, p, "fr-FR", 0), *en = render_texts(charte, p, "en-GB", 0);
	cr_assert_str_eq(fr, "Charte\n\nArticle 1er\u00a0– Objet\n\nTexte.\n\nArticle 2\u00a0– Champ\n\nTexte.\n");
	cr_assert_str_eq(en, "Policy\n\nArticle 1. Purpose\n\nText.\n\nArticle 2. Scope\n\nText.\n");
	clausier_free(fr);
	clausier_free(en);
}

Test(negotiation, accept_language_against_what_the_catalog_covers)
{
	clausier_catalog *cat = load_catalog_text(
		"<catalog " NS " version='1' id='n' genre='charte' xml:lang='fr'>"
		"<title><text>Charte</text><text xml:lang='en'>Policy</text></title>"
		"<clause id='a' topic='scope'><heading><text>A</text><text xml:lang='en'>A</text></heading>"
		"<body><text>B</text><text xml:lang='en'>B</text></body></clause></catalog>");
	clausier_negotiation n;
	cr_assert_eq(clausier_locale_negotiate(&n, "fr-BE, fr;q=0.9, en;q=0.5", cat, NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-BE");
	cr_assert_str_eq(n.chain, "fr-BE fr");
	cr_assert(strstr(n.why, "first choice"), "%s", n.why);
	cr_assert_eq(clausier_locale_negotiate(&n, "fr-CA;q=0.1, en-CA;q=0.9", cat, NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-CA");
	cr_assert_str_eq(n.chain, "en-CA en fr");
	cr_assert_eq(clausier_locale_negotiate(&n, "fr-LU,fr;q=0.8", cat, NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr");
	cr_assert_eq(clausier_locale_negotiate(&n, "de-DE,de;q=0.9", cat, "en-CA", NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-CA");
	cr_assert(strstr(n.why, "the default"), "%s", n.why);
	cr_assert_eq(clausier_locale_negotiate(&n, NULL, cat, NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr"); /* no default given: the source language */
	cr_assert_eq(clausier_locale_negotiate(NULL, "fr", cat, NULL, NULL), CLAUSIER_EARG);
	clausier_catalog_free(cat);

	/* A catalog with no English: English readers get the default. */
	cat = load_catalog_text("<catalog " NS " version='1' id='f' genre='charte' xml:lang='fr'>"
	                        "<title><text>Charte</text></title><clause id='a' topic='scope'>"
	                        "<heading><text>A</text></heading><body><text>B</text></body></clause></catalog>");
	cr_assert_eq(clausier_locale_negotiate(&n, "en-US,en;q=0.9", cat, "fr-FR", NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-FR");
	clausier_catalog_free(cat);
}

Test(negotiation, among_the_editions_a_profile_offers)
{
	clausier_catalog *cat = load_catalog_text(
		"<catalog " NS " version='1' id='n' genre='charte' xml:lang='fr'>"
		"<title><text>Charte</text><text xml:lang='en'>Policy</text></title>"
		"<clause id='a' topic='scope'><heading><text>A</text><text xml:lang='en'>A</text></heading>"
		"<body><text>B</text><text xml:lang='en'>B</text></body></clause></catalog>");
	clausier_negotiation n;
	/* Chromium's default request, for a Quebec organization: Canadian English, not en-US. */
	cr_assert_eq(clausier_locale_negotiate_among(&n, "en-US,en;q=0.9", cat, "fr-CA en-CA", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-CA");
	cr_assert_str_eq(n.chain, "en-CA en fr");
	cr_assert(strstr(n.why, "closest"), "%s", n.why);
	cr_assert_eq(clausier_locale_negotiate_among(&n, "fr-FR,fr", cat, "fr-CA en-CA", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-CA");
	cr_assert_eq(clausier_locale_negotiate_among(&n, "en-CA,fr;q=0.5", cat, "fr-CA en-CA", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-CA");
	cr_assert(strstr(n.why, "first choice among the editions offered"), "%s", n.why);
	/* Nothing offered matches: the default if offered, else the first edition. */
	cr_assert_eq(clausier_locale_negotiate_among(&n, "de-DE,de;q=0.9", cat, "fr-CA en-CA", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-CA");
	cr_assert(strstr(n.why, "offered"), "%s", n.why);
	cr_assert_eq(clausier_locale_negotiate_among(&n, "de", cat, "fr-CA en-CA", "en_ca", NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-CA");
	cr_assert_eq(clausier_locale_negotiate_among(&n, "de", cat, "fr-CA en-CA", "en-GB", NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-CA");
	cr_assert_eq(clausier_locale_negotiate_among(&n, NULL, cat, " en-CA  fr-CA ", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-CA");
	/* Spelled as ICU or in any case, once or twice: the library's spelling. */
	cr_assert_eq(clausier_locale_negotiate_among(&n, "fr", cat, "en-us EN-US fr_be", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "fr-BE");
	/* No list: what the catalog covers, as clausier_locale_negotiate. */
	cr_assert_eq(clausier_locale_negotiate_among(&n, "en-US,en;q=0.9", cat, NULL, NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-US");
	cr_assert_eq(clausier_locale_negotiate_among(&n, "en-US,en;q=0.9", cat, " ", NULL, NULL), CLAUSIER_OK);
	cr_assert_str_eq(n.locale, "en-US");
	clausier_error err;
	cr_assert_eq(clausier_locale_negotiate_among(&n, "fr", cat, "fr-CA de-DE", NULL, &err), CLAUSIER_ELOCALE);
	cr_assert(strstr(err.message, "“de-DE”"), "%s", err.message);
	cr_assert_eq(clausier_locale_negotiate_among(NULL, "fr", cat, "fr-CA", NULL, NULL), CLAUSIER_EARG);
	clausier_catalog_free(cat);
}

/* A clause with `when`: in the policy only when the organization says the
 * boolean is true (a listed company, a subsidiary of a foreign group). */
static const char *conditional =
	"<catalog " NS " version='1' id='w' genre='charte' xml:lang='fr'>"
	"<title><text>Charte</text><text xml:lang='en'>Policy</text></title>"
	"<param name='listed' type='boolean' default='false'/>"
	"<param name='group' type='boolean' default='false'/>"
	"<clause id='base' topic='scope'>"
	"<heading><text>Champ</text><text xml:lang='en'>Scope</text></heading>"
	"<body><text>Tous.</text><text xml:lang='en'>All.</text></body></clause>"
	"<clause id='closed' topic='market-abuse' when='listed' sectors='private'>"
	"<heading><text>Périodes d’abstention</text><text xml:lang='en'>Closed periods</text></heading>"
	"<body><text>Trente jours.</text><text xml:lang='en'>Thirty days.</text></body></clause>"
	"<clause id='transfers' topic='data-transfers' when='group'>"
	"<heading><text>Transferts</text><text xml:lang='en'>Transfers</text></heading>"
	"<body><text>Au groupe.</text><text xml:lang='en'>To the group.</text></body></clause>"
	"</catalog>";

static char *render_conditional(const char *attrs, const char *values)
{
	char prof[1024];
	snprintf(prof, sizeof prof, "<profile " NS " version='1' %s>%s</profile>", attrs, values);
	return render_texts(conditional, prof, "en-US", 0);
}

Test(assembly, when_selects_a_clause_by_the_profiles_boolean)
{
	char *out = render_conditional("sector='private'", "");
	cr_assert_str_eq(out, "Policy\n\nArticle 1. Scope\n\nAll.\n", "default false, no default: absent:\n%s", out);
	clausier_free(out);
	out = render_conditional("sector='private'", "<value name='listed'>true</value><value name='group'>true</value>");
	cr_assert(strstr(out, "Thirty days.") && strstr(out, "To the group."), "%s", out);
	clausier_free(out);
	/* the sector still decides first; an explicit include still wins */
	out = render_conditional("sector='public'", "<value name='listed'>true</value>");
	cr_assert_null(strstr(out, "Thirty days."), "%s", out);
	clausier_free(out);
	out = render_conditional("sector='private'", "<value name='listed'>false</value><include clause='transfers'/>");
	cr_assert(!strstr(out, "Thirty days.") && strstr(out, "To the group."), "%s", out);
	clausier_free(out);

	clausier_catalog *cat = load_catalog_text(conditional);
	cr_assert_null(clausier_catalog_clause_when(cat, 0));
	cr_assert_str_eq(clausier_catalog_clause_when(cat, 1), "listed");
	cr_assert_str_eq(clausier_catalog_clause_when(cat, 2), "group");
	cr_assert_null(clausier_catalog_clause_when(cat, 3));
	clausier_catalog_free(cat);
}

Test(assembly, when_follows_values_given_through_the_api_and_is_not_changed_after)
{
	clausier_catalog *cat = load_catalog_text(conditional);
	clausier_profile *prof = load_profile_text("<profile " NS " version='1' sector='private'/>");
	clausier_values *vs = NULL;
	clausier_error err;
	cr_assert_eq(clausier_values_new(&vs, cat, &err), CLAUSIER_OK);
	cr_assert_eq(clausier_values_set(vs, "listed", NULL, "true", &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_policy *pol = NULL, *again = NULL;
	cr_assert_eq(clausier_policy_assemble_values(&pol, cat, prof, vs, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-FR";
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK);
	cr_assert(strstr(out, "Périodes d’abstention"), "%s", out);
	clausier_free(out);
	/* the same value again is fine; another one would silently keep the clause */
	cr_assert_eq(clausier_policy_with_values(&again, pol, vs, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_policy_free(again);
	cr_assert_eq(clausier_values_set(vs, "listed", NULL, "false", &err), CLAUSIER_OK);
	cr_assert_eq(clausier_policy_with_values(&again, pol, vs, &err), CLAUSIER_EINVALID);
	cr_assert_null(again);
	cr_assert(strstr(errline(&err), "“listed” decides which clauses"), "%s", errline(&err));
	clausier_policy_free(pol);
	clausier_values_free(vs);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

Test(assembly, when_must_name_a_declared_boolean)
{
	static const char *const bad[][2] = {
		{ "<param name='x' type='boolean'/>", "when='listed'" },
		{ "<param name='listed' type='text'/>", "when='listed'" },
		{ "<param name='listed' type='boolean'/>", "when='listed'" },
	};
	for (size_t k = 0; k < 3; k++) {
		char xml[1024];
		snprintf(xml, sizeof xml,
		         "<catalog " NS " version='1' id='w' genre='smp' xml:lang='en'><title><text>T</text></title>%s"
		         "<clause id='c' topic='scope' %s><heading><text>H</text></heading><body><text>B</text></body>"
		         "</clause></catalog>", bad[k][0], bad[k][1]);
		clausier_catalog *cat = NULL;
		clausier_error err;
		cr_assert_eq(clausier_catalog_load_memory(&cat, xml, strlen(xml), "test.xml", &err), CLAUSIER_EINVALID);
		cr_assert_null(cat);
		const char *line = errline(&err);
		cr_assert(!strncmp(line, "test.xml:1:", 11) && strstr(line, "clause “c”: when=\"listed\""), "%s", line);
		cr_assert(strstr(line, k ? "must name a boolean parameter with a default" : "names no parameter"), "%s", line);
	}
}
