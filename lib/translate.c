/* The translators' checks of whole files: PO files and multilingual
 * catalogs checked entry by entry, their typography fixed in place, their
 * statistics, and the glossary of required translations.  `clausier check`
 * and `clausier stats` are thin layers over these, and so is the Python
 * binding.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"
#include "po.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* The bytes of the file at path: CLAUSIER_OK, or CLAUSIER_EIO (CLAUSIER_ENOMEM)
 * with err naming the file. */
static int S_slurp(const char *path, char **data, size_t *len, clausier_error *err)
{
	if (clausier__po_slurp(path, data, len) == 0)
		return CLAUSIER_OK;
	int e = errno, code = e == ENOMEM ? CLAUSIER_ENOMEM : CLAUSIER_EIO;
	clausier__error_set(err, code, path, 0, 0, _("cannot open: %s"), strerror(e));
	return code;
}

/* ---- the glossary ---- */

typedef struct {
	char *src, *dst; /* BCP 47 tags */
	char *term, *required;
	char *term_key, *required_key; /* S_key's forms */
} S_term;

struct clausier_glossary {
	S_term *terms;
	size_t n;
};

/* Text for matching terms: each character case-folded by ICU (u_foldCase:
 * « É » is « é »), words (letters, digits and apostrophes, ’ as ') without
 * a final s or x (« renseignement confidentiel » matches « renseignements
 * confidentiels »), one space between words and at each end.  malloc'd, or
 * NULL. */
static char *S_key(const char *in)
{
	int32_t n = (int32_t)strlen(in);
	/* a folded character takes at most 4 bytes, as any */
	char *out = malloc((size_t)n * 4 + 4);
	if (!out)
		return NULL;
	size_t o = 0;
	out[o++] = ' ';
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U8_NEXT((const uint8_t *)in, i, n, c);
		/* ASCII decided here, the rest by ICU's properties */
		int letter = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\''
		                      : u_isalnum(c) || c == 0x2019 || u_hasBinaryProperty(c, UCHAR_DIACRITIC);
		if (!letter) {
			if (o >= 2 && (out[o - 1] == 's' || out[o - 1] == 'x') && out[o - 2] != ' ')
				o--;
			if (out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		if (c == 0x2019) /* ’ and ' are one apostrophe */
			c = '\'';
		c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) : u_foldCase(c, U_FOLD_CASE_DEFAULT);
		UBool bad = 0;
		U8_APPEND((uint8_t *)out, o, (size_t)n * 4 + 4, c, bad);
		(void)bad;
	}
	if (o >= 2 && (out[o - 1] == 's' || out[o - 1] == 'x') && out[o - 2] != ' ')
		o--;
	if (out[o - 1] != ' ')
		out[o++] = ' ';
	out[o] = '\0';
	return out;
}

void clausier_glossary_free(clausier_glossary *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++) {
		free(g->terms[i].src);
		free(g->terms[i].dst);
		free(g->terms[i].term);
		free(g->terms[i].required);
		free(g->terms[i].term_key);
		free(g->terms[i].required_key);
	}
	free(g->terms);
	free(g);
}

size_t clausier_glossary_count(const clausier_glossary *g)
{
	return g ? g->n : 0;
}

static int S_lang_tag(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 35)
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

int clausier_glossary_load_file(clausier_glossary **out, const char *path, clausier_error *err)
{
	if (!out || !path) {
		clausier__error_set(err, CLAUSIER_EARG, "<glossary>", 0, 0, _("invalid argument"));
		if (out)
			*out = NULL;
		return CLAUSIER_EARG;
	}
	*out = NULL;
	char *data;
	size_t len;
	int rc0 = S_slurp(path, &data, &len, err);
	if (rc0 != CLAUSIER_OK)
		return rc0;
	clausier_glossary *g = calloc(1, sizeof *g);
	int rc = g ? CLAUSIER_OK : CLAUSIER_ENOMEM;
	int lineno = 0;
	for (char *line = data; rc == CLAUSIER_OK && line < data + len;) {
		char *nl = memchr(line, '\n', (size_t)(data + len - line));
		char *end = nl ? nl : data + len;
		lineno++;
		if (end > line && end[-1] == '\r')
			end[-1] = '\0';
		*end = '\0';
		char *next = nl ? nl + 1 : data + len;
		if (!line[0] || line[0] == '#') {
			line = next;
			continue;
		}
		long cp;
		size_t pos;
		char *field[4];
		int n = 0;
		char *p = line;
		for (; n < 4 && p; n++) {
			field[n] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (n != 4 || p) {
			clausier__error_set(err, CLAUSIER_EINVALID, path, lineno, 0,
			                    _("a glossary line has four tab-separated fields: source language, target language, term, its required translation"));
			rc = CLAUSIER_EINVALID;
			break;
		}
		for (int k = 0; k < 4 && rc == CLAUSIER_OK; k++) {
			if (k < 2 && !S_lang_tag(field[k])) {
				clausier__error_set(err, CLAUSIER_EINVALID, path, lineno, 0,
				                    _("field %d is not a language tag (en, fr, fr-CA…)"), k + 1);
				rc = CLAUSIER_EINVALID;
			} else if (clausier__text_check(field[k], &cp, &pos) < 0 || !field[k][0]) {
				clausier__error_set(err, CLAUSIER_EINVALID, path, lineno, 0,
				                    _("field %d: a term and its translation are non-empty UTF-8 text without control characters"),
				                    k + 1);
				rc = CLAUSIER_EINVALID;
			}
		}
		if (rc != CLAUSIER_OK)
			break;
		S_term *t = realloc(g->terms, (g->n + 1) * sizeof *t);
		if (!t) {
			rc = CLAUSIER_ENOMEM;
			break;
		}
		g->terms = t;
		t = &g->terms[g->n];
		t->src = strdup(field[0]);
		t->dst = strdup(field[1]);
		t->term = strdup(field[2]);
		t->required = strdup(field[3]);
		t->term_key = S_key(field[2]);
		t->required_key = S_key(field[3]);
		g->n++;
		if (!t->src || !t->dst || !t->term || !t->required || !t->term_key || !t->required_key)
			rc = CLAUSIER_ENOMEM;
		line = next;
	}
	free(data);
	if (rc == CLAUSIER_ENOMEM)
		clausier__error_set(err, rc, path, 0, 0, _("out of memory"));
	if (rc != CLAUSIER_OK) {
		clausier_glossary_free(g);
		return rc;
	}
	*out = g;
	return CLAUSIER_OK;
}

/* Whether the glossary's target language covers lang: "fr" is France,
 * Belgium and Switzerland, not Quebec, whose usage differs; a region must
 * match exactly.  Tags compare case-insensitively, _ as -. */
static int S_covers(const char *target, const char *lang)
{
	size_t t = strlen(target);
	size_t i = 0;
	for (; i < t && lang[i]; i++) {
		char a = target[i], b = lang[i] == '_' ? '-' : lang[i];
		if ((a | 0x20) != (b | 0x20))
			return 0;
	}
	if (i < t)
		return 0;
	if (!lang[t])
		return 1;
	return !strchr(target, '-') && (lang[t] == '-' || lang[t] == '_') && strcasecmp(lang + t + 1, "CA") != 0;
}

static int S_same_lang(const char *a, const char *b)
{
	size_t la = strcspn(a, "-_"), lb = strcspn(b, "-_");
	return la == lb && !strncasecmp(a, b, la);
}

static int S_glossary_check(const clausier_glossary *g, const char *source, const char *source_lang,
                            const char *translation, const char *lang, clausier__check_emit emit, void *ctx)
{
	if (!g || !g->n)
		return 0;
	char *a = S_key(source), *b = S_key(translation);
	int warnings = 0;
	for (size_t i = 0; a && b && i < g->n; i++) {
		const S_term *t = &g->terms[i];
		if (!S_same_lang(t->src, source_lang) || !S_covers(t->dst, lang))
			continue;
		if (strstr(a, t->term_key) && !strstr(b, t->required_key)) {
			char msg[1200];
			snprintf(msg, sizeof msg, _("glossary: “%s” is translated “%s” in %s"), t->term, t->required, lang);
			emit(ctx, CLAUSIER_CHECK_WARNING, 0, "glossary", msg);
			warnings++;
		}
	}
	free(a);
	free(b);
	return warnings;
}

int clausier_glossary_check(const clausier_glossary *g, const char *source, const char *source_lang,
                            const char *translation, const char *lang, clausier_check_report report, void *ctx)
{
	if (!g || !source || !source_lang || !translation || !lang || !report)
		return CLAUSIER_EARG;
	clausier__check_public p = { report, ctx };
	return S_glossary_check(g, source, source_lang, translation, lang, clausier__check_untagged, &p);
}

/* ---- options ---- */

int clausier_check_options_init(clausier_check_options *opts, unsigned int version)
{
	if (!opts || version != CLAUSIER_CHECK_OPTIONS_VERSION)
		return CLAUSIER_EARG;
	clausier_check_options d = CLAUSIER_CHECK_OPTIONS_INIT;
	*opts = d;
	return CLAUSIER_OK;
}

static const clausier_check_options S_defaults = CLAUSIER_CHECK_OPTIONS_INIT;

/* The options given, or the defaults; NULL for an unknown version. */
static const clausier_check_options *S_opts(const clausier_check_options *o)
{
	if (!o)
		return &S_defaults;
	return o->version == CLAUSIER_CHECK_OPTIONS_VERSION ? o : NULL;
}

/* The msgids' language: the one given, else en, or fr for translations into
 * English. */
static const char *S_source_lang(const clausier_check_options *o, const char *lang)
{
	if (o->source_lang)
		return o->source_lang;
	return (lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N') ? "fr" : "en";
}

/* ---- checking a file's entries ---- */

typedef struct {
	clausier_check_finding f;
	clausier_check_finding_report report;
	void *ctx;
	int errors;
} S_sink;

static void S_emit(void *vctx, clausier_severity severity, int column, const char *rule, const char *message)
{
	S_sink *s = vctx;
	s->f.severity = severity;
	s->f.column = column;
	s->f.rule = rule;
	s->f.message = message;
	s->report(s->ctx, &s->f);
	s->errors += severity == CLAUSIER_CHECK_ERROR;
}

/* Reads data as PO: 0, or the error finding it is worth (1), or -1 when
 * memory ran out; *lang gets the header's Language. */
static int S_read(S_sink *s, const char *data, size_t len, clausier__po_entry **e, size_t *n, char *lang,
                  size_t langlen, clausier_error *err)
{
	char why[64];
	if (clausier__po_read_memory(data, len, e, n, lang, langlen, why, sizeof why) < 0) {
		const char *what = strchr(why, ':');
		if (what && !strcmp(what + 1, "memory")) {
			clausier__error_set(err, CLAUSIER_ENOMEM, s->f.source, 0, 0, _("out of memory"));
			return -1;
		}
		s->f.line = atoi(why);
		S_emit(s, CLAUSIER_CHECK_ERROR, 0, "po-syntax", _("this line is not PO syntax"));
		return 1;
	}
	if (!lang[0]) {
		s->f.line = 1;
		S_emit(s, CLAUSIER_CHECK_ERROR, 0, "po-language", _("the header gives no Language"));
		clausier__po_free(*e, *n);
		return 1;
	}
	return 0;
}

static int S_is_header(const clausier__po_entry *e)
{
	return !e->msgid || (!e->msgid[0] && !e->msgctxt);
}

int clausier_check_po_memory(const char *data, size_t len, const char *name, const clausier_check_options *opts,
                             clausier_check_finding_report report, void *ctx, clausier_error *err)
{
	const clausier_check_options *o = S_opts(opts);
	if (!data || !report || !o) {
		clausier__error_set(err, CLAUSIER_EARG, name ? name : "<memory>", 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	if (!name)
		name = "<memory>";
	char lang[64];
	clausier__po_entry *e;
	size_t n;
	S_sink s = { { .source = name }, report, ctx, 0 };
	int r = S_read(&s, data, len, &e, &n, lang, sizeof lang, err);
	if (r < 0)
		return CLAUSIER_ENOMEM;
	if (r > 0)
		return s.errors;
	s.f.lang = lang;
	const char *src = S_source_lang(o, lang);
	for (size_t i = 0; i < n; i++) {
		if (S_is_header(&e[i]))
			continue;
		s.f.line = e[i].msgstr_line ? e[i].msgstr_line : e[i].line;
		if (e[i].obsolete) {
			s.f.line = e[i].line;
			S_emit(&s, CLAUSIER_CHECK_WARNING, 0, "obsolete", _("obsolete entry: remove it or restore its source"));
		} else if (!e[i].msgstr || !e[i].msgstr[0]) {
			S_emit(&s, CLAUSIER_CHECK_WARNING, 0, "untranslated",
			       _("untranslated: the edition will fall back to the source"));
		} else {
			if (e[i].fuzzy)
				S_emit(&s, CLAUSIER_CHECK_WARNING, 0, "fuzzy",
				       _("fuzzy: msgfmt leaves it out, and the edition falls back to the source"));
			clausier__check_translation(e[i].msgid, src, e[i].msgstr, lang, S_emit, &s);
			S_glossary_check(o->glossary, e[i].msgid, src, e[i].msgstr, lang, S_emit, &s);
		}
	}
	clausier__po_free(e, n);
	return s.errors;
}

int clausier_check_po_file(const char *path, const clausier_check_options *opts,
                           clausier_check_finding_report report, void *ctx, clausier_error *err)
{
	if (!path || !report || !S_opts(opts)) {
		clausier__error_set(err, CLAUSIER_EARG, path ? path : "<file>", 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	char *data;
	size_t len;
	int rc0 = S_slurp(path, &data, &len, err);
	if (rc0 != CLAUSIER_OK)
		return rc0;
	int rc = clausier_check_po_memory(data, len, path, opts, report, ctx, err);
	free(data);
	return rc;
}

/* « de {org} » in a French source text (translations are checked by
 * clausier__check_translation): a warning of rule name-agreement. */
static void S_contraction(void *vctx, int line, const char *lang, const char *clause, const char *at, size_t len,
                          const char *param, int de)
{
	S_sink *s = vctx;
	char msg[600], word[8], arg[80];
	(void)clause;
	size_t w = strcspn(at, " \xC2");
	snprintf(word, sizeof word, "%.*s", (int)(w < sizeof word ? w : sizeof word - 1), at);
	const char *brace = memchr(at, '{', len);
	snprintf(arg, sizeof arg, "%.*s", brace ? (int)(at + len - brace) : 0, brace ? brace : "");
	snprintf(msg, sizeof msg, _("“%s %s”: %s is a name: write {%.*s_%s}, which agrees with its article"), word, arg,
	         arg, (int)strlen(param), param, de ? "du" : "au");
	s->f.line = line;
	s->f.lang = lang;
	S_emit(s, CLAUSIER_CHECK_WARNING, 0, "name-agreement", msg);
}

int clausier_check_catalog(const clausier_catalog *cat, const char *name, const clausier_check_options *opts,
                           clausier_check_finding_report report, void *ctx, clausier_error *err)
{
	const clausier_check_options *o = S_opts(opts);
	if (!cat || !report || !o) {
		clausier__error_set(err, CLAUSIER_EARG, name ? name : "<catalog>", 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	clausier_text_info *t = NULL;
	size_t n = 0;
	int rc = clausier_catalog_translations(&t, &n, cat, err);
	if (rc != CLAUSIER_OK)
		return rc;
	const char *src = clausier_catalog_source_language(cat);
	S_sink s = { { .source = name ? name : clausier_catalog_id(cat) }, report, ctx, 0 };
	for (size_t i = 0; i < n; i++) {
		s.f.line = t[i].line;
		s.f.lang = t[i].lang;
		clausier__check_translation(t[i].source, src, t[i].pattern, t[i].lang, S_emit, &s);
		S_glossary_check(o->glossary, t[i].source, src, t[i].pattern, t[i].lang, S_emit, &s);
	}
	clausier_free(t);
	clausier__catalog_contractions(cat, 1, S_contraction, &s);
	return s.errors;
}

/* ---- --fix ---- */

static void S_count_errors(void *vctx, clausier_severity severity, int column, const char *rule, const char *message)
{
	(void)column, (void)rule, (void)message;
	if (severity == CLAUSIER_CHECK_ERROR)
		++*(int *)vctx;
}

int clausier_po_fix_typography(char **out, size_t *outlen, size_t *applied, const char *data, size_t len,
                               const char *name, const clausier_check_options *opts, clausier_error *err)
{
	const clausier_check_options *o = S_opts(opts);
	if (out)
		*out = NULL;
	if (outlen)
		*outlen = 0;
	if (applied)
		*applied = 0;
	if (!name)
		name = "<memory>";
	if (!out || !outlen || !applied || !data || !o) {
		clausier__error_set(err, CLAUSIER_EARG, name, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	char lang[64], why[64];
	clausier__po_entry *e;
	size_t n;
	if (clausier__po_read_memory(data, len, &e, &n, lang, sizeof lang, why, sizeof why) < 0) {
		const char *what = strchr(why, ':');
		int memory = what && !strcmp(what + 1, "memory");
		clausier__error_set(err, memory ? CLAUSIER_ENOMEM : CLAUSIER_EPARSE, name, memory ? 0 : atoi(why), 0,
		                    memory ? _("out of memory") : _("this line is not PO syntax"));
		return memory ? CLAUSIER_ENOMEM : CLAUSIER_EPARSE;
	}
	if (!lang[0]) {
		clausier__po_free(e, n);
		clausier__error_set(err, CLAUSIER_EPARSE, name, 1, 0, _("the header gives no Language"));
		return CLAUSIER_EPARSE;
	}
	const char *src = S_source_lang(o, lang);
	char **set = calloc(n ? n : 1, sizeof *set);
	clausier__po_fix *fixes = calloc(n ? n : 1, sizeof *fixes);
	size_t nfixes = 0;
	int rc = set && fixes ? CLAUSIER_OK : CLAUSIER_ENOMEM;
	for (size_t i = 0; i < n && rc == CLAUSIER_OK; i++) {
		if (S_is_header(&e[i]) || e[i].obsolete || !e[i].msgstr || !e[i].msgstr[0])
			continue;
		int errors = 0;
		clausier__check_translation(e[i].msgid, src, e[i].msgstr, lang, S_count_errors, &errors);
		if (errors)
			continue;
		char *t = clausier__typeset(e[i].msgstr, lang);
		if (!t) {
			rc = CLAUSIER_ENOMEM;
		} else if (strcmp(t, e[i].msgstr)) {
			set[i] = t;
			fixes[nfixes].line = e[i].msgstr_line;
			fixes[nfixes++].text = t;
		} else {
			free(t);
		}
	}
	if (rc == CLAUSIER_OK && nfixes) {
		int bad_line = 0;
		char *res = NULL;
		size_t reslen = 0;
		int r = clausier__po_rewrite(data, len, fixes, nfixes, &res, &reslen, &bad_line);
		if (r == -2) {
			rc = CLAUSIER_EPARSE;
			clausier__error_set(err, rc, name, bad_line, 0,
			                    _("--fix: the rewritten file does not read back as intended here; the file is left as it was"));
		} else if (r < 0) {
			rc = CLAUSIER_ENOMEM;
		} else {
			size_t count = 0;
			for (size_t f = 0; f < nfixes; f++)
				count += fixes[f].applied != 0;
			if (count) {
				/* the caller frees it with clausier_free(), which is free() */
				*out = res;
				*outlen = reslen;
				*applied = count;
			} else {
				free(res);
			}
		}
	}
	if (rc == CLAUSIER_ENOMEM)
		clausier__error_set(err, rc, name, 0, 0, _("out of memory"));
	for (size_t i = 0; set && i < n; i++)
		free(set[i]);
	free(set);
	free(fixes);
	clausier__po_free(e, n);
	return rc;
}

/* ---- statistics ---- */

int clausier_po_stats_file(clausier_po_stats *out, const char *path, const char *source_lang, clausier_error *err)
{
	if (!out || !path) {
		clausier__error_set(err, CLAUSIER_EARG, path ? path : "<file>", 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	memset(out, 0, sizeof *out);
	char *data;
	size_t len;
	int rc0 = S_slurp(path, &data, &len, err);
	if (rc0 != CLAUSIER_OK)
		return rc0;
	char why[64];
	clausier__po_entry *e;
	size_t n;
	int r = clausier__po_read_memory(data, len, &e, &n, out->language, sizeof out->language, why, sizeof why);
	free(data);
	if (r < 0) {
		const char *what = strchr(why, ':');
		int memory = what && !strcmp(what + 1, "memory");
		clausier__error_set(err, memory ? CLAUSIER_ENOMEM : CLAUSIER_EPARSE, path, memory ? 0 : atoi(why), 0,
		                    memory ? _("out of memory") : _("this line is not PO syntax"));
		return memory ? CLAUSIER_ENOMEM : CLAUSIER_EPARSE;
	}
	const char *src = source_lang ? source_lang : S_source_lang(&S_defaults, out->language);
	for (size_t k = 0; k < n; k++) {
		if (S_is_header(&e[k]) || e[k].obsolete)
			continue;
		int state = e[k].fuzzy ? CLAUSIER_PO_FUZZY
		            : (e[k].msgstr && e[k].msgstr[0]) ? CLAUSIER_PO_TRANSLATED
		                                              : CLAUSIER_PO_UNTRANSLATED;
		out->messages[state]++;
		out->words[state] += clausier_word_count(e[k].msgid, src);
	}
	clausier__po_free(e, n);
	return CLAUSIER_OK;
}
