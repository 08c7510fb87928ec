/* The crosswalk: how the topics and clauses of two genres' catalogs relate,
 * with the SKOS mapping relations (data/crosswalk/smp-charte.xml).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

static const char *const S_relations[] = { "exact", "close", "broader", "narrower", "related", "none" };
static const char *const S_skos[] = { "skos:exactMatch", "skos:closeMatch", "skos:narrowMatch",
	                              "skos:broadMatch", "skos:relatedMatch", NULL };

const char *clausier_relation_name(clausier_relation relation)
{
	return (unsigned)relation <= CLAUSIER_RELATION_NONE ? S_relations[relation] : NULL;
}

const char *clausier_relation_skos(clausier_relation relation)
{
	return (unsigned)relation <= CLAUSIER_RELATION_NONE ? S_skos[relation] : NULL;
}

/* The topic vocabulary in both languages, in the catalog format's order. */
static const char *const S_topics[][3] = {
	{ "purpose", "Purpose", "Objet" },
	{ "scope", "Scope", "Champ d’application" },
	{ "definitions", "Definitions", "Définitions" },
	{ "working-time-use", "Use during working time", "Usage pendant le temps de travail" },
	{ "personal-responsibility", "Personal responsibility", "Responsabilité personnelle" },
	{ "transparency", "Transparency", "Transparence" },
	{ "confidentiality", "Confidentiality", "Confidentialité" },
	{ "privacy", "Privacy", "Vie privée" },
	{ "digital-footprint", "Digital footprint", "Traces numériques" },
	{ "reputation", "Reputation", "Réputation" },
	{ "official-accounts", "Official accounts", "Comptes officiels" },
	{ "spokespeople", "Spokespeople", "Porte-parole" },
	{ "crisis-response", "Crisis response", "Gestion de crise" },
	{ "disclaimers", "Disclaimers", "Mentions d’opinion personnelle" },
	{ "intellectual-property", "Intellectual property", "Propriété intellectuelle" },
	{ "respect-and-harassment", "Respect and harassment", "Respect des personnes et harcèlement" },
	{ "legal-compliance", "Legal compliance", "Respect de la loi et loyauté" },
	{ "security", "Security", "Sécurité" },
	{ "good-practice", "Good practice", "Bonnes pratiques" },
	{ "monitoring", "Monitoring", "Contrôle et traçabilité" },
	{ "protected-activity", "Protected activity", "Droits protégés et liberté d’expression" },
	{ "sanctions", "Sanctions", "Sanctions" },
	{ "contacts", "Contacts", "Contacts" },
	{ "entry-into-force", "Entry into force", "Entrée en vigueur" },
	{ "acknowledgement", "Acknowledgement", "Attestation de prise de connaissance" },
	{ "accessibility", "Accessibility", "Accessibilité" },
	{ "records-and-access", "Records and access to information", "Archives et accès aux documents" },
	{ "moderation", "Comments and moderation", "Commentaires et modération" },
	{ "political-activity", "Political activity and elections", "Activité politique et élections" },
	{ "legal-framework", "Legal framework", "Cadre légal" },
	{ "roles", "Roles and responsibilities", "Rôles et responsabilités" },
	{ "languages", "Languages of communication", "Langues de communication" },
	{ "incidents", "Confidentiality incidents", "Incidents de confidentialité" },
	{ "employee-advocacy", "Employee advocacy", "Programmes d’ambassadeurs" },
	{ "market-abuse", "Inside information and closed periods", "Information privilégiée et périodes d’abstention" },
	{ "commercial-influence", "Commercial influence and advertising claims", "Influence commerciale et allégations publicitaires" },
	{ "disconnection", "Right to disconnect", "Droit à la déconnexion" },
	{ "generative-ai", "Generative AI and synthetic media", "IA générative et contenus synthétiques" },
	{ "messaging", "Messaging groups", "Messageries et groupes de discussion" },
	{ "data-transfers", "Transfers of personal data", "Transferts de données personnelles" },
	{ "reporting-to-authorities", "Reporting to public authorities", "Signalements aux autorités" },
	{ "references", "References and recommendations", "Références et recommandations" },
	{ "hiring", "Social media in hiring", "Réseaux sociaux et recrutement" },
	{ "business-contacts", "Business contacts and followers", "Contacts et abonnés professionnels" },
};
#define S_NTOPICS (sizeof S_topics / sizeof S_topics[0])

static long S_topic_index(const char *topic)
{
	for (size_t i = 0; i < S_NTOPICS; i++)
		if (!strcmp(S_topics[i][0], topic))
			return (long)i;
	return -1;
}

const char *clausier__topic_label(const char *topic, int fr)
{
	long i = S_topic_index(topic);
	return i < 0 ? topic : S_topics[i][fr ? 2 : 1];
}

/* ---- loading ---- */

void clausier_crosswalk_free(clausier_crosswalk *cw)
{
	if (!cw)
		return;
	for (size_t i = 0; i < cw->n; i++) {
		free(cw->entries[i].from);
		free(cw->entries[i].to);
		clausier__ltexts_free(&cw->entries[i].why);
	}
	free(cw->entries);
	free(cw->from);
	free(cw->to);
	free(cw->source);
	free(cw);
}

static int S_same(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

static int S_read(void *obj, const char *name, xmlNodePtr root, clausier_error *err)
{
	clausier_crosswalk *cw = obj;
	if (!(cw->source = clausier__strdup(name)))
		goto oom;
	cw->from = clausier__xml_attr(root, "from");
	cw->to = clausier__xml_attr(root, "to");
	size_t n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		n += clausier__xml_is(c, "topic") || clausier__xml_is(c, "match");
	cw->entries = calloc(n ? n : 1, sizeof *cw->entries);
	if (!cw->entries || !cw->from || !cw->to)
		goto oom;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (!clausier__xml_is(c, "topic") && !clausier__xml_is(c, "match"))
			continue;
		clausier__xentry *e = &cw->entries[cw->n++];
		e->topic = clausier__xml_is(c, "topic");
		e->line = clausier__xml_line(c);
		e->from = clausier__xml_attr(c, "from");
		e->to = clausier__xml_attr(c, "to");
		char *rel = clausier__xml_attr(c, "relation");
		e->relation = CLAUSIER_RELATION_NONE;
		for (int r = 0; rel && r <= CLAUSIER_RELATION_NONE; r++)
			if (!strcmp(rel, S_relations[r]))
				e->relation = r;
		free(rel);
		int rc = clausier__ltexts_read(&e->why, c, "why", cw->source, err);
		if (rc != CLAUSIER_OK)
			return rc;
		for (size_t k = 0; k + 1 < cw->n; k++) {
			const clausier__xentry *o = &cw->entries[k];
			if (o->topic == e->topic && S_same(o->from, e->from) && S_same(o->to, e->to)) {
				clausier__error_set(err, CLAUSIER_EINVALID, cw->source, e->line, 0,
				                    _("the relation of “%s” to “%s” is given twice (first at line %d)"),
				                    e->from ? e->from : "-", e->to ? e->to : "-", o->line);
				return CLAUSIER_EINVALID;
			}
		}
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

static void S_free(void *obj)
{
	clausier_crosswalk_free(obj);
}

static const clausier__doc_kind S_kind = { CLAUSIER__SCHEMA_CROSSWALK, sizeof(clausier_crosswalk), S_read, S_free };

int clausier_crosswalk_load_memory(clausier_crosswalk **out, const char *data, size_t len,
                                   const char *name, clausier_error *err)
{
	void *obj = NULL;
	int rc = clausier__doc_load_memory(out ? &obj : NULL, &S_kind, data, len, name, err);
	if (out)
		*out = obj;
	return rc;
}

int clausier_crosswalk_load_file(clausier_crosswalk **out, const char *path, clausier_error *err)
{
	void *obj = NULL;
	int rc = clausier__doc_load_file(out ? &obj : NULL, &S_kind, path, err);
	if (out)
		*out = obj;
	return rc;
}

/* ---- queries ---- */

const char *clausier_crosswalk_from(const clausier_crosswalk *cw)
{
	return cw ? cw->from : NULL;
}

const char *clausier_crosswalk_to(const clausier_crosswalk *cw)
{
	return cw ? cw->to : NULL;
}

size_t clausier_crosswalk_count(const clausier_crosswalk *cw)
{
	return cw ? cw->n : 0;
}

static void S_entry(clausier_crosswalk_entry *o, const clausier__xentry *e, int reverse)
{
	o->topic = e->topic;
	o->from = reverse ? e->to : e->from;
	o->to = reverse ? e->from : e->to;
	o->relation = (clausier_relation)e->relation;
	if (reverse && e->relation == CLAUSIER_RELATION_BROADER)
		o->relation = CLAUSIER_RELATION_NARROWER;
	else if (reverse && e->relation == CLAUSIER_RELATION_NARROWER)
		o->relation = CLAUSIER_RELATION_BROADER;
	o->why_en = clausier__ltexts_get(&e->why, "en");
	o->why_fr = clausier__ltexts_get(&e->why, "fr");
	o->line = e->line;
}

int clausier_crosswalk_entry_get(clausier_crosswalk_entry *out, const clausier_crosswalk *cw, size_t i)
{
	if (!out || !cw || i >= cw->n)
		return CLAUSIER_EARG;
	S_entry(out, &cw->entries[i], 0);
	return CLAUSIER_OK;
}

int clausier_crosswalk_find(clausier_crosswalk_entry **out, size_t *count, const clausier_crosswalk *cw,
                            const char *catalog_id, const char *id, int topic, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (count)
		*count = 0;
	if (!out || !count || !cw || !catalog_id || !id ||
	    (strcmp(catalog_id, cw->from) && strcmp(catalog_id, cw->to))) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	int reverse = strcmp(catalog_id, cw->from) != 0;
	size_t n = 0;
	for (size_t i = 0; i < cw->n; i++) {
		const clausier__xentry *e = &cw->entries[i];
		const char *mine = reverse ? e->to : e->from;
		n += !e->topic == !topic && mine && !strcmp(mine, id);
	}
	if (!n)
		return CLAUSIER_OK;
	clausier_crosswalk_entry *v = calloc(n, sizeof *v);
	if (!v) {
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (size_t i = 0; i < cw->n; i++) {
		const clausier__xentry *e = &cw->entries[i];
		const char *mine = reverse ? e->to : e->from;
		if (!e->topic == !topic && mine && !strcmp(mine, id))
			S_entry(&v[(*count)++], e, reverse);
	}
	*out = v;
	return CLAUSIER_OK;
}

int clausier__crosswalk_check_ids(const clausier_crosswalk *cw, const clausier_catalog *from,
                                  const clausier_catalog *to, clausier_error *err)
{
	if (strcmp(cw->from, from->id) || strcmp(cw->to, to->id)) {
		clausier__error_set(err, CLAUSIER_EARG, cw->source, 0, 0,
		                    _("this crosswalk relates catalogs “%s” and “%s”, not “%s” and “%s”"),
		                    cw->from, cw->to, from->id, to->id);
		return CLAUSIER_EARG;
	}
	for (size_t i = 0; i < cw->n; i++) {
		const clausier__xentry *e = &cw->entries[i];
		size_t k;
		if (e->topic)
			continue;
		if (e->from && clausier__find_clause(from, e->from, &k) < 0) {
			clausier__error_set(err, CLAUSIER_EINVALID, cw->source, e->line, 0,
			                    _("catalog “%s” has no clause “%s”"), from->id, e->from);
			return CLAUSIER_EINVALID;
		}
		if (e->to && clausier__find_clause(to, e->to, &k) < 0) {
			clausier__error_set(err, CLAUSIER_EINVALID, cw->source, e->line, 0,
			                    _("catalog “%s” has no clause “%s”"), to->id, e->to);
			return CLAUSIER_EINVALID;
		}
	}
	return CLAUSIER_OK;
}

int clausier_crosswalk_verify(const clausier_crosswalk *cw, const clausier_catalog *from,
                              const clausier_catalog *to, clausier_error *err)
{
	if (!cw || !from || !to) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	int rc = clausier__crosswalk_check_ids(cw, from, to, err);
	if (rc != CLAUSIER_OK)
		return rc;
	/* Which clauses and topics of each side some relation names: one pass
	 * over the relations, then a lookup per clause. */
	for (int side = 0; side < 2 && rc == CLAUSIER_OK; side++) {
		const clausier_catalog *cat = side ? to : from;
		unsigned char *named = calloc(cat->nclauses + 1, 1);
		const char **topics = malloc((cw->n + 1) * sizeof *topics);
		size_t ntopics = 0;
		clausier__key *keys = NULL;
		if (named && topics) {
			for (size_t i = 0; i < cw->n; i++) {
				const clausier__xentry *e = &cw->entries[i];
				const char *mine = side ? e->to : e->from;
				size_t k;
				if (!mine)
					continue;
				if (e->topic)
					topics[ntopics++] = mine;
				else if (clausier__find_clause(cat, mine, &k) == 0)
					named[k] = 1;
			}
			keys = clausier__keys_make(topics, ntopics);
		}
		if (!keys) {
			clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
			rc = CLAUSIER_ENOMEM;
		}
		for (size_t c = 0; keys && c < cat->nclauses && rc == CLAUSIER_OK; c++) {
			const clausier__clause *cl = &cat->clauses[c];
			if (clausier__keys_find(keys, ntopics, cl->topic, strlen(cl->topic)) < 0) {
				clausier__error_set(err, CLAUSIER_EINVALID, cw->source, 0, 0,
				                    _("topic “%s” of catalog “%s” (clause “%s”) has no relation"),
				                    cl->topic, cat->id, cl->id);
				rc = CLAUSIER_EINVALID;
			} else if (!named[c]) {
				clausier__error_set(err, CLAUSIER_EINVALID, cw->source, 0, 0,
				                    _("clause “%s” of catalog “%s” has no relation"), cl->id, cat->id);
				rc = CLAUSIER_EINVALID;
			}
		}
		free(keys);
		free(topics);
		free(named);
	}
	return rc;
}

/* ---- as a document ---- */

const char *clausier__catalog_title(const clausier_catalog *cat, const char *locale)
{
	const clausier__text *t = clausier__msg_lookup(&cat->title, locale);
	if (!t)
		t = clausier__msg_lookup(&cat->title, cat->source_lang);
	return t ? t->pattern : NULL;
}

/* The relation as a sentence opening an entry: a and b are the genres of
 * the two sides, as the reader's language names them. */
void clausier__relation_sentence(clausier__buf *b, int relation, int genre_a, int genre_b, int fr,
                                 int topic)
{
	const char *a = genre_a == CLAUSIER_GENRE_CHARTE ? (fr ? "la charte" : "the charte")
	                                                 : (fr ? "la politique" : "the policy");
	const char *bb = genre_b == CLAUSIER_GENRE_CHARTE ? (fr ? "la charte" : "the charte")
	                                                  : (fr ? "la politique" : "the policy");
	char s[300];
	switch (relation) {
	case CLAUSIER_RELATION_EXACT:
		snprintf(s, sizeof s, "%s", fr ? "Équivalence exacte (skos:exactMatch)." : "Exact match (skos:exactMatch).");
		break;
	case CLAUSIER_RELATION_CLOSE:
		snprintf(s, sizeof s, "%s", fr ? "Équivalence proche (skos:closeMatch)." : "Close match (skos:closeMatch).");
		break;
	case CLAUSIER_RELATION_BROADER:
		if (topic && fr)
			snprintf(s, sizeof s, "Plus large : sur ce thème, %s couvre davantage que %s (skos:narrowMatch).", a, bb);
		else if (topic)
			snprintf(s, sizeof s, "Broader: on this topic, %s covers more than %s (skos:narrowMatch).", a, bb);
		else if (fr)
			snprintf(s, sizeof s, "Plus large : la clause de %s couvre davantage que celle de %s (skos:narrowMatch).", a, bb);
		else
			snprintf(s, sizeof s, "Broader: %s’s clause covers more than %s’s (skos:narrowMatch).", a, bb);
		break;
	case CLAUSIER_RELATION_NARROWER:
		if (topic && fr)
			snprintf(s, sizeof s, "Plus étroit : sur ce thème, %s couvre moins que %s (skos:broadMatch).", a, bb);
		else if (topic)
			snprintf(s, sizeof s, "Narrower: on this topic, %s covers less than %s (skos:broadMatch).", a, bb);
		else if (fr)
			snprintf(s, sizeof s, "Plus étroite : la clause de %s couvre moins que celle de %s (skos:broadMatch).", a, bb);
		else
			snprintf(s, sizeof s, "Narrower: %s’s clause covers less than %s’s (skos:broadMatch).", a, bb);
		break;
	case CLAUSIER_RELATION_RELATED:
		snprintf(s, sizeof s, "%s", fr ? "Notion voisine, sans équivalence (skos:relatedMatch)." : "Related, not equivalent (skos:relatedMatch).");
		break;
	default:
		snprintf(s, sizeof s, fr ? "Aucun équivalent dans %s." : "No equivalent in %s.", bb);
		break;
	}
	clausier__buf_puts(b, s);
}


int clausier_crosswalk_render(char **out, size_t *out_len, const clausier_crosswalk *cw,
                              const clausier_catalog *from, const clausier_catalog *to,
                              const clausier_render_options *opts, clausier_error *err)
{
	clausier_render_options defaults = CLAUSIER_RENDER_OPTIONS_INIT;
	if (out)
		*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!opts)
		opts = &defaults;
	if (!out || !cw || !from || !to || opts->version != CLAUSIER_RENDER_OPTIONS_VERSION) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	int rc = clausier__crosswalk_check_ids(cw, from, to, err);
	if (rc != CLAUSIER_OK)
		return rc;
	clausier__edition ed;
	memset(&ed, 0, sizeof ed);
	if ((rc = clausier__edition_locale(&ed, opts->locale, err)) != CLAUSIER_OK)
		return rc;
	int fr = ed.locale[0] == 'f';
	ed.genre = CLAUSIER_GENRE_SMP; /* numbered 1., 2. */
	ed.source_lang = fr ? "fr" : "en";
	ed.flags = opts->flags;
	ed.width = opts->width;
	char **ids = calloc(cw->n + 1, sizeof *ids);
	ed.sections = calloc(S_NTOPICS, sizeof *ed.sections);
	ed.section_ids = calloc(S_NTOPICS, sizeof *ed.section_ids);
	ed.clauses = calloc(cw->n + 1, sizeof *ed.clauses);
	clausier__buf t = { 0 };
	clausier__buf_puts(&t, fr ? "Table de correspondance" : "Crosswalk");
	ed.title = clausier__buf_detach(&t, NULL);
	const char *ta = clausier__catalog_title(from, ed.locale), *tb = clausier__catalog_title(to, ed.locale);
	clausier__buf_puts(&t, ta ? ta : from->id);
	clausier__buf_puts(&t, " \u2194 ");
	clausier__buf_puts(&t, tb ? tb : to->id);
	ed.subtitle = clausier__buf_detach(&t, NULL);
	if (!ids || !ed.sections || !ed.section_ids || !ed.clauses || !ed.title || !ed.subtitle)
		goto oom;
	/* One section per topic, in the vocabulary's order; the topic's own
	 * relation first, then the clauses whose first side is on the topic
	 * (or, for those with none, whose second side is). */
	for (size_t tp = 0; tp < S_NTOPICS; tp++) {
		long section = -1;
		for (int pass = 0; pass < 2; pass++)
			for (size_t i = 0; i < cw->n; i++) {
				const clausier__xentry *e = &cw->entries[i];
				if (!!e->topic != !pass)
					continue;
				const char *topic;
				size_t k;
				if (e->topic)
					topic = e->from ? e->from : e->to;
				else if (e->from && clausier__find_clause(from, e->from, &k) == 0)
					topic = from->clauses[k].topic;
				else if (e->to && clausier__find_clause(to, e->to, &k) == 0)
					topic = to->clauses[k].topic;
				else
					continue;
				if (strcmp(topic, S_topics[tp][0]))
					continue;
				if (section < 0) {
					section = (long)ed.nsections;
					((const char **)ed.section_ids)[ed.nsections] = S_topics[tp][0];
					if (!(ed.sections[ed.nsections++] = clausier__strdup(S_topics[tp][fr ? 2 : 1])))
						goto oom;
				}
				clausier__rclause *r = &ed.clauses[ed.nclauses];
				char id[32];
				snprintf(id, sizeof id, "x%zu", ed.nclauses + 1);
				if (!(ids[ed.nclauses] = clausier__strdup(id)))
					goto oom;
				ed.nclauses++;
				r->id = ids[ed.nclauses - 1];
				r->section = section;
				r->lang = ed.source_lang;
				clausier__buf h = { 0 };
				if (e->topic) {
					clausier__buf_puts(&h, fr ? "Le thème" : "The topic");
				} else {
					char *a = clausier__heading(from, e->from, ed.locale);
					char *b = clausier__heading(to, e->to, ed.locale);
					clausier__buf_puts(&h, a ? a : b ? b : "");
					if (a && b) {
						clausier__buf_puts(&h, " \u2192 ");
						clausier__buf_puts(&h, b);
					}
					free(a);
					free(b);
				}
				r->heading = clausier__buf_detach(&h, NULL);
				clausier__buf body = { 0 };
				if (e->from || !e->to)
					clausier__relation_sentence(&body, e->relation, from->genre, to->genre, fr, e->topic);
				else
					clausier__relation_sentence(&body, e->relation, to->genre, from->genre, fr, e->topic);
				clausier__buf_putc(&body, ' ');
				clausier__buf_puts(&body, clausier__ltexts_get(&e->why, fr ? "fr" : "en"));
				char *raw = clausier__buf_detach(&body, NULL);
				r->body = raw ? clausier__typeset(raw, ed.locale) : NULL;
				free(raw);
				if (!r->heading || !r->body)
					goto oom;
			}
	}
	rc = clausier__edition_write(out, out_len, &ed, opts, err);
	goto done;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
	rc = CLAUSIER_ENOMEM;
done:
	for (size_t i = 0; ids && i < ed.nclauses; i++)
		free(ids[i]);
	free(ids);
	clausier__edition_free(&ed); /* the section ids are S_topics' */
	return rc;
}
