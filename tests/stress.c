/* Stress: 16 threads render thousands of editions of the default policies,
 * mixed locales and formats, over catalogs loaded once and shared; every
 * edition must equal the one a single thread renders.  Every tenth one, a
 * thread also converts its policy to the other genre and lints it, over
 * genres and a crosswalk loaded once and shared; the reports and findings
 * must equal a single thread's.  Every 25th, it loads a catalog of its own,
 * renders from it and frees it, which drops that catalog's formatters from
 * every thread's cache while the others format.  Prints TAP.  Also built with
 * ThreadSanitizer by `make check-tsan`.  Genres and the crosswalk are read
 * from SAMPLES_DIR/../genres and ../crosswalk.
 * Usage: stress SMP_CATALOG CHARTE_CATALOG SAMPLES_DIR [EDITIONS_PER_THREAD] */
#include <clausier.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 16

static const char *const S_locales[] = { "fr-CA", "en-CA", "fr-FR", "en-US", "fr-BE", "en-GB", "fr-CH", "fr" };
enum { NLOC = sizeof S_locales / sizeof *S_locales, NFMT = 4, NPOL = 3 };

static clausier_policy *S_pol[NPOL];
static char *S_want[NPOL][NLOC][NFMT];
static int S_per_thread = 200;
static clausier_catalog *S_cat[NPOL], *S_other[NPOL];
static clausier_genre_spec *S_genre[NPOL], *S_other_genre[NPOL];
static clausier_crosswalk *S_cw;
static char *S_want_map[NPOL], *S_want_lint[NPOL];
static char S_reload_cat[4096], S_reload_prof[4096];
static char *S_want_reload;

/* A catalog loaded, rendered from and freed by one thread. */
static char *S_reload(void)
{
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	clausier_error err;
	char *out = NULL;
	clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
	o.locale = "fr-CA";
	if (clausier_catalog_load_file(&cat, S_reload_cat, &err) == CLAUSIER_OK &&
	    clausier_profile_load_file(&prof, S_reload_prof, &err) == CLAUSIER_OK &&
	    clausier_policy_assemble(&pol, cat, prof, &err) == CLAUSIER_OK)
		clausier_render(&out, NULL, pol, &o, &err);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return out;
}

static void S_collect(void *ctx, const clausier_finding *f)
{
	char line[2048];
	snprintf(line, sizeof line, "%s %s %s\n", f->clause ? f->clause : "-", f->rule, f->message);
	strncat(ctx, line, 16383 - strlen(ctx));
}

/* The policy converted (its report as JSON, then the new policy document),
 * or its lint findings. */
static char *S_map(int p)
{
	clausier_policy *out = NULL;
	clausier_map_report *r = NULL;
	char *json = NULL, *doc = NULL, *both = NULL;
	clausier_error err;
	if (clausier_policy_map(&out, &r, S_pol[p], S_other[p], S_other_genre[p], S_cw, &err) == CLAUSIER_OK &&
	    clausier_map_report_write(&json, NULL, r, CLAUSIER_REPORT_JSON, &err) == CLAUSIER_OK &&
	    clausier_policy_write(&doc, NULL, out, &err) == CLAUSIER_OK) {
		both = malloc(strlen(json) + strlen(doc) + 1);
		if (both)
			strcat(strcpy(both, json), doc);
	} else {
		fprintf(stderr, "%s\n", err.message);
	}
	clausier_free(json);
	clausier_free(doc);
	clausier_map_report_free(r);
	clausier_policy_free(out);
	return both;
}

static char *S_lint(int p)
{
	char *found = calloc(16384, 1);
	if (found && clausier_policy_lint(S_pol[p], S_genre[p], S_collect, found, NULL) < 0) {
		free(found);
		return NULL;
	}
	return found;
}

static char *S_render(int p, int l, int f)
{
	clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
	o.locale = S_locales[l];
	o.format = (clausier_format)f;
	o.flags = CLAUSIER_RENDER_FALLBACK;
	char *out = NULL;
	clausier_error err;
	if (clausier_render(&out, NULL, S_pol[p], &o, &err) != CLAUSIER_OK) {
		fprintf(stderr, "%s\n", err.message);
		return NULL;
	}
	return out;
}

typedef struct {
	int id, mismatches, done, maps, map_mismatches, reloads, reload_mismatches;
} S_job;

static void *S_worker(void *arg)
{
	S_job *j = arg;
	unsigned seed = (unsigned)j->id * 2654435761u;
	for (int i = 0; i < S_per_thread; i++) {
		seed = seed * 1103515245u + 12345u;
		int p = (int)(seed >> 8) % NPOL, l = (int)(seed >> 12) % NLOC, f = (int)(seed >> 20) % NFMT;
		char *out = S_render(p, l, f);
		if (!out || strcmp(out, S_want[p][l][f]))
			j->mismatches++;
		clausier_free(out);
		j->done++;
		if (i % 10 == 0) {
			char *m = S_map(p), *k = S_lint(p);
			j->map_mismatches += !m || strcmp(m, S_want_map[p]) || !k || strcmp(k, S_want_lint[p]);
			j->maps++;
			free(m);
			free(k);
		}
		if (i % 25 == 1) {
			char *r = S_reload();
			j->reload_mismatches += !r || strcmp(r, S_want_reload);
			j->reloads++;
			clausier_free(r);
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s SMP CHARTE SAMPLES [EDITIONS_PER_THREAD]\n", argv[0]);
		return 2;
	}
	if (argc > 4)
		S_per_thread = atoi(argv[4]);
	printf("1..5\n");
	snprintf(S_reload_cat, sizeof S_reload_cat, "%s/sample-catalog.xml", argv[3]);
	snprintf(S_reload_prof, sizeof S_reload_prof, "%s/sample-profile.xml", argv[3]);
	clausier_catalog *smp = NULL, *charte = NULL;
	clausier_error err;
	if (clausier_catalog_load_file(&smp, argv[1], &err) || clausier_catalog_load_file(&charte, argv[2], &err)) {
		printf("Bail out! %s: %s\n", err.source, err.message);
		return 1;
	}
	const char *samples[NPOL] = { "hospital-qc.xml", "nonprofit-us.xml", "company-fr.xml" };
	clausier_catalog *cats[NPOL] = { smp, smp, charte };
	clausier_genre_spec *g_smp = NULL, *g_charte = NULL;
	char path[4096];
	snprintf(path, sizeof path, "%s/../genres/smp.xml", argv[3]);
	int bad = clausier_genre_spec_load_file(&g_smp, path, &err);
	snprintf(path, sizeof path, "%s/../genres/charte.xml", argv[3]);
	bad = bad || clausier_genre_spec_load_file(&g_charte, path, &err);
	snprintf(path, sizeof path, "%s/../crosswalk/smp-charte.xml", argv[3]);
	bad = bad || clausier_crosswalk_load_file(&S_cw, path, &err);
	if (bad) {
		printf("Bail out! %s: %s\n", err.source, err.message);
		return 1;
	}
	for (int p = 0; p < NPOL; p++) {
		S_cat[p] = cats[p];
		S_other[p] = cats[p] == smp ? charte : smp;
		S_genre[p] = cats[p] == smp ? g_smp : g_charte;
		S_other_genre[p] = cats[p] == smp ? g_charte : g_smp;
	}
	for (int p = 0; p < NPOL; p++) {
		clausier_profile *prof = NULL;
		snprintf(path, sizeof path, "%s/%s", argv[3], samples[p]);
		if (clausier_profile_load_file(&prof, path, &err) ||
		    clausier_policy_assemble(&S_pol[p], cats[p], prof, &err)) {
			printf("Bail out! %s: %s\n", err.source, err.message);
			return 1;
		}
		clausier_profile_free(prof);
	}
	/* The reference: one thread, before any other starts. */
	int ok = 1;
	for (int p = 0; p < NPOL; p++)
		for (int l = 0; l < NLOC; l++)
			for (int f = 0; f < NFMT; f++)
				ok &= (S_want[p][l][f] = S_render(p, l, f)) != NULL;
	for (int p = 0; p < NPOL; p++)
		ok &= (S_want_map[p] = S_map(p)) != NULL && (S_want_lint[p] = S_lint(p)) != NULL;
	ok &= (S_want_reload = S_reload()) != NULL;
	printf("%s 1 - %d single-thread editions rendered, %d policies converted and linted\n", ok ? "ok" : "not ok",
	       NPOL * NLOC * NFMT, NPOL);

	pthread_t t[THREADS];
	S_job jobs[THREADS];
	for (int i = 0; i < THREADS; i++) {
		jobs[i] = (S_job){ i + 1, 0, 0, 0, 0, 0, 0 };
		pthread_create(&t[i], NULL, S_worker, &jobs[i]);
	}
	int mismatches = 0, done = 0, maps = 0, map_mismatches = 0, reloads = 0, reload_mismatches = 0;
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		mismatches += jobs[i].mismatches;
		done += jobs[i].done;
		maps += jobs[i].maps;
		map_mismatches += jobs[i].map_mismatches;
		reloads += jobs[i].reloads;
		reload_mismatches += jobs[i].reload_mismatches;
	}
	printf("%s 2 - %d threads rendered %d editions\n", done == THREADS * S_per_thread ? "ok" : "not ok", THREADS,
	       done);
	printf("%s 3 - every one equals the single-thread edition (%d differ)\n", mismatches ? "not ok" : "ok",
	       mismatches);
	printf("%s 4 - %d conversions and lints from %d threads equal a single thread's (%d differ)\n",
	       map_mismatches || !maps ? "not ok" : "ok", maps, THREADS, map_mismatches);
	printf("%s 5 - %d catalogs loaded, rendered from and freed while other threads render (%d differ)\n",
	       reload_mismatches || !reloads ? "not ok" : "ok", reloads, reload_mismatches);

	for (int p = 0; p < NPOL; p++) {
		for (int l = 0; l < NLOC; l++)
			for (int f = 0; f < NFMT; f++)
				clausier_free(S_want[p][l][f]);
		clausier_policy_free(S_pol[p]);
		free(S_want_map[p]);
		free(S_want_lint[p]);
	}
	clausier_free(S_want_reload);
	clausier_crosswalk_free(S_cw);
	clausier_genre_spec_free(g_smp);
	clausier_genre_spec_free(g_charte);
	clausier_catalog_free(smp);
	clausier_catalog_free(charte);
	return 0;
}
