/* Catalogs: loading, checking, lookup.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#define S_NS "https://clausier.org/ns/1"

typedef struct {
	clausier_catalog *cat;
	clausier_error *err;
	int status;
} S_loader;

static int S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, S_NS) &&
	       !strcmp((const char *)n->name, name);
}

static int S_line(xmlNodePtr n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

static char *S_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s = clausier__strdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Text as authors wrap it in XML: runs of ASCII white space become one
 * space, none at either end.  No-break spaces are not white space here. */
char *clausier__xml_text(xmlNodePtr n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	if (!raw)
		return NULL;
	char *out = malloc(strlen((const char *)raw) + 1);
	if (out) {
		char *o = out;
		int space = 0;
		for (const char *p = (const char *)raw; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
				space = o != out;
				continue;
			}
			if (space)
				*o++ = ' ';
			space = 0;
			*o++ = *p;
		}
		*o = '\0';
	}
	xmlFree(raw);
	return out;
}

char *clausier__xml_lang(xmlNodePtr n)
{
	xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
	char *s = clausier__strdup((const char *)v);
	xmlFree(v);
	return s;
}

static void S_oom(S_loader *ld)
{
	if (ld->status == CLAUSIER_OK) {
		ld->status = CLAUSIER_ENOMEM;
		clausier__error_set(ld->err, CLAUSIER_ENOMEM, ld->cat->source, 0, 0, _("out of memory"));
	}
}

__attribute__((format(printf, 4, 5)))
static void S_fail(S_loader *ld, int code, int line, const char *fmt, ...)
{
	if (ld->status != CLAUSIER_OK)
		return;
	ld->status = code;
	va_list ap;
	va_start(ap, fmt);
	clausier__error_vset(ld->err, code, ld->cat->source, line, 0, fmt, ap);
	va_end(ap);
}

static long S_find_param(const clausier_catalog *cat, const char *name)
{
	for (size_t i = 0; i < cat->nparams; i++)
		if (!strcmp(cat->params[i].name, name))
			return (long)i;
	return -1;
}

static const char *S_type_name(enum clausier__ptype t)
{
	switch (t) {
	case CLAUSIER__P_NUMBER: return "number";
	case CLAUSIER__P_DATE: return "date";
	default: return "text";
	}
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long long S_days(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

int clausier__param_parse(enum clausier__ptype type, const char *text, double *date, char *why,
                          size_t whylen)
{
	const char *p = text;
	switch (type) {
	case CLAUSIER__P_NUMBER: {
		/* A plain decimal, independent of the process locale. */
		size_t digits = 0, frac = 0;
		if (*p == '-')
			p++;
		while (*p >= '0' && *p <= '9')
			p++, digits++;
		if (*p == '.') {
			p++;
			while (*p >= '0' && *p <= '9')
				p++, frac++;
			if (!frac)
				digits = 0;
		}
		if (*p || !digits || digits > 15 || frac > 6) {
			snprintf(why, whylen, _("“%s” is not a number (write it like 30 or 2.5)"), text);
			return -1;
		}
		return 0;
	}
	case CLAUSIER__P_DATE: {
		unsigned y, m, d;
		int n = 0;
		static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		if (strlen(text) != 10 || sscanf(text, "%4u-%2u-%2u%n", &y, &m, &d, &n) != 3 || n != 10 ||
		    text[4] != '-' || text[7] != '-' || y < 1000 || m < 1 || m > 12 || d < 1 ||
		    d > mdays[m - 1] ||
		    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))) {
			snprintf(why, whylen, _("“%s” is not a date (write it as YYYY-MM-DD)"), text);
			return -1;
		}
		if (date)
			*date = (double)S_days(y, m, d) * 86400000.0;
		return 0;
	}
	default:
		if (!*text) {
			snprintf(why, whylen, "%s", _("the value is empty"));
			return -1;
		}
		return 0;
	}
}

typedef struct {
	S_loader *ld;
	unsigned char *uses;
} S_argctx;

static int S_on_arg(void *vctx, const char *name, enum clausier__argkind kind, char *why, size_t whylen)
{
	S_argctx *ctx = vctx;
	const clausier_catalog *cat = ctx->ld->cat;
	long i = S_find_param(cat, name);
	if (i < 0) {
		snprintf(why, whylen, _("argument {%s} is not a declared parameter"), name);
		return -1;
	}
	enum clausier__ptype t = cat->params[i].type;
	int ok = kind == CLAUSIER__ARG_ANY || (kind == CLAUSIER__ARG_NUMBER && t == CLAUSIER__P_NUMBER) ||
	         (kind == CLAUSIER__ARG_DATE && t == CLAUSIER__P_DATE) ||
	         (kind == CLAUSIER__ARG_TEXT && t == CLAUSIER__P_TEXT);
	if (!ok) {
		/* TRANSLATORS: the types are the keywords of the catalog format
		 * (number, date, text): leave them in English. */
		snprintf(why, whylen, _("argument {%s} needs a parameter of type %s, but “%s” has type %s"),
		         name,
		         kind == CLAUSIER__ARG_NUMBER ? "number" : kind == CLAUSIER__ARG_DATE ? "date" : "text",
		         name, S_type_name(t));
		return -1;
	}
	ctx->uses[i] = 1;
	return 0;
}

/* Reads <text xml:lang> children into msg, checking each pattern.  what
 * names the message in errors ("clause “x”", "title"). */
static void S_read_msg(S_loader *ld, clausier__msg *msg, xmlNodePtr el, const char *what,
                       unsigned char *uses)
{
	msg->line = S_line(el);
	msg->present = 1;
	size_t n = 0;
	for (xmlNodePtr c = el->children; c; c = c->next)
		n += S_is(c, "text");
	msg->texts = calloc(n ? n : 1, sizeof *msg->texts);
	if (!msg->texts) {
		S_oom(ld);
		return;
	}
	for (xmlNodePtr c = el->children; c && ld->status == CLAUSIER_OK; c = c->next) {
		if (!S_is(c, "text"))
			continue;
		clausier__text *t = &msg->texts[msg->ntexts++];
		t->line = S_line(c);
		t->lang = clausier__xml_lang(c);
		t->pattern = clausier__xml_text(c);
		if (!t->lang || !t->pattern) {
			S_oom(ld);
			return;
		}
		for (size_t j = 0; j + 1 < msg->ntexts; j++)
			if (!strcasecmp(msg->texts[j].lang, t->lang)) {
				S_fail(ld, CLAUSIER_EINVALID, t->line, _("%s: a second text in “%s”"), what, t->lang);
				return;
			}
		long cp;
		size_t pos;
		if (clausier__text_check(t->pattern, &cp, &pos) < 0) {
			if (cp < 0)
				S_fail(ld, CLAUSIER_EINVALID, t->line, _("%s, text in “%s”: invalid UTF-8 at character %zu"),
				       what, t->lang, pos);
			else
				S_fail(ld, CLAUSIER_EINVALID, t->line,
				       _("%s, text in “%s”: character %zu is U+%04lX, a control or bidi formatting character, which policy texts may not contain"),
				       what, t->lang, pos, cp);
			return;
		}
		char why[400];
		S_argctx actx = { ld, uses };
		if (clausier__msg_check(t->pattern, t->lang, S_on_arg, &actx, why, sizeof why) < 0) {
			S_fail(ld, CLAUSIER_EMESSAGE, t->line, _("%s, text in “%s”: %s"), what, t->lang, why);
			return;
		}
	}
	if (ld->status == CLAUSIER_OK && !clausier__msg_lookup(msg, ld->cat->source_lang))
		S_fail(ld, CLAUSIER_EINVALID, msg->line,
		       _("%s has no text in the catalog’s source language “%s”"), what, ld->cat->source_lang);
}

static void S_read_param(S_loader *ld, xmlNodePtr el)
{
	clausier_catalog *cat = ld->cat;
	clausier__param *p = &cat->params[cat->nparams];
	p->line = S_line(el);
	p->name = S_attr(el, "name");
	char *type = S_attr(el, "type");
	p->defval = S_attr(el, "default");
	if (!p->name || !type) {
		free(p->name);
		free(p->defval);
		free(type);
		S_oom(ld);
		return;
	}
	cat->nparams++;
	p->type = !strcmp(type, "number") ? CLAUSIER__P_NUMBER
	          : !strcmp(type, "date") ? CLAUSIER__P_DATE
	                                  : CLAUSIER__P_TEXT;
	free(type);
	if (S_find_param(cat, p->name) != (long)cat->nparams - 1) {
		S_fail(ld, CLAUSIER_EINVALID, p->line, _("parameter “%s” is declared twice"), p->name);
		return;
	}
	char why[300];
	if (p->defval && clausier__param_parse(p->type, p->defval, NULL, why, sizeof why) < 0)
		S_fail(ld, CLAUSIER_EINVALID, p->line, _("parameter “%s” (%s), default value: %s"), p->name,
		       S_type_name(p->type), why);
}

static void S_read_clause(S_loader *ld, xmlNodePtr el)
{
	clausier_catalog *cat = ld->cat;
	clausier__clause *cl = &cat->clauses[cat->nclauses++];
	cl->line = S_line(el);
	cl->id = S_attr(el, "id");
	cl->topic = S_attr(el, "topic");
	cl->uses = calloc(cat->nparams ? cat->nparams : 1, 1);
	if (!cl->id || !cl->topic || !cl->uses) {
		S_oom(ld);
		return;
	}
	size_t idx;
	if (clausier__find_clause(cat, cl->id, &idx) == 0 && idx != cat->nclauses - 1) {
		S_fail(ld, CLAUSIER_EINVALID, cl->line, _("clause “%s” is defined twice (first at line %d)"),
		       cl->id, cat->clauses[idx].line);
		return;
	}
	char what[300];
	snprintf(what, sizeof what, _("clause “%s”"), cl->id);
	for (xmlNodePtr c = el->children; c && ld->status == CLAUSIER_OK; c = c->next) {
		if (S_is(c, "heading"))
			S_read_msg(ld, &cl->heading, c, what, cl->uses);
		else if (S_is(c, "body"))
			S_read_msg(ld, &cl->body, c, what, cl->uses);
	}
}

static void S_free_msg(clausier__msg *m)
{
	for (size_t i = 0; i < m->ntexts; i++) {
		free(m->texts[i].lang);
		free(m->texts[i].pattern);
	}
	free(m->texts);
}

void clausier_catalog_free(clausier_catalog *cat)
{
	if (!cat)
		return;
	free(cat->source);
	free(cat->source_lang);
	S_free_msg(&cat->title);
	S_free_msg(&cat->subtitle);
	S_free_msg(&cat->dateline);
	for (size_t i = 0; i < cat->nparams; i++) {
		free(cat->params[i].name);
		free(cat->params[i].defval);
	}
	free(cat->params);
	free(cat->front_uses);
	for (size_t i = 0; i < cat->nclauses; i++) {
		clausier__clause *cl = &cat->clauses[i];
		free(cl->id);
		free(cl->topic);
		free(cl->uses);
		S_free_msg(&cl->heading);
		S_free_msg(&cl->body);
	}
	free(cat->clauses);
	free(cat);
}

int clausier_catalog_load_memory(clausier_catalog **out, const char *data, size_t len,
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
	int rc = clausier__xml_load(&doc, data ? data : "", len, name, CLAUSIER__SCHEMA_CATALOG, err);
	if (rc != CLAUSIER_OK)
		return rc;

	S_loader ld = { calloc(1, sizeof(clausier_catalog)), err, CLAUSIER_OK };
	clausier_catalog *cat = ld.cat;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!cat || !(cat->source = clausier__strdup(name)) ||
	    !(cat->source_lang = S_attr(root, "source-lang"))) {
		clausier_catalog_free(cat);
		xmlFreeDoc(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	size_t np = 0, nc = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		np += S_is(c, "param");
		nc += S_is(c, "clause");
	}
	cat->params = calloc(np ? np : 1, sizeof *cat->params);
	cat->clauses = calloc(nc ? nc : 1, sizeof *cat->clauses);
	cat->front_uses = calloc(np ? np : 1, 1);
	if (!cat->params || !cat->clauses || !cat->front_uses)
		S_oom(&ld);
	/* Parameters first: messages are checked against them. */
	for (xmlNodePtr c = root->children; c && ld.status == CLAUSIER_OK; c = c->next)
		if (S_is(c, "param"))
			S_read_param(&ld, c);
	for (xmlNodePtr c = root->children; c && ld.status == CLAUSIER_OK; c = c->next) {
		if (S_is(c, "title"))
			S_read_msg(&ld, &cat->title, c, _("the title"), cat->front_uses);
		else if (S_is(c, "subtitle"))
			S_read_msg(&ld, &cat->subtitle, c, _("the subtitle"), cat->front_uses);
		else if (S_is(c, "dateline"))
			S_read_msg(&ld, &cat->dateline, c, _("the dateline"), cat->front_uses);
		else if (S_is(c, "clause"))
			S_read_clause(&ld, c);
	}
	xmlFreeDoc(doc);
	if (ld.status != CLAUSIER_OK) {
		clausier_catalog_free(cat);
		return ld.status;
	}
	*out = cat;
	return CLAUSIER_OK;
}

int clausier_catalog_load_file(clausier_catalog **out, const char *path, clausier_error *err)
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
	rc = clausier_catalog_load_memory(out, data, len, path, err);
	free(data);
	return rc;
}

size_t clausier_catalog_count(const clausier_catalog *catalog)
{
	return catalog ? catalog->nclauses : 0;
}

const char *clausier_catalog_clause_id(const clausier_catalog *catalog, size_t i)
{
	return catalog && i < catalog->nclauses ? catalog->clauses[i].id : NULL;
}

const char *clausier_catalog_source_language(const clausier_catalog *catalog)
{
	return catalog ? catalog->source_lang : NULL;
}

int clausier__find_clause(const clausier_catalog *catalog, const char *id, size_t *index)
{
	for (size_t i = 0; i < catalog->nclauses; i++)
		if (catalog->clauses[i].id && !strcmp(catalog->clauses[i].id, id)) {
			*index = i;
			return 0;
		}
	return -1;
}

const clausier__text *clausier__msg_lookup(const clausier__msg *msg, const char *locale)
{
	size_t lang_len = strcspn(locale, "-_");
	const clausier__text *lang_match = NULL;
	for (size_t i = 0; i < msg->ntexts; i++) {
		const char *l = msg->texts[i].lang;
		if (!strcasecmp(l, locale))
			return &msg->texts[i];
		if (strlen(l) == lang_len && !strncasecmp(l, locale, lang_len))
			lang_match = &msg->texts[i];
	}
	return lang_match;
}
