/* Shared by the Criterion tests. */
#ifndef CLAUSIER_TEST_HELPERS_H
#define CLAUSIER_TEST_HELPERS_H

#include <clausier.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE_CATALOG SRCDIR "/data/samples/sample-catalog.xml"
#define SAMPLE_PROFILE SRCDIR "/data/samples/sample-profile.xml"

static inline char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* The one line a program would print for err. */
static inline const char *errline(const clausier_error *err)
{
	static char buf[1024];
	clausier_error_format(buf, sizeof buf, err);
	return buf;
}

static inline clausier_catalog *load_catalog_text(const char *xml)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	int rc = clausier_catalog_load_memory(&cat, xml, strlen(xml), "test.xml", &err);
	cr_assert_eq(rc, CLAUSIER_OK, "%s", errline(&err));
	return cat;
}

static inline clausier_profile *load_profile_text(const char *xml)
{
	clausier_profile *prof = NULL;
	clausier_error err;
	int rc = clausier_profile_load_memory(&prof, xml, strlen(xml), "profile.xml", &err);
	cr_assert_eq(rc, CLAUSIER_OK, "%s", errline(&err));
	return prof;
}

/* Renders catalog + profile texts in a locale; returns the edition, or
 * fails the test. */
static inline char *render_with(const char *catalog_xml, const char *profile_xml,
                                const clausier_render_options *opts)
{
	clausier_catalog *cat = load_catalog_text(catalog_xml);
	clausier_profile *prof = load_profile_text(profile_xml);
	clausier_policy *pol = NULL;
	clausier_error err;
	cr_assert_eq(clausier_policy_assemble(&pol, cat, prof, &err), CLAUSIER_OK, "%s", errline(&err));
	char *out = NULL;
	cr_assert_eq(clausier_render(&out, NULL, pol, opts, &err), CLAUSIER_OK, "%s", errline(&err));
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return out;
}

static inline char *render_texts(const char *catalog_xml, const char *profile_xml,
                                 const char *locale, unsigned flags)
{
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = locale;
	opts.flags = flags;
	return render_with(catalog_xml, profile_xml, &opts);
}

#define NS "xmlns='https://clausier.org/ns/1'"

#endif
