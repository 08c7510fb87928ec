/* Stress: 16 threads render thousands of editions of the default policies,
 * mixed locales and formats, over catalogs loaded once and shared; every
 * edition must equal the one a single thread renders.  Prints TAP.  Also
 * built with ThreadSanitizer by `make check-tsan`.
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
	int id, mismatches, done;
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
	printf("1..3\n");
	clausier_catalog *smp = NULL, *charte = NULL;
	clausier_error err;
	if (clausier_catalog_load_file(&smp, argv[1], &err) || clausier_catalog_load_file(&charte, argv[2], &err)) {
		printf("Bail out! %s: %s\n", err.source, err.message);
		return 1;
	}
	const char *samples[NPOL] = { "hospital-qc.xml", "nonprofit-us.xml", "company-fr.xml" };
	clausier_catalog *cats[NPOL] = { smp, smp, charte };
	for (int p = 0; p < NPOL; p++) {
		char path[4096];
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
	printf("%s 1 - %d single-thread editions rendered\n", ok ? "ok" : "not ok", NPOL * NLOC * NFMT);

	pthread_t t[THREADS];
	S_job jobs[THREADS];
	for (int i = 0; i < THREADS; i++) {
		jobs[i] = (S_job){ i + 1, 0, 0 };
		pthread_create(&t[i], NULL, S_worker, &jobs[i]);
	}
	int mismatches = 0, done = 0;
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		mismatches += jobs[i].mismatches;
		done += jobs[i].done;
	}
	printf("%s 2 - %d threads rendered %d editions\n", done == THREADS * S_per_thread ? "ok" : "not ok", THREADS,
	       done);
	printf("%s 3 - every one equals the single-thread edition (%d differ)\n", mismatches ? "not ok" : "ok",
	       mismatches);

	for (int p = 0; p < NPOL; p++) {
		for (int l = 0; l < NLOC; l++)
			for (int f = 0; f < NFMT; f++)
				clausier_free(S_want[p][l][f]);
		clausier_policy_free(S_pol[p]);
	}
	clausier_catalog_free(smp);
	clausier_catalog_free(charte);
	return 0;
}
