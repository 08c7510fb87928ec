/* The render core: resolve a policy into an edition for one locale (every
 * message formatted with ICU), then hand it to a back end.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int clausier_render_options_init(clausier_render_options *opts, unsigned int version)
{
	if (!opts || version != CLAUSIER_RENDER_OPTIONS_VERSION)
		return CLAUSIER_EARG;
	clausier_render_options init = CLAUSIER_RENDER_OPTIONS_INIT;
	*opts = init;
	return CLAUSIER_OK;
}

/* The value of parameter i for a locale: exact tag, its language, then a
 * value for every language. */
static const clausier__pvalue *S_value(const clausier_policy *pol, size_t i, const char *locale)
{
	size_t lang_len = strcspn(locale, "-");
	const clausier__pvalue *lang = NULL, *any = NULL;
	for (size_t k = clausier__policy_values_of(pol, i); k < pol->nvalues && pol->values[k].param == i; k++) {
		const clausier__pvalue *v = &pol->values[k];
		if (!v->lang)
			any = v;
		else if (!strcasecmp(v->lang, locale))
			return v;
		else if (strlen(v->lang) == lang_len && !strncasecmp(v->lang, locale, lang_len))
			lang = v;
	}
	return lang ? lang : any;
}

/* A direct message (see clausier__text): its literal text, and each
 * argument, where ICU found it at load, replaced by its value; args[argix[p]]
 * is parameter p's value and its name forms follow it.  In French, a word
 * that elides before the value is elided as the value goes in (« qu’Acme »),
 * which looks at what comes before each value once.  NULL when out of
 * memory. */
static char *S_substitute(const clausier__text *t, const clausier__arg *args, const size_t *argix, int fr)
{
	clausier__buf b = { 0 };
	size_t done = 0;
	for (size_t h = 0; h < t->nholes; h++) {
		const struct clausier__hole *hole = &t->holes[h];
		const clausier__arg *a = &args[argix[hole->param] + (size_t)(hole->form + 1)];
		clausier__buf_add(&b, t->pattern + done, hole->start - done);
		done = hole->end;
		if (fr && clausier__arg_elides(a))
			clausier__elide_end(&b);
		clausier__buf_puts(&b, a->text ? a->text : "");
	}
	clausier__buf_puts(&b, t->pattern + done);
	if (!b.data)
		return clausier__strdup("");
	return clausier__buf_detach(&b, NULL);
}

typedef struct {
	const clausier_policy *pol;
	const clausier_render_options *opts;
	const char *locale;  /* canonical BCP 47 */
	char icu_locale[16]; /* "fr_CA" */
	clausier_error *err;
	clausier__arg *args; /* scratch, one per catalog parameter and name form */
	size_t *argix;       /* scratch: where each parameter's value is in args */
	int fr;              /* a French edition */
	clausier__memo *memo; /* the edition's values, formatted once each */
	int own_memo;         /* memo is this render's, not the thread's for the policy */
} S_ctx;

/* What a message is, in errors: built only when there is one. */
typedef struct {
	enum { S_TITLE, S_SUBTITLE, S_DATELINE, S_SECTION, S_CLAUSE } kind;
	const char *id; /* the section's or clause's */
} S_what;

static const char *S_label(const S_what *w, char *buf, size_t size)
{
	switch (w->kind) {
	case S_TITLE:
		return _("the title");
	case S_SUBTITLE:
		return _("the subtitle");
	case S_DATELINE:
		return _("the dateline");
	case S_SECTION:
		snprintf(buf, size, _("section “%s”"), w->id);
		return buf;
	default:
		snprintf(buf, size, _("clause “%s”"), w->id);
		return buf;
	}
}

/* Formats msg for the edition's locale into *out.  what names it in errors;
 * uses says which parameters it may refer to.  *lang (may be NULL) gets the
 * language the text came from. */
static int S_format(S_ctx *c, char **out, const clausier__msg *msg, const size_t *uses, size_t nuses,
                    const S_what *w, const char **lang, int *fallback)
{
	const clausier_catalog *cat = c->pol->catalog;
	char label[300];
#define what S_label(w, label, sizeof label)
	*out = NULL;
	if (!msg->present)
		return CLAUSIER_OK;
	const clausier__text *t = clausier__msg_lookup(msg, c->locale);
	if (!t) {
		if (!(c->opts->flags & CLAUSIER_RENDER_FALLBACK)) {
			clausier__error_set(c->err, CLAUSIER_ENOTFOUND, cat->source, msg->line, 0,
			                    _("%s has no text for %s"), what, c->locale);
			return CLAUSIER_ENOTFOUND;
		}
		t = clausier__msg_lookup(msg, cat->source_lang);
		if (fallback)
			*fallback = 1;
	}
	if (lang)
		*lang = t->lang;
	/* Rendered before for this policy and locale: the same text. */
	int constant = t->direct && !t->nholes && !(c->opts->flags & CLAUSIER__RENDER_ALWAYS_ICU);
	const char *done = c->own_memo ? NULL : clausier__memo_msg(c->memo, t);
	if (done) {
		*out = clausier__strdup(done);
		if (!*out) {
			clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
			return CLAUSIER_ENOMEM;
		}
		return CLAUSIER_OK;
	}
	size_t nargs = 0;
	for (size_t u = 0; u < nuses; u++) {
		size_t i = uses[u];
		const clausier__pvalue *v = S_value(c->pol, i, c->locale);
		if (!v) {
			clausier__error_set(c->err, CLAUSIER_EPARAM, cat->source, t->line, 0,
			                    _("%s: the profile gives no value of “%s” for %s"), what,
			                    cat->params[i].name, c->locale);
			return CLAUSIER_EPARAM;
		}
		c->argix[i] = nargs;
		clausier__arg *a = &c->args[nargs++];
		a->name = cat->params[i].name;
		a->kind = clausier__param_argkind(cat->params[i].type);
		a->text = v->text;
		a->date = v->date;
		a->elide = cat->params[i].type == CLAUSIER__P_TEXT;
		a->serial_comma = (unsigned char)cat->serial_comma;
		if (cat->params[i].type == CLAUSIER__P_NAME) {
			int l = c->fr ? 0 : 1;
			/* the name, or a form that starts with it (no article) */
			int elides = v->grammar[l].elides && v->grammar[l].article == CLAUSIER__ART_NONE ? 2 : 0;
			a->elide = (unsigned char)elides;
			for (int f = 0; f < CLAUSIER__NFORMS; f++) {
				a = &c->args[nargs++];
				a->name = cat->params[i].forms[f];
				a->kind = CLAUSIER__ARG_TEXT;
				a->text = v->forms[l][f];
				a->date = 0;
				a->elide = f == CLAUSIER__FORM_LE || f == CLAUSIER__FORM_LE_CAP ? (unsigned char)elides : 0;
				a->serial_comma = 0;
			}
		}
	}
	/* A text without arguments, rendered before for any policy of the
	 * catalog (once the values the message's clause needs are known to be
	 * there, so that errors do not depend on what was rendered before). */
	if (constant && (done = clausier__const_msg(cat->serial, t->pattern, c->locale))) {
		*out = clausier__strdup(done);
		if (!*out) {
			clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
			return CLAUSIER_ENOMEM;
		}
		if (!c->own_memo)
			clausier__memo_msg_put(c->memo, t, done);
		return CLAUSIER_OK;
	}
	char why[400];
	int always_icu = (c->opts->flags & CLAUSIER__RENDER_ALWAYS_ICU) != 0;
	int direct = t->direct && !always_icu, compiled = !direct && t->prog && !always_icu && c->memo;
	if (direct) {
		*out = S_substitute(t, c->args, c->argix, c->fr);
	} else if (compiled) {
		clausier__buf b = { 0 };
		if (clausier__prog_run(&b, t->prog, t->pattern, c->icu_locale, c->args, c->argix, c->fr, c->memo, why,
		                       sizeof why) < 0) {
			clausier__buf_free(&b);
			clausier__error_set(c->err, CLAUSIER_EMESSAGE, cat->source, t->line, 0,
			                    _("%s, text in “%s”: %s"), what, t->lang, why);
			return CLAUSIER_EMESSAGE;
		}
		*out = b.data ? clausier__buf_detach(&b, NULL) : clausier__strdup("");
	} else if (clausier__msg_format(out, t->pattern, c->icu_locale, c->args, nargs,
	                                (c->opts->flags & CLAUSIER__RENDER_ALWAYS_ICU) ? 0 : cat->serial,
	                                why, sizeof why) < 0) {
		clausier__error_set(c->err, CLAUSIER_EMESSAGE, cat->source, t->line, 0,
		                    _("%s, text in “%s”: %s"), what, t->lang, why);
		return CLAUSIER_EMESSAGE;
	}
	if (!*out) {
		clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	/* French elides before an inserted value: « qu’Acme », « d’Instagram »;
	 * ICU's output says where it put each value that elides (a mark). */
	if (c->fr && !direct && !compiled) {
		char *e;
		int rc = clausier__elide_marks(&e, *out);
		if (rc < 0) {
			clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
			return CLAUSIER_ENOMEM;
		}
		if (rc > 0) {
			free(*out);
			*out = e;
		}
	}
	/* The typography of the edition's locale, whichever text it came from. */
	char *set = clausier__typeset(*out, c->locale);
	free(*out);
	*out = set;
	if (!set) {
		clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	/* « de Le Monde » is not French (du Monde): a text that writes « de
	 * {org} » where the name has its own article, or « de {org_le} », is
	 * refused rather than printed. */
	const char *bad = c->fr ? clausier__bad_contraction(set) : NULL;
	if (bad) {
		const char *end = bad;
		/* « de Le » and the word after it */
		for (int spaces = 0; *end && spaces < 2; end++)
			spaces += *end == ' ' || ((unsigned char)*end == 0xA0 && end > set && (unsigned char)end[-1] == 0xC2);
		while (*end && !strchr(" ,.;:!?)]}\xC2\xE2", *end))
			end++;
		/* TRANSLATORS: the second %s is the text in error (« de Le
		 * Monde »); {…_du} and {…_au} are argument names. */
		clausier__error_set(c->err, CLAUSIER_EMESSAGE, cat->source, t->line, 0,
		                    _("%s, text in “%s”: « %.*s » is not French (de le is du, à le au, de les des, à les aux): write the name through its forms {…_du} and {…_au}"),
		                    what, t->lang, (int)(end - bad), bad);
		free(*out);
		*out = NULL;
		return CLAUSIER_EMESSAGE;
	}
	if (constant)
		clausier__const_msg_put(cat->serial, t->pattern, c->locale, set);
	if (!c->own_memo)
		clausier__memo_msg_put(c->memo, t, set);
	return CLAUSIER_OK;
#undef what
}

/* US English capitalizes titles and headings (title case); Canadian and
 * British English, and French, keep the catalog's sentence case. */
static int S_headline(char **s, const char *locale)
{
	if (!*s || strcmp(locale, "en-US"))
		return 0;
	char *t = clausier__title_case(*s);
	if (!t)
		return -1;
	free(*s);
	*s = t;
	return 0;
}

static void S_free_edition(clausier__edition *ed)
{
	free(ed->title);
	free(ed->subtitle);
	free(ed->dateline);
	free(ed->revised);
	free(ed->prevailing);
	for (size_t i = 0; i < ed->nsections; i++)
		free(ed->sections[i]);
	free(ed->sections);
	free((void *)ed->section_ids);
	for (size_t i = 0; i < ed->nclauses; i++) {
		free(ed->clauses[i].heading);
		free(ed->clauses[i].body);
	}
	free(ed->clauses);
}

/* Whether the policy is published in more than one language. */
static int S_multilingual(const char *locales)
{
	char first[4] = "";
	for (const char *p = locales; p && *p;) {
		size_t len = strcspn(p, " ");
		if (len >= 2) {
			if (!first[0])
				memcpy(first, p, 2);
			else if (memcmp(first, p, 2))
				return 1;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	return 0;
}

/* The statement of which version governs, from the jurisdiction's data,
 * on every edition that is not the only one in the governing language: a
 * translation (of the organization's version or of the catalog), a
 * bilingual edition, any edition of a policy published in several
 * languages, and every edition where both versions are equally
 * authoritative but the catalog's own language. */
static int S_prevailing(S_ctx *c, clausier__edition *ed)
{
	const clausier_policy *pol = c->pol;
	const clausier__jurisdiction *j = NULL;
	int rc = clausier__jurisdiction_get(&j, pol->jurisdiction, c->err);
	if (rc != CLAUSIER_OK)
		return rc;
	const clausier__ltexts *stmt = NULL;
	const char *jprev = j ? clausier__jurisdiction_prevailing(j, pol->sector, &stmt, NULL) : NULL;
	const char *prev = pol->prevailing ? pol->prevailing : jprev;
	if (!prev)
		return CLAUSIER_OK;
	int equal = !strcmp(prev, "equal");
	int translated = (!equal && strncmp(c->locale, prev, 2)) ||
	                 strncmp(c->locale, pol->catalog->source_lang, 2);
	if (!(c->opts->locale2 || translated || S_multilingual(pol->locales)))
		return CLAUSIER_OK;
	/* the jurisdiction's words, which cite its law; the organization's own
	 * choice (where the law leaves it one) in the edition's fixed words */
	int fr = c->locale[0] == 'f', charte = pol->catalog->genre == CLAUSIER_GENRE_CHARTE;
	const char *text = NULL;
	if (jprev && !strcmp(prev, jprev) && stmt && stmt->n)
		text = clausier__ltexts_get(stmt, c->locale);
	else if (equal)
		text = !fr ? "The English and French versions of this policy are equally authoritative."
		       : charte ? "Les versions française et anglaise de la présente charte font également foi."
		                : "Les versions française et anglaise de la présente politique font également foi.";
	else if (!strcmp(prev, "fr"))
		text = !fr ? "This policy was written in French. Any translation is provided for convenience; in case of discrepancy, the French version prevails."
		       : charte ? "La présente charte a été rédigée en français. Toute traduction est fournie à titre indicatif ; en cas de divergence, la version française prévaut."
		                : "La présente politique a été rédigée en français. Toute traduction est fournie à titre indicatif ; en cas de divergence, la version française prévaut.";
	else
		text = !fr ? "This policy was written in English. Any translation is provided for convenience; in case of discrepancy, the English version prevails."
		       : charte ? "La présente charte a été rédigée en anglais. Toute traduction est fournie à titre indicatif ; en cas de divergence, la version anglaise prévaut."
		                : "La présente politique a été rédigée en anglais. Toute traduction est fournie à titre indicatif ; en cas de divergence, la version anglaise prévaut.";
	if (text && !(ed->prevailing = clausier__typeset(text, c->locale))) {
		clausier__error_set(c->err, CLAUSIER_ENOMEM, pol->catalog->source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	return CLAUSIER_OK;
}

static int S_resolve(S_ctx *c, clausier__edition *ed)
{
	const clausier_catalog *cat = c->pol->catalog;
	int rc;
	ed->locale = c->locale;
	static const S_what title = { S_TITLE, NULL }, subtitle = { S_SUBTITLE, NULL }, dateline = { S_DATELINE, NULL };
	if ((rc = S_format(c, &ed->title, &cat->title, cat->front_uses, cat->nfront_uses, &title, NULL, NULL)) ||
	    (rc = S_format(c, &ed->subtitle, &cat->subtitle, cat->front_uses, cat->nfront_uses, &subtitle, NULL, NULL)) ||
	    (rc = S_format(c, &ed->dateline, &cat->dateline, cat->front_uses, cat->nfront_uses, &dateline, NULL, NULL)))
		return rc;
	ed->source_lang = cat->source_lang;
	ed->flags = c->opts->flags;
	ed->width = c->opts->width;
	snprintf(ed->icu_locale, sizeof ed->icu_locale, "%s", c->icu_locale);
	ed->genre = cat->genre;
	ed->section_ids = calloc(cat->nsections + 1, sizeof *ed->section_ids);
	for (size_t i = 0; ed->section_ids && i < cat->nsections; i++)
		((const char **)ed->section_ids)[i] = cat->sections[i].id;
	ed->sections = calloc(cat->nsections + 1, sizeof *ed->sections);
	ed->clauses = calloc(c->pol->nclauses + 1, sizeof *ed->clauses);
	if (!ed->sections || !ed->clauses || !ed->section_ids) {
		clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (size_t i = 0; i < cat->nsections; i++) {
		S_what what = { S_SECTION, cat->sections[i].id };
		ed->nsections++;
		if ((rc = S_format(c, &ed->sections[i], &cat->sections[i].title, cat->front_uses, cat->nfront_uses, &what, NULL, NULL)))
			return rc;
		if (S_headline(&ed->sections[i], c->locale) < 0)
			goto oom;
	}
	for (size_t k = 0; k < c->pol->nclauses; k++) {
		const clausier__pclause *pc = &c->pol->clauses[k];
		const clausier__clause *cl = &cat->clauses[pc->clause];
		clausier__rclause *r = &ed->clauses[ed->nclauses++];
		S_what what = { S_CLAUSE, cl->id };
		r->section = cl->section;
		r->id = cl->id;
		size_t nuses = 0;
		const size_t *uses = clausier__pclause_uses(cat, pc, &nuses);
		if ((rc = S_format(c, &r->heading, &cl->heading, uses, nuses, &what, &r->lang, &r->fallback)) ||
		    (rc = S_format(c, &r->body, clausier__pclause_body(cat, pc), uses, nuses, &what, NULL, &r->fallback)))
			return rc;
		if (S_headline(&r->heading, r->fallback ? "" : c->locale) < 0)
			goto oom;
		ed->nfallbacks += r->fallback;
	}
	if (S_headline(&ed->title, c->locale) < 0)
		goto oom;
	if ((rc = S_prevailing(c, ed)) != CLAUSIER_OK)
		return rc;
	if (c->pol->revised) {
		/* Through ICU like any date: « 1er », en-CA's pinned order. */
		clausier__arg d = { "d", CLAUSIER__ARG_DATE, c->pol->revised, c->pol->revised_date, 0, 0 };
		char why[400], *line = NULL;
		unsigned long serial = (c->opts->flags & CLAUSIER__RENDER_ALWAYS_ICU) ? 0 : cat->serial;
		if (clausier__msg_format(&line, clausier__chrome(ed, CLAUSIER__REVISED), c->icu_locale, &d, 1, serial,
		                         why, sizeof why) < 0 || !(ed->revised = clausier__typeset(line, c->locale))) {
			free(line);
			goto oom;
		}
		free(line);
	}
	return CLAUSIER_OK;
oom:
	clausier__error_set(c->err, CLAUSIER_ENOMEM, cat->source, 0, 0, _("out of memory"));
	return CLAUSIER_ENOMEM;
}

/* "fr_CA" for "fr-CA". */
static void S_icu_locale(char *buf, size_t size, const char *locale)
{
	snprintf(buf, size, "%s", locale);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
}

int clausier_render(char **out, size_t *out_len, const clausier_policy *policy,
                    const clausier_render_options *opts, clausier_error *err)
{
	clausier_render_options defaults = CLAUSIER_RENDER_OPTIONS_INIT;
	if (out)
		*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!opts)
		opts = &defaults;
	if (!out || !policy || opts->version != CLAUSIER_RENDER_OPTIONS_VERSION) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	if ((unsigned)opts->format > CLAUSIER_FORMAT_DOCBOOK) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("unknown output format %d"),
		                    (int)opts->format);
		return CLAUSIER_EARG;
	}
	if (opts->locale2 && opts->format != CLAUSIER_FORMAT_TEXT && opts->format != CLAUSIER_FORMAT_HTML) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0,
		                    _("a bilingual edition is written in text or HTML"));
		return CLAUSIER_EARG;
	}
	const char *wanted[2] = { opts->locale ? opts->locale : "en", opts->locale2 };
	clausier__edition ed[2];
	memset(ed, 0, sizeof ed);
	int rc = CLAUSIER_OK, n = opts->locale2 ? 2 : 1;
	for (int k = 0; k < n && rc == CLAUSIER_OK; k++) {
		/* fr-LU, en-AU with CLAUSIER_RENDER_FALLBACK: the language; the edition's lang says which. */
		char canon[160];
		S_ctx c = { policy, opts,
			    clausier__locale_resolve(wanted[k], (opts->flags & CLAUSIER_RENDER_FALLBACK) != 0, canon,
			                             sizeof canon),
			    "", err, NULL, NULL, 0, NULL, 0 };
		if (!c.locale) {
			clausier__locale_error(err, wanted[k], canon);
			rc = CLAUSIER_ELOCALE;
			break;
		}
		c.fr = !strncmp(c.locale, "fr", 2);
		S_icu_locale(c.icu_locale, sizeof c.icu_locale, c.locale);
		c.args = calloc(policy->catalog->nparams * (1 + CLAUSIER__NFORMS) + 1, sizeof *c.args);
		c.argix = calloc(policy->catalog->nparams + 1, sizeof *c.argix);
		/* A policy's values are formatted once for each locale, and its
		 * messages rendered once, per thread (doc/design.md). */
		c.own_memo = !policy->serial || (opts->flags & CLAUSIER__RENDER_ALWAYS_ICU);
		c.memo = c.own_memo ? clausier__memo_new() : clausier__memo_for(policy->serial, c.locale);
		if (!c.args || !c.argix || !c.memo) {
			free(c.args);
			free(c.argix);
			if (c.own_memo)
				clausier__memo_free(c.memo);
			clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
			rc = CLAUSIER_ENOMEM;
			break;
		}
		rc = S_resolve(&c, &ed[k]);
		free(c.args);
		free(c.argix);
		if (c.own_memo)
			clausier__memo_free(c.memo);
	}
	if (rc == CLAUSIER_OK) {
		clausier__buf b = { 0 };
		static int (*const backends[])(clausier__buf *, const clausier__edition *) = {
			clausier__render_text, clausier__render_markdown, clausier__render_html,
			clausier__render_docbook,
		};
		if (n == 2)
			(opts->format == CLAUSIER_FORMAT_HTML ? clausier__render_html_pair
			                                      : clausier__render_text_pair)(&b, &ed[0], &ed[1]);
		else
			backends[opts->format](&b, &ed[0]);
		*out = clausier__buf_detach(&b, out_len);
		if (!*out) {
			clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
			rc = CLAUSIER_ENOMEM;
		}
	}
	for (int k = 0; k < n; k++)
		S_free_edition(&ed[k]);
	return rc;
}

/* ---- documents that are not editions: the crosswalk, gap reports ---- */

void clausier__edition_free(clausier__edition *ed)
{
	S_free_edition(ed);
}

int clausier__edition_locale(clausier__edition *ed, const char *locale, clausier_error *err)
{
	char canon[160];
	const char *l = clausier__locale_resolve(locale ? locale : "en", 0, canon, sizeof canon);
	if (!l) {
		clausier__locale_error(err, locale, canon);
		return CLAUSIER_ELOCALE;
	}
	ed->locale = l;
	S_icu_locale(ed->icu_locale, sizeof ed->icu_locale, l);
	return CLAUSIER_OK;
}

int clausier__edition_write(char **out, size_t *out_len, const clausier__edition *ed,
                            const clausier_render_options *opts, clausier_error *err)
{
	if ((unsigned)opts->format > CLAUSIER_FORMAT_DOCBOOK || opts->locale2) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("unknown output format %d"),
		                    (int)opts->format);
		return CLAUSIER_EARG;
	}
	static int (*const backends[])(clausier__buf *, const clausier__edition *) = {
		clausier__render_text, clausier__render_markdown, clausier__render_html,
		clausier__render_docbook,
	};
	clausier__buf b = { 0 };
	backends[opts->format](&b, ed);
	*out = clausier__buf_detach(&b, out_len);
	if (!*out) {
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	return CLAUSIER_OK;
}

char *clausier__heading(const clausier_catalog *cat, const char *id, const char *locale)
{
	size_t k;
	if (!id || clausier__find_clause(cat, id, &k) < 0)
		return NULL;
	const clausier__clause *cl = &cat->clauses[k];
	char *s;
	/* As written: no policy gives values (the default catalogs' headings
	 * have no arguments). */
	const clausier__text *t = clausier__msg_lookup(&cl->heading, locale);
	if (!t)
		t = clausier__msg_lookup(&cl->heading, cat->source_lang);
	s = clausier__typeset(t ? t->pattern : cl->id, locale);
	if (s && S_headline(&s, locale) < 0) {
		free(s);
		s = NULL;
	}
	return s;
}
