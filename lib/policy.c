/* Policies: a checked selection of clauses and the values they need.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void clausier_policy_free(clausier_policy *policy)
{
	if (!policy)
		return;
	for (size_t i = 0; i < policy->nvalues; i++) {
		free(policy->values[i].lang);
		free(policy->values[i].text);
	}
	free(policy->values);
	free(policy->clauses);
	free(policy);
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

static int S_add_value(clausier_policy *pol, size_t param, const char *lang, const char *text,
                       double date)
{
	clausier__pvalue *v = &pol->values[pol->nvalues];
	v->param = param;
	v->date = date;
	v->text = clausier__strdup(text);
	v->lang = lang ? clausier__strdup(lang) : NULL;
	if (!v->text || (lang && !v->lang)) {
		free(v->text);
		free(v->lang);
		return -1;
	}
	pol->nvalues++;
	return 0;
}

/* Who needs parameter i, for the error message. */
static void S_user(char *buf, size_t len, const clausier_catalog *cat, const clausier_policy *pol,
                   size_t i)
{
	if (cat->front_uses[i]) {
		snprintf(buf, len, "%s", _("the title page"));
		return;
	}
	for (size_t k = 0; k < pol->nclauses; k++) {
		const clausier__clause *cl = &cat->clauses[pol->clauses[k]];
		if (cl->uses[i]) {
			snprintf(buf, len, _("clause “%s”"), cl->id);
			return;
		}
	}
	buf[0] = '\0';
}

int clausier_policy_assemble(clausier_policy **out, const clausier_catalog *cat,
                             const clausier_profile *prof, clausier_error *err)
{
	if (!out || !cat || !prof) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	clausier_policy *pol = calloc(1, sizeof *pol);
	if (!pol)
		return S_oom(NULL, err, prof->source);
	pol->catalog = cat;

	/* The selection: the profile's, or the whole catalog in its order. */
	size_t n = prof->nselect ? prof->nselect : cat->nclauses;
	pol->clauses = calloc(n ? n : 1, sizeof *pol->clauses);
	if (!pol->clauses)
		return S_oom(pol, err, prof->source);
	for (size_t i = 0; i < n; i++) {
		size_t idx = i;
		if (prof->nselect) {
			if (clausier__find_clause(cat, prof->select[i], &idx) < 0) {
				clausier__error_set(err, CLAUSIER_ENOTFOUND, prof->source, prof->select_lines[i], 0,
				                    _("unknown clause “%s”: catalog %s has no clause with that id"),
				                    prof->select[i], cat->source);
				clausier_policy_free(pol);
				return CLAUSIER_ENOTFOUND;
			}
			for (size_t j = 0; j < i; j++)
				if (pol->clauses[j] == idx) {
					clausier__error_set(err, CLAUSIER_EINVALID, prof->source,
					                    prof->select_lines[i], 0,
					                    _("clause “%s” is selected twice"), prof->select[i]);
					clausier_policy_free(pol);
					return CLAUSIER_EINVALID;
				}
		}
		pol->clauses[pol->nclauses++] = idx;
	}

	/* Every value must be for a declared parameter: a misspelt name would
	 * otherwise be silently ignored. */
	for (size_t v = 0; v < prof->nvalues; v++) {
		const clausier__value *pv = &prof->values[v];
		size_t i;
		for (i = 0; i < cat->nparams; i++)
			if (!strcmp(cat->params[i].name, pv->name))
				break;
		if (i == cat->nparams) {
			clausier__error_set(err, CLAUSIER_EPARAM, prof->source, pv->line, 0,
			                    _("value for “%s”, which catalog %s does not declare as a parameter"),
			                    pv->name, cat->source);
			clausier_policy_free(pol);
			return CLAUSIER_EPARAM;
		}
	}

	pol->values = calloc(prof->nvalues + cat->nparams + 1, sizeof *pol->values);
	if (!pol->values)
		return S_oom(pol, err, prof->source);
	for (size_t i = 0; i < cat->nparams; i++) {
		const clausier__param *p = &cat->params[i];
		int used = cat->front_uses[i];
		for (size_t k = 0; k < pol->nclauses && !used; k++)
			used = cat->clauses[pol->clauses[k]].uses[i];
		if (!used)
			continue;
		int found = 0;
		for (size_t v = 0; v < prof->nvalues; v++) {
			const clausier__value *pv = &prof->values[v];
			if (strcmp(pv->name, p->name))
				continue;
			found = 1;
			char why[300];
			double date = 0;
			if (clausier__param_parse(p->type, pv->value, &date, why, sizeof why) < 0) {
				clausier__error_set(err, CLAUSIER_EPARAM, prof->source, pv->line, 0,
				                    _("value of “%s”: %s"), pv->name, why);
				clausier_policy_free(pol);
				return CLAUSIER_EPARAM;
			}
			if (S_add_value(pol, i, pv->lang, pv->value, date) < 0)
				return S_oom(pol, err, prof->source);
		}
		if (!found && p->defval) {
			double date = 0;
			char why[300];
			clausier__param_parse(p->type, p->defval, &date, why, sizeof why);
			if (S_add_value(pol, i, NULL, p->defval, date) < 0)
				return S_oom(pol, err, prof->source);
		} else if (!found) {
			char user[300];
			S_user(user, sizeof user, cat, pol, i);
			/* TRANSLATORS: the second %s is a type keyword of the catalog
			 * format (number, date, text); the third names a clause or
			 * the title page. */
			clausier__error_set(err, CLAUSIER_EPARAM, prof->source, 0, 0,
			                    _("missing value for parameter “%s” (%s), which %s uses"), p->name,
			                    p->type == CLAUSIER__P_NUMBER ? "number"
			                    : p->type == CLAUSIER__P_DATE ? "date"
			                                                  : "text",
			                    user);
			clausier_policy_free(pol);
			return CLAUSIER_EPARAM;
		}
	}
	*out = pol;
	return CLAUSIER_OK;
}
