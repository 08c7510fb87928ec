/* Benchmark: converting a policy to the other genre and linting it, each
 * against a baseline measured in the same run, printed as ratios.
 *
 *   map:  clausier_policy_map (hospital-qc's smp policy to the charte, with
 *         its report)  vs  clausier_policy_assemble of the same policy
 *   report: clausier_map_report_render (text, fr-CA)  vs  clausier_render
 *         of the source policy (text, fr-CA)
 *   lint: clausier_policy_lint (genre rules, every jurisdiction rule's ICU
 *         regular expressions compiled per call)  vs  the same text render
 *
 * Usage: bench-map DATADIR SAMPLESDIR [SECONDS-PER-MEASURE]
 * (DATADIR holds catalogs/ with the merged catalogs, genres/ and crosswalk/.)
 */
#include <clausier.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

#define MEASURE(secs, result, body)                                                                \
	do {                                                                                       \
		long n_ = 0;                                                                       \
		double t0_ = now(), t_;                                                            \
		do {                                                                               \
			for (int i_ = 0; i_ < 10; i_++) {                                          \
				body;                                                              \
			}                                                                          \
			n_ += 10;                                                                  \
			t_ = now();                                                                \
		} while (t_ - t0_ < (secs));                                                       \
		(result) = (t_ - t0_) / n_;                                                        \
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

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s CATALOGDIR DATADIR SAMPLESDIR [SECONDS]\n", argv[0]);
		return 2;
	}
	double secs = argc > 4 ? atof(argv[4]) : 1.0;
	char p[4096];
	clausier_error err;
	clausier_catalog *smp = NULL, *charte = NULL;
	clausier_genre_spec *g_charte = NULL, *g_smp = NULL;
	clausier_crosswalk *cw = NULL;
	clausier_profile *prof = NULL;
	snprintf(p, sizeof p, "%s/smp.xml", argv[1]);
	if (clausier_catalog_load_file(&smp, p, &err))
		die(&err);
	snprintf(p, sizeof p, "%s/charte.xml", argv[1]);
	if (clausier_catalog_load_file(&charte, p, &err))
		die(&err);
	snprintf(p, sizeof p, "%s/genres/charte.xml", argv[2]);
	if (clausier_genre_spec_load_file(&g_charte, p, &err))
		die(&err);
	snprintf(p, sizeof p, "%s/genres/smp.xml", argv[2]);
	if (clausier_genre_spec_load_file(&g_smp, p, &err))
		die(&err);
	snprintf(p, sizeof p, "%s/crosswalk/smp-charte.xml", argv[2]);
	double t_cw_load, t_cat_load;
	MEASURE(secs, t_cw_load, {
		clausier_crosswalk_free(cw);
		cw = NULL;
		if (clausier_crosswalk_load_file(&cw, p, &err))
			die(&err);
	});
	char cp[4096];
	snprintf(cp, sizeof cp, "%s/charte.xml", argv[1]);
	MEASURE(secs, t_cat_load, {
		clausier_catalog *c = NULL;
		if (clausier_catalog_load_file(&c, cp, &err))
			die(&err);
		clausier_catalog_free(c);
	});
	snprintf(p, sizeof p, "%s/hospital-qc.xml", argv[3]);
	if (clausier_profile_load_file(&prof, p, &err))
		die(&err);
	clausier_policy *pol = NULL;
	if (clausier_policy_assemble(&pol, smp, prof, &err))
		die(&err);

	double t_assemble, t_map, t_render, t_report, t_lint;
	MEASURE(secs, t_assemble, {
		clausier_policy *q = NULL;
		if (clausier_policy_assemble(&q, smp, prof, &err))
			die(&err);
		clausier_policy_free(q);
	});
	MEASURE(secs, t_map, {
		clausier_policy *q = NULL;
		clausier_map_report *r = NULL;
		if (clausier_policy_map(&q, &r, pol, charte, g_charte, cw, &err))
			die(&err);
		clausier_map_report_free(r);
		clausier_policy_free(q);
	});
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = "fr-CA";
	MEASURE(secs, t_render, {
		char *out = NULL;
		if (clausier_render(&out, NULL, pol, &opts, &err))
			die(&err);
		clausier_free(out);
	});
	clausier_policy *mapped = NULL;
	clausier_map_report *report = NULL;
	if (clausier_policy_map(&mapped, &report, pol, charte, g_charte, cw, &err))
		die(&err);
	MEASURE(secs, t_report, {
		char *out = NULL;
		if (clausier_map_report_render(&out, NULL, report, &opts, &err))
			die(&err);
		clausier_free(out);
	});
	MEASURE(secs, t_lint, {
		if (clausier_policy_lint(pol, g_smp, ignore, NULL, &err) < 0)
			die(&err);
	});
	printf("policy: hospital-qc, %zu clauses (smp) -> %zu clauses (charte), %zu report lines\n",
	       clausier_policy_count(pol), clausier_policy_count(mapped), clausier_map_report_count(report));
	printf("crosswalk load %8.1f us = %5.2f x loading the charte catalog (%.1f us)\n", t_cw_load * 1e6,
	       t_cw_load / t_cat_load, t_cat_load * 1e6);
	printf("map    %10.1f /s (%.1f us) = %5.2f x assembling the source policy (%.1f us)\n", 1 / t_map,
	       t_map * 1e6, t_map / t_assemble, t_assemble * 1e6);
	printf("report %10.1f /s (%.1f us) = %5.2f x rendering the source policy, text fr-CA (%.1f us)\n",
	       1 / t_report, t_report * 1e6, t_report / t_render, t_render * 1e6);
	printf("lint   %10.1f /s (%.1f us) = %5.2f x the same render\n", 1 / t_lint, t_lint * 1e6,
	       t_lint / t_render);
	clausier_map_report_free(report);
	clausier_policy_free(mapped);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_crosswalk_free(cw);
	clausier_genre_spec_free(g_smp);
	clausier_genre_spec_free(g_charte);
	clausier_catalog_free(charte);
	clausier_catalog_free(smp);
	return 0;
}
