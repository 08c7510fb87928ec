/* Values given without XML (include/clausier/values.h): the same checks and
 * errors as a profile's, and byte for byte the same editions. */
#include "helpers.h"

#include <clausier/values.h>

static const char *S_catalog =
	"<catalog " NS " version='1' id='v' genre='smp' xml:lang='en'>"
	"<title><text>Policy of {org}</text><text xml:lang='fr'>Politique {org_du}</text></title>"
	"<dateline><text>Effective {effective, date, long}</text>"
	"<text xml:lang='fr'>En vigueur le {effective, date, long}</text></dateline>"
	"<param name='org' type='name'/>"
	"<param name='effective' type='date'/>"
	"<param name='contact' type='email'/>"
	"<param name='site' type='url'/>"
	"<param name='days' type='number'/>"
	"<param name='wait' type='duration' unit='day'/>"
	"<param name='fine' type='money'/>"
	"<param name='union' type='choice' choices='cse none'/>"
	"<param name='breaks' type='boolean'/>"
	"<param name='platforms' type='list'/>"
	"<param name='motto' type='text'/>"
	"<param name='hours' type='number' default='24'/>"
	"<param name='emergency_number' type='text' from='jurisdiction'/>"
	"<clause id='who' topic='scope'>"
	"<heading><text>{org_The}</text><text xml:lang='fr'>{org_Le}</text></heading>"
	"<body><text>This is {org_s} policy; {org_the} wrote it. Write to {contact} or see {site}. "
	"Within {days, plural, one {# day} other {# days}} and {wait, number} more days, a fine of up to "
	"{fine, number, currency}. {union, select, cse {Ask the CSE.} other {Ask HR.}} "
	"{breaks, select, true {Breaks are free.} other {No use.}} On {platforms}. “{motto}” Answers within {hours} hours.</text>"
	"<text xml:lang='fr'>Voici la politique {org_du}, qui s’adresse au personnel et {org_au} public ; {org_le} l’a écrite. "
	"Écrivez à {contact} ou voyez {site}. Sous {days, plural, one {# jour} other {# jours}} et {wait, number} jours de plus, "
	"une amende d’au plus {fine, number, currency}. {union, select, cse {Consultez le CSE.} other {Consultez les RH.}} "
	"{breaks, select, true {Pauses libres.} other {Aucun usage.}} Sur {platforms}. « {motto} » Réponse en {hours} heures.</text>"
	"</body></clause>"
	"</catalog>";

/* One value as a profile writes it. */
typedef struct {
	const char *name, *lang, *text;
	const char *items[4]; /* a list, when items[0] */
	const char *article, *gender, *number, *elision;
} S_val;

#define S_END { NULL, NULL, NULL, { NULL }, NULL, NULL, NULL, NULL }

static clausier_catalog *S_cat;

static void S_setup(void)
{
	S_cat = load_catalog_text(S_catalog);
}

static void S_teardown(void)
{
	clausier_catalog_free(S_cat);
}

/* A growable string, for the profiles written here. */
typedef struct {
	char *data;
	size_t len, cap;
} S_buf;

static void S_add(S_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = 2 * (b->len + n + 1);
		b->data = realloc(b->data, b->cap);
		cr_assert_not_null(b->data);
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void S_puts(S_buf *b, const char *s)
{
	S_add(b, s, strlen(s));
}

static void S_escape(S_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': S_puts(b, "&amp;"); break;
		case '<': S_puts(b, "&lt;"); break;
		case '>': S_puts(b, "&gt;"); break;
		case '"': S_puts(b, "&quot;"); break;
		case '\'': S_puts(b, "&apos;"); break;
		default: S_add(b, s, 1);
		}
	}
}

static void S_attr(S_buf *b, const char *attr, const char *v)
{
	if (!v)
		return;
	S_puts(b, " ");
	S_puts(b, attr);
	S_puts(b, "=\"");
	S_escape(b, v);
	S_puts(b, "\"");
}

/* The profile giving vals, with the profile attributes attrs. */
static char *S_profile_xml(const char *attrs, const S_val *vals)
{
	S_buf b = { 0 };
	S_puts(&b, "<profile " NS " version='1' ");
	S_puts(&b, attrs);
	S_puts(&b, ">");
	for (const S_val *v = vals; v && v->name; v++) {
		S_puts(&b, "<value");
		S_attr(&b, "name", v->name);
		S_attr(&b, "xml:lang", v->lang);
		S_attr(&b, "article", v->article);
		S_attr(&b, "gender", v->gender);
		S_attr(&b, "number", v->number);
		S_attr(&b, "elision", v->elision);
		S_puts(&b, ">");
		if (v->items[0])
			for (int i = 0; i < 4 && v->items[i]; i++) {
				S_puts(&b, "<item>");
				S_escape(&b, v->items[i]);
				S_puts(&b, "</item>");
			}
		else
			S_escape(&b, v->text);
		S_puts(&b, "</value>");
	}
	S_puts(&b, "</profile>");
	return b.data;
}

/* Sets one value through the API. */
static int S_set(clausier_values *vs, const S_val *v, clausier_error *err)
{
	if (v->items[0]) {
		size_t n = 0;
		while (n < 4 && v->items[n])
			n++;
		return clausier_values_set_list(vs, v->name, v->lang, v->items, n, err);
	}
	if (v->article || v->gender || v->number || v->elision)
		return clausier_values_set_name(vs, v->name, v->lang, v->text, v->article, v->gender, v->number,
		                                v->elision, err);
	return clausier_values_set(vs, v->name, v->lang, v->text, err);
}

static clausier_values *S_values(const S_val *vals)
{
	clausier_values *vs = NULL;
	clausier_error err;
	cr_assert_eq(clausier_values_new(&vs, S_cat, &err), CLAUSIER_OK, "%s", errline(&err));
	for (const S_val *v = vals; v->name; v++)
		cr_assert_eq(S_set(vs, v, &err), CLAUSIER_OK, "%s: %s", v->name, errline(&err));
	return vs;
}

static char *S_render(const clausier_policy *pol, const char *locale, clausier_format format)
{
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = locale;
	opts.format = format;
	char *out = NULL;
	clausier_error err;
	cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	return out;
}

static const char *S_locales[] = { "fr-CA", "en-CA", "fr-FR", "en-US", "fr-CH" };

/* Every edition of pol is the one of want. */
static void S_same_editions(const clausier_policy *want, const clausier_policy *pol, const char *what)
{
	for (size_t l = 0; l < sizeof S_locales / sizeof *S_locales; l++)
		for (int f = CLAUSIER_FORMAT_TEXT; f <= CLAUSIER_FORMAT_DOCBOOK; f++) {
			char *a = S_render(want, S_locales[l], (clausier_format)f);
			char *b = S_render(pol, S_locales[l], (clausier_format)f);
			cr_assert_str_eq(b, a, "%s, %s, format %d", what, S_locales[l], f);
			clausier_free(a);
			clausier_free(b);
		}
}

static int S_same(const S_val *a, const S_val *b)
{
	return !strcmp(a->name, b->name) && ((!a->lang && !b->lang) || (a->lang && b->lang && !strcasecmp(a->lang, b->lang)));
}

/* The editions of the profile that gives base and vals (vals replacing
 * base's value of the same name and language) against: the profile of base
 * assembled with vals as values; a draft of base with vals as values. */
static void S_check_same(const char *attrs, const S_val *base, const S_val *vals)
{
	/* what a profile writing them all gives: base's values that vals do
	 * not replace, then vals (a later one replacing an earlier one of the
	 * same name and language, as clausier_values_set() does) */
	S_val all[40];
	size_t n = 0;
	for (const S_val *b = base; b && b->name; b++) {
		int replaced = 0;
		for (const S_val *v = vals; v->name; v++)
			replaced |= S_same(v, b);
		if (!replaced)
			all[n++] = *b;
	}
	size_t from = n;
	for (const S_val *v = vals; v->name; v++) {
		size_t k = from;
		while (k < n && !S_same(&all[k], v))
			k++;
		all[k] = *v;
		n += k == n;
	}
	all[n] = (S_val)S_END;
	char *xml_all = S_profile_xml(attrs, all), *xml_base = S_profile_xml(attrs, base);
	clausier_profile *prof_all = load_profile_text(xml_all), *prof_base = load_profile_text(xml_base);
	clausier_error err;
	clausier_policy *want = NULL, *got = NULL, *draft = NULL, *again = NULL;
	cr_assert_eq(clausier_policy_assemble(&want, S_cat, prof_all, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_values *vs = S_values(vals);
	cr_assert_eq(clausier_policy_assemble_values(&got, S_cat, prof_base, vs, &err), CLAUSIER_OK, "%s",
	             errline(&err));
	S_same_editions(want, got, "clausier_policy_assemble_values");
	cr_assert_eq(clausier_policy_assemble_draft(&draft, S_cat, prof_base, &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_policy_with_values(&again, draft, vs, &err), CLAUSIER_OK, "%s", errline(&err));
	S_same_editions(want, again, "clausier_policy_with_values");
	/* the policy document too: what clausier assemble would write */
	char *doc_want = NULL, *doc_got = NULL;
	cr_assert_eq(clausier_policy_write(&doc_want, NULL, want, &err), CLAUSIER_OK);
	cr_assert_eq(clausier_policy_write(&doc_got, NULL, again, &err), CLAUSIER_OK);
	cr_assert_str_eq(doc_got, doc_want);
	clausier_free(doc_want);
	clausier_free(doc_got);
	clausier_policy_free(want);
	clausier_policy_free(got);
	clausier_policy_free(draft);
	clausier_policy_free(again);
	clausier_values_free(vs);
	clausier_profile_free(prof_all);
	clausier_profile_free(prof_base);
	free(xml_all);
	free(xml_base);
}

#define S_V(n, t) { n, NULL, t, { NULL }, NULL, NULL, NULL, NULL }
#define S_L(n, l, t) { n, l, t, { NULL }, NULL, NULL, NULL, NULL }

/* Every parameter but org, plain. */
#define S_REST                                                                                      \
	S_V("effective", "2027-01-15"), S_V("contact", "communications@bibliomonde.ca"),              \
	        S_V("site", "https://bibliomonde.ca/politique"), S_V("days", "30"), S_V("wait", "2.5"), \
	        S_V("fine", "1500 CAD"), S_V("union", "cse"), S_V("breaks", "true"),                      \
	        { "platforms", NULL, NULL, { "Facebook", "X", "LinkedIn", NULL }, NULL, NULL, NULL, NULL }, \
	        S_V("motto", "Lire, c’est grandir")

TestSuite(values, .init = S_setup, .fini = S_teardown);

Test(values, every_type_through_the_api_gives_the_profiles_editions)
{
	S_val vals[] = { { "org", NULL, "Bibliomonde", { NULL }, "none", "m", NULL, NULL }, S_REST, S_END };
	S_check_same("sector='nonprofit' jurisdiction='CA-QC'", NULL, vals);
	/* other values of every type, other profile choices */
	S_val other[] = { S_V("org", "Hôpital d’Ottawa"), S_V("effective", "2031-12-31"), S_V("contact", "a.b-c@x.example.org"),
		          S_V("site", "http://intranet.example/p?a=1&b=2"), S_V("days", "1"), S_V("wait", "0"),
		          S_V("fine", "250.50 EUR"), S_V("union", "none"), S_V("breaks", "false"),
		          { "platforms", NULL, NULL, { "Mastodon", NULL }, NULL, NULL, NULL, NULL },
		          S_V("motto", "Soins & savoir <ensemble>"), S_V("hours", "48"), S_END };
	S_check_same("risk='strict' jurisdiction='FR'", NULL, other);
}

Test(values, name_grammar_is_the_same_both_ways)
{
	/* « du Monde »: the name's own article; the Ottawa Hospital’s */
	S_val monde[] = { S_L("org", "fr", "Le Monde"), { "org", "en", "Ottawa Hospital", { NULL }, "the", NULL, NULL, NULL },
		          S_REST, S_END };
	S_check_same("", NULL, monde);
	S_val plural[] = { { "org", NULL, "Services Sociaux Unis", { NULL }, "les", "m", "plural", NULL }, S_REST, S_END };
	S_check_same("", NULL, plural);
	S_val elide[] = { { "org", NULL, "Hydro-Québec", { NULL }, "none", "f", "singular", "no" }, S_REST, S_END };
	S_check_same("", NULL, elide);
	S_val h[] = { { "org", NULL, "Harmonie Mutuelle", { NULL }, "none", "f", NULL, "yes" }, S_REST, S_END };
	S_check_same("", NULL, h);
	/* and what they render to */
	clausier_values *vs = S_values(monde);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble_values(&pol, S_cat, NULL, vs, &err), CLAUSIER_OK, "%s", errline(&err));
	char *fr = S_render(pol, "fr-CA", CLAUSIER_FORMAT_TEXT), *en = S_render(pol, "en-CA", CLAUSIER_FORMAT_TEXT);
	cr_assert(strstr(fr, "Voici la politique du Monde, qui s’adresse au personnel et au Monde public; Le Monde l’a écrite."),
	          "%s", fr);
	cr_assert(strstr(en, "This is the Ottawa Hospital’s policy; the Ottawa Hospital wrote it."), "%s", en);
	clausier_free(fr);
	clausier_free(en);
	clausier_policy_free(pol);
	clausier_values_free(vs);
}

Test(values, hostile_values_give_the_same_editions)
{
	/* markup, quotes and entities in values are text; white space collapses as in XML */
	S_val markup[] = { { "org", NULL, "<b>Acme</b> & \"Fils\" 'SA'", { NULL }, "none", "m", NULL, NULL },
		           S_REST, S_V("motto", "  <script>alert(1)</script>\n\tline\r\n two  "), S_END };
	S_check_same("", NULL, markup);
	/* right-to-left text (no bidi control) and other scripts */
	S_val rtl[] = { S_V("org", "مكتبة الإسكندرية"), S_REST, S_V("motto", "שלום 世界 😀"), S_END };
	S_check_same("", NULL, rtl);
	/* a 100,000-character value */
	char *big = malloc(100001);
	for (size_t i = 0; i < 100000; i++)
		big[i] = "abcdefghij "[i % 11];
	big[100000] = '\0';
	big[0] = 'Z';
	S_val large[] = { S_V("org", "Acme"), S_REST, S_V("motto", big), S_END };
	S_check_same("", NULL, large);
	free(big);
}

Test(values, values_replace_the_profiles_for_the_same_name_and_language)
{
	S_val base[] = { S_V("org", "Bibliomonde"), S_L("org", "fr", "La Bibliothèque"), S_REST, S_END };
	S_val fresh[] = { S_L("org", "FR", "Le Devoir"), S_V("contact", "rh@example.org"), S_V("hours", "12"), S_END };
	S_check_same("jurisdiction='CA-QC'", base, fresh);
	S_val fresh2[] = { S_V("org", "Acme"), S_L("org", "en-CA", "Acme Canada"), S_END };
	S_check_same("", base, fresh2);
}

Test(values, one_base_many_requests)
{
	/* an intranet: the base once, fresh values every edition */
	clausier_profile *prof = load_profile_text("<profile " NS " version='1' sector='health' jurisdiction='CA-ON'/>");
	clausier_policy *base = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble_draft(&base, S_cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_values *vs = NULL;
	cr_assert_eq(clausier_values_new(&vs, S_cat, &err), CLAUSIER_OK);
	static const char *orgs[] = { "Ottawa Hospital", "Le Monde", "Acme", "Société de transport de Montréal" };
	static const char *dates[] = { "2027-01-15", "2028-02-29", "2030-07-04", "1999-12-31" };
	for (int r = 0; r < 8; r++) {
		clausier_values_clear(vs);
		cr_assert_eq(clausier_values_count(vs), 0);
		S_val vals[] = { S_V("org", orgs[r % 4]), S_REST, S_V("effective", dates[r % 4]), S_END };
		for (const S_val *v = vals; v->name; v++)
			cr_assert_eq(S_set(vs, v, &err), CLAUSIER_OK, "%s", errline(&err));
		/* effective set twice: the second replaces the first */
		cr_assert_eq(clausier_values_count(vs), 11);
		clausier_policy *pol = NULL;
		cr_assert_eq(clausier_policy_with_values(&pol, base, vs, &err), CLAUSIER_OK, "%s", errline(&err));
		/* the profile route: the last value of effective only */
		char *xml = S_profile_xml("sector='health' jurisdiction='CA-ON'", vals + 1);
		size_t len = strlen(xml);
		char *full = malloc(len + 200);
		snprintf(full, len + 200, "%.*s<value name='org'>%s</value></profile>", (int)(len - strlen("</profile>")),
		         xml, orgs[r % 4]);
		/* vals + 1 still holds the first effective: drop it */
		char *first = strstr(full, "<value name=\"effective\">2027-01-15</value>");
		cr_assert_not_null(first);
		memmove(first, first + strlen("<value name=\"effective\">2027-01-15</value>"),
		        strlen(first + strlen("<value name=\"effective\">2027-01-15</value>")) + 1);
		clausier_profile *p = load_profile_text(full);
		clausier_policy *want = NULL;
		cr_assert_eq(clausier_policy_assemble(&want, S_cat, p, &err), CLAUSIER_OK, "%s", errline(&err));
		S_same_editions(want, pol, orgs[r % 4]);
		clausier_policy_free(want);
		clausier_profile_free(p);
		clausier_policy_free(pol);
		free(full);
		free(xml);
	}
	/* the base is still a draft: rendering it names the missing value */
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, base, &opts, &err), CLAUSIER_EPARAM);
	cr_assert(strstr(err.message, "org"), "%s", err.message);
	/* and without values, the new policy lacks them */
	clausier_policy *pol = NULL;
	cr_assert_eq(clausier_policy_with_values(&pol, base, NULL, &err), CLAUSIER_EPARAM);
	cr_assert_null(pol);
	cr_assert_str_eq(errline(&err), "missing value for parameter “org” (name), which the title page uses");
	clausier_values_free(vs);
	clausier_policy_free(base);
	clausier_profile_free(prof);
}

/* The message the profile route gives for one value (every other value
 * given and right), and the one the API gives. */
static void S_same_error(const S_val *bad, int want_rc)
{
	S_val vals[16];
	size_t n = 0;
	S_val rest[] = { S_V("org", "Acme"), S_REST, S_END };
	for (const S_val *v = rest; v->name; v++)
		if (strcmp(v->name, bad->name))
			vals[n++] = *v;
	vals[n++] = *bad;
	vals[n] = (S_val)S_END;
	char *xml = S_profile_xml("", vals);
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	clausier_error perr, verr;
	memset(&perr, 0, sizeof perr);
	int prc = clausier_profile_load_memory(&prof, xml, strlen(xml), "profile.xml", &perr);
	if (prc == CLAUSIER_OK)
		prc = clausier_policy_assemble(&pol, S_cat, prof, &perr);
	cr_assert_eq(prc, want_rc, "profile, %s=%s: %s", bad->name, bad->text ? bad->text : bad->items[0], errline(&perr));
	clausier_values *vs = NULL;
	cr_assert_eq(clausier_values_new(&vs, S_cat, NULL), CLAUSIER_OK);
	cr_assert_eq(clausier_values_set(vs, "org", NULL, "Kept", NULL), CLAUSIER_OK);
	int vrc = S_set(vs, bad, &verr);
	cr_assert_eq(vrc, want_rc, "values: %s", errline(&verr));
	cr_assert_str_eq(verr.message, perr.message);
	cr_assert_eq(verr.code, want_rc);
	cr_assert_str_eq(verr.source, "");
	cr_assert_eq(verr.line, 0);
	/* the object is unchanged */
	cr_assert_eq(clausier_values_count(vs), 1);
	clausier_values_free(vs);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	free(xml);
}

Test(values, every_type_refuses_what_a_profile_refuses_with_its_words)
{
	static const S_val bad[] = {
		S_V("effective", "2027-02-30"), S_V("effective", "15/01/2027"), S_V("effective", "2028-02-31"),
		S_V("contact", "communications at bibliomonde"), S_V("contact", "a@b@c.d"),
		S_V("site", "ftp://example.org"), S_V("site", "https://exa mple.org"),
		S_V("days", "thirty"), S_V("days", ""), S_V("wait", "-2"), S_V("wait", "3 days"),
		S_V("fine", "1500"), S_V("fine", "1500 XXX"), S_V("fine", "1500 FRF"), S_V("fine", "1500 ZZZ"),
		S_V("union", "maybe"), S_V("breaks", "yes"), S_V("motto", ""), S_V("motto", " \n\t "),
		S_V("org", ""), S_V("hours", "24h"),
		{ "platforms", NULL, NULL, { "Facebook", "", "X", NULL }, NULL, NULL, NULL, NULL },
		{ "platforms", NULL, NULL, { " ", "X", NULL }, NULL, NULL, NULL, NULL },
		S_V("dayz", "30"), S_V("emergency_number", "911"),
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		S_same_error(&bad[i], CLAUSIER_EPARAM);
}

Test(values, names_grammar_and_text_are_checked_as_in_a_profile)
{
	static const S_val bad[] = {
		{ "org", NULL, "Acme", { NULL }, "un", NULL, NULL, NULL },
		{ "org", NULL, "Acme", { NULL }, NULL, "feminine", NULL, NULL },
		{ "org", NULL, "Acme", { NULL }, NULL, NULL, "many", NULL },
		{ "org", NULL, "Acme", { NULL }, NULL, NULL, NULL, "oui" },
		S_V("Org", "Acme"), S_V("org-name", "Acme"), S_L("org", "fr_CA", "Acme"), S_L("org", "français", "Acme"),
		S_L("org", "fr-", "Acme"), S_L("org", "1fr", "Acme"),
		S_V("org", "Acme\u202e Corp"), S_V("org", "Ac\u200eme"), S_V("motto", "a\u2066b"),
		{ "platforms", NULL, NULL, { "Face\u200bbook", NULL }, NULL, NULL, NULL, NULL },
		S_V("motto", "line\u2028separator"), S_V("motto", "c1\xc2\x85" "next"),
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		S_same_error(&bad[i], CLAUSIER_EINVALID);
	clausier_values *vs = NULL;
	clausier_error err;
	cr_assert_eq(clausier_values_new(&vs, S_cat, NULL), CLAUSIER_OK);
	cr_assert_eq(clausier_values_set(vs, "org", NULL, "Acme\u202eCorp", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "value of “org”: character 5 is U+202E, an invisible control, formatting or "
	                              "separator character, which policy texts may not contain");
	/* a language tag a profile accepts is accepted, in any case */
	cr_assert_eq(clausier_values_set(vs, "org", "fr-ca", "Acme", &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_values_set(vs, "org", "FR-CA", "Acme ltée", &err), CLAUSIER_OK, "%s", errline(&err));
	cr_assert_eq(clausier_values_count(vs), 1);
	clausier_values_free(vs);
}

Test(values, invalid_utf8_is_refused_with_its_position)
{
	/* a profile's parser refuses such bytes before the library sees them;
	 * the API says where they are */
	clausier_values *vs = NULL;
	clausier_error err;
	cr_assert_eq(clausier_values_new(&vs, S_cat, NULL), CLAUSIER_OK);
	cr_assert_eq(clausier_values_set(vs, "motto", NULL, "Caf\xc3\xa9 \xff ok", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "value of “motto”: invalid UTF-8 at character 6");
	cr_assert_eq(clausier_values_set(vs, "motto", NULL, "\xc3", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "value of “motto”: invalid UTF-8 at character 1");
	cr_assert_eq(clausier_values_set(vs, "motto", NULL, "\xed\xa0\x80", &err), CLAUSIER_EINVALID); /* a surrogate */
	const char *items[] = { "ok", "b\xc0\xaf" "d" };
	cr_assert_eq(clausier_values_set_list(vs, "platforms", NULL, items, 2, &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "value of “platforms”: invalid UTF-8 at character 5");
	cr_assert_eq(clausier_values_set(vs, "or\xffg", NULL, "Acme", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "the name of a value is not UTF-8 text without control characters");
	cr_assert_eq(clausier_values_set(vs, "org", "fr\xff", "Acme", &err), CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "the xml:lang of a value is not UTF-8 text without control characters");
	cr_assert_eq(clausier_values_set_name(vs, "org", NULL, "Acme", "l\xe2\x80", NULL, NULL, NULL, &err),
	             CLAUSIER_EINVALID);
	cr_assert_str_eq(err.message, "the article of a value is not UTF-8 text without control characters");
	cr_assert_eq(clausier_values_count(vs), 0);
	clausier_values_free(vs);
}

Test(values, arguments)
{
	clausier_values *vs = (clausier_values *)1;
	clausier_error err;
	cr_assert_eq(clausier_values_new(&vs, NULL, &err), CLAUSIER_EARG);
	cr_assert_null(vs);
	cr_assert_eq(clausier_values_new(NULL, S_cat, &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_values_new(&vs, S_cat, &err), CLAUSIER_OK);
	cr_assert_eq(clausier_values_set(NULL, "org", NULL, "x", &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_values_set(vs, NULL, NULL, "x", &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_values_set(vs, "org", NULL, NULL, &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_values_set_list(vs, "platforms", NULL, NULL, 2, &err), CLAUSIER_EARG);
	const char *holes[] = { "a", NULL };
	cr_assert_eq(clausier_values_set_list(vs, "platforms", NULL, holes, 2, &err), CLAUSIER_EARG);
	/* no item: an empty value, which a list refuses */
	cr_assert_eq(clausier_values_set_list(vs, "platforms", NULL, NULL, 0, &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(err.message, "value of “platforms”: a list item is empty");
	cr_assert_eq(clausier_values_count(NULL), 0);
	clausier_values_clear(NULL);
	clausier_values_free(NULL);
	/* values for another catalog */
	clausier_catalog *other = load_catalog_text(S_catalog);
	clausier_policy *pol = (clausier_policy *)1;
	cr_assert_eq(clausier_policy_assemble_values(&pol, other, NULL, vs, &err), CLAUSIER_EARG);
	cr_assert_null(pol);
	clausier_policy *base = NULL;
	cr_assert_eq(clausier_policy_assemble_draft(&base, other, NULL, &err), CLAUSIER_OK);
	cr_assert_eq(clausier_policy_with_values(&pol, base, vs, &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_policy_with_values(&pol, NULL, vs, &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_policy_with_values(NULL, base, NULL, &err), CLAUSIER_EARG);
	cr_assert_eq(clausier_policy_assemble_values(&pol, NULL, NULL, NULL, &err), CLAUSIER_EARG);
	clausier_policy_free(base);
	clausier_catalog_free(other);
	clausier_values_free(vs);
}

Test(values, a_profile_and_values_together_keep_the_profiles_errors)
{
	/* a profile's own bad value is still its error, with its line */
	clausier_profile *prof = load_profile_text("<profile " NS " version='1'>\n<value name='days'>many</value></profile>");
	S_val rest[] = { S_V("org", "Acme"), S_REST, S_END };
	clausier_values *vs = S_values(rest);
	clausier_values_clear(vs);
	for (const S_val *v = rest; v->name; v++)
		if (strcmp(v->name, "days"))
			cr_assert_eq(S_set(vs, v, NULL), CLAUSIER_OK);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble_values(&pol, S_cat, prof, vs, &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(errline(&err), "profile.xml:2: value of “days”: “many” is not a number (write it like 30 or 2.5)");
	/* replaced by the values, it is no longer there to be wrong */
	cr_assert_eq(clausier_values_set(vs, "days", NULL, "3", &err), CLAUSIER_OK);
	cr_assert_eq(clausier_policy_assemble_values(&pol, S_cat, prof, vs, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_policy_free(pol);
	/* without a value the clauses need: the profile's error */
	clausier_values_clear(vs);
	cr_assert_eq(clausier_policy_assemble_values(&pol, S_cat, prof, vs, &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(errline(&err), "profile.xml: missing value for parameter “org” (name), which the title page uses");
	clausier_values_free(vs);
	clausier_profile_free(prof);
}

/* The default catalog, its jurisdictions' facts and defaults: a base
 * assembled from the hospital's profile, and a new name, contact and date
 * for each edition, against the profile rewritten with them. */
Test(real_catalog, the_hospital_with_fresh_values_is_the_hospital_profile_rewritten)
{
	clausier_catalog *smp = NULL;
	clausier_error err;
	cr_assert_eq(clausier_catalog_load_file(&smp, BUILDDIR "/uninstalled/catalogs/smp.xml", &err), CLAUSIER_OK, "%s",
	             errline(&err));
	char *xml = slurp(SRCDIR "/data/samples/hospital-qc.xml");
	clausier_profile *prof = load_profile_text(xml);
	clausier_policy *base = NULL;
	cr_assert_eq(clausier_policy_assemble(&base, smp, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_values *vs = NULL;
	cr_assert_eq(clausier_values_new(&vs, smp, &err), CLAUSIER_OK);
	static const struct {
		const char *org, *article, *contact, *effective;
	} reqs[] = { { "Hôpital Général Juif", "l’", "info@jgh.example", "2029-05-31" },
		     { "CIUSSS de l’Estrie", "le", "com@estrie.example", "2027-03-01" },
		     { "The Ottawa Hospital", NULL, "media@toh.example", "2030-01-01" } };
	for (size_t r = 0; r < sizeof reqs / sizeof *reqs; r++) {
		/* the profile rewritten: its org, contact and effective replaced */
		char *prof_xml = malloc(strlen(xml) + 400);
		const char *org = strstr(xml, "  <value name=\"org\""), *days = strstr(xml, "  <value name=\"hr_contact\"");
		cr_assert(org && days);
		char rep[400];
		snprintf(rep, sizeof rep, "  <value name=\"org\"%s%s%s>%s</value>\n  <value name=\"effective\">%s</value>\n"
		         "  <value name=\"contact\">%s</value>\n", reqs[r].article ? " article=\"" : "",
		         reqs[r].article ? reqs[r].article : "", reqs[r].article ? "\"" : "", reqs[r].org, reqs[r].effective,
		         reqs[r].contact);
		sprintf(prof_xml, "%.*s%s%s", (int)(org - xml), xml, rep, days);
		clausier_profile *p = load_profile_text(prof_xml);
		clausier_policy *want = NULL, *got = NULL, *one = NULL;
		cr_assert_eq(clausier_policy_assemble(&want, smp, p, &err), CLAUSIER_OK, "%s", errline(&err));
		clausier_values_clear(vs);
		cr_assert_eq(clausier_values_set_name(vs, "org", NULL, reqs[r].org, reqs[r].article, NULL, NULL, NULL, &err),
		             CLAUSIER_OK, "%s", errline(&err));
		cr_assert_eq(clausier_values_set(vs, "contact", NULL, reqs[r].contact, &err), CLAUSIER_OK);
		cr_assert_eq(clausier_values_set(vs, "effective", NULL, reqs[r].effective, &err), CLAUSIER_OK);
		cr_assert_eq(clausier_policy_with_values(&got, base, vs, &err), CLAUSIER_OK, "%s", errline(&err));
		cr_assert_eq(clausier_policy_assemble_values(&one, smp, prof, vs, &err), CLAUSIER_OK, "%s", errline(&err));
		S_same_editions(want, got, reqs[r].org);
		S_same_editions(want, one, reqs[r].org);
		char *doc_want = NULL, *doc_got = NULL;
		cr_assert_eq(clausier_policy_write(&doc_want, NULL, want, &err), CLAUSIER_OK);
		cr_assert_eq(clausier_policy_write(&doc_got, NULL, got, &err), CLAUSIER_OK);
		cr_assert_str_eq(doc_got, doc_want);
		clausier_free(doc_want);
		clausier_free(doc_got);
		clausier_policy_free(want);
		clausier_policy_free(got);
		clausier_policy_free(one);
		clausier_profile_free(p);
		free(prof_xml);
	}
	/* a fact of the jurisdiction cannot be given */
	cr_assert_eq(clausier_values_set(vs, "emergency_number", NULL, "112", &err), CLAUSIER_EPARAM);
	cr_assert_str_eq(err.message, "value for “emergency_number”, which is a fact of the policy’s jurisdiction (its law, "
	                              "its authorities): a profile cannot give it");
	clausier_values_free(vs);
	clausier_policy_free(base);
	clausier_profile_free(prof);
	free(xml);
	clausier_catalog_free(smp);
}
