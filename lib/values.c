/* Values given by a program, without XML, and the policies assembled with
 * them.  Every check is the profile's own (policy.c, xml.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <clausier/values.h>

struct clausier_values {
	const clausier_catalog *catalog;
	clausier__value *v; /* v[0..n), in the order first set */
	long *param;        /* each value's parameter */
	long *next;         /* the next value of the same parameter, or -1 */
	size_t n, cap;
	long *head;         /* each parameter's first value, or -1 */
};

int clausier_values_new(clausier_values **out, const clausier_catalog *catalog, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (!out || !catalog) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	clausier_values *vs = calloc(1, sizeof *vs);
	long *head = malloc((catalog->nparams ? catalog->nparams : 1) * sizeof *head);
	if (!vs || !head) {
		free(vs);
		free(head);
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (size_t i = 0; i < catalog->nparams; i++)
		head[i] = -1;
	vs->catalog = catalog;
	vs->head = head;
	*out = vs;
	return CLAUSIER_OK;
}

void clausier_values_clear(clausier_values *vs)
{
	if (!vs)
		return;
	for (size_t k = 0; k < vs->n; k++) {
		vs->head[vs->param[k]] = -1;
		clausier__value_free(&vs->v[k]);
	}
	vs->n = 0;
}

void clausier_values_free(clausier_values *vs)
{
	if (!vs)
		return;
	clausier_values_clear(vs);
	free(vs->v);
	free(vs->param);
	free(vs->next);
	free(vs->head);
	free(vs);
}

size_t clausier_values_count(const clausier_values *vs)
{
	return vs ? vs->n : 0;
}

/* Text as a profile's XML gives it: runs of ASCII white space as one
 * space, none at either end (clausier__xml_text). */
static void S_collapse(clausier__buf *b, const char *s)
{
	int space = 0;
	size_t start = b->len;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b->len != start;
			continue;
		}
		if (space)
			clausier__buf_putc(b, ' ');
		space = 0;
		clausier__buf_putc(b, *p);
	}
}

/* An attribute of <value> checked as the profile's schema explanations
 * check it; a text that is not clean UTF-8 is refused before it is
 * quoted in a message. */
static int S_attr(const char *attribute, const char *value, clausier_error *err)
{
	long cp;
	size_t pos;
	if (!value)
		return CLAUSIER_OK;
	if (clausier__text_check(value, &cp, &pos) < 0) {
		/* TRANSLATORS: %s is an attribute name of a profile's <value>:
		 * name, xml:lang, article, gender, number, elision. */
		clausier__error_set(err, CLAUSIER_EINVALID, NULL, 0, 0,
		                    _("the %s of a value is not UTF-8 text without control characters"), attribute);
		return CLAUSIER_EINVALID;
	}
	return clausier__xml_attr_check(CLAUSIER__SCHEMA_PROFILE, "value", !strcmp(attribute, "xml:lang") ? "lang" : attribute,
	                                value, NULL, err);
}

static int S_same_lang(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcasecmp(a, b));
}

/* The value of parameter param for lang (NULL: every language), or -1. */
static long S_find(const clausier_values *vs, long param, const char *lang)
{
	for (long k = vs->head[param]; k >= 0; k = vs->next[k])
		if (S_same_lang(vs->v[k].lang, lang))
			return k;
	return -1;
}

static int S_oom(clausier__value *v, clausier__buf *b, clausier_error *err)
{
	if (v)
		clausier__value_free(v);
	if (b)
		clausier__buf_free(b);
	clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

static int S_set(clausier_values *vs, const char *name, const char *lang, const char *text,
                 const char *const *items, size_t count, const char *article, const char *gender,
                 const char *number, const char *elision, clausier_error *err)
{
	if (!vs || !name || (!items && !text) || (items && text)) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	for (size_t i = 0; items && i < count; i++)
		if (!items[i]) {
			clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
			return CLAUSIER_EARG;
		}
	/* In the order a profile meets them: its schema (the attributes), its
	 * reader (the text), the assembly (the parameter, its type). */
	int rc;
	if ((rc = S_attr("name", name, err)) || (rc = S_attr("xml:lang", lang, err)) ||
	    (rc = S_attr("article", article, err)) || (rc = S_attr("gender", gender, err)) ||
	    (rc = S_attr("number", number, err)) || (rc = S_attr("elision", elision, err)))
		return rc;
	clausier__buf b = { 0 };
	if (items) {
		for (size_t i = 0; i < count; i++) {
			if (i)
				clausier__buf_putc(&b, CLAUSIER__LIST_SEP);
			S_collapse(&b, items[i]);
		}
	} else {
		S_collapse(&b, text);
	}
	clausier__value v = { 0 };
	int failed = 0;
	v.value = b.len ? clausier__buf_detach(&b, NULL) : clausier__strdup("");
	clausier__buf_free(&b);
	if (!(v.name = clausier__strdup(name)) || !v.value)
		return S_oom(&v, NULL, err);
#define S_DUP(f) (failed |= f && !(v.f = clausier__strdup(f)))
	S_DUP(lang);
	S_DUP(article);
	S_DUP(gender);
	S_DUP(number);
	S_DUP(elision);
#undef S_DUP
	if (failed)
		return S_oom(&v, NULL, err);
	long param;
	const clausier_catalog *cat = vs->catalog;
	if ((rc = clausier__value_check(&v, NULL, err)) != CLAUSIER_OK ||
	    (rc = (int)(param = clausier__value_param(cat, &v, NULL, err))) < 0 ||
	    (rc = clausier__value_parse(&cat->params[param], &v, NULL, NULL, err)) != CLAUSIER_OK) {
		clausier__value_free(&v);
		return rc;
	}
	long k = S_find(vs, param, lang);
	if (k >= 0) {
		clausier__value_free(&vs->v[k]);
		vs->v[k] = v;
		return CLAUSIER_OK;
	}
	if (vs->n == vs->cap) {
		size_t cap = vs->cap ? 2 * vs->cap : 8;
		clausier__value *nv = realloc(vs->v, cap * sizeof *nv);
		if (nv)
			vs->v = nv;
		long *np = nv ? realloc(vs->param, cap * sizeof *np) : NULL;
		if (np)
			vs->param = np;
		long *nn = np ? realloc(vs->next, cap * sizeof *nn) : NULL;
		if (nn)
			vs->next = nn;
		if (!nn)
			return S_oom(&v, NULL, err);
		vs->cap = cap;
	}
	vs->v[vs->n] = v;
	vs->param[vs->n] = param;
	vs->next[vs->n] = vs->head[param];
	vs->head[param] = (long)vs->n;
	vs->n++;
	return CLAUSIER_OK;
}

int clausier_values_set(clausier_values *vs, const char *name, const char *lang, const char *text,
                        clausier_error *err)
{
	return S_set(vs, name, lang, text, NULL, 0, NULL, NULL, NULL, NULL, err);
}

int clausier_values_set_name(clausier_values *vs, const char *name, const char *lang, const char *text,
                             const char *article, const char *gender, const char *number, const char *elision,
                             clausier_error *err)
{
	return S_set(vs, name, lang, text, NULL, 0, article, gender, number, elision, err);
}

int clausier_values_set_list(clausier_values *vs, const char *name, const char *lang, const char *const *items,
                             size_t count, clausier_error *err)
{
	/* no item: as an empty text, which the type then refuses */
	if (!count)
		return S_set(vs, name, lang, "", NULL, 0, NULL, NULL, NULL, NULL, err);
	return S_set(vs, name, lang, NULL, items, count, NULL, NULL, NULL, NULL, err);
}

/* The values of a policy: those given before (of a profile, or of a
 * policy's own: not a default nor a fact) that values does not replace,
 * then values'.  Borrowed: only the array is the caller's.  With
 * given_index (where each given value is in the base policy), *reuse_of
 * (the caller's) says where each value of the result is: an index in the
 * base, SIZE_MAX for values'. */
static clausier__value *S_merge(const clausier_catalog *cat, const clausier__value *given, const long *given_param,
                                const size_t *given_index, size_t ngiven, const clausier_values *vs, size_t *n,
                                size_t **reuse_of)
{
	size_t nv = vs ? vs->n : 0;
	clausier__value *all = malloc((ngiven + nv + 1) * sizeof *all);
	size_t *from = given_index ? malloc((ngiven + nv + 1) * sizeof *from) : NULL;
	if (!all || (given_index && !from)) {
		free(all);
		free(from);
		return NULL;
	}
	size_t o = 0;
	for (size_t k = 0; k < ngiven; k++) {
		long p = given_param ? given_param[k] : clausier__find_param(cat, given[k].name);
		if (vs && p >= 0 && S_find(vs, p, given[k].lang) >= 0)
			continue;
		if (from)
			from[o] = given_index[k];
		all[o++] = given[k];
	}
	for (size_t k = 0; k < nv; k++) {
		if (from)
			from[o] = SIZE_MAX;
		all[o++] = vs->v[k];
	}
	*n = o;
	if (reuse_of)
		*reuse_of = from;
	return all;
}

static int S_arg(clausier_error *err)
{
	clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
	return CLAUSIER_EARG;
}

static int S_assemble(clausier_policy **out, const clausier_catalog *cat, const clausier_profile *prof,
                      const clausier_values *vs, int lenient, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (!out || !cat || (vs && vs->catalog != cat))
		return S_arg(err);
	clausier_profile empty = { 0 };
	empty.risk = CLAUSIER_RISK_BALANCED;
	if (!prof)
		prof = &empty;
	size_t n = 0;
	clausier__value *all = S_merge(cat, prof->values, NULL, NULL, prof->nvalues, vs, &n, NULL);
	if (!all) {
		clausier__error_set(err, CLAUSIER_ENOMEM, prof->source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	/* the clauses a `when` selects are those of the values it is assembled with */
	clausier_policy *pol;
	int rc = clausier__policy_select(&pol, cat, prof, all, n, err);
	if (rc != CLAUSIER_OK) {
		free(all);
		return rc;
	}
	rc = clausier__policy_set_values(pol, all, n, prof->source, lenient, err);
	free(all);
	if (rc != CLAUSIER_OK) {
		clausier_policy_free(pol);
		return rc;
	}
	*out = pol;
	return CLAUSIER_OK;
}

int clausier_policy_assemble_values(clausier_policy **out, const clausier_catalog *catalog,
                                    const clausier_profile *profile, const clausier_values *values,
                                    clausier_error *err)
{
	return S_assemble(out, catalog, profile, values, 0, err);
}

int clausier_policy_assemble_draft(clausier_policy **out, const clausier_catalog *catalog,
                                   const clausier_profile *profile, clausier_error *err)
{
	return S_assemble(out, catalog, profile, NULL, 1, err);
}

static char *S_dup(const char *s, int *failed)
{
	char *d = s ? clausier__strdup(s) : NULL;
	if (s && !d)
		*failed = 1;
	return d;
}

int clausier_policy_with_values(clausier_policy **out, const clausier_policy *base, const clausier_values *vs,
                                clausier_error *err)
{
	if (out)
		*out = NULL;
	if (!out || !base || (vs && vs->catalog != base->catalog))
		return S_arg(err);
	const clausier_catalog *cat = base->catalog;
	clausier_policy *pol = calloc(1, sizeof *pol);
	clausier__value *given = malloc((base->nvalues + 1) * sizeof *given);
	long *given_param = malloc((base->nvalues + 1) * sizeof *given_param);
	size_t *given_index = malloc((base->nvalues + 1) * sizeof *given_index), *reuse_of = NULL;
	int failed = !pol || !given || !given_param || !given_index;
	if (!failed) {
		pol->catalog = cat;
		pol->sector = base->sector;
		pol->risk = base->risk;
		pol->revised_date = base->revised_date;
		pol->jurisdiction = S_dup(base->jurisdiction, &failed);
		pol->revised = S_dup(base->revised, &failed);
		pol->locales = S_dup(base->locales, &failed);
		pol->prevailing = S_dup(base->prevailing, &failed);
		pol->clauses = malloc((base->nclauses + 1) * sizeof *pol->clauses);
		pol->kept = calloc(base->nkept + 1, sizeof *pol->kept);
		failed |= !pol->clauses || !pol->kept;
	}
	if (!failed) {
		memcpy(pol->clauses, base->clauses, base->nclauses * sizeof *pol->clauses);
		pol->nclauses = base->nclauses;
		for (size_t k = 0; k < base->nkept && !failed; k++)
			if (clausier__value_copy(&pol->kept[pol->nkept], &base->kept[k]) < 0)
				failed = 1;
			else
				pol->nkept++;
	}
	size_t ngiven = 0;
	for (size_t k = 0; !failed && k < base->nvalues; k++) {
		const clausier__pvalue *pv = &base->values[k];
		if (pv->fact || !pv->given)
			continue;
		clausier__value g = { (char *)cat->params[pv->param].name, pv->lang, pv->text, pv->article,
			              pv->gender, pv->number, pv->elision, pv->line };
		given_param[ngiven] = (long)pv->param;
		given_index[ngiven] = k;
		given[ngiven++] = g;
	}
	size_t n = 0;
	clausier__value *all = failed ? NULL : S_merge(cat, given, given_param, given_index, ngiven, vs, &n, &reuse_of);
	free(given);
	free(given_param);
	free(given_index);
	if (!all) {
		clausier_policy_free(pol);
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	/* base's clauses are kept: a value that would change which clauses a
	 * `when` selects is refused (assemble the policy with it instead) */
	for (size_t k = 0; vs && k < vs->n; k++) {
		long p = clausier__find_param(cat, vs->v[k].name);
		int selects = 0;
		for (size_t i = 0; p >= 0 && i < cat->nclauses && !selects; i++)
			selects = cat->clauses[i].when == p;
		if (!selects)
			continue;
		/* the policy keeps the value of every `when` (clausier__policy_users) */
		const char *was = cat->params[p].defval;
		size_t j = clausier__policy_values_of(base, (size_t)p);
		if (j < base->nvalues && base->values[j].param == (size_t)p)
			was = base->values[j].text;
		if ((was && !strcmp(was, "true")) != clausier__param_true(cat, p, all, n)) {
			clausier__error_set(err, CLAUSIER_EINVALID, NULL, 0, 0,
			                    _("parameter “%s” decides which clauses the policy has: give it when the policy is assembled, not to an assembled policy"),
			                    vs->v[k].name);
			free(all);
			free(reuse_of);
			clausier_policy_free(pol);
			return CLAUSIER_EINVALID;
		}
	}
	/* base's facts, defaults and kept values copied as checked: only
	 * values' are parsed, and their names' grammar found */
	int rc = clausier__policy_set_values_from(pol, all, n, NULL, 0, base, reuse_of, err);
	free(all);
	free(reuse_of);
	if (rc != CLAUSIER_OK) {
		clausier_policy_free(pol);
		return rc;
	}
	*out = pol;
	return CLAUSIER_OK;
}
