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
	for (size_t i = 0; i < profile->nvalues; i++) {
		free(profile->values[i].name);
		free(profile->values[i].lang);
		free(profile->values[i].value);
	}
	free(profile->values);
	for (size_t i = 0; i < profile->nselect; i++)
		free(profile->select[i]);
	free(profile->select);
	free(profile->select_lines);
	free(profile->source);
	free(profile);
}

static int S_line(xmlNodePtr n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

static int S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static int S_read(clausier_profile *p, xmlNodePtr root, clausier_error *err)
{
	size_t nv = 0, ns = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		nv += S_is(c, "value");
		if (S_is(c, "clauses"))
			for (xmlNodePtr d = c->children; d; d = d->next)
				ns += S_is(d, "clause");
	}
	p->values = calloc(nv ? nv : 1, sizeof *p->values);
	p->select = calloc(ns ? ns : 1, sizeof *p->select);
	p->select_lines = calloc(ns ? ns : 1, sizeof *p->select_lines);
	if (!p->values || !p->select || !p->select_lines)
		goto oom;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (S_is(c, "value")) {
			clausier__value *v = &p->values[p->nvalues++];
			v->line = S_line(c);
			xmlChar *name = xmlGetNoNsProp(c, (const xmlChar *)"name");
			v->name = clausier__strdup((const char *)name);
			xmlFree(name);
			v->lang = clausier__xml_lang(c);
			v->value = clausier__xml_text(c);
			if (!v->name || !v->value)
				goto oom;
			long cp;
			size_t pos;
			if (clausier__text_check(v->value, &cp, &pos) < 0) {
				clausier__error_set(err, CLAUSIER_EINVALID, p->source, v->line, 0,
				                    _("value of “%s”: character %zu is U+%04lX, a control or bidi formatting character, which policy texts may not contain"),
				                    v->name, pos, cp);
				return CLAUSIER_EINVALID;
			}
			for (size_t j = 0; j + 1 < p->nvalues; j++) {
				const clausier__value *w = &p->values[j];
				int same_lang = (!w->lang && !v->lang) ||
				                (w->lang && v->lang && !strcasecmp(w->lang, v->lang));
				if (!strcmp(w->name, v->name) && same_lang) {
					clausier__error_set(err, CLAUSIER_EINVALID, p->source, v->line, 0,
					                    _("a second value for “%s” (the first is at line %d)"),
					                    v->name, w->line);
					return CLAUSIER_EINVALID;
				}
			}
		} else if (S_is(c, "clauses")) {
			for (xmlNodePtr d = c->children; d; d = d->next) {
				if (!S_is(d, "clause"))
					continue;
				xmlChar *ref = xmlGetNoNsProp(d, (const xmlChar *)"ref");
				p->select_lines[p->nselect] = S_line(d);
				p->select[p->nselect] = clausier__strdup((const char *)ref);
				xmlFree(ref);
				if (!p->select[p->nselect++])
					goto oom;
			}
		}
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, p->source, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

int clausier_profile_load_memory(clausier_profile **out, const char *data, size_t len,
                                 const char *name, clausier_error *err)
{
	if (!out || (!data && len)) {
		clausier__error_set(err, CLAUSIER_EARG, name, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	if (!name)
		name = "<memory>";
	xmlDocPtr doc;
	int rc = clausier__xml_load(&doc, data ? data : "", len, name, CLAUSIER__SCHEMA_PROFILE, err);
	if (rc != CLAUSIER_OK)
		return rc;
	clausier_profile *p = calloc(1, sizeof *p);
	if (!p || !(p->source = clausier__strdup(name))) {
		free(p);
		xmlFreeDoc(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	rc = S_read(p, xmlDocGetRootElement(doc), err);
	xmlFreeDoc(doc);
	if (rc != CLAUSIER_OK) {
		clausier_profile_free(p);
		return rc;
	}
	*out = p;
	return CLAUSIER_OK;
}

int clausier_profile_load_file(clausier_profile **out, const char *path, clausier_error *err)
{
	if (!out || !path) {
		clausier__error_set(err, CLAUSIER_EARG, path, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	char *data;
	size_t len;
	int rc = clausier__read_file(&data, &len, path, err);
	if (rc != CLAUSIER_OK)
		return rc;
	rc = clausier_profile_load_memory(out, data, len, path, err);
	free(data);
	return rc;
}
