/* Organization profiles.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

void clausier_profile_free(clausier_profile *profile)
{
	if (!profile)
		return;
	for (size_t i = 0; i < profile->nvalues; i++)
		clausier__value_free(&profile->values[i]);
	free(profile->values);
	for (size_t i = 0; i < profile->nadjust; i++) {
		free(profile->adjust[i].clause);
		free(profile->adjust[i].with);
	}
	free(profile->adjust);
	free(profile->jurisdiction);
	free(profile->locales);
	free(profile->prevailing);
	free(profile->catalog);
	free(profile->revised);
	free(profile->source);
	free(profile);
}

#define S_line clausier__xml_line
#define S_is clausier__xml_is
#define S_attr clausier__xml_attr

/* The first <value> (counted among values) whose name and language (NULL
 * for every language; tags compared without case) an earlier value has:
 * *dup, or SIZE_MAX, and that earlier one in *first.  -1 when out of
 * memory. */
static int S_second_value(xmlNodePtr root, size_t nv, size_t *dup, size_t *first)
{
	*dup = SIZE_MAX;
	if (nv < 2)
		return 0;
	char **keys = calloc(nv, sizeof *keys);
	size_t k = 0;
	for (xmlNodePtr c = root->children; c && keys; c = c->next) {
		if (!S_is(c, "value"))
			continue;
		char *name = S_attr(c, "name");
		xmlChar *lang = xmlGetNsProp(c, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		size_t n = name ? strlen(name) : 0, l = lang ? strlen((const char *)lang) : 0;
		/* name, then U+001F (never in a name), then the tag in lower case */
		char *key = malloc(n + l + 3);
		if (key) {
			memcpy(key, name ? name : "", n);
			key[n] = '\x1f';
			key[n + 1] = lang ? '=' : '*';
			for (size_t i = 0; i < l; i++) {
				char ch = (char)lang[i];
				key[n + 2 + i] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
			}
			key[n + 2 + l] = '\0';
		}
		free(name);
		xmlFree(lang);
		keys[k++] = key;
	}
	return clausier__names_duplicate(keys, nv, dup, first);
}

static int S_read(void *obj, const char *name, xmlNodePtr root, clausier_error *err)
{
	clausier_profile *p = obj;
	if (!(p->source = clausier__strdup(name)))
		goto oom;
	size_t nv = 0, na = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		nv += S_is(c, "value");
		na += S_is(c, "include") || S_is(c, "exclude") || S_is(c, "replace");
	}
	char *v = S_attr(root, "sector");
	p->sector = v ? clausier__sector_from_name(v) : 0;
	free(v);
	v = S_attr(root, "risk");
	p->risk = v ? clausier__risk_from_name(v) : CLAUSIER_RISK_BALANCED;
	free(v);
	p->jurisdiction = S_attr(root, "jurisdiction");
	p->catalog = S_attr(root, "catalog");
	p->revised = S_attr(root, "revised");
	char why[200];
	if (p->revised && clausier__check_date(p->revised, NULL, why, sizeof why) < 0) {
		int col, line = clausier__xml_where(root, "revised", &col);
		clausier__error_set(err, CLAUSIER_EINVALID, p->source, line, col, _("revision date: %s"), why);
		return CLAUSIER_EINVALID;
	}
	if ((v = S_attr(root, "locales"))) {
		int col, line = clausier__xml_where(root, "locales", &col);
		int rc = clausier__locales_canonical(&p->locales, v, err, p->source, line, col);
		free(v);
		if (rc != CLAUSIER_OK)
			return rc;
	}
	p->prevailing = S_attr(root, "prevailing");
	p->line = clausier__xml_line(root);
	p->values = calloc(nv ? nv : 1, sizeof *p->values);
	p->adjust = calloc(na ? na : 1, sizeof *p->adjust);
	if (!p->values || !p->adjust)
		goto oom;
	/* The first value given twice for one language (tags without case),
	 * found ahead in one sort: a profile may hold many values. */
	size_t dup = SIZE_MAX, first = 0;
	if (S_second_value(root, nv, &dup, &first) < 0)
		goto oom;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (S_is(c, "value")) {
			clausier__value *val = &p->values[p->nvalues++];
			int rc = clausier__xml_value(val, c, p->source, err);
			if (rc != CLAUSIER_OK)
				return rc;
			if (p->nvalues - 1 == dup) {
				clausier__error_set(err, CLAUSIER_EINVALID, p->source, val->line, 0,
				                    _("a second value for “%s” (the first is at line %d)"),
				                    val->name, p->values[first].line);
				return CLAUSIER_EINVALID;
			}
		} else if (S_is(c, "include") || S_is(c, "exclude") || S_is(c, "replace")) {
			clausier__adjustment *a = &p->adjust[p->nadjust++];
			a->what = S_is(c, "include")   ? CLAUSIER__INCLUDE
			          : S_is(c, "exclude") ? CLAUSIER__EXCLUDE
			                               : CLAUSIER__REPLACE;
			a->line = S_line(c);
			a->clause = S_attr(c, "clause");
			if (!a->clause)
				goto oom;
			if (a->what == CLAUSIER__REPLACE && !(a->with = S_attr(c, "with")))
				goto oom;
		}
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

static void S_free(void *obj)
{
	clausier_profile_free(obj);
}

static const clausier__doc_kind S_kind = { CLAUSIER__SCHEMA_PROFILE, sizeof(clausier_profile), S_read, S_free };

int clausier_profile_load_memory(clausier_profile **out, const char *data, size_t len,
                                 const char *name, clausier_error *err)
{
	void *obj = NULL;
	int rc = clausier__doc_load_memory(out ? &obj : NULL, &S_kind, data, len, name, err);
	if (out)
		*out = obj;
	return rc;
}

int clausier_profile_load_file(clausier_profile **out, const char *path, clausier_error *err)
{
	void *obj = NULL;
	int rc = clausier__doc_load_file(out ? &obj : NULL, &S_kind, path, err);
	if (out)
		*out = obj;
	return rc;
}

const char *clausier_profile_catalog(const clausier_profile *profile)
{
	if (!profile)
		return NULL;
	if (profile->catalog)
		return profile->catalog;
	/* A French organization publishes a charte; elsewhere, a policy. */
	return profile->jurisdiction && !strcmp(profile->jurisdiction, "FR") ? "charte" : "smp";
}

const char *clausier_profile_locales(const clausier_profile *profile)
{
	return profile ? profile->locales : NULL;
}
