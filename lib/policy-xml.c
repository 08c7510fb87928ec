/* Policy documents: an assembled policy written as XML and read back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#define S_NS "https://clausier.org/ns/1"

const char *clausier_policy_clause(const clausier_policy *policy, size_t i, clausier_risk *risk)
{
	if (!policy || i >= policy->nclauses)
		return NULL;
	if (risk)
		*risk = (clausier_risk)policy->clauses[i].risk;
	return policy->catalog->clauses[policy->clauses[i].clause].id;
}

/* <value> or <kept>: a value as the profile gave it. */
static xmlNodePtr S_value(xmlNodePtr root, xmlNsPtr ns, const char *element, const clausier__value *v,
                          int list)
{
	xmlNodePtr el = xmlNewChild(root, ns, (const xmlChar *)element, NULL);
	if (!el)
		return NULL;
	xmlNewProp(el, (const xmlChar *)"name", (const xmlChar *)v->name);
	if (v->lang) {
		xmlNsPtr xml = xmlSearchNsByHref(el->doc, el, XML_XML_NAMESPACE);
		xmlNewNsProp(el, xml, (const xmlChar *)"lang", (const xmlChar *)v->lang);
	}
	if (v->article)
		xmlNewProp(el, (const xmlChar *)"article", (const xmlChar *)v->article);
	if (v->gender)
		xmlNewProp(el, (const xmlChar *)"gender", (const xmlChar *)v->gender);
	if (v->number)
		xmlNewProp(el, (const xmlChar *)"number", (const xmlChar *)v->number);
	if (v->elision)
		xmlNewProp(el, (const xmlChar *)"elision", (const xmlChar *)v->elision);
	if (!list) {
		/* xmlNewTextChild would take the text as markup; a text node escapes. */
		xmlAddChild(el, xmlNewText((const xmlChar *)v->value));
		return el;
	}
	for (const char *p = v->value;;) {
		const char *e = strchr(p, CLAUSIER__LIST_SEP);
		char *item = e ? strndup(p, (size_t)(e - p)) : strdup(p);
		if (!item)
			return NULL;
		xmlNodePtr it = xmlNewChild(el, ns, (const xmlChar *)"item", NULL);
		if (it)
			xmlAddChild(it, xmlNewText((const xmlChar *)item));
		free(item);
		if (!e)
			break;
		p = e + 1;
	}
	return el;
}

/* The jurisdiction variant of cl written jurisdictions j, for risk r; -1. */
static long S_jbody(const clausier__clause *cl, const char *j, int r)
{
	for (size_t k = 0; k < cl->njbodies; k++)
		if (cl->jbodies[k].risk == r && !strcmp(cl->jbodies[k].jurisdictions, j))
			return (long)k;
	return -1;
}

int clausier_policy_write(char **out, size_t *out_len, const clausier_policy *policy, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!out || !policy) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	const clausier_catalog *cat = policy->catalog;
	long *users = NULL;
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = doc ? xmlNewNode(NULL, (const xmlChar *)"policy") : NULL;
	if (!root)
		goto oom;
	xmlDocSetRootElement(doc, root);
	xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)S_NS, NULL);
	xmlSetNs(root, ns);
	xmlNewProp(root, (const xmlChar *)"version", (const xmlChar *)"1");
	xmlNewProp(root, (const xmlChar *)"catalog", (const xmlChar *)cat->id);
	xmlNewProp(root, (const xmlChar *)"genre", (const xmlChar *)clausier__genre_name(cat->genre));
	if (policy->sector)
		xmlNewProp(root, (const xmlChar *)"sector", (const xmlChar *)clausier__sector_name(policy->sector));
	if (policy->jurisdiction)
		xmlNewProp(root, (const xmlChar *)"jurisdiction", (const xmlChar *)policy->jurisdiction);
	if (policy->locales)
		xmlNewProp(root, (const xmlChar *)"locales", (const xmlChar *)policy->locales);
	if (policy->prevailing)
		xmlNewProp(root, (const xmlChar *)"prevailing", (const xmlChar *)policy->prevailing);
	if (policy->revised)
		xmlNewProp(root, (const xmlChar *)"revised", (const xmlChar *)policy->revised);
	xmlNewProp(root, (const xmlChar *)"risk", (const xmlChar *)clausier__risk_name(policy->risk));
	for (size_t i = 0; i < policy->nclauses; i++) {
		xmlNodePtr c = xmlNewChild(root, ns, (const xmlChar *)"clause", NULL);
		if (!c)
			goto oom;
		xmlNewProp(c, (const xmlChar *)"ref", (const xmlChar *)cat->clauses[policy->clauses[i].clause].id);
		xmlNewProp(c, (const xmlChar *)"risk", (const xmlChar *)clausier__risk_name(policy->clauses[i].risk));
		if (policy->clauses[i].jbody >= 0)
			xmlNewProp(c, (const xmlChar *)"jurisdictions",
			           (const xmlChar *)cat->clauses[policy->clauses[i].clause]
			                   .jbodies[policy->clauses[i].jbody]
			                   .jurisdictions);
	}
	for (size_t i = 0; i < policy->nvalues; i++) {
		const clausier__param *p = &cat->params[policy->values[i].param];
		/* The jurisdiction's facts come from it again when read back. */
		if (policy->values[i].fact)
			continue;
		/* Defaults stay defaults: only what the organization chose. */
		if (!policy->values[i].lang && p->defval && !strcmp(p->defval, policy->values[i].text))
			continue;
		const clausier__pvalue *pv = &policy->values[i];
		clausier__value gv = { (char *)p->name, pv->lang, pv->text, pv->article, pv->gender, pv->number, pv->elision, 0 };
		if (!S_value(root, ns, "value", &gv, p->type == CLAUSIER__P_LIST))
			goto oom;
	}
	/* What a conversion carried without a use here. */
	for (size_t i = 0; i < policy->nkept; i++)
		if (!S_value(root, ns, "kept", &policy->kept[i], strchr(policy->kept[i].value, CLAUSIER__LIST_SEP) != NULL))
			goto oom;
	/* A converted policy may still lack values (clausier_policy_map):
	 * say which, where the author will add them. */
	users = malloc((cat->nparams ? cat->nparams : 1) * sizeof *users);
	if (!users)
		goto oom;
	clausier__policy_users(policy, users);
	for (size_t i = 0; i < cat->nparams; i++) {
		size_t v = clausier__policy_values_of(policy, i);
		int have = v < policy->nvalues && policy->values[v].param == i;
		if (have || users[i] == CLAUSIER__USER_NONE)
			continue;
		int front = users[i] == CLAUSIER__USER_FRONT;
		const char *user = front ? "the title page" : cat->clauses[policy->clauses[users[i]].clause].id;
		char text[512];
		/* Not translated: a policy document is data, like its element names. */
		snprintf(text, sizeof text, " needs a value: <value name=\"%s\"> (type %s), used by %s%s ",
		         cat->params[i].name, clausier__ptype_name(cat->params[i].type),
		         front ? "" : "clause ", user);
		xmlNodePtr com = xmlNewComment((const xmlChar *)text);
		if (!com || !xmlAddChild(root, com))
			goto oom;
	}
	free(users);
	users = NULL;
	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	xmlFreeDoc(doc);
	doc = NULL;
	if (!mem)
		goto oom;
	*out = malloc((size_t)size + 1);
	if (!*out) {
		xmlFree(mem);
		goto oom;
	}
	memcpy(*out, mem, (size_t)size);
	(*out)[size] = '\0';
	xmlFree(mem);
	if (out_len)
		*out_len = (size_t)size;
	return CLAUSIER_OK;
oom:
	free(users);
	xmlFreeDoc(doc);
	clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

#define S_line clausier__xml_line
#define S_is clausier__xml_is
#define S_attr clausier__xml_attr

static int S_read(clausier_policy *pol, xmlNodePtr root, const char *name, int draft, clausier_error *err)
{
	const clausier_catalog *cat = pol->catalog;
	int rc = CLAUSIER_OK;
	char *v = S_attr(root, "catalog");
	if (!v || strcmp(v, cat->id)) {
		clausier__error_set(err, CLAUSIER_EINVALID, name, S_line(root), 0,
		                    _("this policy is drawn from catalog “%s”, but the catalog given is “%s” (%s)"),
		                    v ? v : "", cat->id, cat->source);
		free(v);
		return CLAUSIER_EINVALID;
	}
	free(v);
	v = S_attr(root, "sector");
	pol->sector = v ? clausier__sector_from_name(v) : 0;
	free(v);
	v = S_attr(root, "risk");
	pol->risk = v ? clausier__risk_from_name(v) : 0;
	free(v);
	pol->jurisdiction = S_attr(root, "jurisdiction");
	if ((v = S_attr(root, "locales"))) {
		int col, line = clausier__xml_where(root, "locales", &col);
		rc = clausier__locales_canonical(&pol->locales, v, err, name, line, col);
		free(v);
		if (rc != CLAUSIER_OK)
			return rc;
	}
	pol->prevailing = S_attr(root, "prevailing");
	pol->revised = S_attr(root, "revised");
	char why[200];
	if (pol->revised && clausier__check_date(pol->revised, &pol->revised_date, why, sizeof why) < 0) {
		int col, line = clausier__xml_where(root, "revised", &col);
		clausier__error_set(err, CLAUSIER_EINVALID, name, line, col, _("revision date: %s"), why);
		return CLAUSIER_EINVALID;
	}

	size_t nc = 0, nv = 0, nk = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		nc += S_is(c, "clause");
		nv += S_is(c, "value");
		nk += S_is(c, "kept");
	}
	pol->kept = calloc(nk + 1, sizeof *pol->kept);
	pol->clauses = calloc(nc + 1, sizeof *pol->clauses);
	clausier__value *values = calloc(nv + 1, sizeof *values);
	unsigned char *seen = calloc(cat->nclauses + 1, 1);
	size_t n = 0;
	if (!pol->clauses || !values || !seen || !pol->kept) {
		free(values);
		free(seen);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (xmlNodePtr c = root->children; c && rc == CLAUSIER_OK; c = c->next) {
		if (S_is(c, "clause")) {
			char *ref = S_attr(c, "ref"), *risk = S_attr(c, "risk"), *jur = S_attr(c, "jurisdictions");
			size_t idx;
			int r = risk ? clausier__risk_from_name(risk) : 0;
			long jb = -1;
			if (!ref || clausier__find_clause(cat, ref, &idx) < 0) {
				clausier__error_set(err, CLAUSIER_ENOTFOUND, name, S_line(c), 0,
				                    _("unknown clause “%s”: catalog %s has no clause with that id"),
				                    ref ? ref : "", cat->source);
				rc = CLAUSIER_ENOTFOUND;
			} else if (jur && r >= 0 && (jb = S_jbody(&cat->clauses[idx], jur, r)) < 0) {
				clausier__error_set(err, CLAUSIER_EINVALID, name, S_line(c), 0,
				                    _("clause “%s” has no text for jurisdictions “%s” and risk tolerance “%s”"),
				                    ref, jur, risk ? risk : "");
				rc = CLAUSIER_EINVALID;
			} else if (!jur && (r < 0 || !cat->clauses[idx].body[r].present)) {
				clausier__error_set(err, CLAUSIER_EINVALID, name, S_line(c), 0,
				                    _("clause “%s” has no text for risk tolerance “%s”"), ref,
				                    risk ? risk : "");
				rc = CLAUSIER_EINVALID;
			} else {
				if (seen[idx]) {
					clausier__error_set(err, CLAUSIER_EINVALID, name, S_line(c), 0,
					                    _("clause “%s” is selected twice"), ref);
					rc = CLAUSIER_EINVALID;
				}
				seen[idx] = 1;
				pol->clauses[pol->nclauses].clause = idx;
				pol->clauses[pol->nclauses].jbody = jb;
				pol->clauses[pol->nclauses++].risk = r;
			}
			free(ref);
			free(risk);
			free(jur);
		} else if (S_is(c, "value")) {
			rc = clausier__xml_value(&values[n++], c, name, err);
		} else if (S_is(c, "kept")) {
			rc = clausier__xml_value(&pol->kept[pol->nkept++], c, name, err);
		}
	}
	free(seen);
	if (rc == CLAUSIER_OK)
		rc = clausier__policy_set_values(pol, values, n, name, draft, err);
	for (size_t i = 0; i < n; i++)
		clausier__value_free(&values[i]);
	free(values);
	return rc;
}

static int S_load_memory(clausier_policy **out, const clausier_catalog *catalog, const char *data,
                         size_t len, const char *name, int draft, clausier_error *err)
{
	if (!out || !catalog || (!data && len)) {
		clausier__error_set(err, CLAUSIER_EARG, name, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	if (!name)
		name = "<memory>";
	xmlDocPtr doc;
	int rc = clausier__xml_load(&doc, data ? data : "", len, name, CLAUSIER__SCHEMA_POLICY, err);
	if (rc != CLAUSIER_OK)
		return rc;
	clausier_policy *pol = calloc(1, sizeof *pol);
	if (!pol) {
		clausier__xml_free(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	pol->catalog = catalog;
	rc = S_read(pol, xmlDocGetRootElement(doc), name, draft, err);
	clausier__xml_free(doc);
	if (rc != CLAUSIER_OK) {
		clausier_policy_free(pol);
		return rc;
	}
	*out = pol;
	return CLAUSIER_OK;
}

int clausier_policy_load_memory(clausier_policy **out, const clausier_catalog *catalog, const char *data,
                                size_t len, const char *name, clausier_error *err)
{
	return S_load_memory(out, catalog, data, len, name, 0, err);
}

typedef struct {
	clausier_policy **out;
	const clausier_catalog *catalog;
	int draft;
} S_load_ctx;

static int S_load(void *vctx, const char *data, size_t len, const char *name, clausier_error *err)
{
	S_load_ctx *c = vctx;
	return S_load_memory(c->out, c->catalog, data, len, name, c->draft, err);
}

static int S_load_file(clausier_policy **out, const clausier_catalog *catalog, const char *path,
                       int draft, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (!out || !catalog) {
		clausier__error_set(err, CLAUSIER_EARG, path, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	S_load_ctx c = { out, catalog, draft };
	return clausier__load_file(path, err, S_load, &c);
}

int clausier_policy_load_file(clausier_policy **out, const clausier_catalog *catalog, const char *path,
                              clausier_error *err)
{
	return S_load_file(out, catalog, path, 0, err);
}

int clausier_policy_load_draft(clausier_policy **out, const clausier_catalog *catalog, const char *path,
                               clausier_error *err)
{
	return S_load_file(out, catalog, path, 1, err);
}

int clausier_policy_catalog_id(char **out, const char *path, clausier_error *err)
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
	xmlDocPtr doc;
	rc = clausier__xml_load(&doc, data, len, path, CLAUSIER__SCHEMA_POLICY, err);
	if (rc != CLAUSIER_OK) {
		free(data);
		return rc;
	}
	*out = S_attr(xmlDocGetRootElement(doc), "catalog");
	clausier__xml_free(doc);
	free(data);
	if (!*out) {
		clausier__error_set(err, CLAUSIER_ENOMEM, path, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	return CLAUSIER_OK;
}
