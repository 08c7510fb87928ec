/* libFuzzer target (make fuzz): any bytes as a catalog; when they load,
 * every format rendered in two locales with fallback, and the policy
 * linted for every jurisdiction; the same bytes as a genre description and
 * as a crosswalk (when it loads, every relation looked up from both sides);
 * the same bytes, split in two, as a source and its translation for
 * clausier_check_translation. */
#include <clausier.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_report(void *ctx, clausier_severity s, int column, const char *message)
{
	(void)ctx, (void)s, (void)column, (void)message;
}

static void S_finding(void *ctx, const clausier_finding *f)
{
	(void)ctx, (void)f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	if (clausier_catalog_load_memory(&cat, (const char *)data, size, "fuzz.xml", &err) == CLAUSIER_OK) {
		static const char empty[] = "<profile xmlns='https://clausier.org/ns/1' version='1'/>";
		clausier_profile *prof = NULL;
		clausier_policy *pol = NULL;
		clausier_profile_load_memory(&prof, empty, sizeof empty - 1, NULL, NULL);
		if (clausier_policy_assemble(&pol, cat, prof, NULL) == CLAUSIER_OK) {
			const char *locales[] = { "fr-CA", "en-US" };
			for (int l = 0; l < 2; l++)
				for (int f = 0; f < 4; f++) {
					clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
					o.locale = locales[l];
					o.format = (clausier_format)f;
					o.flags = CLAUSIER_RENDER_FALLBACK;
					o.width = f == 0 ? 40 : 0;
					char *out = NULL;
					clausier_render(&out, NULL, pol, &o, NULL);
					clausier_free(out);
				}
			char *doc = NULL;
			clausier_policy_write(&doc, NULL, pol, NULL);
			clausier_free(doc);
			clausier_policy_lint(pol, NULL, S_finding, NULL, NULL);
		}
		static const char *const jurisdictions[] = { "US", "FR", "CA" };
		for (int j = 0; j < 3; j++) {
			char xml[256];
			snprintf(xml, sizeof xml, "<profile xmlns='https://clausier.org/ns/1' version='1' "
			         "jurisdiction='%s' sector='public'/>", jurisdictions[j]);
			clausier_profile *pj = NULL;
			clausier_policy *pp = NULL;
			clausier_profile_load_memory(&pj, xml, strlen(xml), NULL, NULL);
			if (pj && clausier_policy_assemble(&pp, cat, pj, NULL) == CLAUSIER_OK)
				clausier_policy_lint(pp, NULL, S_finding, NULL, NULL);
			clausier_policy_free(pp);
			clausier_profile_free(pj);
		}
		clausier_policy_free(pol);
		clausier_profile_free(prof);
		clausier_catalog_free(cat);
	}
	clausier_genre_spec *g = NULL;
	if (clausier_genre_spec_load_memory(&g, (const char *)data, size, "genre.xml", &err) == CLAUSIER_OK) {
		clausier_genre_item *items = NULL;
		size_t n = 0;
		clausier_genre_spec_items(&items, &n, g, "fr-CA", NULL);
		clausier_free(items);
		clausier_genre_spec_free(g);
	}
	clausier_crosswalk *cw = NULL;
	if (clausier_crosswalk_load_memory(&cw, (const char *)data, size, "cw.xml", &err) == CLAUSIER_OK) {
		for (size_t i = 0; i < clausier_crosswalk_count(cw); i++) {
			clausier_crosswalk_entry e, *found = NULL;
			size_t n = 0;
			clausier_crosswalk_entry_get(&e, cw, i);
			if (e.from)
				clausier_crosswalk_find(&found, &n, cw, clausier_crosswalk_from(cw), e.from, e.topic, NULL);
			clausier_free(found);
			found = NULL;
			if (e.to)
				clausier_crosswalk_find(&found, &n, cw, clausier_crosswalk_to(cw), e.to, e.topic, NULL);
			clausier_free(found);
		}
		clausier_crosswalk_free(cw);
	}
	/* The same bytes as a source and a translation (NUL-terminated halves). */
	char *s = malloc(size + 2);
	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
		s[size + 1] = '\0';
		size_t half = strlen(s) / 2;
		char *t = s + half + 1;
		if (half < size)
			s[half] = '\0';
		else
			t = s + size + 1;
		clausier_check_translation(s, "en", t, "fr-CA", S_report, NULL);
		char *set = NULL;
		clausier_typeset(&set, s, "fr-FR");
		clausier_free(set);
		free(s);
	}
	return 0;
}
