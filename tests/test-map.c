/* The mapping layer on small catalogs written for the test: which clause
 * goes where, statuses, relations turned round, sectors, values, required
 * elements, formalities; the crosswalk's queries and checks; reports as
 * data and as documents. */
#include "helpers.h"

#define CL(id, topic, section, extra, en, fr)                                                     \
	"<clause id='" id "' topic='" topic "' section='" section "' " extra ">"                      \
	"<heading><text>" en "</text><text xml:lang='fr'>" fr "</text></heading>"                     \
	"<body><text>" en " {org}.</text><text xml:lang='fr'>" fr " {org}.</text></body></clause>"

static const char *cat_a =
	"<catalog " NS " version='1' id='a' genre='smp' xml:lang='en'>"
	"<title><text>Policy</text><text xml:lang='fr'>Politique</text></title>"
	"<param name='org' type='name'/><param name='hr' type='email'/>"
	"<section id='s'><title><text>S</text></title></section>"
	CL("a-scope", "scope", "s", "", "Scope", "Champ")
	CL("a-conf", "confidentiality", "s", "", "Secrets", "Secrets")
	CL("a-pat", "confidentiality", "s", "sectors='health'", "Patients", "Patients")
	CL("a-crisis1", "crisis-response", "s", "", "Crisis one", "Crise un")
	CL("a-crisis2", "crisis-response", "s", "", "Crisis two", "Crise deux")
	CL("a-ack", "acknowledgement", "s", "", "Sign", "Signature")
	CL("a-rights", "protected-activity", "s", "", "Rights", "Droits")
	"<clause id='a-hr' topic='contacts' section='s'><heading><text>HR</text></heading>"
	"<body><text>Write to {hr}.</text></body></clause>"
	"</catalog>";

#define CLB(id, topic, section, extra, en, fr)                                                    \
	"<clause id='" id "' topic='" topic "' section='" section "' " extra ">"                      \
	"<heading><text>" fr "</text><text xml:lang='en'>" en "</text></heading>"                     \
	"<body><text>" fr " {org}.</text><text xml:lang='en'>" en " {org}.</text></body></clause>"

static const char *cat_b =
	"<catalog " NS " version='1' id='b' genre='charte' xml:lang='fr'>"
	"<title><text>Charte</text><text xml:lang='en'>Charter</text></title>"
	"<param name='org' type='name'/><param name='dpo' type='email'/>"
	"<section id='regles'><title><text>Règles</text><text xml:lang='en'>Rules</text></title></section>"
	"<section id='fin'><title><text>Fin</text><text xml:lang='en'>End</text></title></section>"
	CLB("b-sanctions", "sanctions", "fin", "", "Sanctions", "Sanctions")
	CLB("b-champ", "scope", "regles", "sectors='health private'", "Who", "Qui")
	CLB("b-champ-pub", "scope", "regles", "sectors='public'", "Agents", "Agents")
	CLB("b-crise", "crisis-response", "regles", "", "Crisis", "Crise")
	CLB("b-conf", "confidentiality", "regles", "", "Secrets", "Secrets")
	CLB("b-secret", "confidentiality", "regles", "sectors='health'", "Medical", "Secret médical")
	CLB("b-expr", "protected-activity", "fin", "", "Expression", "Expression")
	"<clause id='b-dpo' topic='contacts' section='fin'><heading><text>DPD</text><text xml:lang='en'>DPO</text></heading>"
	"<body><text>Écrivez à {dpo}.</text><text xml:lang='en'>Write to {dpo}.</text></body></clause>"
	"</catalog>";

#define WHY(en, fr) "<why xml:lang='en'>" en "</why><why xml:lang='fr'>" fr "</why>"
static const char *crosswalk =
	"<crosswalk " NS " version='1' from='a' to='b'>"
	"<match from='a-scope' to='b-champ' relation='exact'>" WHY("Same.", "Pareil.") "</match>"
	"<match from='a-scope' to='b-champ-pub' relation='exact'>" WHY("Same.", "Pareil.") "</match>"
	"<match from='a-conf' to='b-conf' relation='close'>" WHY("Close.", "Proche.") "</match>"
	"<match from='a-pat' to='b-secret' relation='narrower'>" WHY("Less.", "Moins.") "</match>"
	"<match from='a-crisis1' to='b-crise' relation='narrower'>" WHY("Part \"one\" \\ of it.", "Une partie.") "</match>"
	"<match from='a-crisis2' to='b-crise' relation='narrower'>" WHY("&lt;b&gt;Part&lt;/b&gt; two.", "Une autre.") "</match>"
	"<match from='a-ack' relation='none'>" WHY("No signature in France.", "Pas de signature.") "</match>"
	"<match from='a-rights' to='b-expr' relation='related'>" WHY("Near.", "Voisin.") "</match>"
	"<match from='a-hr' to='b-dpo' relation='related'>" WHY("Other.", "Autre.") "</match>"
	"</crosswalk>";

static const char *genre_b =
	"<genre " NS " version='1' id='charte' origin='FR'>"
	"<title xml:lang='fr'>Charte</title><title xml:lang='en'>Charter</title>"
	"<description xml:lang='en'>A charter.</description>"
	"<section id='regles' kind='rules' topics='scope confidentiality crisis-response'><title xml:lang='fr'>Règles</title></section>"
	"<section id='fin' topics='sanctions protected-activity contacts'><title xml:lang='fr'>Fin</title></section>"
	"<element id='sanctions' topics='sanctions' status='required'><title xml:lang='en'>Sanctions</title>"
	"<why xml:lang='en'>Discipline.</why><why xml:lang='fr'>Discipline.</why></element>"
	"<element id='expression' topics='protected-activity' status='customary'><title xml:lang='en'>Expression</title>"
	"<why xml:lang='en'>Custom.</why><why xml:lang='fr'>Usage.</why></element>"
	"<formality id='cse' jurisdictions='FR' when='sanctions' reference='L1321-4'><title xml:lang='en'>CSE</title>"
	"<text xml:lang='en'>Consult it.</text><text xml:lang='fr'>Consultez-le.</text></formality>"
	"<formality id='never' when='monitoring'><title xml:lang='en'>Never</title><text xml:lang='en'>No.</text></formality>"
	"</genre>";

typedef struct {
	clausier_catalog *a, *b;
	clausier_crosswalk *cw;
	clausier_genre_spec *g;
} fixture;

static fixture load(void)
{
	fixture f;
	clausier_error err;
	f.a = load_catalog_text(cat_a);
	f.b = load_catalog_text(cat_b);
	cr_assert_eq(clausier_crosswalk_load_memory(&f.cw, crosswalk, strlen(crosswalk), "cw.xml", &err),
	             CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_genre_spec_load_memory(&f.g, genre_b, strlen(genre_b), "g.xml", &err),
	             CLAUSIER_OK, "%s", errline(&err));
	return f;
}

static void unload(fixture *f)
{
	clausier_genre_spec_free(f->g);
	clausier_crosswalk_free(f->cw);
	clausier_catalog_free(f->b);
	clausier_catalog_free(f->a);
}

static clausier_policy *policy_a(const clausier_catalog *a, const char *attrs)
{
	char xml[1024];
	snprintf(xml, sizeof xml, "<profile " NS " version='1' %s><value name='org'>Acme</value>"
	         "<value name='hr'>hr@acme.example</value></profile>", attrs);
	clausier_profile *prof = load_profile_text(xml);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, a, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_profile_free(prof);
	return pol;
}

/* The report as "status from>to/relation[needs]" lines. */
static void report_lines(char *buf, size_t size, const clausier_map_report *r)
{
	static const char *const st[] = { "mapped", "approx", "added", "decide", "dropped", "formality" };
	buf[0] = '\0';
	for (size_t i = 0; i < clausier_map_report_count(r); i++) {
		clausier_gap g;
		cr_assert_eq(clausier_map_report_gap(&g, r, i), CLAUSIER_OK);
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s %s>%s/%s%s%s%s\n", st[g.status], g.from ? g.from : "",
		         g.to ? g.to : "", g.element ? g.element : clausier_relation_name(g.relation),
		         g.needs ? "[" : "", g.needs ? g.needs : "", g.needs ? "]" : "");
	}
}

static void clauses(char *buf, size_t size, const clausier_policy *pol)
{
	buf[0] = '\0';
	for (size_t i = 0; i < clausier_policy_count(pol); i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", i ? " " : "", clausier_policy_clause(pol, i, NULL));
	}
}

Test(map, health_policy_to_charte)
{
	fixture f = load();
	clausier_policy *pol = policy_a(f.a, "sector='health' jurisdiction='FR'"), *out = NULL;
	clausier_map_report *r = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_map(&out, &r, pol, f.b, f.g, f.cw, &err), CLAUSIER_OK, "%s", errline(&err));
	char buf[4096];
	clauses(buf, sizeof buf, out);
	/* The genre's order: sections, then the topics each lists. */
	cr_assert_str_eq(buf, "b-champ b-conf b-secret b-crise b-sanctions");
	report_lines(buf, sizeof buf, r);
	cr_assert_str_eq(buf,
	                 "mapped a-scope>b-champ/exact\n"
	                 "mapped a-conf>b-conf/close\n"
	                 "approx a-pat>b-secret/narrower\n"
	                 "approx a-crisis1>b-crise/narrower\n"
	                 "approx a-crisis2>b-crise/narrower\n"
	                 "dropped a-ack>/none\n"
	                 "decide a-rights>b-expr/related\n"
	                 "decide a-hr>b-dpo/related\n"
	                 "added >b-sanctions/sanctions\n"
	                 "decide >b-expr/expression\n"
	                 "formality >/cse\n");
	clausier_map_report_free(r);
	clausier_policy_free(out);
	clausier_policy_free(pol);
	unload(&f);
}

Test(map, sector_picks_the_variant)
{
	fixture f = load();
	clausier_policy *pol = policy_a(f.a, "sector='public' jurisdiction='US'"), *out = NULL;
	clausier_map_report *r = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_map(&out, &r, pol, f.b, f.g, f.cw, &err), CLAUSIER_OK, "%s", errline(&err));
	char buf[4096];
	clauses(buf, sizeof buf, out);
	cr_assert_str_eq(buf, "b-champ-pub b-conf b-crise b-sanctions");
	report_lines(buf, sizeof buf, r);
	/* No formality outside France; no patients clause outside health. */
	cr_assert_null(strstr(buf, "formality"));
	cr_assert_null(strstr(buf, "a-pat"));
	clausier_map_report_free(r);
	clausier_policy_free(out);
	clausier_policy_free(pol);
	unload(&f);
}

Test(map, back_turns_relations_round_and_brings_every_equivalent)
{
	fixture f = load();
	clausier_policy *pol = policy_a(f.a, "sector='health' jurisdiction='FR'"), *b = NULL, *back = NULL;
	clausier_map_report *r = NULL, *r2 = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_map(&b, &r, pol, f.b, f.g, f.cw, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_genre_spec *ga = NULL;
	const char *g = "<genre " NS " version='1' id='smp' origin='US'><title xml:lang='en'>Policy</title>"
	                "<description xml:lang='en'>A policy.</description>"
	                "<section id='s' topics='scope confidentiality crisis-response'><title xml:lang='en'>S</title></section></genre>";
	cr_assert_eq(clausier_genre_spec_load_memory(&ga, g, strlen(g), "ga.xml", &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_policy_map(&back, &r2, b, f.a, ga, f.cw, &err), CLAUSIER_OK, "%s", errline(&err));
	char buf[4096];
	clauses(buf, sizeof buf, back);
	cr_assert_str_eq(buf, "a-scope a-conf a-pat a-crisis1 a-crisis2");
	report_lines(buf, sizeof buf, r2);
	cr_assert(strstr(buf, "approx b-crise>a-crisis1/broader\napprox b-crise>a-crisis2/broader\n"), "%s", buf);
	cr_assert(strstr(buf, "dropped b-sanctions>/none\n") == NULL, "%s", buf);
	cr_assert(strstr(buf, "decide b-sanctions>/none\n"), "%s", buf); /* not in the crosswalk */
	clausier_map_report_free(r2);
	clausier_map_report_free(r);
	clausier_policy_free(back);
	clausier_policy_free(b);
	clausier_policy_free(pol);
	clausier_genre_spec_free(ga);
	unload(&f);
}

Test(map, values_cross_by_name_and_missing_ones_are_listed)
{
	fixture f = load();
	/* a-hr is only related: include it explicitly through a required element. */
	const char *g = "<genre " NS " version='1' id='charte' origin='FR'><title xml:lang='en'>C</title>"
	                "<description xml:lang='en'>C.</description>"
	                "<section id='regles' topics='scope'><title xml:lang='en'>R</title></section>"
	                "<element id='contacts' topics='contacts' status='required'><title xml:lang='en'>C</title>"
	                "<why xml:lang='en'>Ask.</why></element></genre>";
	clausier_genre_spec *gs = NULL;
	clausier_error err;
	cr_assert_eq(clausier_genre_spec_load_memory(&gs, g, strlen(g), "g.xml", &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_policy *pol = policy_a(f.a, "sector='private'"), *out = NULL;
	clausier_map_report *r = NULL;
	cr_assert_eq(clausier_policy_map(&out, &r, pol, f.b, gs, f.cw, &err), CLAUSIER_OK, "%s", errline(&err));
	char buf[4096];
	report_lines(buf, sizeof buf, r);
	cr_assert(strstr(buf, "added >b-dpo/contacts[dpo]\n"), "%s", buf);
	char *doc = NULL;
	cr_assert_eq(clausier_policy_write(&doc, NULL, out, &err), CLAUSIER_OK);
	cr_assert(strstr(doc, "<value name=\"org\">Acme</value>"), "%s", doc);
	cr_assert(strstr(doc, "<!-- needs a value: <value name=\"dpo\"> (type email), used by clause b-dpo -->"), "%s", doc);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	char *ed = NULL;
	int rrc = clausier_render(&ed, NULL, out, &opts, &err);
	cr_assert_eq(rrc, CLAUSIER_EPARAM, "%d %s", rrc, errline(&err));
	cr_assert(strstr(errline(&err), "“dpo”"), "%s", errline(&err));
	clausier_free(doc);
	clausier_map_report_free(r);
	clausier_policy_free(out);
	clausier_policy_free(pol);
	clausier_genre_spec_free(gs);
	unload(&f);
}

Test(map, wrong_inputs)
{
	fixture f = load();
	clausier_policy *pol = policy_a(f.a, ""), *out = NULL;
	clausier_map_report *r = NULL;
	clausier_error err;
	/* The genre must be the target catalog's. */
	cr_assert_eq(clausier_policy_map(&out, &r, pol, f.a, f.g, f.cw, &err), CLAUSIER_EARG);
	cr_assert_null(out);
	cr_assert_null(r);
	cr_assert_eq(clausier_policy_map(&out, &r, NULL, f.b, f.g, f.cw, &err), CLAUSIER_EARG);
	/* A crosswalk naming a clause the catalog lacks. */
	const char *bad = "<crosswalk " NS " version='1' from='a' to='b'>"
	                  "<match from='a-nope' to='b-conf' relation='exact'>" WHY("x", "x") "</match></crosswalk>";
	clausier_crosswalk *cw = NULL;
	cr_assert_eq(clausier_crosswalk_load_memory(&cw, bad, strlen(bad), "bad.xml", &err), CLAUSIER_OK);
	cr_assert_eq(clausier_policy_map(&out, &r, pol, f.b, f.g, cw, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "bad.xml:1: catalog “a” has no clause “a-nope”");
	clausier_crosswalk_free(cw);
	clausier_policy_free(pol);
	unload(&f);
}

Test(crosswalk, find_from_either_side)
{
	fixture f = load();
	clausier_crosswalk_entry *e = NULL;
	size_t n = 0;
	cr_assert_eq(clausier_crosswalk_find(&e, &n, f.cw, "b", "b-crise", 0, NULL), CLAUSIER_OK);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(e[0].from, "b-crise");
	cr_assert_str_eq(e[0].to, "a-crisis1");
	cr_assert_eq(e[0].relation, CLAUSIER_RELATION_BROADER);
	cr_assert_str_eq(e[1].why_fr, "Une autre.");
	clausier_free(e);
	cr_assert_eq(clausier_crosswalk_find(&e, &n, f.cw, "a", "a-ack", 0, NULL), CLAUSIER_OK);
	cr_assert_eq(n, 1);
	cr_assert_null(e[0].to);
	cr_assert_eq(e[0].relation, CLAUSIER_RELATION_NONE);
	clausier_free(e);
	cr_assert_eq(clausier_crosswalk_find(&e, &n, f.cw, "zz", "a-ack", 0, NULL), CLAUSIER_EARG);
	cr_assert_str_eq(clausier_relation_skos(CLAUSIER_RELATION_NARROWER), "skos:broadMatch");
	cr_assert_null(clausier_relation_skos(CLAUSIER_RELATION_NONE));
	/* No topic relations in this crosswalk: verify says so. */
	clausier_error err;
	cr_assert_eq(clausier_crosswalk_verify(f.cw, f.a, f.b, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "cw.xml: topic “scope” of catalog “a” (clause “a-scope”) has no relation");
	unload(&f);
}

Test(crosswalk, hostile_files)
{
	clausier_crosswalk *cw = NULL;
	clausier_error err;
	const char *twice = "<crosswalk " NS " version='1' from='a' to='b'>"
	                    "<match from='x' to='y' relation='exact'>" WHY("a", "a") "</match>\n"
	                    "<match from='x' to='y' relation='close'>" WHY("a", "a") "</match></crosswalk>";
	cr_assert_eq(clausier_crosswalk_load_memory(&cw, twice, strlen(twice), "t.xml", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "t.xml:2: the relation of “x” to “y” is given twice (first at line 1)");
	const char *nolang = "<crosswalk " NS " version='1' from='a' to='b'>"
	                     "<match from='x' relation='exact'>" WHY("a", "a") "</match></crosswalk>";
	cr_assert_eq(clausier_crosswalk_load_memory(&cw, nolang, strlen(nolang), "n.xml", &err), CLAUSIER_EINVALID);
	const char *markup = "<crosswalk " NS " version='1' from='a' to='b'>"
	                     "<match from='x' to='y' relation='exact'>" WHY("<b>a</b>", "a") "</match></crosswalk>";
	cr_assert_eq(clausier_crosswalk_load_memory(&cw, markup, strlen(markup), "m.xml", &err), CLAUSIER_EINVALID);
	const char *bomb = "<?xml version='1.0'?><!DOCTYPE c [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;'>]><crosswalk/>";
	cr_assert_eq(clausier_crosswalk_load_memory(&cw, bomb, strlen(bomb), "b.xml", &err), CLAUSIER_EPARSE);
	const char *bidi = "<genre " NS " version='1' id='smp' origin='US'><title xml:lang='en'>P\xe2\x80\xaeQ</title>"
	                   "<description xml:lang='en'>x</description><section id='s' topics='scope'><title xml:lang='en'>S</title></section></genre>";
	clausier_genre_spec *g = NULL;
	cr_assert_eq(clausier_genre_spec_load_memory(&g, bidi, strlen(bidi), "g.xml", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(errline(&err), "g.xml:1: <title xml:lang=\"en\">: character 2 is U+202E, an invisible control, formatting or separator character, which policy texts may not contain");
	cr_assert_null(cw);
	cr_assert_null(g);
}

Test(report, data_and_documents_escape_what_they_carry)
{
	fixture f = load();
	clausier_policy *pol = policy_a(f.a, "sector='health' jurisdiction='FR'"), *out = NULL;
	clausier_map_report *r = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_map(&out, &r, pol, f.b, f.g, f.cw, &err), CLAUSIER_OK, "%s", errline(&err));
	char *s = NULL;
	cr_assert_eq(clausier_map_report_write(&s, NULL, r, CLAUSIER_REPORT_JSON, &err), CLAUSIER_OK);
	/* jansson's escaping and layout (JSON_INDENT(2)), members in the order written */
	cr_assert(strstr(s, "      \"why\": {\n        \"en\": \"Part \\\"one\\\" \\\\ of it.\",\n        \"fr\": \"Une partie.\"\n      },"), "%s", s);
	cr_assert(strstr(s, "    {\n      \"status\": \"formality\",\n      \"from\": null,\n      \"to\": null,\n      \"relation\": null,\n"
	                    "      \"element\": \"cse\",\n      \"reference\": \"L1321-4\",\n      \"title\": {\n        \"en\": \"CSE\",\n"
	                    "        \"fr\": \"CSE\"\n      },"), "%s", s);
	cr_assert(!strncmp(s, "{\n  \"from\": \"a\",\n  \"to\": \"b\",\n", 25), "%s", s);
	cr_assert_eq(s[strlen(s) - 1], '\n');
	clausier_free(s);
	cr_assert_eq(clausier_map_report_write(&s, NULL, r, CLAUSIER_REPORT_XML, &err), CLAUSIER_OK);
	cr_assert(strstr(s, "<why xml:lang=\"en\">&lt;b&gt;Part&lt;/b&gt; two.</why>"), "%s", s);
	/* libxml2's escaping (xmlEncodeSpecialChars), the report indented by its writer */
	cr_assert(strstr(s, "\n    <why xml:lang=\"en\">Part &quot;one&quot; \\ of it.</why>\n"), "%s", s);
	cr_assert(!strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"https://clausier.org/ns/1\" version=\"1\" from=\"a\"", 89), "%s", s);
	cr_assert(strstr(s, "<gap status=\"added\" to=\"b-sanctions\" element=\"sanctions\">"), "%s", s);
	clausier_free(s);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.format = CLAUSIER_FORMAT_HTML;
	opts.locale = "fr-FR";
	cr_assert_eq(clausier_map_report_render(&s, NULL, r, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_null(strstr(s, "<b>"));
	cr_assert(strstr(s, "<h2>Clauses reprises de façon approchée</h2>"), "%s", s);
	cr_assert(strstr(s, "Plus étroite\u00a0: la clause de la politique couvre moins que celle de la charte (skos:broadMatch). Moins."), "%s", s);
	clausier_free(s);
	opts.locale = "xx";
	cr_assert_eq(clausier_map_report_render(&s, NULL, r, &opts, &err), CLAUSIER_ELOCALE);
	clausier_map_report_free(r);
	clausier_policy_free(out);
	clausier_policy_free(pol);
	unload(&f);
}
