/* Converting a policy from one genre to the other through the crosswalk,
 * and the gap report that says what became of every clause.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/xmlwriter.h>

struct clausier_map_report {
	const clausier_catalog *from, *to;
	const clausier_genre_spec *genre;
	int sector;
	char *jurisdiction;
	clausier_gap *gaps;
	char **needs; /* owned: gaps[i].needs */
	size_t n, cap;
};

void clausier_map_report_free(clausier_map_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->needs[i]);
	free(r->needs);
	free(r->gaps);
	free(r->jurisdiction);
	free(r);
}

size_t clausier_map_report_count(const clausier_map_report *r)
{
	return r ? r->n : 0;
}

int clausier_map_report_gap(clausier_gap *out, const clausier_map_report *r, size_t i)
{
	if (!out || !r || i >= r->n)
		return CLAUSIER_EARG;
	*out = r->gaps[i];
	return CLAUSIER_OK;
}

static clausier_gap *S_gap(clausier_map_report *r, clausier_gap_status status)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64;
		clausier_gap *g = realloc(r->gaps, cap * sizeof *g);
		if (!g)
			return NULL;
		r->gaps = g;
		char **n = realloc(r->needs, cap * sizeof *n);
		if (!n)
			return NULL;
		r->needs = n;
		r->cap = cap;
	}
	clausier_gap *g = &r->gaps[r->n];
	memset(g, 0, sizeof *g);
	r->needs[r->n++] = NULL;
	g->status = status;
	g->relation = CLAUSIER_RELATION_NONE;
	return g;
}

/* Whether target's clause cl would be in a policy of the same sector,
 * jurisdiction and values (a `when` parameter by name, else its default). */
static int S_applies(const clausier_catalog *target, const clausier__clause *cl, const clausier_policy *policy)
{
	if (!(!cl->sectors || (policy->sector && (cl->sectors & (1u << policy->sector)))) ||
	    !clausier__clause_in(cl, policy->jurisdiction))
		return 0;
	if (cl->when < 0)
		return 1;
	const char *text = target->params[cl->when].defval;
	long p = clausier__find_param(policy->catalog, target->params[cl->when].name);
	size_t v = p >= 0 ? clausier__policy_values_of(policy, (size_t)p) : policy->nvalues;
	if (v < policy->nvalues && policy->values[v].param == (size_t)p && policy->values[v].text)
		text = policy->values[v].text;
	return text && !strcmp(text, "true");
}

static int S_rank(int relation)
{
	switch (relation) {
	case CLAUSIER_RELATION_EXACT:
	case CLAUSIER_RELATION_CLOSE: return 0;
	case CLAUSIER_RELATION_BROADER:
	case CLAUSIER_RELATION_NARROWER: return 1;
	case CLAUSIER_RELATION_RELATED: return 2;
	}
	return 3;
}

/* Where the genre puts a clause: its section's place in the genre, then
 * its topic's place in that section, then catalog order. */
static long S_place(const clausier_genre_spec *g, const clausier_catalog *cat, size_t clause)
{
	const clausier__clause *cl = &cat->clauses[clause];
	const char *section = cl->section >= 0 ? cat->sections[cl->section].id : NULL;
	long s = 0, found = -1, topic = 0;
	for (size_t i = 0; i < g->nitems; i++) {
		const clausier__gitem *it = &g->items[i];
		if (it->kind != CLAUSIER_GENRE_SECTION)
			continue;
		if (section && !strcmp(it->id, section)) {
			found = s;
			long t = 0;
			for (const char *p = it->topics; *p; t++) {
				size_t len = strcspn(p, " ");
				if (len == strlen(cl->topic) && !strncmp(p, cl->topic, len))
					break;
				p += len;
				while (*p == ' ')
					p++;
			}
			topic = t;
			break;
		}
		s++;
	}
	if (found < 0)
		found = s; /* a section the genre does not know: at the end */
	return (found * 64 + topic) * (long)(cat->nclauses + 1) + (long)clause;
}

typedef struct {
	size_t clause;
	int risk;
	long key;
} S_pick;

static int S_cmp(const void *a, const void *b)
{
	long x = ((const S_pick *)a)->key, y = ((const S_pick *)b)->key;
	return x < y ? -1 : x > y;
}

static const char S_no_sector_en[] =
	"The crosswalk relates this clause only to clauses written for other sectors or jurisdictions than the policy’s.";
static const char S_no_sector_fr[] =
	"La table de correspondance ne rattache cette clause qu’à des clauses écrites pour d’autres secteurs ou d’autres juridictions que ceux de la politique.";
static const char S_unrelated_en[] = "The crosswalk does not relate this clause to anything.";
static const char S_unrelated_fr[] = "La table de correspondance ne rattache cette clause à rien.";

/* The parameters clause k of the target uses that pol has no value for. */
static char *S_needs(const clausier_policy *pol, size_t k, int *failed)
{
	const clausier_catalog *cat = pol->catalog;
	clausier__buf b = { 0 };
	for (size_t u = 0; u < cat->clauses[k].nuses; u++) {
		size_t i = cat->clauses[k].uses[u];
		size_t v = clausier__policy_values_of(pol, i);
		int have = v < pol->nvalues && pol->values[v].param == i;
		if (have)
			continue;
		if (b.len)
			clausier__buf_putc(&b, ' ');
		clausier__buf_puts(&b, cat->params[i].name);
	}
	if (!b.len && !b.failed)
		return NULL;
	char *s = clausier__buf_detach(&b, NULL);
	if (!s)
		*failed = 1;
	return s;
}

int clausier_policy_map(clausier_policy **out, clausier_map_report **report, const clausier_policy *policy,
                        const clausier_catalog *target, const clausier_genre_spec *genre,
                        const clausier_crosswalk *cw, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (report)
		*report = NULL;
	if (!out || !report || !policy || !target || !genre || !cw) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	const clausier_catalog *src = policy->catalog;
	if (genre->genre != target->genre) {
		clausier__error_set(err, CLAUSIER_EARG, genre->source, 0, 0,
		                    _("this genre description is for “%s”, and catalog “%s” is a “%s”"),
		                    clausier__genre_name(genre->genre), target->id,
		                    clausier__genre_name(target->genre));
		return CLAUSIER_EARG;
	}
	int reverse = !strcmp(cw->from, target->id) && !strcmp(cw->to, src->id);
	int rc = reverse ? clausier__crosswalk_check_ids(cw, target, src, err)
	                 : clausier__crosswalk_check_ids(cw, src, target, err);
	if (rc != CLAUSIER_OK)
		return rc;

	clausier_map_report *r = calloc(1, sizeof *r);
	clausier_policy *pol = calloc(1, sizeof *pol);
	S_pick *picks = calloc(target->nclauses + 1, sizeof *picks);
	unsigned char *in = calloc(target->nclauses + 1, 1);
	clausier__value *values = calloc(policy->nvalues + policy->nkept + 1, sizeof *values);
	/* every value of the source, used here or not: a round trip loses nothing */
	unsigned char *across = calloc(policy->nvalues + policy->nkept + 1, 1);
	size_t npicks = 0, nvalues = 0;
	clausier__key *by_mine = NULL;
	if (!r || !pol || !picks || !in || !values || !across)
		goto oom;
	r->from = src;
	r->to = target;
	r->genre = genre;
	r->sector = policy->sector;
	pol->catalog = target;
	pol->sector = policy->sector;
	pol->risk = policy->risk;
	pol->revised_date = policy->revised_date;
	if ((policy->jurisdiction && (!(pol->jurisdiction = clausier__strdup(policy->jurisdiction)) ||
	                              !(r->jurisdiction = clausier__strdup(policy->jurisdiction)))) ||
	    (policy->revised && !(pol->revised = clausier__strdup(policy->revised))))
		goto oom;

	/* The clause relations by the source clause they name, so that each
	 * clause finds its own in a lookup (a run in crosswalk order). */
	const char **mines = malloc((cw->n + 1) * sizeof *mines);
	for (size_t i = 0; mines && i < cw->n; i++) {
		const clausier__xentry *e = &cw->entries[i];
		const char *mine = reverse ? e->to : e->from;
		mines[i] = e->topic || !mine ? "" : mine;
	}
	by_mine = mines ? clausier__keys_make(mines, cw->n) : NULL;
	free(mines);
	if (!by_mine)
		goto oom;
	/* Every clause of the policy, in its order. */
	for (size_t k = 0; k < policy->nclauses; k++) {
		const clausier__clause *cl = &src->clauses[policy->clauses[k].clause];
		int best = 3, seen = 0, none = -1;
		size_t idlen = strlen(cl->id), run = clausier__keys_lower(by_mine, cw->n, cl->id, idlen);
		for (size_t q = run; q < cw->n && clausier__keys_is(&by_mine[q], cl->id, idlen); q++) {
			size_t i = by_mine[q].index;
			const clausier__xentry *e = &cw->entries[i];
			const char *mine = reverse ? e->to : e->from, *other = reverse ? e->from : e->to;
			size_t t;
			if (e->topic || !mine || strcmp(mine, cl->id))
				continue;
			if (!other) {
				none = (int)i;
				continue;
			}
			seen = 1;
			if (clausier__find_clause(target, other, &t) == 0 &&
			    S_applies(target, &target->clauses[t], policy) && S_rank(e->relation) < best)
				best = S_rank(e->relation);
		}
		if (best <= 2) {
			for (size_t q = run; q < cw->n && clausier__keys_is(&by_mine[q], cl->id, idlen); q++) {
				size_t i = by_mine[q].index;
				const clausier__xentry *e = &cw->entries[i];
				const char *mine = reverse ? e->to : e->from, *other = reverse ? e->from : e->to;
				size_t t;
				if (e->topic || !mine || !other || strcmp(mine, cl->id) || S_rank(e->relation) != best ||
				    clausier__find_clause(target, other, &t) < 0 ||
				    !S_applies(target, &target->clauses[t], policy))
					continue;
				clausier_crosswalk_entry oe;
				clausier_crosswalk_entry_get(&oe, cw, i);
				if (reverse && oe.relation == CLAUSIER_RELATION_BROADER)
					oe.relation = CLAUSIER_RELATION_NARROWER;
				else if (reverse && oe.relation == CLAUSIER_RELATION_NARROWER)
					oe.relation = CLAUSIER_RELATION_BROADER;
				clausier_gap *g = S_gap(r, best == 0   ? CLAUSIER_GAP_MAPPED
				                           : best == 1 ? CLAUSIER_GAP_APPROXIMATED
				                                       : CLAUSIER_GAP_DECISION);
				if (!g)
					goto oom;
				g->from = cl->id;
				g->to = target->clauses[t].id;
				g->relation = oe.relation;
				g->why_en = oe.why_en;
				g->why_fr = oe.why_fr;
				if (best < 2 && !in[t]) {
					in[t] = 1;
					int risk = policy->clauses[k].risk;
					picks[npicks].clause = t;
					picks[npicks].risk = risk;
					picks[npicks].key = S_place(genre, target, t);
					npicks++;
				}
				if (best == 2)
					break; /* one proposal is enough */
			}
			continue;
		}
		clausier_gap *g = S_gap(r, none >= 0 ? CLAUSIER_GAP_DROPPED : CLAUSIER_GAP_DECISION);
		if (!g)
			goto oom;
		g->from = cl->id;
		if (none >= 0) {
			g->why_en = clausier__ltexts_get(&cw->entries[none].why, "en");
			g->why_fr = clausier__ltexts_get(&cw->entries[none].why, "fr");
		} else {
			g->why_en = seen ? S_no_sector_en : S_unrelated_en;
			g->why_fr = seen ? S_no_sector_fr : S_unrelated_fr;
		}
	}

	/* What the target genre requires and nothing covers yet is added; what
	 * it customarily has is proposed. */
	for (size_t i = 0; i < genre->nitems; i++) {
		const clausier__gitem *it = &genre->items[i];
		if (it->kind != CLAUSIER_GENRE_ELEMENT)
			continue;
		if (!clausier__gitem_applies(it, policy->jurisdiction, policy->sector))
			continue;
		int covered = 0;
		for (size_t p = 0; p < npicks && !covered; p++)
			covered = clausier__word_in(it->topics, target->clauses[picks[p].clause].topic);
		if (covered)
			continue;
		int required = it->status && !strcmp(it->status, "required");
		for (size_t t = 0; t < target->nclauses; t++) {
			const clausier__clause *tc = &target->clauses[t];
			if (in[t] || !S_applies(target, tc, policy) || !clausier__word_in(it->topics, tc->topic))
				continue;
			clausier_gap *g = S_gap(r, required ? CLAUSIER_GAP_ADDED : CLAUSIER_GAP_DECISION);
			if (!g)
				goto oom;
			g->to = tc->id;
			g->element = it->id;
			g->why_en = clausier__ltexts_get(&it->text, "en");
			g->why_fr = clausier__ltexts_get(&it->text, "fr");
			if (required) {
				in[t] = 1;
				picks[npicks].clause = t;
				picks[npicks].risk = policy->risk;
				picks[npicks].key = S_place(genre, target, t);
				npicks++;
			}
		}
	}

	/* In the target genre's order. */
	qsort(picks, npicks, sizeof *picks, S_cmp);
	pol->clauses = calloc(npicks + 1, sizeof *pol->clauses);
	if (!pol->clauses)
		goto oom;
	for (size_t p = 0; p < npicks; p++) {
		pol->clauses[p].clause = picks[p].clause;
		clausier__pick_body(&target->clauses[picks[p].clause], policy->jurisdiction, picks[p].risk,
		                    &pol->clauses[p]);
	}
	pol->nclauses = npicks;

	/* Every value of the source, and those it kept from an earlier
	 * conversion, in one list; those whose name the target declares with
	 * the same type (a kept one: whose text parses as it) go across. */
	for (size_t v = 0; v < policy->nvalues + policy->nkept; v++) {
		clausier__value *nv = &values[v];
		if (v < policy->nvalues) {
			const clausier__pvalue *pv = &policy->values[v];
			nv->name = src->params[pv->param].name;
			nv->lang = pv->lang;
			nv->value = pv->text;
			nv->article = pv->article;
			nv->gender = pv->gender;
			nv->number = pv->number;
			nv->elision = pv->elision;
		} else {
			*nv = policy->kept[v - policy->nvalues];
		}
		/* the jurisdiction's facts are its own on both sides */
		if (v < policy->nvalues && policy->values[v].fact) {
			nv->name = NULL;
			continue;
		}
		long i = clausier__find_param(target, nv->name);
		char why[300];
		if (i < 0 || target->params[i].fact || clausier__param_parse(&target->params[i], nv->value, NULL, why, sizeof why) < 0)
			continue;
		if (v < policy->nvalues && target->params[i].type != src->params[policy->values[v].param].type)
			continue;
		across[v] = 1;
	}
	nvalues = policy->nvalues + policy->nkept;
	{
		clausier__value *go = calloc(nvalues + 1, sizeof *go);
		size_t ngo = 0;
		if (!go)
			goto oom;
		for (size_t v = 0; v < nvalues; v++)
			if (across[v])
				go[ngo++] = values[v];
		rc = clausier__policy_set_values(pol, go, ngo, src->source, 1, err);
		free(go);
	}
	if (rc != CLAUSIER_OK)
		goto fail;
	/* What did not go across, or went across to a parameter no clause of
	 * the new policy uses, is kept. */
	{
		long *users = malloc((target->nparams ? target->nparams : 1) * sizeof *users);
		pol->kept = calloc(nvalues + 1, sizeof *pol->kept);
		if (!users || !pol->kept) {
			free(users);
			goto oom;
		}
		clausier__policy_users(pol, users);
		for (size_t v = 0; v < nvalues; v++) {
			if (!values[v].name)
				continue;
			long i = across[v] ? clausier__find_param(target, values[v].name) : -1;
			if (i >= 0 && users[i] != CLAUSIER__USER_NONE)
				continue;
			if (clausier__value_copy(&pol->kept[pol->nkept], &values[v]) < 0) {
				free(users);
				goto oom;
			}
			pol->nkept++;
		}
		free(users);
	}
	int failed = 0;
	for (size_t i = 0; i < r->n; i++) {
		size_t t;
		if (r->gaps[i].to && r->gaps[i].status != CLAUSIER_GAP_DECISION &&
		    clausier__find_clause(target, r->gaps[i].to, &t) == 0)
			r->gaps[i].needs = r->needs[i] = S_needs(pol, t, &failed);
	}
	if (failed)
		goto oom;

	/* The formalities the target genre expects for this policy. */
	for (size_t i = 0; i < genre->nitems; i++) {
		const clausier__gitem *it = &genre->items[i];
		if (it->kind != CLAUSIER_GENRE_FORMALITY)
			continue;
		if (!clausier__gitem_applies(it, policy->jurisdiction, policy->sector))
			continue;
		int applies = !it->when;
		for (size_t p = 0; p < pol->nclauses && !applies; p++)
			applies = !strcmp(target->clauses[pol->clauses[p].clause].topic, it->when);
		if (!applies)
			continue;
		clausier_gap *g = S_gap(r, CLAUSIER_GAP_FORMALITY);
		if (!g)
			goto oom;
		g->element = it->id;
		g->reference = it->reference;
		g->why_en = clausier__ltexts_get(&it->text, "en");
		g->why_fr = clausier__ltexts_get(&it->text, "fr");
	}
	free(picks);
	free(in);
	free(values);
	free(across);
	free(by_mine);
	*out = pol;
	*report = r;
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
	rc = CLAUSIER_ENOMEM;
fail:
	free(picks);
	free(in);
	free(values);
	free(across);
	free(by_mine);
	clausier_policy_free(pol);
	clausier_map_report_free(r);
	return rc;
}

/* ---- the report as data ---- */

static const char *const S_status[] = { "mapped", "approximated", "added", "decision", "dropped", "formality" };

static const clausier__gitem *S_item(const clausier_genre_spec *g, int kind, const char *id)
{
	for (size_t i = 0; id && i < g->nitems; i++)
		if (g->items[i].kind == kind && !strcmp(g->items[i].id, id))
			return &g->items[i];
	return NULL;
}

/* A gap's relation, where it has one: a clause related to another. */
static const char *S_relation(const clausier_gap *g)
{
	int related = g->status != CLAUSIER_GAP_FORMALITY && (g->from || g->to) && !g->element;
	return related ? clausier_relation_name(g->relation) : NULL;
}

/* The report as JSON, built with jansson and written by it (JSON_INDENT(2),
 * members in the order given, UTF-8 as it is): one writer, its escaping
 * jansson's.  A NULL string is JSON's null. */
static json_t *S_jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* The title of a catalog's genre as its editions say it in locale: the
 * catalog's own title; the genre description's only when the catalog has
 * none in that language; then the catalog's source language, then its id. */
static const char *S_title(const clausier_catalog *cat, const clausier_genre_spec *spec, const char *locale)
{
	const clausier__text *t = clausier__msg_lookup(&cat->title, locale);
	if (t)
		return t->pattern;
	const char *g = spec && spec->genre == cat->genre ? clausier_genre_spec_title(spec, locale) : NULL;
	if (!g)
		g = clausier__catalog_title(cat, locale);
	return g ? g : cat->id;
}

/* Sets key to v (taken); 0, or -1 when v is NULL (out of memory). */
static int S_jset(json_t *obj, const char *key, json_t *v)
{
	return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *S_jpair(const char *en, const char *fr)
{
	json_t *o = json_object();
	if (o && (S_jset(o, "en", S_jstr(en)) < 0 || S_jset(o, "fr", S_jstr(fr)) < 0)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *S_json_report(const clausier_map_report *r, const char *sector)
{
	/* json_object_set_new and json_array_append_new take the value, even
	 * when they fail */
	json_t *root = json_object(), *gaps = NULL;
	int bad = !root || S_jset(root, "from", S_jstr(r->from->id)) < 0 || S_jset(root, "to", S_jstr(r->to->id)) < 0 ||
	          S_jset(root, "genre", S_jstr(clausier__genre_name(r->to->genre))) < 0 ||
	          S_jset(root, "from_title", S_jpair(S_title(r->from, NULL, "en"), S_title(r->from, NULL, "fr"))) < 0 ||
	          S_jset(root, "to_title", S_jpair(S_title(r->to, r->genre, "en"), S_title(r->to, r->genre, "fr"))) < 0 ||
	          S_jset(root, "sector", S_jstr(sector)) < 0 ||
	          S_jset(root, "jurisdiction", S_jstr(r->jurisdiction)) < 0 ||
	          S_jset(root, "gaps", gaps = json_array()) < 0;
	for (size_t i = 0; i < r->n && !bad; i++) {
		const clausier_gap *g = &r->gaps[i];
		json_t *o = json_object();
		if ((bad = !o || json_array_append_new(gaps, o) < 0))
			break;
		bad = S_jset(o, "status", S_jstr(S_status[g->status])) < 0 || S_jset(o, "from", S_jstr(g->from)) < 0 ||
		      S_jset(o, "to", S_jstr(g->to)) < 0 ||
		      S_jset(o, "relation", S_jstr(S_relation(g))) < 0 ||
		      S_jset(o, "element", S_jstr(g->element)) < 0 || S_jset(o, "reference", S_jstr(g->reference)) < 0;
		if (!bad && g->status == CLAUSIER_GAP_FORMALITY) {
			const clausier__gitem *it = S_item(r->genre, CLAUSIER_GENRE_FORMALITY, g->element);
			bad = S_jset(o, "title", S_jpair(it ? clausier__ltexts_get(&it->title, "en") : NULL,
			                                 it ? clausier__ltexts_get(&it->title, "fr") : NULL)) < 0;
		}
		json_t *needs = NULL;
		bad = bad || S_jset(o, "why", S_jpair(g->why_en, g->why_fr)) < 0 ||
		      S_jset(o, "needs", needs = json_array()) < 0;
		for (const char *p = g->needs; p && *p && !bad;) {
			size_t len = strcspn(p, " ");
			bad = json_array_append_new(needs, json_stringn(p, len)) < 0;
			p += len;
			while (*p == ' ')
				p++;
		}
	}
	if (bad) {
		json_decref(root);
		return NULL;
	}
	return root;
}

/* The report as XML, written by libxml2's xmlTextWriter: one writer, its
 * escaping libxml2's.  Returns 0, or -1 when out of memory. */
static int S_xattr(xmlTextWriterPtr w, const char *name, const char *v)
{
	return !v || xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)v) >= 0 ? 0 : -1;
}

static int S_xel(xmlTextWriterPtr w, const char *name, const char *lang, const char *text)
{
	if (!text)
		return 0;
	return xmlTextWriterStartElement(w, (const xmlChar *)name) < 0 ||
	       (lang && xmlTextWriterWriteAttribute(w, (const xmlChar *)"xml:lang", (const xmlChar *)lang) < 0) ||
	       xmlTextWriterWriteString(w, (const xmlChar *)text) < 0 || xmlTextWriterEndElement(w) < 0
	               ? -1 : 0;
}

static int S_xml_report(xmlTextWriterPtr w, const clausier_map_report *r, const char *sector)
{
	if (xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, (const xmlChar *)"  ") < 0 ||
	    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, (const xmlChar *)"report") < 0 ||
	    S_xattr(w, "xmlns", "https://clausier.org/ns/1") < 0 || S_xattr(w, "version", "1") < 0 ||
	    S_xattr(w, "from", r->from->id) < 0 || S_xattr(w, "to", r->to->id) < 0 ||
	    S_xattr(w, "genre", clausier__genre_name(r->to->genre)) < 0 || S_xattr(w, "sector", sector) < 0 ||
	    S_xattr(w, "jurisdiction", r->jurisdiction) < 0)
		return -1;
	/* The two genres' titles, as their catalogs say them. */
	static const char *const langs[] = { "en", "fr" };
	for (int side = 0; side < 2; side++)
		for (int k = 0; k < 2; k++) {
			const char *t = side ? S_title(r->to, r->genre, langs[k]) : S_title(r->from, NULL, langs[k]);
			if (xmlTextWriterStartElement(w, (const xmlChar *)"title") < 0 ||
			    S_xattr(w, "of", side ? "to" : "from") < 0 || S_xattr(w, "xml:lang", langs[k]) < 0 ||
			    xmlTextWriterWriteString(w, (const xmlChar *)t) < 0 || xmlTextWriterEndElement(w) < 0)
				return -1;
		}
	for (size_t i = 0; i < r->n; i++) {
		const clausier_gap *g = &r->gaps[i];
		if (xmlTextWriterStartElement(w, (const xmlChar *)"gap") < 0 ||
		    S_xattr(w, "status", S_status[g->status]) < 0 || S_xattr(w, "from", g->from) < 0 ||
		    S_xattr(w, "to", g->to) < 0 || S_xattr(w, "relation", S_relation(g)) < 0 ||
		    S_xattr(w, "element", g->element) < 0 || S_xattr(w, "reference", g->reference) < 0)
			return -1;
		if (g->status == CLAUSIER_GAP_FORMALITY) {
			const clausier__gitem *it = S_item(r->genre, CLAUSIER_GENRE_FORMALITY, g->element);
			if (S_xel(w, "title", "en", it ? clausier__ltexts_get(&it->title, "en") : NULL) < 0 ||
			    S_xel(w, "title", "fr", it ? clausier__ltexts_get(&it->title, "fr") : NULL) < 0)
				return -1;
		}
		if (S_xel(w, "why", "en", g->why_en) < 0 || S_xel(w, "why", "fr", g->why_fr) < 0 ||
		    S_xel(w, "needs", NULL, g->needs) < 0 || xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
}

int clausier_map_report_write(char **out, size_t *out_len, const clausier_map_report *r,
                              clausier_report_format format, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!out || !r || (format != CLAUSIER_REPORT_XML && format != CLAUSIER_REPORT_JSON)) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	const char *sector = r->sector ? clausier__sector_name(r->sector) : NULL;
	char *s = NULL;
	size_t n = 0;
	if (format == CLAUSIER_REPORT_XML) {
		xmlBufferPtr buf = xmlBufferCreate();
		xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
		int ok = w && S_xml_report(w, r, sector) == 0;
		xmlFreeTextWriter(w); /* flushes into buf */
		if (ok && (s = malloc((size_t)xmlBufferLength(buf) + 1))) {
			n = (size_t)xmlBufferLength(buf);
			memcpy(s, xmlBufferContent(buf), n);
			s[n] = '\0';
		}
		xmlBufferFree(buf);
	} else {
		/* json_dumpb into our own buffer: the caller frees it with
		 * clausier_free, whatever allocator a program gave jansson */
		json_t *j = S_json_report(r, sector);
		size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER, need = j ? json_dumpb(j, NULL, 0, flags) : 0;
		if (need && (s = malloc(need + 2))) {
			n = json_dumpb(j, s, need, flags);
			s[n++] = '\n';
			s[n] = '\0';
		}
		json_decref(j);
	}
	if (!s) {
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	*out = s;
	if (out_len)
		*out_len = n;
	return CLAUSIER_OK;
}

/* ---- the report as a document ---- */

static const char *const S_section_titles[][2] = {
	{ "Carried over", "Clauses reprises" },
	{ "Carried over approximately", "Clauses reprises de façon approchée" },
	{ "Added for the new genre", "Clauses ajoutées pour le nouveau genre" },
	{ "Needing a decision", "Points à trancher" },
	{ "Kept aside: no equivalent", "Clauses écartées, faute d’équivalent" },
	{ "Formalities", "Formalités" },
};


int clausier_map_report_render(char **out, size_t *out_len, const clausier_map_report *r,
                               const clausier_render_options *opts, clausier_error *err)
{
	clausier_render_options defaults = CLAUSIER_RENDER_OPTIONS_INIT;
	if (out)
		*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!opts)
		opts = &defaults;
	if (!out || !r || opts->version != CLAUSIER_RENDER_OPTIONS_VERSION) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	clausier__edition ed;
	memset(&ed, 0, sizeof ed);
	int rc = clausier__edition_locale(&ed, opts->locale, err);
	if (rc != CLAUSIER_OK)
		return rc;
	int fr = ed.locale[0] == 'f';
	ed.genre = CLAUSIER_GENRE_SMP;
	ed.source_lang = fr ? "fr" : "en";
	ed.flags = opts->flags;
	ed.width = opts->width;
	static const char *const ids[] = { "mapped", "approximated", "added", "decision", "dropped", "formalities" };
	char **anchors = calloc(r->n + 1, sizeof *anchors);
	ed.sections = calloc(6, sizeof *ed.sections);
	ed.section_ids = calloc(6, sizeof *ed.section_ids);
	ed.clauses = calloc(r->n + 1, sizeof *ed.clauses);
	clausier__buf t = { 0 };
	clausier__buf_puts(&t, fr ? "Rapport de conversion" : "Conversion report");
	ed.title = clausier__buf_detach(&t, NULL);
	/* The genres by their catalogs' titles, as their editions write them
	 * (typeset, and in US title case in en-US). */
	clausier__buf_puts(&t, S_title(r->from, NULL, ed.locale));
	clausier__buf_puts(&t, " \u2192 ");
	clausier__buf_puts(&t, S_title(r->to, r->genre, ed.locale));
	char *sub = clausier__buf_detach(&t, NULL);
	ed.subtitle = sub ? clausier__typeset(sub, ed.locale) : NULL;
	free(sub);
	if (ed.subtitle && !strcmp(ed.locale, "en-US")) {
		char *tc = clausier__title_case(ed.subtitle);
		free(ed.subtitle);
		ed.subtitle = tc;
	}
	if (!anchors || !ed.sections || !ed.section_ids || !ed.clauses || !ed.title || !ed.subtitle)
		goto oom;
	for (int status = 0; status <= CLAUSIER_GAP_FORMALITY; status++) {
		long section = -1;
		for (size_t i = 0; i < r->n; i++) {
			const clausier_gap *g = &r->gaps[i];
			if ((int)g->status != status)
				continue;
			if (section < 0) {
				section = (long)ed.nsections;
				((const char **)ed.section_ids)[ed.nsections] = ids[status];
				if (!(ed.sections[ed.nsections++] = clausier__strdup(S_section_titles[status][fr])))
					goto oom;
			}
			clausier__rclause *c = &ed.clauses[ed.nclauses];
			char id[32];
			snprintf(id, sizeof id, "g%zu", ed.nclauses + 1);
			if (!(anchors[ed.nclauses] = clausier__strdup(id)))
				goto oom;
			c->id = anchors[ed.nclauses++];
			c->section = section;
			c->lang = ed.source_lang;
			clausier__buf h = { 0 }, body = { 0 };
			if (g->status == CLAUSIER_GAP_FORMALITY) {
				const clausier__gitem *it = S_item(r->genre, CLAUSIER_GENRE_FORMALITY, g->element);
				clausier__buf_puts(&h, it ? clausier__ltexts_get(&it->title, ed.locale) : g->element);
			} else {
				char *a = clausier__heading(r->from, g->from, ed.locale);
				char *b = clausier__heading(r->to, g->to, ed.locale);
				clausier__buf_puts(&h, a ? a : b ? b : "");
				if (a && b) {
					clausier__buf_puts(&h, g->status == CLAUSIER_GAP_DECISION ? " \u2192 ? " : " \u2192 ");
					clausier__buf_puts(&h, b);
				}
				free(a);
				free(b);
			}
			if (g->from && g->to) {
				clausier__relation_sentence(&body, g->relation, r->from->genre, r->to->genre, fr, 0);
				clausier__buf_putc(&body, ' ');
			}
			if (g->status == CLAUSIER_GAP_DECISION && g->from && g->to)
				clausier__buf_puts(&body, fr ? "La clause proposée n’est pas reprise d’office. "
				                             : "The proposed clause is not included until someone decides. ");
			const char *why = fr ? g->why_fr : g->why_en;
			clausier__buf_puts(&body, why ? why : "");
			if (g->reference) {
				clausier__buf_puts(&body, fr ? " (Référence : " : " (Reference: ");
				clausier__buf_puts(&body, g->reference);
				clausier__buf_puts(&body, ".)");
			}
			if (g->needs) {
				clausier__buf_puts(&body, fr ? " À renseigner : " : " Still needs a value for: ");
				for (const char *p = g->needs; *p;) {
					size_t len = strcspn(p, " ");
					for (size_t k = 0; k < r->to->nparams; k++)
						if (strlen(r->to->params[k].name) == len && !strncmp(r->to->params[k].name, p, len)) {
							clausier__buf_puts(&body, r->to->params[k].name);
							clausier__buf_puts(&body, " (");
							clausier__buf_puts(&body, clausier__type_label(&r->to->params[k], ed.locale));
							clausier__buf_putc(&body, ')');
						}
					p += len;
					while (*p == ' ')
						p++;
					clausier__buf_puts(&body, *p ? ", " : ".");
				}
			}
			char *hs = clausier__buf_detach(&h, NULL), *bs = clausier__buf_detach(&body, NULL);
			c->heading = hs ? clausier__typeset(hs, ed.locale) : NULL;
			c->body = bs ? clausier__typeset(bs, ed.locale) : NULL;
			free(hs);
			free(bs);
			if (!c->heading || !c->body)
				goto oom;
		}
	}
	rc = clausier__edition_write(out, out_len, &ed, opts, err);
	goto done;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
	rc = CLAUSIER_ENOMEM;
done:
	for (size_t i = 0; anchors && i < ed.nclauses; i++)
		free(anchors[i]);
	free(anchors);
	clausier__edition_free(&ed);
	return rc;
}
