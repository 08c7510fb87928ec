/* Benchmark: catalog loading and edition rendering, each against a baseline
 * measured in the same run, printed as ratios (absolute times vary by
 * machine; the ratios are what to compare across commits).
 *
 *   load:   clausier_catalog_load_memory (parse + RELAX NG + every message
 *           compiled and checked by ICU)  vs  libxml2's bare xmlReadMemory
 *   render: clausier_render, fr-CA text edition of the sample  vs  the same
 *           messages formatted by icu::MessageFormat objects built once
 *           (what precompiled messages could approach)
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

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("catalog: %s (%zu bytes, %zu clauses, %zu messages)\n", argv[1], cat_xml.size(),
	       clausier_catalog_count(cat), pats.size());
	printf("load    %10.1f loads/s   = %6.1f x libxml2's bare parse (%.1f us vs %.1f us)\n", 1 / t_load,
	       t_load / t_parse, t_load * 1e6, t_parse * 1e6);
	printf("render  %10.1f editions/s = %6.1f x ICU format with prebuilt formatters (%.1f us vs %.1f us)\n",
	       1 / t_render, t_render / t_icu, t_render * 1e6, t_icu * 1e6);
	printf("peak RSS %ld KiB\n", ru.ru_maxrss);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return 0;
}
