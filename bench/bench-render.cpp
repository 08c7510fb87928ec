/* Benchmark: catalog loading and edition rendering, each against a baseline
 * measured in the same run, printed as ratios (absolute times vary by
 * machine; the ratios are what to compare across commits).
 *
 *   load:   clausier_catalog_load_memory (parse + RELAX NG + every message
 *           compiled and checked by ICU)  vs  libxml2's bare xmlReadMemory
 *   render: clausier_render, fr-CA text edition  vs  the same messages
 *           formatted by icu::MessageFormat objects built once
 *   html:   the policy assembled afresh with new values on every call (16
 *           profiles with different names, dates and addresses) and
 *           rendered to an HTML fragment, alternately fr-CA and en-CA  vs
 *           copying the same number of bytes (memcpy)
 *   icu-heavy (bench/data/icu-heavy.xml, 40 clauses whose every text goes
 *           through ICU): HTML editions alternately fr-CA and en-CA, values
 *           fixed (render only) and fresh (16 value sets), vs plain ICU C++
 *           doing the same work in the same run: icu::MessageFormat built
 *           once per pattern and locale, fresh values on every edition
 *           (Formattables, a ListFormatter, a CurrencyAmount), named
 *           arguments, results escaped into HTML by a hand-written loop; and
 *           vs a memcpy of the output's bytes.
 *
 * Usage: bench-render CATALOG PROFILE [SECONDS-PER-MEASURE [HEAVY-CATALOG HEAVY-PROFILE
 *                     [POLICY-CATALOG POLICY-PROFILE]]]
 * BENCH_ITERATIONS=N runs every measure N times instead (for callgrind).
 */
#include <clausier.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sys/resource.h>
#include <unicode/curramt.h>
#include <unicode/listformatter.h>
#include <unicode/msgfmt.h>
#include <unicode/ucal.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <vector>

static double now()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs f repeatedly for about `secs` seconds (or BENCH_ITERATIONS times);
 * returns seconds per call. */
template <class F> static double measure(double secs, F f)
{
	if (const char *it = getenv("BENCH_ITERATIONS")) {
		long k = atol(it) > 0 ? atol(it) : 1;
		double t0 = now();
		for (long i = 0; i < k; i++)
			f();
		return (now() - t0) / k;
	}
	long n = 0;
	double t0 = now(), t;
	do {
		for (int i = 0; i < 10; i++)
			f();
		n += 10;
		t = now();
	} while (t - t0 < secs);
	return (t - t0) / n;
}

static std::string slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	std::string s;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		s.append(buf, n);
	fclose(f);
	return s;
}

/* The fr-CA pattern of every message of the catalog (exact tag, else fr). */
static std::vector<std::string> fr_ca_patterns(const std::string &xml)
{
	std::vector<std::string> out;
	xmlDocPtr doc = xmlReadMemory(xml.data(), (int)xml.size(), nullptr, "UTF-8", XML_PARSE_NONET);
	std::vector<xmlNodePtr> stack{ xmlDocGetRootElement(doc) };
	while (!stack.empty()) {
		xmlNodePtr n = stack.back();
		stack.pop_back();
		std::string fr, frca;
		for (xmlNodePtr c = n->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (!strcmp((const char *)c->name, "text")) {
				/* Inherited: a source text has none of its own; msgfmt writes fr_CA. */
				xmlChar *lang = xmlNodeGetLang(c);
				xmlChar *txt = xmlNodeGetContent(c);
				std::string l = lang ? (const char *)lang : "";
				if (l == "fr")
					fr = (const char *)txt;
				if (l == "fr-CA" || l == "fr_CA")
					frca = (const char *)txt;
				xmlFree(lang);
				xmlFree(txt);
			} else {
				stack.push_back(c);
			}
		}
		if (!frca.empty() || !fr.empty())
			out.push_back(frca.empty() ? fr : frca);
	}
	xmlFreeDoc(doc);
	return out;
}

/* ---- the ICU-heavy fixture ---- */

static std::string S_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	std::string s = v ? (const char *)v : "";
	xmlFree(v);
	return s;
}

static bool S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* A message's text in a language ("fr", "en"): exact, else none. */
static std::string S_text(xmlNodePtr msg, const char *lang)
{
	for (xmlNodePtr t = msg ? msg->children : nullptr; t; t = t->next) {
		if (!S_is(t, "text"))
			continue;
		xmlChar *l = xmlNodeGetLang(t);
		bool ok = l && !strcmp((const char *)l, lang);
		xmlFree(l);
		if (ok) {
			xmlChar *c = xmlNodeGetContent(t);
			std::string s = (const char *)c;
			xmlFree(c);
			return s;
		}
	}
	return std::string();
}

struct S_fixture {
	std::vector<std::pair<std::string, std::string>> params; /* name, type */
	/* per language: title, dateline, then heading and body of each clause */
	std::map<std::string, std::vector<std::string>> texts;
};

static S_fixture S_read_catalog(const std::string &xml)
{
	S_fixture fx;
	xmlDocPtr doc = xmlReadMemory(xml.data(), (int)xml.size(), nullptr, "UTF-8", XML_PARSE_NONET);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (const char *lang : { "en", "fr" }) {
		std::vector<std::string> &v = fx.texts[lang];
		for (xmlNodePtr c = root->children; c; c = c->next) {
			if (S_is(c, "title") || S_is(c, "dateline"))
				v.push_back(S_text(c, lang));
			if (S_is(c, "clause"))
				for (xmlNodePtr m = c->children; m; m = m->next)
					if (S_is(m, "heading") || S_is(m, "body"))
						v.push_back(S_text(m, lang));
		}
	}
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (S_is(c, "param"))
			fx.params.emplace_back(S_attr(c, "name"), S_attr(c, "type"));
	xmlFreeDoc(doc);
	return fx;
}

/* One set of values: the profile's, the name changed and every number
 * and date moved by k, as text (what a caller has). */
struct S_values {
	std::map<std::string, std::string> text;
	std::map<std::string, std::vector<std::string>> items;
	std::string profile_xml;
};

static S_values S_variant(const std::string &profile, int k)
{
	S_values v;
	xmlDocPtr doc = xmlReadMemory(profile.data(), (int)profile.size(), nullptr, "UTF-8", XML_PARSE_NONET);
	for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		if (!S_is(n, "value"))
			continue;
		std::string name = S_attr(n, "name");
		xmlChar *c = xmlNodeGetContent(n);
		std::string t = (const char *)c;
		xmlFree(c);
		bool items = false;
		for (xmlNodePtr i = n->children; i; i = i->next)
			if (S_is(i, "item")) {
				xmlChar *ic = xmlNodeGetContent(i);
				v.items[name].push_back((const char *)ic);
				xmlFree(ic);
				items = true;
			}
		if (items)
			continue;
		if (name == "org")
			t = "Variante " + std::to_string(k) + " " + t;
		else if (!t.empty() && t.find_first_not_of("0123456789") == std::string::npos)
			t = std::to_string(atol(t.c_str()) + k);
		else if (t.size() == 10 && t[4] == '-' && t[7] == '-')
			t[9] = (char)('1' + k % 9), t[8] = '0';
		v.text[name] = t;
		xmlNodeSetContent(n, (const xmlChar *)t.c_str());
	}
	xmlChar *out = nullptr;
	int len = 0;
	xmlDocDumpMemory(doc, &out, &len);
	v.profile_xml.assign((const char *)out, (size_t)len);
	xmlFree(out);
	xmlFreeDoc(doc);
	return v;
}

static void S_escape(std::string &out, const std::string &s)
{
	size_t from = 0;
	for (size_t i = 0; i < s.size(); i++) {
		const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;" : s[i] == '"' ? "&quot;" : nullptr;
		if (!rep)
			continue;
		out.append(s, from, i - from);
		out += rep;
		from = i + 1;
	}
	out.append(s, from, std::string::npos);
}

/* Plain ICU C++: the formatters of one locale, built once. */
struct S_icu_edition {
	icu::Locale loc;
	std::vector<std::unique_ptr<icu::MessageFormat>> fmts;
	std::unique_ptr<icu::ListFormatter> lists;
};

static size_t S_icu_render(std::string &out, const S_icu_edition &ed, const S_fixture &fx, const S_values &v)
{
	UErrorCode st = U_ZERO_ERROR;
	std::vector<icu::UnicodeString> names;
	std::vector<icu::Formattable> vals;
	for (const auto &p : fx.params) {
		names.push_back(icu::UnicodeString::fromUTF8(p.first));
		const std::string &t = p.second;
		auto it = v.text.find(p.first);
		const std::string val = it == v.text.end() ? std::string() : it->second;
		if (t == "number") {
			vals.emplace_back(icu::StringPiece(val), st);
		} else if (t == "date") {
			UCalendar *cal = ucal_open(u"UTC", -1, "en", UCAL_GREGORIAN, &st);
			ucal_setDateTime(cal, atoi(val.c_str()), atoi(val.c_str() + 5) - 1, atoi(val.c_str() + 8), 12, 0, 0, &st);
			vals.emplace_back(ucal_getMillis(cal, &st), icu::Formattable::kIsDate);
			ucal_close(cal);
		} else if (t == "money") {
			size_t sp = val.find(' ');
			icu::Formattable amount(icu::StringPiece(val.substr(0, sp)), st);
			icu::UnicodeString cur = icu::UnicodeString::fromUTF8(val.substr(sp + 1));
			vals.emplace_back(new icu::CurrencyAmount(amount, cur.getTerminatedBuffer(), st));
		} else if (t == "list") {
			std::vector<icu::UnicodeString> items;
			for (const auto &i : v.items.at(p.first))
				items.push_back(icu::UnicodeString::fromUTF8(i));
			icu::UnicodeString joined;
			ed.lists->format(items.data(), (int32_t)items.size(), joined, st);
			vals.emplace_back(joined);
		} else {
			vals.emplace_back(icu::UnicodeString::fromUTF8(val));
		}
		if (t == "name") {
			names.push_back(icu::UnicodeString::fromUTF8(p.first + "_number"));
			vals.emplace_back(icu::UnicodeString(u"singular"));
		}
	}
	out.clear();
	std::string s;
	for (size_t i = 0; i < ed.fmts.size(); i++) {
		icu::UnicodeString r;
		ed.fmts[i]->format(names.data(), vals.data(), (int32_t)names.size(), r, st);
		s.clear();
		r.toUTF8String(s);
		if (i == 0) {
			out += "<article>\n<h1>";
			S_escape(out, s);
			out += "</h1>\n";
		} else if (i == 1) {
			out += "<p class=\"dateline\">";
			S_escape(out, s);
			out += "</p>\n";
		} else if (i % 2 == 0) {
			out += "<section>\n<h2>";
			out += std::to_string(i / 2);
			out += ". ";
			S_escape(out, s);
			out += "</h2>\n";
		} else {
			out += "<p>";
			S_escape(out, s);
			out += "</p>\n</section>\n";
		}
	}
	out += "</article>\n";
	if (U_FAILURE(st)) {
		fprintf(stderr, "ICU baseline: %s\n", u_errorName(st));
		exit(1);
	}
	return out.size();
}

static double S_heavy(const char *catpath, const char *profpath, double secs)
{
	std::string cat_xml = slurp(catpath), prof_xml = slurp(profpath);
	S_fixture fx = S_read_catalog(cat_xml);
	std::vector<S_values> variants;
	for (int k = 0; k < 16; k++)
		variants.push_back(S_variant(prof_xml, k));

	S_icu_edition eds[2] = { { icu::Locale("fr_CA"), {}, {} }, { icu::Locale("en_CA"), {}, {} } };
	for (S_icu_edition &ed : eds) {
		UErrorCode st = U_ZERO_ERROR;
		for (const std::string &p : fx.texts[ed.loc.getLanguage()]) {
			UParseError pe;
			ed.fmts.emplace_back(new icu::MessageFormat(icu::UnicodeString::fromUTF8(p), ed.loc, pe, st));
		}
		ed.lists.reset(icu::ListFormatter::createInstance(ed.loc, st));
		if (U_FAILURE(st)) {
			fprintf(stderr, "%s: ICU baseline: %s\n", catpath, u_errorName(st));
			exit(1);
		}
	}
	size_t calls = 0, icu_bytes = 0;
	std::string html;
	double t_icu = measure(secs, [&] {
		icu_bytes += S_icu_render(html, eds[calls % 2], fx, variants[calls % variants.size()]);
		calls++;
	});
	size_t icu_avg = icu_bytes / (calls ? calls : 1);

	clausier_error err;
	clausier_catalog *cat = nullptr;
	std::vector<clausier_profile *> profiles;
	if (clausier_catalog_load_memory(&cat, cat_xml.data(), cat_xml.size(), catpath, &err) != CLAUSIER_OK) {
		fprintf(stderr, "%s: %s\n", catpath, err.message);
		exit(1);
	}
	for (const S_values &v : variants) {
		clausier_profile *p = nullptr;
		if (clausier_profile_load_memory(&p, v.profile_xml.data(), v.profile_xml.size(), profpath, &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s: %s\n", profpath, err.message);
			exit(1);
		}
		profiles.push_back(p);
	}
	clausier_policy *fixed = nullptr;
	if (clausier_policy_assemble(&fixed, cat, profiles[0], &err) != CLAUSIER_OK) {
		fprintf(stderr, "%s: %s\n", profpath, err.message);
		exit(1);
	}
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.format = CLAUSIER_FORMAT_HTML;
	size_t bytes = 0;
	calls = 0;
	double t_fixed = measure(secs, [&] {
		char *out = nullptr;
		size_t len = 0;
		opts.locale = calls++ % 2 ? "en-CA" : "fr-CA";
		if (clausier_render(&out, &len, fixed, &opts, &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s\n", err.message);
			exit(1);
		}
		bytes += len;
		clausier_free(out);
	});
	size_t avg = bytes / (calls ? calls : 1);
	calls = 0;
	double t_fresh = measure(secs, [&] {
		clausier_policy *p = nullptr;
		char *out = nullptr;
		opts.locale = calls % 2 ? "en-CA" : "fr-CA";
		if (clausier_policy_assemble(&p, cat, profiles[calls % profiles.size()], &err) != CLAUSIER_OK ||
		    clausier_render(&out, nullptr, p, &opts, &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s\n", err.message);
			exit(1);
		}
		calls++;
		clausier_free(out);
		clausier_policy_free(p);
	});
	/* Fresh values without XML: the policy assembled once as a draft,
	 * the values set from text and swapped in for every edition. */
	clausier_policy *draft = nullptr;
	clausier_values *vals = nullptr;
	if (clausier_policy_assemble_draft(&draft, cat, profiles[0], &err) != CLAUSIER_OK ||
	    clausier_values_new(&vals, cat, &err) != CLAUSIER_OK) {
		fprintf(stderr, "%s\n", err.message);
		exit(1);
	}
	calls = 0;
	double t_values = measure(secs, [&] {
		const S_values &v = variants[calls % variants.size()];
		opts.locale = calls % 2 ? "en-CA" : "fr-CA";
		clausier_values_clear(vals);
		for (const auto &p : fx.params) {
			int rc;
			if (p.second == "list") {
				std::vector<const char *> items;
				for (const auto &i : v.items.at(p.first))
					items.push_back(i.c_str());
				rc = clausier_values_set_list(vals, p.first.c_str(), nullptr, items.data(), items.size(), &err);
			} else if (p.second == "name") {
				rc = clausier_values_set_name(vals, p.first.c_str(), nullptr, v.text.at(p.first).c_str(), "none", "m",
				                              nullptr, nullptr, &err);
			} else {
				rc = clausier_values_set(vals, p.first.c_str(), nullptr, v.text.at(p.first).c_str(), &err);
			}
			if (rc != CLAUSIER_OK) {
				fprintf(stderr, "%s: %s\n", p.first.c_str(), err.message);
				exit(1);
			}
		}
		clausier_policy *pol = nullptr;
		char *out = nullptr;
		if (clausier_policy_with_values(&pol, draft, vals, &err) != CLAUSIER_OK ||
		    clausier_render(&out, nullptr, pol, &opts, &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s\n", err.message);
			exit(1);
		}
		calls++;
		clausier_free(out);
		clausier_policy_free(pol);
	});
	clausier_values_free(vals);
	clausier_policy_free(draft);
	std::vector<char> src(avg, 'x'), dst(avg);
	double t_copy = measure(secs, [&] {
		memcpy(dst.data(), src.data(), avg);
		asm volatile("" : : "r"(dst.data()) : "memory");
	});
	printf("icu-heavy: %s (%zu clauses, %zu texts a language)\n", catpath, clausier_catalog_count(cat),
	       fx.texts["fr"].size());
	printf("icu-heavy ICU C++  %9.1f editions/s (%.1f us, %zu bytes of HTML, fresh values)\n", 1 / t_icu, t_icu * 1e6,
	       icu_avg);
	printf("icu-heavy fixed    %9.1f editions/s (%.1f us, %zu bytes) = %.2f x plain ICU C++\n", 1 / t_fixed,
	       t_fixed * 1e6, avg, t_icu / t_fixed);
	printf("icu-heavy fresh    %9.1f editions/s (%.1f us, a profile assembled each time) = %.2f x plain ICU C++\n",
	       1 / t_fresh, t_fresh * 1e6, t_icu / t_fresh);
	printf("icu-heavy values   %9.1f editions/s (%.1f us, values set from text, clausier_policy_with_values) = %.2f x plain ICU C++\n",
	       1 / t_values, t_values * 1e6, t_icu / t_values);
	printf("icu-heavy memcpy of the output is %.0f x faster than a render (values fixed)\n", t_fixed / t_copy);
	clausier_policy_free(fixed);
	for (clausier_profile *p : profiles)
		clausier_profile_free(p);
	clausier_catalog_free(cat);
	return t_icu;
}

/* A real policy (the hospital sample): HTML editions a second, values
 * fixed, beside a memcpy of its bytes and the ICU baseline above. */
static void S_policy(const char *catpath, const char *profpath, double secs, double t_icu)
{
	clausier_error err;
	clausier_catalog *cat = nullptr;
	clausier_profile *prof = nullptr;
	clausier_policy *pol = nullptr;
	if (clausier_catalog_load_file(&cat, catpath, &err) || clausier_profile_load_file(&prof, profpath, &err) ||
	    clausier_policy_assemble(&pol, cat, prof, &err)) {
		fprintf(stderr, "%s: %s\n", err.source, err.message);
		exit(1);
	}
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.format = CLAUSIER_FORMAT_HTML;
	size_t bytes = 0, calls = 0;
	double t = measure(secs, [&] {
		char *out = nullptr;
		size_t len = 0;
		opts.locale = calls++ % 2 ? "en-CA" : "fr-CA";
		clausier_render(&out, &len, pol, &opts, nullptr);
		bytes += len;
		clausier_free(out);
	});
	size_t avg = bytes / (calls ? calls : 1);
	std::vector<char> src(avg, 'x'), dst(avg);
	double t_copy = measure(secs, [&] {
		memcpy(dst.data(), src.data(), avg);
		asm volatile("" : : "r"(dst.data()) : "memory");
	});
	printf("policy %s: %zu clauses, %9.1f HTML editions/s (%.1f us, %zu bytes, values fixed) = memcpy / %.0f, %.2f x the "
	       "ICU C++ baseline's editions/s\n",
	       profpath, clausier_policy_count(pol), 1 / t, t * 1e6, avg, t / t_copy, t_icu / t);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s CATALOG PROFILE [SECONDS]\n", argv[0]);
		return 2;
	}
	double secs = argc > 3 ? atof(argv[3]) : 1.0;
	std::string cat_xml = slurp(argv[1]);
	clausier_error err;

	double t_parse = measure(secs, [&] {
		xmlDocPtr d = xmlReadMemory(cat_xml.data(), (int)cat_xml.size(), nullptr, "UTF-8", XML_PARSE_NONET);
		xmlFreeDoc(d);
	});
	double t_load = measure(secs, [&] {
		clausier_catalog *c = nullptr;
		if (clausier_catalog_load_memory(&c, cat_xml.data(), cat_xml.size(), argv[1], &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s\n", err.message);
			exit(1);
		}
		clausier_catalog_free(c);
	});

	clausier_catalog *cat = nullptr;
	clausier_profile *prof = nullptr;
	clausier_policy *pol = nullptr;
	if (clausier_catalog_load_file(&cat, argv[1], &err) || clausier_profile_load_file(&prof, argv[2], &err) ||
	    clausier_policy_assemble(&pol, cat, prof, &err)) {
		fprintf(stderr, "%s: %s\n", err.source, err.message);
		return 1;
	}
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	double t_render = measure(secs, [&] {
		char *out = nullptr;
		clausier_render(&out, nullptr, pol, &opts, nullptr);
		clausier_free(out);
	});

	/* Baseline: the same messages, formatters built once, values bound. */
	std::vector<std::string> pats = fr_ca_patterns(cat_xml);
	std::vector<std::unique_ptr<icu::MessageFormat>> fmts;
	for (auto &p : pats) {
		UErrorCode st = U_ZERO_ERROR;
		UParseError pe;
		fmts.emplace_back(new icu::MessageFormat(icu::UnicodeString::fromUTF8(p), icu::Locale("fr_CA"), pe, st));
	}
	icu::UnicodeString names[] = { "org", "effective", "contact", "hours", "days" };
	UErrorCode st = U_ZERO_ERROR;
	icu::Formattable vals[] = { icu::Formattable("Bibliomonde"), icu::Formattable(1800000000000.0, icu::Formattable::kIsDate),
		                    icu::Formattable("communications@bibliomonde.ca"), icu::Formattable(icu::StringPiece("24"), st),
		                    icu::Formattable(icu::StringPiece("30"), st) };
	double t_icu = measure(secs, [&] {
		std::string all;
		for (auto &f : fmts) {
			icu::UnicodeString r;
			UErrorCode s = U_ZERO_ERROR;
			f->format(names, vals, 5, r, s);
			r.toUTF8String(all);
		}
	});

	/* Fresh values on every call: 16 variants of the profile. */
	std::string prof_xml = slurp(argv[2]);
	std::vector<clausier_profile *> variants;
	for (int i = 0; i < 16; i++) {
		std::string v = prof_xml;
		size_t at = v.find("name=\"org\">");
		if (at != std::string::npos)
			v.insert(at + 11, "Variante " + std::to_string(i) + " ");
		/* YYYY-MM-0D: another day of the month each time. */
		at = v.find("name=\"effective\">");
		if (at != std::string::npos && v.size() > at + 27 && v[at + 26] == '0')
			v[at + 27] = (char)('1' + i % 9);
		clausier_profile *p = nullptr;
		if (clausier_profile_load_memory(&p, v.data(), v.size(), "variant", &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s\n", err.message);
			return 1;
		}
		variants.push_back(p);
	}
	clausier_render_options html = CLAUSIER_RENDER_OPTIONS_INIT;
	html.format = CLAUSIER_FORMAT_HTML;
	size_t bytes = 0, calls = 0;
	double t_html = measure(secs, [&] {
		clausier_policy *p = nullptr;
		clausier_profile *v = variants[calls % variants.size()];
		html.locale = calls % 2 ? "en-CA" : "fr-CA";
		if (clausier_policy_assemble(&p, cat, v, &err) != CLAUSIER_OK) {
			fprintf(stderr, "%s\n", err.message);
			exit(1);
		}
		char *out = nullptr;
		size_t len = 0;
		clausier_render(&out, &len, p, &html, nullptr);
		bytes += len;
		calls++;
		clausier_free(out);
		clausier_policy_free(p);
	});
	size_t avg = bytes / (calls ? calls : 1);
	std::vector<char> src(avg, 'x'), dst(avg);
	double t_copy = measure(secs, [&] {
		memcpy(dst.data(), src.data(), avg);
		asm volatile("" : : "r"(dst.data()) : "memory");
	});
	for (auto *p : variants)
		clausier_profile_free(p);

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("catalog: %s (%zu bytes, %zu clauses, %zu messages)\n", argv[1], cat_xml.size(),
	       clausier_catalog_count(cat), pats.size());
	printf("load    %10.1f loads/s   = %6.1f x libxml2's bare parse (%.1f us vs %.1f us)\n", 1 / t_load,
	       t_load / t_parse, t_load * 1e6, t_parse * 1e6);
	printf("render  %10.1f editions/s = %6.1f x ICU format with prebuilt formatters (%.1f us vs %.1f us)\n",
	       1 / t_render, t_render / t_icu, t_render * 1e6, t_icu * 1e6);
	printf("html    %10.1f editions/s (%.1f us each, %zu bytes) = %.0f x copying the same bytes (%.2f us)\n",
	       1 / t_html, t_html * 1e6, avg, t_html / t_copy, t_copy * 1e6);
	if (argc > 5) {
		double t_heavy = S_heavy(argv[4], argv[5], secs);
		if (argc > 7)
			S_policy(argv[6], argv[7], secs, t_heavy);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("peak RSS %ld KiB\n", ru.ru_maxrss);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return 0;
}
