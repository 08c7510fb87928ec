/* Genre descriptions: what a reader of a charte d'usage or of a social
 * media policy expects.  Data, not code: data/genres/ (one file a genre).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

/* ---- texts in several languages (genres, crosswalks) ---- */

void clausier__ltexts_free(clausier__ltexts *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].lang);
		free(t->v[i].text);
	}
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

int clausier__ltexts_read(clausier__ltexts *t, xmlNodePtr parent, const char *name,
                          const char *source, clausier_error *err)
{
	size_t n = 0;
	for (xmlNodePtr c = parent->children; c; c = c->next)
		n += clausier__xml_is(c, name);
	t->v = calloc(n ? n : 1, sizeof *t->v);
	if (!t->v)
		goto oom;
	for (xmlNodePtr c = parent->children; c; c = c->next) {
		if (!clausier__xml_is(c, name))
			continue;
		clausier__ltext *l = &t->v[t->n++];
		l->lang = clausier__xml_lang(c);
		l->text = clausier__xml_text(c);
		if (!l->lang || !l->text)
			goto oom;
		long cp;
		size_t pos;
		if (clausier__text_check(l->text, &cp, &pos) < 0) {
			if (cp < 0)
				clausier__error_set(err, CLAUSIER_EINVALID, source, clausier__xml_line(c), 0,
				                    _("<%s xml:lang=\"%s\">: invalid UTF-8 at character %zu"),
				                    name, l->lang, pos);
			else
				clausier__error_set(err, CLAUSIER_EINVALID, source, clausier__xml_line(c), 0,
				                    _("<%s xml:lang=\"%s\">: character %zu is U+%04lX, an invisible control, formatting or separator character, which policy texts may not contain"),
				                    name, l->lang, pos, cp);
			return CLAUSIER_EINVALID;
		}
		for (size_t k = 0; k + 1 < t->n; k++)
			if (!strcasecmp(t->v[k].lang, l->lang)) {
				clausier__error_set(err, CLAUSIER_EINVALID, source, clausier__xml_line(c), 0,
				                    _("a second <%s> in language “%s”"), name, l->lang);
				return CLAUSIER_EINVALID;
			}
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, source, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

const char *clausier__ltexts_get(const clausier__ltexts *t, const char *locale)
{
	if (!t->n)
		return NULL;
	size_t lang_len = locale ? strcspn(locale, "-_") : 0;
	const char *lang = NULL, *en = NULL;
	for (size_t i = 0; i < t->n; i++) {
		const char *l = t->v[i].lang;
		if (locale && !strcasecmp(l, locale))
			return t->v[i].text;
		if (locale && strlen(l) == lang_len && !strncasecmp(l, locale, lang_len))
			lang = t->v[i].text;
		if (!strcasecmp(l, "en"))
			en = t->v[i].text;
	}
	return lang ? lang : en ? en : t->v[0].text;
}

/* ---- the genre file ---- */

void clausier_genre_spec_free(clausier_genre_spec *spec)
{
	if (!spec)
		return;
	for (size_t i = 0; i < spec->nitems; i++) {
		clausier__gitem *it = &spec->items[i];
		free(it->id);
		free(it->topics);
		free(it->status);
		free(it->jurisdictions);
		free(it->sectors);
		free(it->when);
		free(it->reference);
		clausier__ltexts_free(&it->title);
		clausier__ltexts_free(&it->text);
	}
	free(spec->items);
	clausier__ltexts_free(&spec->title);
	clausier__ltexts_free(&spec->description);
	free(spec->origin);
	free(spec->source);
	free(spec);
}

static int S_read(void *obj, const char *name, xmlNodePtr root, clausier_error *err)
{
	clausier_genre_spec *g = obj;
	if (!(g->source = clausier__strdup(name)))
		goto oom;
	char *id = clausier__xml_attr(root, "id");
	g->genre = id && !strcmp(id, "charte") ? CLAUSIER_GENRE_CHARTE : CLAUSIER_GENRE_SMP;
	free(id);
	g->origin = clausier__xml_attr(root, "origin");
	int rc = clausier__ltexts_read(&g->title, root, "title", g->source, err);
	if (rc == CLAUSIER_OK)
		rc = clausier__ltexts_read(&g->description, root, "description", g->source, err);
	if (rc != CLAUSIER_OK)
		return rc;
	size_t n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		n += clausier__xml_is(c, "section") || clausier__xml_is(c, "element") ||
		     clausier__xml_is(c, "formality");
	g->items = calloc(n ? n : 1, sizeof *g->items);
	if (!g->items || !g->origin)
		goto oom;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		int kind = clausier__xml_is(c, "section")   ? CLAUSIER_GENRE_SECTION
		           : clausier__xml_is(c, "element") ? CLAUSIER_GENRE_ELEMENT
		           : clausier__xml_is(c, "formality") ? CLAUSIER_GENRE_FORMALITY
		                                             : -1;
		if (kind < 0)
			continue;
		clausier__gitem *it = &g->items[g->nitems++];
		it->kind = kind;
		it->line = clausier__xml_line(c);
		it->id = clausier__xml_attr(c, "id");
		it->topics = clausier__xml_attr(c, "topics");
		it->status = clausier__xml_attr(c, kind == CLAUSIER_GENRE_SECTION ? "kind" : "status");
		it->jurisdictions = clausier__xml_attr(c, "jurisdictions");
		it->sectors = clausier__xml_attr(c, "sectors");
		it->when = clausier__xml_attr(c, "when");
		it->reference = clausier__xml_attr(c, "reference");
		if (!it->id)
			goto oom;
		rc = clausier__ltexts_read(&it->title, c, "title", g->source, err);
		if (rc == CLAUSIER_OK)
			rc = clausier__ltexts_read(&it->text, c, kind == CLAUSIER_GENRE_ELEMENT ? "why" : "text",
			                           g->source, err);
		if (rc != CLAUSIER_OK)
			return rc;
		for (size_t k = 0; k + 1 < g->nitems; k++)
			if (g->items[k].kind == it->kind && !strcmp(g->items[k].id, it->id)) {
				clausier__error_set(err, CLAUSIER_EINVALID, g->source, it->line, 0,
				                    _("“%s” is defined twice (first at line %d)"), it->id,
				                    g->items[k].line);
				return CLAUSIER_EINVALID;
			}
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

static void S_free(void *obj)
{
	clausier_genre_spec_free(obj);
}

static const clausier__doc_kind S_kind = { CLAUSIER__SCHEMA_GENRE, sizeof(clausier_genre_spec), S_read, S_free };

int clausier_genre_spec_load_memory(clausier_genre_spec **out, const char *data, size_t len,
                                    const char *name, clausier_error *err)
{
	void *obj = NULL;
	int rc = clausier__doc_load_memory(out ? &obj : NULL, &S_kind, data, len, name, err);
	if (out)
		*out = obj;
	return rc;
}

int clausier_genre_spec_load_file(clausier_genre_spec **out, const char *path, clausier_error *err)
{
	void *obj = NULL;
	int rc = clausier__doc_load_file(out ? &obj : NULL, &S_kind, path, err);
	if (out)
		*out = obj;
	return rc;
}

clausier_genre clausier_genre_spec_genre(const clausier_genre_spec *spec)
{
	return spec ? (clausier_genre)spec->genre : CLAUSIER_GENRE_ANY;
}

const char *clausier_genre_spec_title(const clausier_genre_spec *spec, const char *locale)
{
	return spec ? clausier__ltexts_get(&spec->title, locale) : NULL;
}

int clausier_genre_spec_items(clausier_genre_item **out, size_t *count, const clausier_genre_spec *spec,
                              const char *locale, clausier_error *err)
{
	if (!out || !count || !spec) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	*count = 0;
	clausier_genre_item *v = calloc(spec->nitems ? spec->nitems : 1, sizeof *v);
	if (!v) {
		clausier__error_set(err, CLAUSIER_ENOMEM, spec->source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	size_t n = 0;
	/* The file may interleave them; the list does not. */
	for (int kind = CLAUSIER_GENRE_SECTION; kind <= CLAUSIER_GENRE_FORMALITY; kind++)
		for (size_t i = 0; i < spec->nitems; i++) {
			const clausier__gitem *it = &spec->items[i];
			if (it->kind != kind)
				continue;
			clausier_genre_item *o = &v[n++];
			o->kind = (clausier_genre_item_kind)it->kind;
			o->id = it->id;
			o->topics = it->topics;
			o->status = it->status;
			o->jurisdictions = it->jurisdictions;
			o->sectors = it->sectors;
			o->when = it->when;
			o->reference = it->reference;
			o->title = clausier__ltexts_get(&it->title, locale);
			o->text = clausier__ltexts_get(&it->text, locale);
			o->line = it->line;
		}
	*out = v;
	*count = n;
	return CLAUSIER_OK;
}

int clausier__gitem_applies(const clausier__gitem *it, const char *jurisdiction, int sector)
{
	if (it->jurisdictions && !(jurisdiction && clausier__word_in(it->jurisdictions, jurisdiction)))
		return 0;
	return !it->sectors || (sector && clausier__word_in(it->sectors, clausier__sector_name(sector)));
}
