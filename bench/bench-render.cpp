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
 *
 * Usage: bench-render CATALOG PROFILE [SECONDS-PER-MEASURE]
 */
#include <clausier.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sys/resource.h>
#include <unicode/msgfmt.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

static double now()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs f repeatedly for about `secs` seconds; returns seconds per call. */
template <class F> static double measure(double secs, F f)
{
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
	printf("peak RSS %ld KiB\n", ru.ru_maxrss);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return 0;
}
