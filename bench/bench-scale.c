/* Benchmark: how clausier scales, each figure a ratio of two measures taken
 * in the same run (absolute times vary by machine; the ratios do not).
 *
 *   xmllint: clausier_catalog_load_file of each default catalog (parse,
 *       RELAX NG, every message checked by ICU, English spellings derived)
 *       vs what `xmllint --noout --relaxng data/schemas/catalog.rng FILE`
 *       does for that file, done in-process with libxml2's own API, as
 *       xmllint 2.9.14 does it: xmlReadFile with its default options
 *       (XML_PARSE_COMPACT | XML_PARSE_BIG_LINES), a new validation context
 *       on the schema, xmlRelaxNGValidateDoc, free.  In-process rather than
 *       a subprocess so that neither side pays for starting a program, which
 *       would dominate xmllint's time on files this small and make the ratio
 *       measure exec(); two figures: with xmllint's schema compiled once (as
 *       when it is given several files; clausier compiles its schemas once
 *       per process too), the target, and with the schema compiled for
 *       every file (one xmllint command per file).
 *   linear: catalogs and profiles generated in memory at n and 10n along one
 *       axis at a time (clauses; parameters, each given a value; arguments
 *       in one message, plain and through ICU; sections), each loaded
 *       (catalog + profile) and assembled + rendered (HTML, fr-CA):
 *       T(10n)/T(n) per axis and phase; linear is about 10, the target
 *       at most 12.
 *   threads: HTML editions per second of one shared catalog and policy from
 *       two threads vs from one; the target is at least 1.8.  Whether both
 *       cores were idle just before (/proc/stat over half a second; the
 *       load average, printed too, counts this bench's own measures) is
 *       printed beside it: the figure only means something when they were.
 *
 * Usage: bench-scale CATALOGDIR SCHEMADIR PROFILE [SECONDS-PER-MEASURE]
 * (CATALOGDIR holds the built smp.xml and charte.xml; PROFILE is a profile
 * of the smp catalog, e.g. data/samples/hospital-qc.xml.)
 */
#include <clausier.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The processor time of the calling thread: the single-thread figures are
 * ratios of two such times, which other programs running on the machine
 * stretch far less than the time on the clock (the same choice as
 * tests/pathological.py).  Two threads are compared on the clock. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs body once to warm the caches (a thread's first edition compiles
 * every message's formatter: about 5 warm editions' worth, which would
 * weigh more on the few runs of a large input than on the many of a small
 * one), then repeatedly for about secs seconds (at least 3 times); result
 * gets the seconds per run. */
#define MEASURE(secs, result, body)                                                                \
	do {                                                                                       \
		long n_ = 0;                                                                       \
		body;                                                                              \
		double t0_ = now(), t_;                                                            \
		do {                                                                               \
			body;                                                                      \
			n_++;                                                                      \
			t_ = now();                                                                \
		} while (t_ - t0_ < (secs) || n_ < 3);                                             \
		(result) = (t_ - t0_) / n_;                                                        \
	} while (0)

static void die(const clausier_error *err)
{
	char buf[1024];
	clausier_error_format(buf, sizeof buf, err);
	fprintf(stderr, "bench-scale: %s\n", buf);
	exit(1);
}

static void quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* ---- catalog load vs xmllint ---- */

static int xmllint_file(xmlRelaxNGPtr schema, const char *path)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
	if (!doc)
		return -1;
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vc, quiet, NULL);
	int rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlFreeDoc(doc);
	return rc;
}

static xmlRelaxNGPtr xmllint_schema(const char *rng)
{
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng);
	xmlRelaxNGSetParserStructuredErrors(pc, quiet, NULL);
	xmlRelaxNGPtr s = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	return s;
}

static void vs_xmllint(const char *dir, const char *schemadir, double secs)
{
	char rng[4096];
	snprintf(rng, sizeof rng, "%s/catalog.rng", schemadir);
	xmlRelaxNGPtr schema = xmllint_schema(rng);
	if (!schema) {
		fprintf(stderr, "bench-scale: cannot compile %s\n", rng);
		exit(1);
	}
	const char *names[] = { "smp.xml", "charte.xml" };
	for (int i = 0; i < 2; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (xmllint_file(schema, path) != 0) {
			fprintf(stderr, "bench-scale: %s does not validate against %s\n", path, rng);
			exit(1);
		}
		clausier_error err;
		double t_lint, t_lint_schema, t_load;
		MEASURE(secs, t_lint, xmllint_file(schema, path));
		MEASURE(secs, t_lint_schema, {
			xmlRelaxNGPtr s = xmllint_schema(rng);
			xmllint_file(s, path);
			xmlRelaxNGFree(s);
		});
		MEASURE(secs, t_load, {
			clausier_catalog *c = NULL;
			if (clausier_catalog_load_file(&c, path, &err) != CLAUSIER_OK)
				die(&err);
			clausier_catalog_free(c);
		});
		printf("load %-10s %6.2f x xmllint --relaxng (target <= 1.5; %.0f us vs %.0f us), %.2f x with its schema compiled for the file (%.0f us)\n",
		       names[i], t_load / t_lint, t_load * 1e6, t_lint * 1e6, t_load / t_lint_schema, t_lint_schema * 1e6);
	}
	xmlRelaxNGFree(schema);
}

/* ---- linearity ---- */

typedef struct {
	char *s;
	size_t len, cap;
} buf;

__attribute__((format(printf, 2, 3))) static void put(buf *b, const char *fmt, ...)
{
	va_list ap;
	for (;;) {
		va_start(ap, fmt);
		int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			exit(1);
		if (b->s && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = b->cap ? b->cap : 4096;
		while (cap <= b->len + (size_t)n)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s)
			exit(1);
		b->s = s;
		b->cap = cap;
	}
}

enum { AX_CLAUSES, AX_PARAMS, AX_ARGS, AX_SECTIONS, AX_N };
static const char *const axis_names[AX_N] = { "clauses", "parameters", "arguments", "sections" };
static const int axis_n[AX_N] = { 100, 500, 200, 100 };

#define NS "https://clausier.org/ns/1"

static void clause(buf *b, int i, const char *section, const char *en, const char *fr)
{
	put(b, "  <clause id=\"c%d\"%s%s%s topic=\"personal-responsibility\">\n", i, section ? " section=\"" : "",
	    section ? section : "", section ? "\"" : "");
	put(b, "    <heading><text>Heading %d</text><text xml:lang=\"fr\">Titre %d</text></heading>\n", i, i);
	put(b, "    <body><text>%s</text><text xml:lang=\"fr\">%s</text></body>\n  </clause>\n", en, fr);
}

/* A catalog and a profile of size n along axis ax. */
static void generate(buf *cat, buf *prof, int ax, int n)
{
	put(cat, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog xmlns=\"" NS "\" version=\"1\" id=\"scale\" genre=\"smp\" xml:lang=\"en\">\n");
	put(cat, "  <title><text>Policy of {org}</text><text xml:lang=\"fr\">Politique de {org}</text></title>\n");
	put(prof, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<profile xmlns=\"" NS "\" version=\"1\" sector=\"nonprofit\" jurisdiction=\"CA-QC\" risk=\"balanced\">\n");
	put(prof, "  <value name=\"org\" article=\"none\" gender=\"m\">Acme</value>\n  <value name=\"days\">30</value>\n"
	          "  <value name=\"start\">2027-03-01</value>\n");
	put(cat, "  <param name=\"org\" type=\"name\"/>\n  <param name=\"days\" type=\"number\"/>\n  <param name=\"start\" type=\"date\"/>\n");
	if (ax == AX_PARAMS) {
		for (int i = 0; i < n; i++) {
			put(cat, "  <param name=\"p%d\" type=\"%s\"/>\n", i, i % 2 ? "number" : "text");
			put(prof, "  <value name=\"p%d\">%s%d</value>\n", i, i % 2 ? "" : "value ", i);
		}
	}
	if (ax == AX_SECTIONS)
		for (int i = 0; i < n; i++)
			put(cat, "  <section id=\"s%d\"><title><text>Part %d</text><text xml:lang=\"fr\">Partie %d</text></title></section>\n",
			    i, i, i);
	const char *plain_en = "{org} answers within {days, plural, one {# day} other {# days}} from {start, date, long}.";
	const char *plain_fr = "{org} répond dans les {days, plural, one {# jour} other {# jours}} à partir du {start, date, long}.";
	switch (ax) {
	case AX_CLAUSES:
		for (int i = 0; i < n; i++)
			clause(cat, i, NULL, plain_en, plain_fr);
		break;
	case AX_SECTIONS:
		for (int i = 0; i < n; i++) {
			char sec[32];
			snprintf(sec, sizeof sec, "s%d", i);
			clause(cat, i, sec, plain_en, plain_fr);
		}
		break;
	case AX_PARAMS:
		/* 10 clauses, each using a tenth of the parameters */
		for (int c = 0; c < 10; c++) {
			buf en = { 0 }, fr = { 0 };
			put(&en, "Values:");
			put(&fr, "Valeurs :");
			for (int i = c; i < n; i += 10) {
				put(&en, i % 2 ? " {p%d, number}" : " {p%d}", i);
				put(&fr, i % 2 ? " {p%d, number}" : " {p%d}", i);
			}
			clause(cat, c, NULL, en.s, fr.s);
			free(en.s);
			free(fr.s);
		}
		break;
	case AX_ARGS: {
		/* one message of n arguments, plain and through ICU */
		buf en = { 0 }, fr = { 0 };
		put(&en, "Start:");
		put(&fr, "Début :");
		for (int i = 0; i < n; i++) {
			static const char *const en_args[] = { " {org}", " {days, number}", " {start, date, long}",
				                               " {days, plural, one {# day} other {# days}}" };
			static const char *const fr_args[] = { " {org}", " {days, number}", " {start, date, long}",
				                               " {days, plural, one {# jour} other {# jours}}" };
			put(&en, "%s", en_args[i % 4]);
			put(&fr, "%s", fr_args[i % 4]);
		}
		clause(cat, 0, NULL, en.s, fr.s);
		free(en.s);
		free(fr.s);
		break;
	}
	}
	put(cat, "</catalog>\n");
	put(prof, "</profile>\n");
}

typedef struct {
	double load, render;
} phase_times;

static phase_times measure_axis(int ax, int n, double secs)
{
	buf cat = { 0 }, prof = { 0 };
	generate(&cat, &prof, ax, n);
	clausier_error err;
	phase_times t;
	MEASURE(secs, t.load, {
		clausier_catalog *c = NULL;
		clausier_profile *p = NULL;
		if (clausier_catalog_load_memory(&c, cat.s, cat.len, "scale.xml", &err) != CLAUSIER_OK ||
		    clausier_profile_load_memory(&p, prof.s, prof.len, "scale-profile.xml", &err) != CLAUSIER_OK)
			die(&err);
		clausier_profile_free(p);
		clausier_catalog_free(c);
	});
	clausier_catalog *c = NULL;
	clausier_profile *p = NULL;
	if (clausier_catalog_load_memory(&c, cat.s, cat.len, "scale.xml", &err) != CLAUSIER_OK ||
	    clausier_profile_load_memory(&p, prof.s, prof.len, "scale-profile.xml", &err) != CLAUSIER_OK)
		die(&err);
	clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
	o.format = CLAUSIER_FORMAT_HTML;
	o.locale = "fr-CA";
	MEASURE(secs, t.render, {
		clausier_policy *pol = NULL;
		char *out = NULL;
		if (clausier_policy_assemble(&pol, c, p, &err) != CLAUSIER_OK ||
		    clausier_render(&out, NULL, pol, &o, &err) != CLAUSIER_OK)
			die(&err);
		clausier_free(out);
		clausier_policy_free(pol);
	});
	clausier_profile_free(p);
	clausier_catalog_free(c);
	free(cat.s);
	free(prof.s);
	return t;
}

static void linearity(double secs)
{
	for (int ax = 0; ax < AX_N; ax++) {
		int n = axis_n[ax];
		phase_times a = measure_axis(ax, n, secs), b = measure_axis(ax, 10 * n, secs);
		printf("linear %-10s load T(10n)/T(n) %5.1f   assemble+render %5.1f   (target <= 12; n = %d: %.2f ms, %.2f ms)\n",
		       axis_names[ax], b.load / a.load, b.render / a.render, n, a.load * 1e3, a.render * 1e3);
	}
}

/* ---- two threads ---- */

typedef struct {
	const clausier_policy *pol;
	double secs;
	long editions;
	pthread_barrier_t *start;
} worker;

static void *render_loop(void *v)
{
	worker *w = v;
	clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
	o.format = CLAUSIER_FORMAT_HTML;
	if (w->start)
		pthread_barrier_wait(w->start);
	double t0 = wall();
	long k = 0;
	do {
		for (int i = 0; i < 10; i++, k++) {
			o.locale = k % 2 ? "en-CA" : "fr-CA";
			char *out = NULL;
			if (clausier_render(&out, NULL, w->pol, &o, NULL) != CLAUSIER_OK) {
				fprintf(stderr, "bench-scale: render failed\n");
				exit(1);
			}
			clausier_free(out);
		}
	} while (wall() - t0 < w->secs);
	w->editions = (long)(k / (wall() - t0));
	return NULL;
}

/* The fraction of the machine idle over half a second, from /proc/stat;
 * -1 when it cannot be read. */
static double idle_fraction(void)
{
	unsigned long long a[2][8];
	for (int r = 0; r < 2; r++) {
		FILE *f = fopen("/proc/stat", "r");
		if (!f || fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &a[r][0], &a[r][1], &a[r][2], &a[r][3],
		                 &a[r][4], &a[r][5], &a[r][6], &a[r][7]) != 8) {
			if (f)
				fclose(f);
			return -1;
		}
		fclose(f);
		if (!r)
			usleep(500000);
	}
	unsigned long long total = 0;
	for (int i = 0; i < 8; i++)
		total += a[1][i] - a[0][i];
	unsigned long long idle = (a[1][3] - a[0][3]) + (a[1][4] - a[0][4]);
	return total ? (double)idle / (double)total : -1;
}

static void threads(const char *catalog, const char *profile, double secs)
{
	clausier_error err;
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	if (clausier_catalog_load_file(&cat, catalog, &err) != CLAUSIER_OK ||
	    clausier_profile_load_file(&prof, profile, &err) != CLAUSIER_OK ||
	    clausier_policy_assemble(&pol, cat, prof, &err) != CLAUSIER_OK)
		die(&err);
	double load1 = -1;
	FILE *f = fopen("/proc/loadavg", "r");
	if (f) {
		if (fscanf(f, "%lf", &load1) != 1)
			load1 = -1;
		fclose(f);
	}
	double idle = idle_fraction();
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	/* warm each thread's caches the same way: one edition first */
	worker one = { pol, secs, 0, NULL };
	render_loop(&(worker){ pol, 0.05, 0, NULL });
	render_loop(&one);
	pthread_barrier_t start;
	pthread_barrier_init(&start, NULL, 2);
	worker w[2] = { { pol, secs, 0, &start }, { pol, secs, 0, &start } };
	pthread_t th[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, render_loop, &w[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	pthread_barrier_destroy(&start);
	long two = w[0].editions + w[1].editions;
	/* The idle share measured just before decides: the load average
	 * counts this bench's own measures of the last minute. */
	int trusted = cores >= 2 && idle >= 0 && idle * (double)cores >= 1.9;
	printf("threads 2 vs 1: %.2f x the HTML editions/s (target >= 1.8; %ld vs %ld/s); before: %.0f %% of %ld cores idle over 0.5 s, load average %.2f: %s\n",
	       (double)two / (double)(one.editions ? one.editions : 1), two, one.editions, idle * 100, cores, load1,
	       trusted ? "both cores were idle, the figure holds" : "the cores were busy, the figure is a lower bound");
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s CATALOGDIR SCHEMADIR PROFILE [SECONDS]\n", argv[0]);
		return 2;
	}
	double secs = argc > 4 ? atof(argv[4]) : 1.0;
	xmlInitParser();
	vs_xmllint(argv[1], argv[2], secs);
	linearity(secs / 2);
	char smp[4096];
	snprintf(smp, sizeof smp, "%s/smp.xml", argv[1]);
	threads(smp, argv[3], secs);
	xmlCleanupParser();
	return 0;
}
