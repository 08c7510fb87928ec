/* libFuzzer target (make fuzz): any bytes as a catalog; when they load,
 * every format rendered in two locales with fallback; the same bytes, split
 * in two, as a source and its translation for clausier_check_translation. */
#include <clausier.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void S_report(void *ctx, clausier_severity s, int column, const char *message)
{
	(void)ctx, (void)s, (void)column, (void)message;
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
		}
		clausier_policy_free(pol);
		clausier_profile_free(prof);
		clausier_catalog_free(cat);
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
