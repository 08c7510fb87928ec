/* Typography of numbers, dates and lists (lib/typography.c, issue 15):
 * no-break spaces with numbers and dates, « nº », the comma after a US
 * year, the serial comma of a catalog, French ordinals in <sup>.
 * Character by character: U+00A0 is written NBSP, U+202F NNBSP. */
#include "helpers.h"

#define NBSP "\u00a0"
#define NNBSP "\u202f"

static void expect_set(const char *locale, const char *text, const char *want)
{
	char *out = NULL;
	cr_assert_eq(clausier_typeset(&out, text, locale), CLAUSIER_OK);
	cr_assert_str_eq(out, want, "%s in %s", text, locale);
	/* idempotent: text already set comes out as it is */
	char *again = NULL;
	cr_assert_eq(clausier_typeset(&again, out, locale), CLAUSIER_OK);
	cr_assert_str_eq(again, want, "set twice in %s", locale);
	clausier_free(again);
	clausier_free(out);
}

static const char *const S_french[] = { "fr-FR", "fr-CA", "fr-CH", "fr-BE", "fr" };
static const char *const S_english[] = { "en-US", "en-CA", "en-GB", "en" };

Test(numbers, a_number_holds_the_word_it_counts_in_every_french_locale)
{
	for (size_t i = 0; i < sizeof S_french / sizeof *S_french; i++) {
		const char *l = S_french[i];
		expect_set(l, "Sous 15 jours, 6 mois ou 2 heures, soit 48 h ; 7 ans et 1 seconde.",
		           !strcmp(l, "fr-CA") ? "Sous 15" NBSP "jours, 6" NBSP "mois ou 2" NBSP "heures, soit 48" NBSP
		                                 "h; 7" NBSP "ans et 1" NBSP "seconde."
		                               : "Sous 15" NBSP "jours, 6" NBSP "mois ou 2" NBSP "heures, soit 48" NBSP
		                                 "h" NNBSP "; 7" NBSP "ans et 1" NBSP "seconde.");
		/* ICU's grouping separator (U+202F in France, U+00A0 in Quebec) stays */
		expect_set(l, "3" NNBSP "000 employés, 1" NBSP "250" NBSP "500 euros, 1,5 jour, 12 500 élèves",
		           "3" NNBSP "000" NBSP "employés, 1" NBSP "250" NBSP "500" NBSP "euros, 1,5" NBSP "jour, 12 500" NBSP
		           "élèves");
		/* ordinals: 1er, 1re, 2e, 2nde, XXIe */
		expect_set(l, "la 1re fois, le 2e alinéa, la 2nde lecture, au XXIe siècle, le IIIe Reich, 1ers secours",
		           "la 1re" NBSP "fois, le 2e" NBSP "alinéa, la 2nde" NBSP "lecture, au XXIe" NBSP "siècle, le IIIe" NBSP
		           "Reich, 1ers" NBSP "secours");
	}
}

Test(numbers, not_across_a_sentence_end_a_line_break_or_in_a_code)
{
	expect_set("fr-FR", "Il en reste 15. Jours fériés : 15\njours. Total 15 ; fin.",
	           "Il en reste 15. Jours fériés" NBSP ": 15\njours. Total 15" NNBSP "; fin.");
	/* part of a URL, an address or a code */
	expect_set("fr-FR", "Voir https://exemple.org/2027 jours, www.x.fr/15 mois, ecrire@paie2027.fr 3 fois.",
	           "Voir https://exemple.org/2027 jours, www.x.fr/15 mois, ecrire@paie2027.fr 3" NBSP "fois.");
	expect_set("fr-FR", "la version v2 du logiciel, le formulaire A-12 bis, à 12h30 précises, ISO-9001 et 2e.txt ou 0x2e lu",
	           "la version v2 du logiciel, le formulaire A-12 bis, à 12h30 précises, ISO-9001 et 2e.txt ou 0x2e lu");
	/* a URL in quotes too (the quotes become « » first) */
	expect_set("fr-FR", "Voir \"https://x.org/a(2 jours\" ou « www.x.fr/p(3 fois » 4 fois",
	           "Voir «" NNBSP "https://x.org/a(2 jours" NNBSP "» ou «" NNBSP "www.x.fr/p(3 fois" NNBSP "» 4" NBSP "fois");
	/* a word that reads like a Roman numeral is a word */
	expect_set("fr-FR", "Le Ce De Me", "Le Ce De Me");
}

/* The body of a one-clause text edition, copied; the edition freed. */
__attribute__((noinline)) static void S_body(char *buf, size_t size, char *edition)
{
	size_t at = strstr(edition, "1. H\n\n") ? (size_t)(strstr(edition, "1. H\n\n") - edition) + 6 : strlen(edition);
	snprintf(buf, size, "%s", edition + at);
	clausier_free(edition);
	cr_assert(buf[0]);
}

Test(numbers, every_french_and_english_month_of_an_icu_date_is_held_together)
{
	const char *cat =
		"<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'><title><text xml:lang='en'>T</text>"
		"<text xml:lang='fr'>T</text></title><param name='d' type='date'/>"
		"<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
		"<body><text xml:lang='en'>Since {d, date, long}; {d, date, medium}.</text>"
		"<text xml:lang='fr'>Depuis le {d, date, long} ; {d, date, medium}.</text></body></clause></catalog>";
	const char *locales[] = { "fr-FR", "fr-CA", "fr-CH", "fr-BE", "en-US", "en-CA", "en-GB" };
	for (int m = 1; m <= 12; m++)
		for (size_t l = 0; l < sizeof locales / sizeof *locales; l++) {
			char prof[256];
			int day = m == 2 ? 1 : 10 + m;
			snprintf(prof, sizeof prof, "<profile " NS " version='1'><value name='d'>2031-%02d-%02d</value></profile>",
			         m, day);
			char body[512];
			S_body(body, sizeof body, render_texts(cat, prof, locales[l], 0));
			/* no plain space from "Since"/"Depuis le" on, but after them */
			const char *from = strchr(body, ' ') + 1;
			if (locales[l][0] == 'f')
				from = strchr(from, ' ') + 1;
			const char *semi = strchr(from, ';');
			for (const char *p = from; p < semi; p++)
				cr_assert_neq(*p, ' ', "a plain space in the date of %s: %s", locales[l], body);
			const char *medium = strstr(semi, " ") + 1;
			cr_assert(!strchr(medium, ' '), "a plain space in the medium date of %s: %s", locales[l], body);
			/* the day keeps its ordinal in French */
			if (m == 2 && locales[l][0] == 'f')
				cr_assert(strstr(body, "1er" NBSP "février" NBSP "2031"), "%s", body);
		}
}

Test(numbers, dates_written_in_the_text_and_numero_article_page)
{
	expect_set("fr-FR", "la loi du 29 juillet 1881 et le décret du 1er mars 2027, avant le 3 Décembre 1999.",
	           "la loi du 29" NBSP "juillet" NBSP "1881" NBSP "et le décret du 1er" NBSP "mars" NBSP "2027, avant le 3" NBSP
	           "Décembre" NBSP "1999.");
	/* « n° » (degree sign) is « nº » (ordinal indicator) before a number */
	expect_set("fr-CA", "le n° 12, le N° 5, le n°7, nº 2016-1691, art. 3, al. 2, p. 45, l’article 9 et § 4.",
	           "le n\u00ba" NBSP "12, le N\u00ba" NBSP "5, le n\u00ba" NBSP "7, n\u00ba" NBSP "2016-1691, art." NBSP
	           "3, al." NBSP "2, p." NBSP "45, l’article" NBSP "9" NBSP "et §" NBSP "4.");
	/* a degree stays a degree */
	expect_set("fr-FR", "à 20 °C et 45° de latitude", "à 20 °C et 45° de latitude");
	expect_set("en-US", "Act No. 2022-401, see p. 12 and section 7 of the Act.",
	           "Act No." NBSP "2022-401, see p." NBSP "12" NBSP "and section" NBSP "7" NBSP "of the Act.");
}

Test(numbers, english_numbers_and_dates_are_held_together_too)
{
	for (size_t i = 0; i < sizeof S_english / sizeof *S_english; i++)
		expect_set(S_english[i], "Within 15 days or 6 months, for 1,500 employees, the 3rd time.",
		           "Within 15" NBSP "days or 6" NBSP "months, for 1,500" NBSP "employees, the 3rd" NBSP "time.");
	expect_set("en-GB", "on 4 January 2027 and on 15 March 2028.",
	           "on 4" NBSP "January" NBSP "2027" NBSP "and on 15" NBSP "March" NBSP "2028.");
}

Test(numbers, a_us_date_in_mid_sentence_takes_a_comma_after_its_year)
{
	expect_set("en-US", "It takes effect on January 4, 2027 and replaces the policy of May 31, 1999 in full.",
	           "It takes effect on January" NBSP "4," NBSP "2027, and replaces the policy of May" NBSP "31," NBSP
	           "1999, in full.");
	/* not before a period, comma, semicolon, colon, closing bracket or the end */
	expect_set("en-CA", "On June 1, 2025. On July 2, 2026, then August 3, 2027; September 4, 2028: "
	                    "(October 5, 2029) November 6, 2030",
	           "On June" NBSP "1," NBSP "2025. On July" NBSP "2," NBSP "2026, then August" NBSP "3," NBSP "2027; September" NBSP
	           "4," NBSP "2028: (October" NBSP "5," NBSP "2029) November" NBSP "6," NBSP "2030");
}

/* A catalog whose date and list parameters go into one sentence. */
static char *render_one(const char *catalog_attrs, const char *en, const char *fr, const char *values,
                        const char *locale, clausier_format format)
{
	char cat[4096], prof[1024];
	snprintf(cat, sizeof cat,
	         "<catalog " NS " version='1' id='t' genre='smp' xml:lang='en'%s><title><text xml:lang='en'>T</text>"
	         "<text xml:lang='fr'>T</text></title><param name='d' type='date'/><param name='p' type='list'/>"
	         "<param name='u' type='url'/>"
	         "<clause id='c' topic='scope'><heading><text xml:lang='en'>H</text><text xml:lang='fr'>H</text></heading>"
	         "<body><text xml:lang='en'>%s</text><text xml:lang='fr'>%s</text></body></clause></catalog>",
	         catalog_attrs, en, fr);
	snprintf(prof, sizeof prof, "<profile " NS " version='1'>%s</profile>", values);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = locale;
	opts.format = format;
	return render_with(cat, prof, &opts);
}

#define DATE_EN "This policy takes effect on {d, date, long} and replaces {p}."
#define DATE_FR "Elle entre en vigueur le {d, date, long} et remplace {p}."
#define VALUES(items) "<value name='d'>2027-03-01</value><value name='p'>" items "</value><value name='u'>https://x.org/2e</value>"

Test(numbers, the_comma_after_the_year_in_rendered_editions_us_and_canada_not_britain)
{
	const char *v = VALUES("<item>A</item>");
	char *us = render_one("", DATE_EN, DATE_FR, v, "en-US", CLAUSIER_FORMAT_TEXT);
	char *ca = render_one("", DATE_EN, DATE_FR, v, "en-CA", CLAUSIER_FORMAT_TEXT);
	char *gb = render_one("", DATE_EN, DATE_FR, v, "en-GB", CLAUSIER_FORMAT_TEXT);
	char *fr = render_one("", DATE_EN, DATE_FR, v, "fr-FR", CLAUSIER_FORMAT_TEXT);
	cr_assert(strstr(us, "on March" NBSP "1," NBSP "2027, and replaces A."), "%s", us);
	cr_assert(strstr(ca, "on March" NBSP "1," NBSP "2027, and replaces A."), "%s", ca);
	cr_assert(strstr(gb, "on 1" NBSP "March" NBSP "2027" NBSP "and replaces A."), "%s", gb);
	cr_assert(strstr(fr, "le 1er" NBSP "mars" NBSP "2027" NBSP "et remplace A."), "%s", fr);
	clausier_free(us);
	clausier_free(ca);
	clausier_free(gb);
	clausier_free(fr);
}

static void expect_list(const char *attrs, const char *locale, const char *items, const char *want)
{
	char v[512];
	snprintf(v, sizeof v, "<value name='d'>2027-03-01</value><value name='p'>%s</value>"
	         "<value name='u'>https://x.org</value>", items);
	char *out = render_one(attrs, "Lists: {p}.", "Listes : {p}.", v, locale, CLAUSIER_FORMAT_TEXT);
	const char *body = strstr(out, "1. H\n\n");
	cr_assert(body && strstr(body, want), "%s: want “%s” in %s", locale, want, out);
	clausier_free(out);
}

Test(lists, one_serial_comma_style_per_catalog_in_every_english_locale)
{
	const char *three = "<item>Facebook</item><item>LinkedIn</item><item>X</item>";
	const char *four = "<item>Mastodon</item><item>Bluesky</item><item>Threads</item><item>YouTube</item>";
	const char *two = "<item>Facebook</item><item>X</item>";
	for (size_t i = 0; i < sizeof S_english / sizeof *S_english; i++) {
		const char *l = S_english[i];
		expect_list(" serial-comma='yes'", l, three, "Lists: Facebook, LinkedIn, and X.");
		expect_list(" serial-comma='yes'", l, four, "Lists: Mastodon, Bluesky, Threads, and YouTube.");
		expect_list(" serial-comma='no'", l, three, "Lists: Facebook, LinkedIn and X.");
		expect_list(" serial-comma='no'", l, four, "Lists: Mastodon, Bluesky, Threads and YouTube.");
		/* two items never take one */
		expect_list(" serial-comma='yes'", l, two, "Lists: Facebook and X.");
		expect_list(" serial-comma='no'", l, two, "Lists: Facebook and X.");
	}
	/* without the attribute, each locale's CLDR style */
	expect_list("", "en-US", three, "Lists: Facebook, LinkedIn, and X.");
	expect_list("", "en-GB", three, "Lists: Facebook, LinkedIn and X.");
	/* French has none, whatever the catalog says of English */
	expect_list(" serial-comma='yes'", "fr-FR", three, "Listes" NBSP ": Facebook, LinkedIn et X.");
	expect_list(" serial-comma='yes'", "fr-CA", four, "Listes" NBSP ": Mastodon, Bluesky, Threads et YouTube.");
}

Test(lists, the_shipped_catalogs_declare_the_style_of_their_own_english)
{
	/* smp.xml and charte.xml write "a, b and c"; their ICU lists agree */
	const char *paths[] = { SRCDIR "/data/catalogs/smp.xml", SRCDIR "/data/catalogs/charte.xml" };
	for (int i = 0; i < 2; i++) {
		char *xml = slurp(paths[i]);
		cr_assert(strstr(xml, "serial-comma=\"no\""), "%s", paths[i]);
		free(xml);
	}
}

Test(ordinals, html_sup_and_docbook_superscript_in_french_plain_in_text_and_markdown)
{
	const char *fr = "Le 1er mars, la 2e fois, la 1re, au XXIe siècle, le 2nd tour ; voir {u} ou v2e, "
	                 "Le Ce De, 3 &lt; 4 &amp; 2e.";
	const char *v = VALUES("<item>A</item>");
	char *html = render_one("", DATE_EN, fr, v, "fr-FR", CLAUSIER_FORMAT_HTML);
	cr_assert(strstr(html, "<p>Le 1<sup>er</sup>" NBSP "mars, la 2<sup>e</sup>" NBSP "fois, la 1<sup>re</sup>, au XXI<sup>e</sup>"
	                       NBSP "siècle, le 2<sup>nd</sup>" NBSP "tour" NNBSP "; voir https://x.org/2e ou v2e, "
	                       "Le Ce De, 3 &lt; 4 &amp; 2<sup>e</sup>.</p>"),
	          "%s", html);
	char *dbk = render_one("", DATE_EN, fr, v, "fr-CA", CLAUSIER_FORMAT_DOCBOOK);
	cr_assert(strstr(dbk, "<para>Le 1<superscript>er</superscript>" NBSP "mars, la 2<superscript>e</superscript>" NBSP
	                      "fois, la 1<superscript>re</superscript>, au XXI<superscript>e</superscript>" NBSP
	                      "siècle, le 2<superscript>nd</superscript>" NBSP "tour; voir https://x.org/2e ou v2e, "
	                      "Le Ce De, 3 &lt; 4 &amp; 2<superscript>e</superscript>.</para>"),
	          "%s", dbk);
	char *md = render_one("", DATE_EN, fr, v, "fr-FR", CLAUSIER_FORMAT_MARKDOWN);
	cr_assert(strstr(md, "Le 1er" NBSP "mars, la 2e" NBSP "fois") && !strstr(md, "sup>"), "%s", md);
	char *txt = render_one("", DATE_EN, fr, v, "fr-FR", CLAUSIER_FORMAT_TEXT);
	cr_assert(strstr(txt, "Le 1er" NBSP "mars, la 2e" NBSP "fois") && !strstr(txt, "sup>"), "%s", txt);
	/* English is left as written */
	char *en = render_one("", "The 1st and 2nd time, {u}.", fr, v, "en-US", CLAUSIER_FORMAT_HTML);
	cr_assert(strstr(en, "<p>The 1st" NBSP "and 2nd" NBSP "time, https://x.org/2e.</p>"), "%s", en);
	clausier_free(html);
	clausier_free(dbk);
	clausier_free(md);
	clausier_free(txt);
	clausier_free(en);
}

static void S_collect(void *ctx, const clausier_check_finding *f)
{
	char *rules = ctx;
	strncat(rules, f->rule, 200);
	strncat(rules, " ", 2);
}

Test(check, the_degree_sign_for_numero_is_a_finding_of_its_own)
{
	const char *po = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\nLanguage: fr_CA\\n\"\n\n"
	                 "msgid \"See No. 12.\"\nmsgstr \"Voir le n° 12.\"\n\n"
	                 "msgid \"Within 15 days.\"\nmsgstr \"Dans les 15 jours.\"\n\n"
	                 "msgid \"See No. 13.\"\nmsgstr \"Voir le n\u00ba" NBSP "13.\"\n";
	char rules[1024] = "";
	clausier_error err;
	clausier_check_options opts = CLAUSIER_CHECK_OPTIONS_INIT;
	cr_assert_geq(clausier_check_po_memory(po, strlen(po), "t.po", &opts, S_collect, rules, &err), 0);
	cr_assert_str_eq(rules, "numero-sign typography ", "%s", rules);
}

static size_t S_count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

Test(wrap, a_wrapped_edition_never_breaks_where_a_no_break_space_holds)
{
	const char *cat =
		"<catalog " NS " version='1' id='t' genre='charte' xml:lang='fr'><title><text>T</text></title>"
		"<param name='d' type='date'/><clause id='c' topic='scope'><heading><text>H</text></heading>"
		"<body><text>Sous 15 jours, 6 mois ou 2 heures, et au plus tard le {d, date, long}, selon l’art. 41 "
		"et le nº 12, pour 3 000 employés, 48 heures après, au XXIe siècle, 7 fois.</text></body>"
		"</clause></catalog>";
	const char *prof = "<profile " NS " version='1'><value name='d'>2027-02-01</value></profile>";
	clausier_catalog *c = load_catalog_text(cat);
	clausier_profile *pr = load_profile_text(prof);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, c, pr, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-FR";
	char *flat = NULL;
	cr_assert_eq(clausier_render(&flat, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
	size_t held = S_count(flat, NBSP);
	cr_assert_geq(held, 12, "%s", flat);
	for (unsigned w = 8; w <= 40; w += 4) {
		opts.width = w;
		char *out = NULL;
		cr_assert_eq(clausier_render(&out, NULL, pol, &opts, &err), CLAUSIER_OK, "%s", errline(&err));
		cr_assert_eq(S_count(out, NBSP), held, "width %u: %s", w, out);
		cr_assert(strstr(out, "1er" NBSP "février" NBSP "2027"), "width %u: %s", w, out);
		clausier_free(out);
	}
	clausier_free(flat);
	clausier_policy_free(pol);
	clausier_profile_free(pr);
	clausier_catalog_free(c);
}
