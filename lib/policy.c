/* Policies: the clauses a profile gets from a catalog, checked, with the
 * values they need.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void S_free_value(clausier__pvalue *v)
{
	free(v->lang);
	free(v->text);
	free(v->article);
	free(v->gender);
	free(v->number);
	free(v->elision);
	for (int l = 0; l < 2; l++)
		for (int f = 0; f < CLAUSIER__NFORMS; f++)
			free(v->forms[l][f]);
}

void clausier_policy_free(clausier_policy *policy)
{
	if (!policy)
		return;
	for (size_t i = 0; i < policy->nvalues; i++)
		S_free_value(&policy->values[i]);
	free(policy->values);
	for (size_t i = 0; i < policy->nkept; i++)
		clausier__value_free(&policy->kept[i]);
	free(policy->kept);
	free(policy->clauses);
	free(policy->jurisdiction);
	free(policy->locales);
	free(policy->prevailing);
	free(policy->revised);
	free(policy);
}

static char *S_dup(const char *s, int *failed)
{
	char *d = s ? clausier__strdup(s) : NULL;
	if (s && !d)
		*failed = 1;
	return d;
}

void clausier__value_free(clausier__value *v)
{
	free(v->name);
	free(v->lang);
	free(v->value);
	free(v->article);
	free(v->gender);
	free(v->number);
	free(v->elision);
}

int clausier__value_copy(clausier__value *out, const clausier__value *v)
{
	int failed = 0;
	memset(out, 0, sizeof *out);
	out->name = S_dup(v->name, &failed);
	out->lang = S_dup(v->lang, &failed);
	out->value = S_dup(v->value, &failed);
	out->article = S_dup(v->article, &failed);
	out->gender = S_dup(v->gender, &failed);
	out->number = S_dup(v->number, &failed);
	out->elision = S_dup(v->elision, &failed);
	out->line = v->line;
	if (failed) {
		clausier__value_free(out);
		memset(out, 0, sizeof *out);
		return -1;
	}
	return 0;
}

size_t clausier_policy_count(const clausier_policy *policy)
{
	return policy ? policy->nclauses : 0;
}

static int S_oom(clausier_policy *pol, clausier_error *err, const char *source)
{
	clausier_policy_free(pol);
	clausier__error_set(err, CLAUSIER_ENOMEM, source, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}


/* Adds the value of parameter param: given (from the profile), or the
 * parameter's default (given NULL). */
static int S_add_value(clausier_policy *pol, size_t param, const clausier__value *given,
                       double date)
{
	const clausier__param *p = &pol->catalog->params[param];
	clausier__pvalue *v = &pol->values[pol->nvalues];
	memset(v, 0, sizeof *v);
	int failed = 0;
	v->param = param;
	v->date = date;
	v->text = S_dup(given ? given->value : p->defval, &failed);
	v->lang = S_dup(given ? given->lang : NULL, &failed);
	v->line = given ? given->line : 0;
	v->given = given != NULL;
	if (given && p->type == CLAUSIER__P_NAME) {
		v->article = S_dup(given->article, &failed);
		v->gender = S_dup(given->gender, &failed);
		v->number = S_dup(given->number, &failed);
		v->elision = S_dup(given->elision, &failed);
	}
	if (!failed && p->type == CLAUSIER__P_NAME)
		for (int l = 0; l < 2 && !failed; l++) {
			clausier__name_grammar(&v->grammar[l], v->text, l == 0, v->article, v->gender, v->number,
			                       v->elision);
			failed = clausier__name_forms(v->forms[l], v->text, &v->grammar[l], l == 0) < 0;
		}
	if (failed) {
		S_free_value(v);
		return -1;
	}
	pol->nvalues++;
	return 0;
}

/* Adds a copy of a value another policy of the same catalog checked (its
 * date, name grammar and forms as they are): nothing parsed again. */
static int S_copy_value(clausier_policy *pol, const clausier__pvalue *from)
{
	clausier__pvalue *v = &pol->values[pol->nvalues];
	*v = *from;
	int failed = 0;
	v->lang = S_dup(from->lang, &failed);
	v->text = S_dup(from->text, &failed);
	v->article = S_dup(from->article, &failed);
	v->gender = S_dup(from->gender, &failed);
	v->number = S_dup(from->number, &failed);
	v->elision = S_dup(from->elision, &failed);
	for (int l = 0; l < 2; l++)
		for (int f = 0; f < CLAUSIER__NFORMS; f++)
			v->forms[l][f] = S_dup(from->forms[l][f], &failed);
	if (failed) {
		S_free_value(v);
		return -1;
	}
	pol->nvalues++;
	return 0;
}

size_t clausier__policy_values_of(const clausier_policy *pol, size_t param)
{
	size_t lo = 0, hi = pol->nvalues;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pol->values[mid].param < param)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void clausier__policy_users(const clausier_policy *pol, long *user)
{
	const clausier_catalog *cat = pol->catalog;
	for (size_t i = 0; i < cat->nparams; i++)
		user[i] = CLAUSIER__USER_NONE;
	for (size_t u = 0; u < cat->nfront_uses; u++)
		user[cat->front_uses[u]] = CLAUSIER__USER_FRONT;
	for (size_t k = 0; k < pol->nclauses; k++) {
		size_t n = 0;
		const size_t *uses = clausier__pclause_uses(cat, &pol->clauses[k], &n);
		for (size_t u = 0; u < n; u++)
			if (user[uses[u]] == CLAUSIER__USER_NONE)
				user[uses[u]] = (long)k;
	}
	/* a `when` parameter decided which clauses the policy has: its value
	 * is the policy's (kept in a policy document, checked by with_values) */
	for (size_t i = 0; i < cat->nclauses; i++)
		if (cat->clauses[i].when >= 0 && user[cat->clauses[i].when] == CLAUSIER__USER_NONE)
			user[cat->clauses[i].when] = CLAUSIER__USER_FRONT;
}

/* Who needs parameter i, for the error message. */
static void S_user(char *buf, size_t len, const clausier_policy *pol, long user)
{
	if (user == CLAUSIER__USER_FRONT)
		snprintf(buf, len, "%s", _("the title page"));
	else if (user >= 0)
		snprintf(buf, len, _("clause “%s”"), pol->catalog->clauses[pol->clauses[user].clause].id);
	else
		buf[0] = '\0';
}

/* (param, index) pairs, by param then index. */
static int S_cmp_pair(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* A fact's text as a value: a name's leading definite article (« le Code
 * du travail », "the National Labor Relations Act") is its grammar. */
static void S_fact_value(clausier__value *v, char *text, int fr, const char *gender)
{
	static const struct {
		const char *prefix, *article;
		int fr;
	} arts[] = { { "the ", "the", 0 }, { "le ", "le", 1 }, { "la ", "la", 1 }, { "les ", "les", 1 },
		     { "l’", "l’", 1 }, { "l'", "l’", 1 } };
	v->value = text;
	v->article = NULL;
	for (size_t a = 0; a < sizeof arts / sizeof *arts; a++) {
		size_t n = strlen(arts[a].prefix);
		if (arts[a].fr == fr && !strncmp(text, arts[a].prefix, n) && text[n]) {
			v->value = text + n;
			v->article = (char *)arts[a].article;
			break;
		}
	}
	if (!v->article)
		v->article = "none";
	v->gender = (char *)gender;
}

/* The values of fact parameter i, which the policy's clause user uses:
 * its texts in the jurisdiction's data, the source text for every
 * language, a translation for its own. */
static int S_add_fact(clausier_policy *pol, size_t i, long user, const char *source, int lenient,
                      clausier_error *err)
{
	const clausier__param *p = &pol->catalog->params[i];
	const clausier__jurisdiction *j = NULL;
	int rc = clausier__jurisdiction_get(&j, pol->jurisdiction, err);
	if (rc != CLAUSIER_OK)
		return rc;
	const clausier__fact *f = j ? clausier__fact_find(j, p->name, pol->sector) : NULL;
	if (!f) {
		if (lenient)
			return CLAUSIER_OK;
		char who[300];
		S_user(who, sizeof who, pol, user);
		if (!pol->jurisdiction)
			clausier__error_set(err, CLAUSIER_EPARAM, source, 0, 0,
			                    _("“%s”, which %s uses, is a fact of the policy’s jurisdiction, but the profile names no jurisdiction"),
			                    p->name, who);
		else
			clausier__error_set(err, CLAUSIER_EPARAM, source, 0, 0,
			                    _("“%s”, which %s uses, is a fact that jurisdiction %s does not have (for sector %s): the clause does not fit this jurisdiction"),
			                    p->name, who, pol->jurisdiction,
			                    pol->sector ? clausier__sector_name(pol->sector) : "-");
		return CLAUSIER_EPARAM;
	}
	const char *src = f->text.n ? f->text.v[0].lang : NULL;
	for (size_t k = 0; k < f->text.n; k++) {
		const clausier__ltext *t = &f->text.v[k];
		int is_source = src && !strcmp(t->lang, src);
		clausier__value v = { (char *)p->name, is_source ? NULL : t->lang, NULL, NULL, NULL, NULL, NULL, 0 };
		if (p->type == CLAUSIER__P_NAME)
			S_fact_value(&v, t->text, !strncmp(t->lang, "fr", 2), f->gender);
		else
			v.value = t->text;
		char why[300];
		double date = 0;
		if (clausier__param_parse(p, v.value, &date, why, sizeof why) < 0) {
			clausier__error_set(err, CLAUSIER_EPARAM, source, 0, 0, _("fact “%s” of jurisdiction %s: %s"),
			                    p->name, pol->jurisdiction, why);
			return CLAUSIER_EPARAM;
		}
		if (S_add_value(pol, i, &v, date) < 0)
			return CLAUSIER_ENOMEM;
		pol->values[pol->nvalues - 1].fact = 1;
	}
	return CLAUSIER_OK;
}

long clausier__value_param(const clausier_catalog *cat, const clausier__value *v, const char *source,
                           clausier_error *err)
{
	long i = clausier__find_param(cat, v->name);
	if (i < 0) {
		clausier__error_set(err, CLAUSIER_EPARAM, source, v->line, 0,
		                    _("value for “%s”, which catalog %s does not declare as a parameter"), v->name,
		                    cat->source);
		return CLAUSIER_EPARAM;
	}
	if (cat->params[i].fact) {
		clausier__error_set(err, CLAUSIER_EPARAM, source, v->line, 0,
		                    _("value for “%s”, which is a fact of the policy’s jurisdiction (its law, its authorities): a profile cannot give it"),
		                    v->name);
		return CLAUSIER_EPARAM;
	}
	return i;
}

int clausier__value_parse(const clausier__param *p, const clausier__value *v, double *date, const char *source,
                          clausier_error *err)
{
	char why[300];
	if (clausier__param_parse(p, v->value, date, why, sizeof why) < 0) {
		clausier__error_set(err, CLAUSIER_EPARAM, source, v->line, 0, _("value of “%s”: %s"), v->name, why);
		return CLAUSIER_EPARAM;
	}
	return CLAUSIER_OK;
}

int clausier__policy_set_values(clausier_policy *pol, const clausier__value *values, size_t nvalues,
                                const char *source, int lenient, clausier_error *err)
{
	return clausier__policy_set_values_from(pol, values, nvalues, source, lenient, NULL, NULL, err);
}

int clausier__policy_set_values_from(clausier_policy *pol, const clausier__value *values, size_t nvalues,
                                     const char *source, int lenient, const clausier_policy *reuse,
                                     const size_t *reuse_of, clausier_error *err)
{
	static unsigned long serials;
	pol->serial = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
	const clausier_catalog *cat = pol->catalog;
	/* The given values grouped by parameter, each group in the order given:
	 * (parameter, index) pairs, sorted. */
	size_t *order = malloc((nvalues ? nvalues : 1) * 2 * sizeof *order);
	long *user = malloc((cat->nparams ? cat->nparams : 1) * sizeof *user);
	int rc = CLAUSIER_OK;
	if (!order || !user)
		goto oom;
	/* Every value must be for a declared parameter: a misspelt name would
	 * otherwise be silently ignored. */
	for (size_t v = 0; v < nvalues; v++) {
		long i = clausier__value_param(cat, &values[v], source, err);
		if (i < 0) {
			rc = (int)i;
			goto done;
		}
		order[2 * v] = (size_t)i;
		order[2 * v + 1] = v;
	}
	qsort(order, nvalues, 2 * sizeof *order, S_cmp_pair);
	/* one value a parameter at most, but a fact has one a text (a
	 * language, a regional spelling) */
	const clausier__jurisdiction *jur = NULL;
	if ((rc = clausier__jurisdiction_get(&jur, pol->jurisdiction, err)) != CLAUSIER_OK)
		goto done;
	size_t cap = nvalues + 1;
	for (size_t i = 0; i < cat->nparams; i++) {
		const clausier__fact *f = cat->params[i].fact && jur ? clausier__fact_find(jur, cat->params[i].name, pol->sector) : NULL;
		cap += f ? f->text.n : 1;
	}
	pol->values = calloc(cap, sizeof *pol->values);
	if (!pol->values)
		goto oom;
	clausier__policy_users(pol, user);
	for (size_t i = 0, o = 0; i < cat->nparams; i++) {
		const clausier__param *p = &cat->params[i];
		size_t from = o;
		while (o < nvalues && order[2 * o] == i)
			o++;
		if (p->fact) {
			/* no value given for it: clausier__value_param refused them */
			if (user[i] == CLAUSIER__USER_NONE)
				continue;
			if (reuse) {
				size_t k = clausier__policy_values_of(reuse, i), copied = 0;
				for (; k < reuse->nvalues && reuse->values[k].param == i; k++, copied++)
					if (S_copy_value(pol, &reuse->values[k]) < 0)
						goto oom;
				if (copied)
					continue;
			}
			rc = S_add_fact(pol, i, user[i], source, lenient, err);
			if (rc == CLAUSIER_ENOMEM)
				goto oom;
			if (rc != CLAUSIER_OK)
				goto done;
			continue;
		}
		if (user[i] == CLAUSIER__USER_NONE)
			continue;
		int found = 0;
		for (size_t k = from; k < o; k++) {
			const clausier__value *pv = &values[order[2 * k + 1]];
			found = 1;
			if (reuse_of && reuse_of[order[2 * k + 1]] != SIZE_MAX) {
				if (S_copy_value(pol, &reuse->values[reuse_of[order[2 * k + 1]]]) < 0)
					goto oom;
				continue;
			}
			double date = 0;
			if ((rc = clausier__value_parse(p, pv, &date, source, err)) != CLAUSIER_OK)
				goto done;
			if (S_add_value(pol, i, pv, date) < 0)
				goto oom;
		}
		size_t d = reuse ? clausier__policy_values_of(reuse, i) : 0;
		if (!found && p->defval && reuse && d < reuse->nvalues && reuse->values[d].param == i &&
		    !reuse->values[d].given) {
			if (S_copy_value(pol, &reuse->values[d]) < 0)
				goto oom;
		} else if (!found && p->defval) {
			double date = 0;
			char why[300];
			clausier__param_parse(p, p->defval, &date, why, sizeof why);
			if (S_add_value(pol, i, NULL, date) < 0)
				goto oom;
		} else if (!found && !lenient) {
			char who[300];
			S_user(who, sizeof who, pol, user[i]);
			/* TRANSLATORS: the second %s is a type keyword of the catalog
			 * format (number, date, text...); the third names a clause or
			 * the title page. */
			clausier__error_set(err, CLAUSIER_EPARAM, source, 0, 0,
			                    _("missing value for parameter “%s” (%s), which %s uses"), p->name,
			                    clausier__ptype_name(p->type), who);
			rc = CLAUSIER_EPARAM;
			goto done;
		}
	}
done:
	free(order);
	free(user);
	return rc;
oom:
	free(order);
	free(user);
	clausier__error_set(err, CLAUSIER_ENOMEM, source, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

int clausier__clause_in(const clausier__clause *cl, const char *jurisdiction)
{
	return !cl->jurisdictions || clausier__jurisdiction_level(cl->jurisdictions, jurisdiction) > 0;
}

void clausier__pick_body(const clausier__clause *cl, const char *jurisdiction, int risk, clausier__pclause *pc)
{
	/* the region's variant, then the country's, for the risk tolerance
	 * or else balanced; then the generic bodies */
	for (int level = 2; level > 0 && jurisdiction; level--) {
		long best = -1;
		for (size_t k = 0; k < cl->njbodies; k++) {
			const struct clausier__jbody *jb = &cl->jbodies[k];
			if (clausier__jurisdiction_level(jb->jurisdictions, jurisdiction) != level)
				continue;
			if (jb->risk == risk) {
				best = (long)k;
				break;
			}
			if (jb->risk == CLAUSIER_RISK_BALANCED)
				best = (long)k;
		}
		if (best >= 0) {
			pc->jbody = best;
			pc->risk = cl->jbodies[best].risk;
			return;
		}
	}
	pc->jbody = -1;
	pc->risk = cl->body[risk].present ? risk : CLAUSIER_RISK_BALANCED;
}

const clausier__msg *clausier__pclause_body(const clausier_catalog *cat, const clausier__pclause *pc)
{
	const clausier__clause *cl = &cat->clauses[pc->clause];
	return pc->jbody >= 0 ? &cl->jbodies[pc->jbody].msg : &cl->body[pc->risk];
}

const size_t *clausier__pclause_uses(const clausier_catalog *cat, const clausier__pclause *pc, size_t *n)
{
	const clausier__clause *cl = &cat->clauses[pc->clause];
	if (pc->jbody >= 0) {
		*n = cl->jbodies[pc->jbody].nuses;
		return cl->jbodies[pc->jbody].uses;
	}
	*n = cl->nguses;
	return cl->guses;
}

/* The place of a clause in a policy: its section, then catalog order. */
static long S_key(const clausier_catalog *cat, size_t clause)
{
	long section = cat->clauses[clause].section;
	return (section + 1) * (long)(cat->nclauses + 1) + (long)clause;
}

typedef struct {
	size_t clause;
	long key;
	int on;
} S_slot;

static int S_cmp_slot(const void *a, const void *b)
{
	long ka = ((const S_slot *)a)->key, kb = ((const S_slot *)b)->key;
	return ka < kb ? -1 : ka > kb;
}

/* Whether boolean parameter param is true in vals (a value without a
 * language first, else any; without one, its default). */
int clausier__param_true(const clausier_catalog *cat, long param, const clausier__value *vals, size_t n)
{
	const char *text = NULL;
	for (size_t k = 0; k < n; k++)
		if (!strcmp(vals[k].name, cat->params[param].name) && vals[k].value && (!text || !vals[k].lang)) {
			text = vals[k].value;
			if (!vals[k].lang)
				break;
		}
	if (!text)
		text = cat->params[param].defval;
	return text && !strcmp(text, "true");
}

/* The clauses a profile gets, without its values; a clause with `when` is
 * there when its parameter is true in vals (the profile's values, or those
 * it is assembled with). */
static int S_select(clausier_policy **out, const clausier_catalog *cat, const clausier_profile *prof,
                    const clausier__value *vals, size_t nvals, clausier_error *err)
{
	if (!out || !cat || !prof) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	clausier_policy *pol = calloc(1, sizeof *pol);
	S_slot *slots = calloc(cat->nclauses + 1, sizeof *slots);
	if (!pol || !slots) {
		free(slots);
		return S_oom(pol, err, prof->source);
	}
	pol->catalog = cat;
	pol->sector = prof->sector;
	pol->risk = prof->risk;
	if (prof->revised) {
		char why[200];
		pol->revised = clausier__strdup(prof->revised);
		clausier__check_date(prof->revised, &pol->revised_date, why, sizeof why);
		if (!pol->revised) {
			free(slots);
			return S_oom(pol, err, prof->source);
		}
	}
	if ((prof->jurisdiction && !(pol->jurisdiction = clausier__strdup(prof->jurisdiction))) ||
	    (prof->locales && !(pol->locales = clausier__strdup(prof->locales))) ||
	    (prof->prevailing && !(pol->prevailing = clausier__strdup(prof->prevailing)))) {
		free(slots);
		return S_oom(pol, err, prof->source);
	}

	/* The organization may choose which version prevails, unless its
	 * jurisdiction's law decides. */
	if (prof->prevailing && prof->jurisdiction) {
		const clausier__jurisdiction *j = NULL;
		int by_law = 0, rc = clausier__jurisdiction_get(&j, prof->jurisdiction, err);
		if (rc != CLAUSIER_OK) {
			free(slots);
			clausier_policy_free(pol);
			return rc;
		}
		const char *jprev = j ? clausier__jurisdiction_prevailing(j, 0, NULL, &by_law) : NULL;
		if (jprev && by_law && strcmp(jprev, prof->prevailing)) {
			clausier__error_set(err, CLAUSIER_EINVALID, prof->source, prof->line, 0,
			                    _("prevailing=\"%s\": in jurisdiction %s the law makes the %s version prevail, and the organization cannot choose another"),
			                    prof->prevailing, prof->jurisdiction,
			                    !strcmp(jprev, "fr") ? _("French") : !strcmp(jprev, "en") ? _("English") : _("either"));
			free(slots);
			clausier_policy_free(pol);
			return CLAUSIER_EINVALID;
		}
	}

	/* The clauses for the profile's sector; without a sector, only those
	 * for every sector. */
	for (size_t i = 0; i < cat->nclauses; i++) {
		unsigned sectors = cat->clauses[i].sectors;
		slots[i].clause = i;
		slots[i].key = S_key(cat, i);
		slots[i].on = (!sectors || (prof->sector && (sectors & (1u << prof->sector)))) &&
		              clausier__clause_in(&cat->clauses[i], prof->jurisdiction) &&
		              (cat->clauses[i].when < 0 || clausier__param_true(cat, cat->clauses[i].when, vals, nvals));
	}
	/* Then the profile's explicit choices, in its order. */
	int rc = CLAUSIER_OK;
	for (size_t k = 0; k < prof->nadjust; k++) {
		const clausier__adjustment *a = &prof->adjust[k];
		size_t i, j = 0;
		const char *missing = NULL;
		if (clausier__find_clause(cat, a->clause, &i) < 0)
			missing = a->clause;
		else if (a->what == CLAUSIER__REPLACE && clausier__find_clause(cat, a->with, &j) < 0)
			missing = a->with;
		if (missing) {
			clausier__error_set(err, CLAUSIER_ENOTFOUND, prof->source, a->line, 0,
			                    _("unknown clause “%s”: catalog %s has no clause with that id"),
			                    missing, cat->source);
			rc = CLAUSIER_ENOTFOUND;
			goto fail;
		}
		if (a->what == CLAUSIER__INCLUDE) {
			slots[i].on = 1;
		} else if (a->what == CLAUSIER__EXCLUDE) {
			slots[i].on = 0;
		} else {
			if (!slots[i].on) {
				clausier__error_set(err, CLAUSIER_EINVALID, prof->source, a->line, 0,
				                    _("cannot replace clause “%s”: it is not in this profile’s policy"),
				                    a->clause);
				rc = CLAUSIER_EINVALID;
				goto fail;
			}
			/* The replacement takes the place of the clause it replaces. */
			slots[i].on = 0;
			slots[j].on = 1;
			slots[j].key = slots[i].key;
		}
	}
	qsort(slots, cat->nclauses, sizeof *slots, S_cmp_slot);
	pol->clauses = calloc(cat->nclauses + 1, sizeof *pol->clauses);
	if (!pol->clauses) {
		free(slots);
		return S_oom(pol, err, prof->source);
	}
	for (size_t i = 0; i < cat->nclauses; i++) {
		if (!slots[i].on)
			continue;
		const clausier__clause *cl = &cat->clauses[slots[i].clause];
		clausier__pclause *pc = &pol->clauses[pol->nclauses++];
		pc->clause = slots[i].clause;
		clausier__pick_body(cl, pol->jurisdiction, prof->risk, pc);
	}
	free(slots);
	*out = pol;
	return CLAUSIER_OK;
fail:
	free(slots);
	clausier_policy_free(pol);
	return rc;
}

int clausier__policy_select(clausier_policy **out, const clausier_catalog *cat, const clausier_profile *prof,
                            const clausier__value *vals, size_t nvals, clausier_error *err)
{
	return S_select(out, cat, prof, vals, nvals, err);
}

int clausier_policy_assemble(clausier_policy **out, const clausier_catalog *cat,
                             const clausier_profile *prof, clausier_error *err)
{
	clausier_policy *pol;
	int rc = S_select(&pol, cat, prof, prof ? prof->values : NULL, prof ? prof->nvalues : 0, err);
	if (rc != CLAUSIER_OK) {
		if (out)
			*out = NULL;
		return rc;
	}
	rc = clausier__policy_set_values(pol, prof->values, prof->nvalues, prof->source, 0, err);
	if (rc != CLAUSIER_OK) {
		clausier_policy_free(pol);
		return rc;
	}
	*out = pol;
	return CLAUSIER_OK;
}

/* Parameter types as a form shows them, in English and French; fr-CA says
 * « courriel » where France says « adresse électronique » (GLOSSARY). */
const char *clausier__type_label(const clausier__param *p, const char *locale)
{
	int fr = locale[0] == 'f', ca = fr && strstr(locale, "CA") != NULL;
	const char *u = p->unit ? p->unit : "";
	switch (p->type) {
	case CLAUSIER__P_EMAIL: return !fr ? "e-mail address" : ca ? "adresse courriel" : "adresse électronique";
	case CLAUSIER__P_URL: return fr ? "adresse web" : "web address";
	case CLAUSIER__P_DATE: return fr ? "date" : "date";
	case CLAUSIER__P_NUMBER: return fr ? "nombre" : "number";
	case CLAUSIER__P_DURATION:
		if (!strcmp(u, "hour"))
			return fr ? "nombre d’heures" : "number of hours";
		if (!strcmp(u, "week"))
			return fr ? "nombre de semaines" : "number of weeks";
		if (!strcmp(u, "month"))
			return fr ? "nombre de mois" : "number of months";
		return fr ? "nombre de jours" : "number of days";
	case CLAUSIER__P_MONEY: return fr ? "somme d’argent" : "sum of money";
	case CLAUSIER__P_LIST: return fr ? "liste" : "list";
	case CLAUSIER__P_CHOICE: return fr ? "choix" : "choice";
	case CLAUSIER__P_BOOLEAN: return fr ? "oui ou non" : "yes or no";
	default: return fr ? "texte" : "text";
	}
}

int clausier_profile_missing(clausier_missing_param **out, size_t *count, const clausier_catalog *cat,
                             const clausier_profile *prof, const char *locale, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (count)
		*count = 0;
	if (!out || !count || !cat || !prof || !locale) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	char canon[160];
	const char *loc = clausier__locale_resolve(locale, 0, canon, sizeof canon);
	if (!loc) {
		clausier__locale_error(err, locale, canon);
		return CLAUSIER_ELOCALE;
	}
	clausier_policy *pol;
	int rc = S_select(&pol, cat, prof, prof ? prof->values : NULL, prof ? prof->nvalues : 0, err);
	if (rc != CLAUSIER_OK)
		return rc;
	clausier_missing_param *list = calloc(cat->nparams + 1, sizeof *list);
	long *users = malloc((cat->nparams ? cat->nparams : 1) * sizeof *users);
	unsigned char *given = calloc(cat->nparams + 1, 1);
	if (!list || !users || !given) {
		free(list);
		free(users);
		free(given);
		return S_oom(pol, err, prof->source);
	}
	clausier__policy_users(pol, users);
	for (size_t v = 0; v < prof->nvalues; v++) {
		long i = clausier__find_param(cat, prof->values[v].name);
		if (i >= 0)
			given[i] = 1;
	}
	size_t n = 0;
	for (size_t i = 0; i < cat->nparams; i++) {
		const clausier__param *p = &cat->params[i];
		long u = users[i];
		if (u == CLAUSIER__USER_NONE || p->defval || p->fact || given[i])
			continue;
		const char *user = u >= 0 ? cat->clauses[pol->clauses[u].clause].id : NULL;
		list[n].name = p->name;
		list[n].type = clausier__ptype_name(p->type);
		list[n].type_label = clausier__type_label(p, loc);
		list[n].used_by = user;
		n++;
	}
	free(users);
	free(given);
	clausier_policy_free(pol);
	if (!n) {
		free(list);
		list = NULL;
	}
	*out = list;
	*count = n;
	return CLAUSIER_OK;
}

/* The attributes that would settle what is unsure, as the profile writes
 * them: "article, gender". */
static void S_unsure_attrs(char *out, size_t len, unsigned unsure, int fr)
{
	out[0] = '\0';
	static const struct {
		unsigned bit;
		const char *attr;
		int fr;
	} attrs[] = {
		{ CLAUSIER__UNSURE_ARTICLE, "article", 2 }, { CLAUSIER__UNSURE_ARTICLE, "gender", 1 },
		{ CLAUSIER__UNSURE_GENDER, "gender", 1 },   { CLAUSIER__UNSURE_NUMBER, "number", 2 },
		{ CLAUSIER__UNSURE_ELISION, "elision", 1 },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
		if (!(unsure & attrs[i].bit) || (attrs[i].fr == 1 && !fr) || strstr(out, attrs[i].attr))
			continue;
		size_t n = strlen(out);
		snprintf(out + n, len - n, "%s%s", n ? ", " : "", attrs[i].attr);
	}
}

int clausier_policy_warnings(const clausier_policy *policy, clausier_note_report report, void *ctx)
{
	if (!policy || !report)
		return CLAUSIER_EARG;
	int n = 0;
	for (size_t i = 0; i < policy->nvalues; i++) {
		const clausier__pvalue *v = &policy->values[i];
		const clausier__param *p = &policy->catalog->params[v->param];
		if (p->type != CLAUSIER__P_NAME || v->fact) /* a fact's grammar is the library's data */
			continue;
		int fr = !v->lang || !strncasecmp(v->lang, "fr", 2);
		int en = !v->lang || !strncasecmp(v->lang, "en", 2);
		/* a value for every language serves only those the profile
		 * gives no value of their own */
		for (size_t k = 0; !v->lang && k < policy->nvalues; k++) {
			const clausier__pvalue *o = &policy->values[k];
			if (o->param == v->param && o->lang && !strncasecmp(o->lang, "fr", 2))
				fr = 0;
			if (o->param == v->param && o->lang && !strncasecmp(o->lang, "en", 2))
				en = 0;
		}
		char msg[900], attrs[64];
		for (int l = 0; l < 2; l++) {
			const clausier__grammar *g = &v->grammar[l];
			if (!(l == 0 ? fr : en) || !g->unsure)
				continue;
			if (g->unsure & CLAUSIER__UNSURE_CONFLICT) {
				/* TRANSLATORS: the second %s is the name (« Le Monde »), the
				 * third its article as written, the fourth the attribute
				 * article's value; article is an attribute name. */
				/* the article as written: up to its space or apostrophe */
				const char *sp = strpbrk(v->text, " ’'");
				int alen = sp ? (int)(sp - v->text) + (*sp == ' ' ? 0 : *sp == '\'' ? 1 : 3) : (int)strlen(v->text);
				snprintf(msg, sizeof msg,
				         _("value of “%s”: “%s” starts with its own article “%.*s”, which the attribute article=\"%s\" contradicts: the name’s own article is used"),
				         p->name, v->text, alen, v->text, v->article);
				report(ctx, v->line, msg);
				n++;
			}
			S_unsure_attrs(attrs, sizeof attrs, g->unsure, l == 0);
			if (!attrs[0])
				continue;
			if (l == 0) {
				const char *kind = g->gender == 'f' ? (g->plural ? _("feminine plural") : _("feminine singular"))
				                                    : (g->plural ? _("masculine plural") : _("masculine singular"));
				/* TRANSLATORS: the second %s is the name; the third and
				 * fourth, its French forms (« le Cirque Éloize », « du
				 * Cirque Éloize »); the last, attribute names (article,
				 * gender, number, elision): leave them in English. */
				snprintf(msg, sizeof msg,
				         _("value of “%s”: the French grammar of “%s” is a guess: « %s », « %s », %s; if that is wrong, give the attributes %s"),
				         p->name, v->text, v->forms[0][CLAUSIER__FORM_LE], v->forms[0][CLAUSIER__FORM_DU], kind, attrs);
			} else {
				/* TRANSLATORS: the third and fourth %s are the name's English
				 * forms ("the Ottawa Hospital", "the Ottawa Hospital’s"); the
				 * last, attribute names (article, number): leave them in
				 * English. */
				snprintf(msg, sizeof msg,
				         _("value of “%s”: the English grammar of “%s” is a guess: “%s”, “%s”, %s; if that is wrong, give the attributes %s"),
				         p->name, v->text, v->forms[1][CLAUSIER__FORM_THE], v->forms[1][CLAUSIER__FORM_S],
				         g->plural ? _("plural") : _("singular"), attrs);
			}
			report(ctx, v->line, msg);
			n++;
		}
	}
	return n;
}

int clausier_policy_notes(const clausier_policy *policy, clausier_note_report report, void *ctx)
{
	return clausier_policy_warnings(policy, report, ctx);
}
