/* Jurisdiction facts: what the law of a jurisdiction is called and says,
 * as data (data/jurisdictions/ID.xml, translated through
 * po/jurisdictions), compiled into the library by make and read once.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

extern const char *const clausier__jurisdiction_data[];

#define S_MAX 16
static clausier__jurisdiction S_all[S_MAX];
static size_t S_n;
static clausier_error S_err;
static int S_status = CLAUSIER_OK;
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static unsigned S_sector_bits(const char *list)
{
	unsigned bits = 0;
	for (int s = 1; clausier__sector_name(s); s++)
		if (list && clausier__word_in(list, clausier__sector_name(s)))
			bits |= 1u << s;
	return bits;
}

static int S_read(void *obj, const char *name, xmlNodePtr root, clausier_error *err)
{
	clausier__jurisdiction *j = obj;
	j->id = clausier__xml_attr(root, "id");
	j->parent = clausier__xml_attr(root, "parent");
	j->prevailing = clausier__xml_attr(root, "prevailing");
	char *by_law = clausier__xml_attr(root, "prevailing-by-law");
	j->by_law = by_law && !strcmp(by_law, "yes");
	free(by_law);
	if (!j->id)
		goto oom;
	int rc;
	size_t n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		n += clausier__xml_is(c, "fact");
		if (clausier__xml_is(c, "prevailing")) {
			char *sectors = clausier__xml_attr(c, "sectors");
			unsigned bits = S_sector_bits(sectors);
			free(sectors);
			for (int s = 0; s < 6; s++) {
				if (s ? !(bits & (1u << s)) : bits != 0)
					continue;
				clausier__ltexts *t = s ? &j->sstatement[s] : &j->statement;
				if (t->n) {
					clausier__error_set(err, CLAUSIER_EINVALID, name, clausier__xml_line(c), 0,
					                    _("the prevailing statement is given twice for the same sector"));
					return CLAUSIER_EINVALID;
				}
				if ((rc = clausier__ltexts_read(t, c, "text", name, err)) != CLAUSIER_OK)
					return rc;
			}
		}
		if (clausier__xml_is(c, "name") &&
		    (rc = clausier__ltexts_read(&j->name, c, "text", name, err)) != CLAUSIER_OK)
			return rc;
	}
	j->facts = calloc(n ? n : 1, sizeof *j->facts);
	if (!j->facts)
		goto oom;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (!clausier__xml_is(c, "fact"))
			continue;
		clausier__fact *f = &j->facts[j->nfacts++];
		f->line = clausier__xml_line(c);
		f->name = clausier__xml_attr(c, "name");
		f->gender = clausier__xml_attr(c, "gender");
		char *sectors = clausier__xml_attr(c, "sectors");
		f->sectors = S_sector_bits(sectors);
		free(sectors);
		if (!f->name)
			goto oom;
		if ((rc = clausier__ltexts_read(&f->text, c, "text", name, err)) != CLAUSIER_OK)
			return rc;
		for (size_t k = 0; k + 1 < j->nfacts; k++)
			if (!strcmp(j->facts[k].name, f->name) && j->facts[k].sectors == f->sectors) {
				clausier__error_set(err, CLAUSIER_EINVALID, name, f->line, 0,
				                    _("fact “%s” is given twice for the same sectors (first at line %d)"),
				                    f->name, j->facts[k].line);
				return CLAUSIER_EINVALID;
			}
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

static void S_clear(clausier__jurisdiction *j)
{
	free(j->id);
	free(j->parent);
	free(j->prevailing);
	clausier__ltexts_free(&j->name);
	clausier__ltexts_free(&j->statement);
	for (int s = 0; s < 6; s++)
		clausier__ltexts_free(&j->sstatement[s]);
	for (size_t i = 0; i < j->nfacts; i++) {
		free(j->facts[i].name);
		free(j->facts[i].gender);
		clausier__ltexts_free(&j->facts[i].text);
	}
	free(j->facts);
	memset(j, 0, sizeof *j);
}

static void S_free(void *obj)
{
	S_clear(obj);
	free(obj);
}

static const clausier__doc_kind S_kind = { CLAUSIER__SCHEMA_JURISDICTION, sizeof(clausier__jurisdiction), S_read,
	                                   S_free };

static void S_load(void)
{
	/* file name, content, file name, content... */
	for (size_t i = 0; clausier__jurisdiction_data[i] && S_n < S_MAX; i += 2) {
		void *obj;
		char name[80];
		snprintf(name, sizeof name, "jurisdictions/%s (built in)", clausier__jurisdiction_data[i]);
		const char *data = clausier__jurisdiction_data[i + 1];
		int rc = clausier__doc_load_memory(&obj, &S_kind, data, strlen(data), name, &S_err);
		if (rc != CLAUSIER_OK) {
			S_status = rc;
			return;
		}
		S_all[S_n++] = *(clausier__jurisdiction *)obj;
		free(obj);
	}
	/* every parent is known and no region is its own ancestor */
	for (size_t i = 0; i < S_n; i++) {
		const char *p = S_all[i].parent;
		if (p && (!strcmp(p, S_all[i].id) || !clausier__jurisdiction_find(p) ||
		          clausier__jurisdiction_find(p)->parent)) {
			clausier__error_set(&S_err, CLAUSIER_EINVALID, "jurisdictions (built in)", 0, 0,
			                    _("jurisdiction “%s”: its parent “%s” is not a country the library knows"),
			                    S_all[i].id, p);
			S_status = CLAUSIER_EINVALID;
			return;
		}
	}
}

const clausier__jurisdiction *clausier__jurisdiction_find(const char *id)
{
	for (size_t i = 0; id && i < S_n; i++)
		if (!strcmp(S_all[i].id, id))
			return &S_all[i];
	return NULL;
}

int clausier__jurisdiction_get(const clausier__jurisdiction **out, const char *id, clausier_error *err)
{
	pthread_once(&S_once, S_load);
	*out = NULL;
	if (S_status != CLAUSIER_OK) {
		if (err)
			*err = S_err;
		return S_status;
	}
	*out = clausier__jurisdiction_find(id);
	return CLAUSIER_OK;
}

const clausier__fact *clausier__fact_find(const clausier__jurisdiction *j, const char *name, int sector)
{
	for (int depth = 0; j && depth < 2; depth++) {
		const clausier__fact *generic = NULL;
		for (size_t i = 0; i < j->nfacts; i++) {
			const clausier__fact *f = &j->facts[i];
			if (strcmp(f->name, name))
				continue;
			if (!f->sectors)
				generic = f;
			else if (sector > 0 && (f->sectors & (1u << sector)))
				return f;
		}
		if (generic)
			return generic;
		j = clausier__jurisdiction_find(j->parent);
	}
	return NULL;
}

const char *clausier__jurisdiction_prevailing(const clausier__jurisdiction *j, int sector,
                                              const clausier__ltexts **statement, int *by_law)
{
	for (int depth = 0; j && depth < 2; depth++) {
		if (j->prevailing) {
			if (statement)
				*statement = sector > 0 && sector < 6 && j->sstatement[sector].n ? &j->sstatement[sector]
				                                                                : &j->statement;
			if (by_law)
				*by_law = j->by_law;
			return j->prevailing;
		}
		j = clausier__jurisdiction_find(j->parent);
	}
	return NULL;
}

int clausier__jurisdiction_level(const char *list, const char *jurisdiction)
{
	if (!list || !jurisdiction)
		return 0;
	if (clausier__word_in(list, jurisdiction))
		return 2;
	const char *dash = strchr(jurisdiction, '-');
	if (dash) {
		char country[8];
		size_t n = (size_t)(dash - jurisdiction);
		if (n < sizeof country) {
			memcpy(country, jurisdiction, n);
			country[n] = 0;
			if (clausier__word_in(list, country))
				return 1;
		}
	}
	return 0;
}
