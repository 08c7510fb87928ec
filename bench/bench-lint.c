/* Benchmark: lint, against baselines measured in the same run, printed as
 * ratios, one a line.
 *
 *   lint of hospital-qc's policy  vs  a text render of it (fr-CA)
 *   linear: lint of a generated policy of 10n clauses  vs  of n clauses
 *           (each clause a paragraph that wakes the prefilters: posts,
 *           citations, pay, recording, in English and French)
 *
 * Usage: bench-lint CATALOGDIR DATADIR SAMPLESDIR [SECONDS-PER-MEASURE]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <clausier.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

#define MEASURE(secs, result, body)                                  \
	do {                                                         \
		long n_ = 0;                                         \
		double t0_ = now(), t_;                              \
		do {                                                 \
			body;                                        \
			n_++;                                        \
			t_ = now();                                  \
		} while (t_ - t0_ < (secs));                         \
		(result) = (t_ - t0_) / n_;                          \
	} while (0)

static void die(const clausier_error *err)
{
	char buf[1024];
	clausier_error_format(buf, sizeof buf, err);
	fprintf(stderr, "%s\n", buf);
	exit(1);
}

static void ignore(void *ctx, const clausier_finding *f)
{
	(void)ctx;
	(void)f;
}

#define NS "xmlns='https://clausier.org/ns/1'"

/* A catalog and a policy document of n clauses, each its own paragraph. */
static void S_generate(size_t n, char **cat, char **doc)
{
	static const char *const en[] = {
		"Employees may share posts about their work on social networks, and should not post more than 3 posts per day on the official accounts.",
		"Do not disclose confidential information; see 29 U.S.C. 157 and the Code civil du Québec before you publish anything.",
		"You must not record meetings at the hospital without the consent of the people recorded; managers review the footage.",
		"Salaries and working conditions may be discussed freely; nothing in this policy limits what you say about your employer.",
	};
	static const char *const fr[] = {
		"Les employés peuvent partager des publications sur leur travail, sans dépasser 3 publications par jour sur les comptes officiels.",
		"Ne divulguez aucun renseignement confidentiel ; voir le Code du travail et la loi Informatique et libertés avant de publier.",
		"N’enregistrez pas les réunions de l’hôpital sans le consentement des personnes enregistrées ; les gestionnaires examinent les images.",
		"Les salaires et les conditions de travail se discutent librement ; rien dans la présente politique ne limite ce que vous dites de votre employeur.",
	};
	size_t cap = 4096 + n * 1024, dcap = 1024 + n * 64, len = 0, dlen = 0;
	char *c = malloc(cap), *d = malloc(dcap);
	if (!c || !d)
		exit(1);
	len += (size_t)snprintf(c + len, cap - len,
	                        "<catalog " NS " version='1' id='b' genre='smp' xml:lang='en'><title><text>T</text>"
	                        "<text xml:lang='fr'>T</text></title>");
	dlen += (size_t)snprintf(d + dlen, dcap - dlen,
	                         "<policy " NS " version='1' catalog='b' genre='smp' jurisdiction='CA-ON' risk='balanced'>");
	for (size_t i = 0; i < n; i++) {
		len += (size_t)snprintf(c + len, cap - len,
		                        "<clause id='c%zu' topic='privacy'><heading><text>Clause %zu</text>"
		                        "<text xml:lang='fr'>Article %zu</text></heading><body><text>%s</text>"
		                        "<text xml:lang='fr'>%s</text></body></clause>",
		                        i, i, i, en[i % 4], fr[i % 4]);
		dlen += (size_t)snprintf(d + dlen, dcap - dlen, "<clause ref='c%zu' risk='balanced'/>", i);
	}
	snprintf(c + len, cap - len, "</catalog>");
	snprintf(d + dlen, dcap - dlen, "</policy>");
	*cat = c;
	*doc = d;
}

static double S_lint_generated(size_t n, double secs)
{
	char *xml, *doc;
	S_generate(n, &xml, &doc);
	clausier_catalog *cat = NULL;
	clausier_policy *pol = NULL;
	clausier_error err;
	if (clausier_catalog_load_memory(&cat, xml, strlen(xml), "bench.xml", &err) ||
	    clausier_policy_load_memory(&pol, cat, doc, strlen(doc), "bench-policy.xml", &err))
		die(&err);
	double t;
	MEASURE(secs, t, {
		if (clausier_policy_lint(pol, NULL, ignore, NULL, &err) < 0)
			die(&err);
	});
	clausier_policy_free(pol);
	clausier_catalog_free(cat);
	free(xml);
	free(doc);
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s CATALOGDIR DATADIR SAMPLESDIR [SECONDS]\n", argv[0]);
		return 2;
	}
	double secs = argc > 4 ? atof(argv[4]) : 1.0;
	char p[4096];
	clausier_error err;
	clausier_catalog *smp = NULL;
	clausier_genre_spec *g_smp = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	snprintf(p, sizeof p, "%s/smp.xml", argv[1]);
	if (clausier_catalog_load_file(&smp, p, &err))
		die(&err);
	snprintf(p, sizeof p, "%s/genres/smp.xml", argv[2]);
	if (clausier_genre_spec_load_file(&g_smp, p, &err))
		die(&err);
	snprintf(p, sizeof p, "%s/hospital-qc.xml", argv[3]);
	if (clausier_profile_load_file(&prof, p, &err) || clausier_policy_assemble(&pol, smp, prof, &err))
		die(&err);
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	double t_render, t_lint;
	MEASURE(secs, t_render, {
		char *out = NULL;
		if (clausier_render(&out, NULL, pol, &opts, &err))
			die(&err);
		clausier_free(out);
	});
	MEASURE(secs, t_lint, {
		if (clausier_policy_lint(pol, g_smp, ignore, NULL, &err) < 0)
			die(&err);
	});
	printf("lint of hospital-qc (%zu clauses): %.1f us = %.2f x a text render of it (%.1f us)\n",
	       clausier_policy_count(pol), t_lint * 1e6, t_lint / t_render, t_render * 1e6);
	double t1 = S_lint_generated(40, secs), t10 = S_lint_generated(400, secs);
	printf("lint linear: T(400 clauses)/T(40 clauses) = %.2f (%.1f us / %.1f us; <= 12 is linear)\n", t10 / t1,
	       t10 * 1e6, t1 * 1e6);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_genre_spec_free(g_smp);
	clausier_catalog_free(smp);
	return 0;
}
