/* Catalogs: loading, checking, lookup.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>
#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#define S_NS "https://clausier.org/ns/1"

/* The parameters a clause (or the title page) uses, each once, as they
 * are met; sorted when the clause is read. */
typedef struct {
	size_t *v;
	size_t n, cap;
	size_t stamp;  /* marks[i] == stamp: parameter i is in v */
	size_t *marks; /* one per parameter: clauses share one array, the title page has its own */
} S_uses;

typedef struct {
	clausier_catalog *cat;
	clausier_error *err;
	int status;
	size_t *marks;   /* per parameter: the stamp of the last S_uses it went in */
	S_uses front;    /* title, subtitle, dateline, section titles */
	/* The first parameter, section and clause, in document order, whose
	 * name or id an earlier one has, found before reading (or SIZE_MAX);
	 * and that earlier one. */
	size_t param_dup, param_first, section_dup, section_first, clause_dup, clause_first;
	/* every section's id, read ahead, for clauses to find theirs */
	clausier__key *section_keys;
	char **section_ids;
	size_t nsection_ids;
	size_t stamp;    /* the stamp of the next clause S_uses (they share marks) */
} S_loader;

static int S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, S_NS) &&
	       !strcmp((const char *)n->name, name);
}

#define S_line clausier__xml_line
#define S_attr clausier__xml_attr

static void S_oom(S_loader *ld)
{
	if (ld->status == CLAUSIER_OK) {
		ld->status = CLAUSIER_ENOMEM;
		clausier__error_set(ld->err, CLAUSIER_ENOMEM, ld->cat->source, 0, 0, _("out of memory"));
	}
}

__attribute__((format(printf, 5, 0)))
static void S_vfail(S_loader *ld, int code, int line, int column, const char *fmt, va_list ap)
{
	if (ld->status != CLAUSIER_OK)
		return;
	ld->status = code;
	clausier__error_vset(ld->err, code, ld->cat->source, line, column, fmt, ap);
}

__attribute__((format(printf, 4, 5)))
static void S_fail(S_loader *ld, int code, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vfail(ld, code, line, 0, fmt, ap);
	va_end(ap);
}

/* A failure about attribute attr of element el, at its own line and column. */
__attribute__((format(printf, 5, 6)))
static void S_fail_attr(S_loader *ld, int code, xmlNodePtr el, const char *attr, const char *fmt, ...)
{
	int column, line = clausier__xml_where(el, attr, &column);
	va_list ap;
	va_start(ap, fmt);
	S_vfail(ld, code, line, column, fmt, ap);
	va_end(ap);
}

static long S_find_param_n(const clausier_catalog *cat, const char *name, size_t len)
{
	return cat->param_keys ? clausier__keys_find(cat->param_keys, cat->nparams, name, len) : -1;
}

static long S_find_param(const clausier_catalog *cat, const char *name)
{
	return S_find_param_n(cat, name, strlen(name));
}

/* The attribute attr of root's child elements named element, read ahead:
 * *dup gets the first of them (counted among those elements) whose value an
 * earlier one has, or SIZE_MAX, and *first that earlier one.  The sorted
 * keys go to *keys_out and the names to *names_out (free both) when those
 * are not NULL.  -1 when out of memory. */
static int S_prepass(xmlNodePtr root, const char *element, const char *attr, size_t *dup,
                     size_t *first, clausier__key **keys_out, char ***names_out)
{
	*dup = SIZE_MAX;
	size_t n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		n += S_is(c, element);
	char **names = calloc(n ? n : 1, sizeof *names);
	size_t k = 0;
	for (xmlNodePtr c = root->children; c && names; c = c->next)
		if (S_is(c, element))
			names[k++] = S_attr(c, attr);
	if (!keys_out)
		return clausier__names_duplicate(names, n, dup, first);
	/* the keys are kept: they borrow the names */
	if (clausier__names_duplicate_keys(names, n, dup, first, keys_out) < 0)
		return -1;
	*names_out = names;
	return 0;
}

static const char *const S_ptype_names[] = {
	"text", "email", "url", "date", "number", "duration", "money", "list", "choice", "boolean",
	"name",
};

const char *clausier__ptype_name(enum clausier__ptype t)
{
	return (size_t)t < sizeof S_ptype_names / sizeof *S_ptype_names ? S_ptype_names[t] : "text";
}

static int S_index_of(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && s && !strcmp(names[i], s))
			return (int)i;
	return -1;
}

#define S_INDEX(names, s) S_index_of(names, sizeof names / sizeof *names, s)

/* Indexed by the public enums; the names of genres, sectors and risks
 * are util.c's, for every layer. */
static const char *const S_kinds[] = { "rule", "advice", "definition", "procedure", "notice" };
static const char *const S_strengths[] = { NULL, "must", "should", "may" };

/* A space-separated list of names as a bit set (1u << value), the names
 * being name(1), name(2)… up to the first NULL. */
static unsigned S_bits(const char *(*name)(int), const char *list)
{
	unsigned bits = 0;
	if (!list)
		return 0;
	const char *p = list;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		for (int i = 1; name(i); i++)
			if (strlen(name(i)) == len && !strncmp(name(i), p, len))
				bits |= 1u << i;
		p += len;
	}
	return bits;
}

enum clausier__argkind clausier__param_argkind(enum clausier__ptype t)
{
	switch (t) {
	case CLAUSIER__P_DATE: return CLAUSIER__ARG_DATE;
	case CLAUSIER__P_NUMBER:
	case CLAUSIER__P_DURATION: return CLAUSIER__ARG_NUMBER;
	case CLAUSIER__P_MONEY: return CLAUSIER__ARG_MONEY;
	case CLAUSIER__P_LIST: return CLAUSIER__ARG_LIST;
	default: return CLAUSIER__ARG_TEXT;
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

/* A plain decimal, independent of the process locale; returns the length
 * of the number at p, or 0. */
static size_t S_decimal(const char *p, int allow_sign)
{
	const char *q = p;
	size_t digits = 0, frac = 0;
	if (allow_sign && *q == '-')
		q++;
	while (*q >= '0' && *q <= '9')
		q++, digits++;
	if (*q == '.') {
		q++;
		while (*q >= '0' && *q <= '9')
			q++, frac++;
		if (!frac)
			return 0;
	}
	if (!digits || digits > 15 || frac > 6)
		return 0;
	return (size_t)(q - p);
}

static int S_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A money value's currency: an ISO 4217 code (in any case, as the
 * formatter reads it) that ICU knows as in use today.  A code of the past
 * (FRF, DEM) is refused with its name, as are XXX (no currency) and XTS
 * (the code reserved for tests): a policy's sums are paid now. */
static int S_currency(const char *text, const char *code, char *why, size_t whylen)
{
	char c[4];
	UChar iso[4];
	for (int k = 0; k < 3; k++) {
		c[k] = (char)(code[k] & ~0x20);
		iso[k] = (UChar)c[k];
	}
	c[3] = '\0';
	iso[3] = 0;
	UErrorCode st = U_ZERO_ERROR;
	UDate now = ucal_getNow();
	/* In use: among ICU's currencies not deprecated (ucurr_isAvailable
	 * for today says no to the pound sterling and the rupee: ICU 72 keeps
	 * one period per code, some territory's that ended). */
	int in_use = 0;
	UEnumeration *all = ucurr_openISOCurrencies(UCURR_NON_DEPRECATED, &st);
	for (const char *k; U_SUCCESS(st) && !in_use && (k = uenum_next(all, NULL, &st));)
		in_use = !strcmp(k, c);
	uenum_close(all);
	st = U_ZERO_ERROR;
	if (strcmp(c, "XXX") && strcmp(c, "XTS") && in_use && ucurr_isAvailable(iso, U_DATE_MIN, now, &st) && U_SUCCESS(st))
		return 0;
	st = U_ZERO_ERROR;
	int32_t len = 0;
	UBool choice = 0;
	/* TRANSLATORS: the language of this translation, as a BCP 47 tag
	 * ("fr"): ICU names currencies in it. */
	const UChar *name = ucurr_getName(iso, _("en"), UCURR_LONG_NAME, &choice, &len, &st);
	char name8[200] = "";
	if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING && name)
		u_strToUTF8(name8, sizeof name8, NULL, name, len, &st);
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING || st == U_STRING_NOT_TERMINATED_WARNING)
		name8[0] = '\0';
	st = U_ZERO_ERROR;
	if (!name8[0])
		snprintf(why, whylen,
		         _("“%s”: %s is not a currency ICU knows (write an ISO 4217 code, like 1500 EUR or 250.50 CAD)"),
		         text, c);
	else if (!strcmp(c, "XXX") || !strcmp(c, "XTS") || !ucurr_isAvailable(iso, U_DATE_MIN, now, &st))
		snprintf(why, whylen, _("“%s”: %s (%s) is not a currency money is paid in"), text, c, name8);
	else
		/* TRANSLATORS: the second %s is an ISO 4217 code, the third its name: FRF (French Franc) */
		snprintf(why, whylen, _("“%s”: %s (%s) is no longer in use: write the sum in today’s currency"), text, c,
		         name8);
	return -1;
}

int clausier__param_parse(const clausier__param *p, const char *text, double *date, char *why,
                          size_t whylen)
{
	switch (p->type) {
	case CLAUSIER__P_NUMBER:
		if (S_decimal(text, 1) == strlen(text) && *text)
			return 0;
		snprintf(why, whylen, _("“%s” is not a number (write it like 30 or 2.5)"), text);
		return -1;
	case CLAUSIER__P_DURATION:
		if (S_decimal(text, 0) == strlen(text) && *text)
			return 0;
		/* TRANSLATORS: the second %s is a unit keyword: hour, day, week, month. */
		snprintf(why, whylen, _("“%s” is not a duration (write a number like 30, in %s units)"), text, p->unit);
		return -1;
	case CLAUSIER__P_MONEY: {
		size_t n = S_decimal(text, 0);
		if (!(n && text[n] == ' ' && S_ascii_alpha(text[n + 1]) && S_ascii_alpha(text[n + 2]) &&
		      S_ascii_alpha(text[n + 3]) && !text[n + 4])) {
			snprintf(why, whylen, _("“%s” is not a sum of money (write it like 1500 EUR or 250.50 CAD)"), text);
			return -1;
		}
		return S_currency(text, text + n + 1, why, whylen);
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
	case CLAUSIER__P_EMAIL: {
		const char *at = strchr(text, '@');
		if (at && at != text && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
		    at[1] != '.' && text[strlen(text) - 1] != '.' && !strpbrk(text, " <>\"(),;:[]\\"))
			return 0;
		snprintf(why, whylen, _("“%s” is not an e-mail address"), text);
		return -1;
	}
	case CLAUSIER__P_URL:
		if ((!strncmp(text, "https://", 8) || !strncmp(text, "http://", 7)) &&
		    strlen(text) > 8 + (text[4] == 's') - 1 && !strpbrk(text, " <>\"{}|\\^`"))
			return 0;
		snprintf(why, whylen, _("“%s” is not a web address (write it like https://example.org/policy)"), text);
		return -1;
	case CLAUSIER__P_BOOLEAN:
		if (!strcmp(text, "true") || !strcmp(text, "false"))
			return 0;
		snprintf(why, whylen, _("“%s” is not true or false"), text);
		return -1;
	case CLAUSIER__P_CHOICE: {
		size_t n = strlen(text);
		for (const char *c = p->choices; c && *c;) {
			size_t len = strcspn(c, " ");
			if (len == n && !strncmp(c, text, n))
				return 0;
			c += len;
			while (*c == ' ')
				c++;
		}
		snprintf(why, whylen, _("“%s” is not one of the choices (%s)"), text, p->choices);
		return -1;
	}
	case CLAUSIER__P_LIST:
		for (const char *c = text;; c++) {
			if (*c == CLAUSIER__LIST_SEP || !*c) {
				if (c == text || c[-1] == CLAUSIER__LIST_SEP) {
					snprintf(why, whylen, "%s", _("a list item is empty"));
					return -1;
				}
				if (!*c)
					return 0;
			}
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
	S_uses *uses;
	clausier__text *text;
	size_t cap; /* of text->holes */
	int direct; /* stays 1 while every argument is a plain {x} of a text-like parameter */
	const char *lang; /* the text's language */
	struct clausier__hole *refs; /* every argument's parameter and form, in order */
	size_t nrefs, refcap;
} S_argctx;

/* The name parameter whose form arg is ({org_du}), or -1; *form gets the
 * form, or -2 when it is a form of the other language. */
static long S_find_form(const clausier_catalog *cat, const char *arg, const char *lang, int *form)
{
	/* Every name parameter that arg starts with, up to one of its _: the
	 * first declared wins, as a scan of the parameters would have it. */
	long best = -1;
	for (const char *u = strchr(arg, '_'); u; u = strchr(u + 1, '_')) {
		long i = S_find_param_n(cat, arg, (size_t)(u - arg));
		if (i < 0 || cat->params[i].type != CLAUSIER__P_NAME || (best >= 0 && i > best))
			continue;
		int f = clausier__form_of(arg, (size_t)(u - arg), lang);
		if (f != -1) {
			*form = f;
			best = i;
		}
	}
	return best;
}

static void S_use(S_loader *ld, S_uses *u, size_t i)
{
	if (u->marks[i] == u->stamp)
		return;
	if (u->n == u->cap) {
		size_t cap = u->cap ? 2 * u->cap : 8;
		size_t *v = realloc(u->v, cap * sizeof *v);
		if (!v) {
			S_oom(ld);
			return;
		}
		u->v = v;
		u->cap = cap;
	}
	u->v[u->n++] = i;
	u->marks[i] = u->stamp;
}

static int S_cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static int S_on_arg(void *vctx, const char *name, enum clausier__argkind kind, size_t start, size_t end,
                    char *why, size_t whylen)
{
	S_argctx *ctx = vctx;
	const clausier_catalog *cat = ctx->ld->cat;
	long i = S_find_param(cat, name);
	int form = -1;
	if (i < 0)
		i = S_find_form(cat, name, ctx->lang, &form);
	if (i < 0) {
		snprintf(why, whylen, _("argument {%s} is not a declared parameter"), name);
		return -1;
	}
	if (form == -2) {
		clausier__form_error(why, whylen, name, strlen(cat->params[i].name), ctx->lang);
		return -1;
	}
	enum clausier__ptype t = cat->params[i].type;
	enum clausier__argkind have = clausier__param_argkind(t);
	if ((kind == CLAUSIER__ARG_COUNT || kind == CLAUSIER__ARG_ANY) && have == CLAUSIER__ARG_MONEY) {
		/* ICU would fail at render (plural, and a plain {x}: MessageFormat
		 * cannot print an amount without a number format) or drop the
		 * currency (spellout): an amount is written {x, number, …}. */
		snprintf(why, whylen,
		         _("argument {%s}: “%s” has type money, which can only be written {%s, number, currency} (or another {%s, number, …} style), not alone, as a plural, a spelled-out number or an ordinal"),
		         name, name, name, name);
		return -1;
	}
	int ok = kind == CLAUSIER__ARG_ANY || kind == have ||
	         (kind == CLAUSIER__ARG_COUNT && have == CLAUSIER__ARG_NUMBER) ||
	         (kind == CLAUSIER__ARG_NUMBER && have == CLAUSIER__ARG_MONEY);
	if (!ok) {
		const char *needs = kind == CLAUSIER__ARG_NUMBER ? "number, duration, money"
		                    : kind == CLAUSIER__ARG_COUNT ? "number, duration"
		                    : kind == CLAUSIER__ARG_DATE ? "date"
		                                                 : "text, email, url, choice, boolean";
		/* TRANSLATORS: the types are the keywords of the catalog format
		 * (number, date, text...): leave them in English. */
		snprintf(why, whylen, _("argument {%s} needs a parameter of type %s, but “%s” has type %s"),
		         name, needs, name, clausier__ptype_name(t));
		return -1;
	}
	S_use(ctx->ld, ctx->uses, (size_t)i);
	if (ctx->nrefs == ctx->refcap) {
		size_t cap = ctx->refcap ? 2 * ctx->refcap : 8;
		struct clausier__hole *r = realloc(ctx->refs, cap * sizeof *r);
		if (!r) {
			snprintf(why, whylen, "%s", _("out of memory"));
			return -1;
		}
		ctx->refs = r;
		ctx->refcap = cap;
	}
	ctx->refs[ctx->nrefs].param = (size_t)i;
	ctx->refs[ctx->nrefs++].form = form;
	if (kind != CLAUSIER__ARG_ANY || have != CLAUSIER__ARG_TEXT)
		ctx->direct = 0;
	if (ctx->direct && end > start) {
		clausier__text *txt = ctx->text;
		if (txt->nholes == ctx->cap) {
			size_t cap = ctx->cap ? 2 * ctx->cap : 4;
			struct clausier__hole *h = realloc(txt->holes, cap * sizeof *h);
			if (!h) {
				snprintf(why, whylen, "%s", _("out of memory"));
				return -1;
			}
			txt->holes = h;
			ctx->cap = cap;
		}
		struct clausier__hole *h = &txt->holes[txt->nholes++];
		h->start = start;
		h->end = end;
		h->param = (size_t)i;
		h->form = form;
	}
	return 0;
}

/* Checks text t of a message (UTF-8, invisible characters, the pattern
 * with ICU and its arguments); 0, or -1 with the loader failed. */
static int S_check_text(S_loader *ld, clausier__text *t, const char *what, S_uses *uses)
{
	long cp;
	size_t pos;
	if (clausier__text_check(t->pattern, &cp, &pos) < 0) {
		if (cp < 0)
			S_fail(ld, CLAUSIER_EINVALID, t->line, _("%s, text in “%s”: invalid UTF-8 at character %zu"),
			       what, t->lang, pos);
		else
			S_fail(ld, CLAUSIER_EINVALID, t->line,
			       _("%s, text in “%s”: character %zu is U+%04lX, an invisible control, formatting or separator character, which policy texts may not contain"),
			       what, t->lang, pos, cp);
		return -1;
	}
	char why[400];
	S_argctx actx = { ld, uses, t, 0, 1, t->lang, NULL, 0, 0 };
	clausier__prog *prog = NULL;
	if (clausier__msg_compile(t->pattern, t->lang, S_on_arg, &actx, &prog, why, sizeof why) < 0) {
		free(actx.refs);
		S_fail(ld, CLAUSIER_EMESSAGE, t->line, _("%s, text in “%s”: %s"), what, t->lang, why);
		return -1;
	}
	t->direct = (unsigned char)actx.direct;
	if (!t->direct) {
		free(t->holes);
		t->holes = NULL;
		t->nholes = 0;
		for (size_t k = 0; k < actx.nrefs; k++)
			clausier__prog_bind(prog, k, actx.refs[k].param, actx.refs[k].form);
		clausier__prog_free(t->prog);
		t->prog = prog;
	} else {
		clausier__prog_free(prog);
	}
	free(actx.refs);
	return 0;
}

/* en-CA and en-GB texts spelled from the en one (spelling.c), where the
 * message has none written and the spelling differs. */
static void S_derive_english(S_loader *ld, clausier__msg *msg, const char *what, S_uses *uses)
{
	const clausier__text *en = NULL;
	for (size_t i = 0; i < msg->ntexts; i++)
		if (!strcasecmp(msg->texts[i].lang, "en"))
			en = &msg->texts[i];
	if (!en || ld->status != CLAUSIER_OK)
		return;
	static const char *const regions[] = { "en-CA", "en-GB" };
	for (int r = 0; r < 2; r++) {
		int written = 0;
		for (size_t i = 0; i < msg->ntexts; i++)
			written |= !strcasecmp(msg->texts[i].lang, regions[r]) ||
			           !strcasecmp(msg->texts[i].lang, r ? "en_GB" : "en_CA");
		if (written)
			continue;
		size_t ei = (size_t)(en - msg->texts);
		char *spelt;
		int rc = clausier__respell(&spelt, en->pattern, r);
		if (rc < 0) {
			S_oom(ld);
			return;
		}
		if (!rc)
			continue;
		clausier__text *v = realloc(msg->texts, (msg->ntexts + 1) * sizeof *v);
		if (!v) {
			free(spelt);
			S_oom(ld);
			return;
		}
		msg->texts = v;
		en = &msg->texts[ei];
		clausier__text *t = &msg->texts[msg->ntexts++];
		memset(t, 0, sizeof *t);
		t->line = en->line;
		t->pattern = spelt;
		t->derived = 1;
		if (!(t->lang = clausier__strdup(regions[r]))) {
			S_oom(ld);
			return;
		}
		if (S_check_text(ld, t, what, uses) < 0)
			return;
	}
}

/* Reads <text> children into msg, checking each pattern.  what names the
 * message in errors ("clause “x”", "the title"). */
static void S_read_msg(S_loader *ld, clausier__msg *msg, xmlNodePtr el, const char *what,
                       S_uses *uses)
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
	/* The first text in a language an earlier text has (tags compared
	 * without case), found before reading: a message may hold many. */
	size_t dup = SIZE_MAX, first;
	if (n > 1) {
		char **langs = calloc(n, sizeof *langs);
		size_t k = 0;
		for (xmlNodePtr c = el->children; c && langs; c = c->next) {
			if (!S_is(c, "text"))
				continue;
			for (char *q = langs[k] = clausier__xml_lang(c); q && *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
			k++;
		}
		if (clausier__names_duplicate(langs, n, &dup, &first) < 0) {
			S_oom(ld);
			return;
		}
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
		if ((size_t)(msg->ntexts - 1) == dup) {
			S_fail(ld, CLAUSIER_EINVALID, t->line, _("%s: a second text in “%s”"), what, t->lang);
			return;
		}
		if (S_check_text(ld, t, what, uses) < 0)
			return;
	}
	S_derive_english(ld, msg, what, uses);
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
	p->unit = S_attr(el, "unit");
	p->choices = S_attr(el, "choices");
	char *from = S_attr(el, "from");
	p->fact = from != NULL;
	free(from);
	cat->nparams++;
	if (!p->name || !type) {
		free(type);
		S_oom(ld);
		return;
	}
	int t = S_INDEX(S_ptype_names, type);
	p->type = t < 0 ? CLAUSIER__P_TEXT : (enum clausier__ptype)t;
	free(type);
	if (cat->nparams - 1 == ld->param_dup) {
		S_fail(ld, CLAUSIER_EINVALID, p->line, _("parameter “%s” is declared twice"), p->name);
		return;
	}
	if (p->type == CLAUSIER__P_NAME)
		for (int f = 0; f < CLAUSIER__NFORMS; f++) {
			size_t n = strlen(p->name) + strlen(clausier__form_suffix(f)) + 2;
			p->forms[f] = malloc(n);
			if (!p->forms[f]) {
				S_oom(ld);
				return;
			}
			snprintf(p->forms[f], n, "%s_%s", p->name, clausier__form_suffix(f));
		}
	char why[300];
	if (p->defval && p->type == CLAUSIER__P_LIST) {
		S_fail_attr(ld, CLAUSIER_EINVALID, el, "default", _("parameter “%s”: a list cannot have a default value"),
		            p->name);
		return;
	}
	if (p->fact && p->defval) {
		S_fail_attr(ld, CLAUSIER_EINVALID, el, "default",
		            _("parameter “%s”: a fact of the jurisdiction cannot have a default value"), p->name);
		return;
	}
	if (p->defval && clausier__param_parse(p, p->defval, NULL, why, sizeof why) < 0)
		S_fail_attr(ld, CLAUSIER_EINVALID, el, "default", _("parameter “%s” (%s), default value: %s"), p->name,
		            clausier__ptype_name(p->type), why);
}

static void S_read_section(S_loader *ld, xmlNodePtr el)
{
	clausier_catalog *cat = ld->cat;
	clausier__section *s = &cat->sections[cat->nsections++];
	s->line = S_line(el);
	s->id = S_attr(el, "id");
	if (!s->id) {
		S_oom(ld);
		return;
	}
	if (cat->nsections - 1 == ld->section_dup) {
		S_fail(ld, CLAUSIER_EINVALID, s->line, _("section “%s” is defined twice (first at line %d)"),
		       s->id, cat->sections[ld->section_first].line);
		return;
	}
	char what[300];
	snprintf(what, sizeof what, _("section “%s”"), s->id);
	for (xmlNodePtr c = el->children; c && ld->status == CLAUSIER_OK; c = c->next)
		if (S_is(c, "title"))
			S_read_msg(ld, &s->title, c, what, &ld->front);
}

/* A body for jurisdictions j (malloc'd, taken): at most one per risk
 * tolerance for any jurisdiction it names, and only jurisdictions the
 * clause itself applies in. */
static void S_read_jbody(S_loader *ld, clausier__clause *cl, xmlNodePtr c, char *j, int risk,
                         const char *what, S_uses *uses)
{
	struct clausier__jbody *jb = realloc(cl->jbodies, (cl->njbodies + 1) * sizeof *jb);
	if (!jb) {
		free(j);
		S_oom(ld);
		return;
	}
	cl->jbodies = jb;
	jb = &cl->jbodies[cl->njbodies++];
	memset(jb, 0, sizeof *jb);
	jb->jurisdictions = j;
	jb->risk = risk;
	for (const char *p = j; *p;) {
		size_t len = strcspn(p, " ");
		char one[16];
		if (len && len < sizeof one) {
			memcpy(one, p, len);
			one[len] = 0;
			if (cl->jurisdictions && !clausier__jurisdiction_level(cl->jurisdictions, one)) {
				S_fail_attr(ld, CLAUSIER_EINVALID, c, "jurisdictions",
				            _("%s: a body for jurisdiction “%s”, but the clause is limited to “%s”"), what, one,
				            cl->jurisdictions);
				return;
			}
			for (size_t k = 0; k + 1 < cl->njbodies; k++)
				if (cl->jbodies[k].risk == risk && clausier__word_in(cl->jbodies[k].jurisdictions, one)) {
					S_fail(ld, CLAUSIER_EINVALID, S_line(c),
					       _("%s: a second body for jurisdiction “%s” and risk tolerance “%s”"), what, one,
					       clausier__risk_name(risk));
					return;
				}
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	S_uses own = { NULL, 0, 0, ld->stamp++, ld->marks };
	S_read_msg(ld, &jb->msg, c, what, &own);
	jb = &cl->jbodies[cl->njbodies - 1];
	jb->uses = own.v;
	jb->nuses = own.n;
	(void)uses;
}

/* a ∪ b, sorted, each once (malloc'd; NULL when empty). */
static size_t *S_union(S_loader *ld, const size_t *a, size_t na, const size_t *b, size_t nb, size_t *n)
{
	*n = 0;
	if (!na && !nb)
		return NULL;
	size_t *v = malloc((na + nb) * sizeof *v);
	if (!v) {
		S_oom(ld);
		return NULL;
	}
	memcpy(v, a, na * sizeof *v);
	if (nb)
		memcpy(v + na, b, nb * sizeof *v);
	qsort(v, na + nb, sizeof *v, S_cmp_size);
	size_t k = 0;
	for (size_t i = 0; i < na + nb; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
	return v;
}

static void S_read_clause(S_loader *ld, xmlNodePtr el)
{
	clausier_catalog *cat = ld->cat;
	clausier__clause *cl = &cat->clauses[cat->nclauses++];
	cl->line = S_line(el);
	cl->id = S_attr(el, "id");
	cl->topic = S_attr(el, "topic");
	cl->section = -1;
	if (!cl->id || !cl->topic) {
		S_oom(ld);
		return;
	}
	if (cat->nclauses - 1 == ld->clause_dup) {
		S_fail(ld, CLAUSIER_EINVALID, cl->line, _("clause “%s” is defined twice (first at line %d)"),
		       cl->id, cat->clauses[ld->clause_first].line);
		return;
	}

	char *v = S_attr(el, "section");
	if (v) {
		/* (the schema puts sections before clauses: all are read) */
		cl->section = clausier__keys_find(ld->section_keys, ld->nsection_ids, v, strlen(v));
		if (cl->section < 0)
			S_fail_attr(ld, CLAUSIER_EINVALID, el, "section", _("clause “%s”: there is no section “%s”"), cl->id,
			            v);
		free(v);
		if (ld->status != CLAUSIER_OK)
			return;
	} else if (cat->nsections) {
		S_fail(ld, CLAUSIER_EINVALID, cl->line,
		       _("clause “%s” has no section, but the catalog has sections"), cl->id);
		return;
	}
	v = S_attr(el, "kind");
	cl->kind = v ? S_INDEX(S_kinds, v) : CLAUSIER_KIND_RULE;
	free(v);
	v = S_attr(el, "strength");
	cl->strength = v ? S_INDEX(S_strengths, v) : CLAUSIER_STRENGTH_NONE;
	free(v);
	v = S_attr(el, "genres");
	cl->genres = v ? S_bits(clausier__genre_name, v) : 1u << cat->genre;
	free(v);
	v = S_attr(el, "sectors");
	cl->sectors = S_bits(clausier__sector_name, v);
	free(v);
	v = S_attr(el, "revision");
	cl->revision = v ? atoi(v) : 1;
	free(v);
	cl->jurisdictions = S_attr(el, "jurisdictions");
	cl->when = -1;
	v = S_attr(el, "when");
	if (v) {
		cl->when = S_find_param(cat, v);
		if (cl->when < 0)
			S_fail_attr(ld, CLAUSIER_EINVALID, el, "when",
			            _("clause “%s”: when=\"%s\" names no parameter of the catalog (declare it: <param name=\"%s\" type=\"boolean\" default=\"false\"/>)"),
			            cl->id, v, v);
		else if (cat->params[cl->when].type != CLAUSIER__P_BOOLEAN || cat->params[cl->when].fact ||
		         !cat->params[cl->when].defval)
			S_fail_attr(ld, CLAUSIER_EINVALID, el, "when",
			            _("clause “%s”: when=\"%s\" must name a boolean parameter with a default (default=\"false\": the clause is there when the profile says true)"),
			            cl->id, v);
		if (ld->status != CLAUSIER_OK) {
			free(v);
			return;
		}
		free(v);
	}

	char what[300];
	snprintf(what, sizeof what, _("clause “%s”"), cl->id);
	/* the heading's parameters, the other bodies', and each jurisdiction
	 * body's (S_read_jbody), each set with a stamp of its own */
	S_uses head = { NULL, 0, 0, ld->stamp++, ld->marks };
	S_uses uses = { NULL, 0, 0, ld->stamp++, ld->marks };
	clausier__buf notes = { 0 };
	for (xmlNodePtr c = el->children; c && ld->status == CLAUSIER_OK; c = c->next) {
		if (S_is(c, "note")) {
			char *t = clausier__xml_text(c);
			if (!t) {
				S_oom(ld);
				break;
			}
			if (notes.len)
				clausier__buf_putc(&notes, '\n');
			clausier__buf_puts(&notes, t);
			free(t);
		} else if (S_is(c, "heading")) {
			S_read_msg(ld, &cl->heading, c, what, &head);
		} else if (S_is(c, "body")) {
			char *r = S_attr(c, "risk");
			int risk = r ? clausier__risk_from_name(r) : CLAUSIER_RISK_BALANCED;
			free(r);
			if (risk < 0)
				risk = CLAUSIER_RISK_BALANCED;
			char *j = S_attr(c, "jurisdictions");
			if (j) {
				S_read_jbody(ld, cl, c, j, risk, what, &uses);
				continue;
			}
			if (cl->body[risk].present) {
				S_fail(ld, CLAUSIER_EINVALID, S_line(c), _("%s: a second body for risk tolerance “%s”"),
				       what, clausier__risk_name(risk));
				break;
			}
			S_read_msg(ld, &cl->body[risk], c, what, &uses);
		}
	}
	/* (a set read in several runs, between jurisdiction bodies, may hold a
	 * parameter twice: the unions count it once) */
	cl->guses = S_union(ld, head.v, head.n, uses.v, uses.n, &cl->nguses);
	cl->uses = S_union(ld, cl->guses, cl->nguses, NULL, 0, &cl->nuses);
	for (size_t k = 0; k < cl->njbodies && ld->status == CLAUSIER_OK; k++) {
		struct clausier__jbody *jb = &cl->jbodies[k];
		size_t n = 0, *all = S_union(ld, cl->uses, cl->nuses, jb->uses, jb->nuses, &n);
		size_t *own = S_union(ld, head.v, head.n, jb->uses, jb->nuses, &jb->nuses);
		free(jb->uses);
		jb->uses = own;
		free(cl->uses);
		cl->uses = all;
		cl->nuses = n;
	}
	free(head.v);
	free(uses.v);
	if (notes.len)
		cl->notes = clausier__buf_detach(&notes, NULL);
	clausier__buf_free(&notes);
}

static void S_free_msg(clausier__msg *m)
{
	for (size_t i = 0; i < m->ntexts; i++) {
		free(m->texts[i].lang);
		free(m->texts[i].pattern);
		free(m->texts[i].holes);
		clausier__prog_free(m->texts[i].prog);
	}
	free(m->texts);
}

void clausier_catalog_free(clausier_catalog *cat)
{
	if (!cat)
		return;
	clausier__msg_forget(cat->serial);
	free(cat->source);
	free(cat->id);
	free(cat->source_lang);
	S_free_msg(&cat->title);
	S_free_msg(&cat->subtitle);
	S_free_msg(&cat->dateline);
	for (size_t i = 0; i < cat->nparams; i++) {
		free(cat->params[i].name);
		free(cat->params[i].defval);
		free(cat->params[i].unit);
		free(cat->params[i].choices);
		for (int f = 0; f < CLAUSIER__NFORMS; f++)
			free(cat->params[i].forms[f]);
	}
	free(cat->params);
	free(cat->front_uses);
	free(cat->param_keys);
	free(cat->clause_keys);
	for (size_t i = 0; i < cat->nsections; i++) {
		free(cat->sections[i].id);
		S_free_msg(&cat->sections[i].title);
	}
	free(cat->sections);
	for (size_t i = 0; i < cat->nclauses; i++) {
		clausier__clause *cl = &cat->clauses[i];
		free(cl->id);
		free(cl->topic);
		free(cl->uses);
		free(cl->guses);
		free(cl->notes);
		S_free_msg(&cl->heading);
		for (int r = 0; r < 3; r++)
			S_free_msg(&cl->body[r]);
		for (size_t k = 0; k < cl->njbodies; k++) {
			free(cl->jbodies[k].jurisdictions);
			free(cl->jbodies[k].uses);
			S_free_msg(&cl->jbodies[k].msg);
		}
		free(cl->jbodies);
		free(cl->jurisdictions);
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

	S_loader ld = { calloc(1, sizeof(clausier_catalog)), err, CLAUSIER_OK, NULL, { NULL, 0, 0, 0, NULL },
		        SIZE_MAX, 0, SIZE_MAX, 0, SIZE_MAX, 0, NULL, NULL, 0, 0 };
	clausier_catalog *cat = ld.cat;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *genre = NULL;
	if (!cat || !(cat->source = clausier__strdup(name)) || !(cat->id = S_attr(root, "id")) ||
	    !(genre = S_attr(root, "genre")) || !(cat->source_lang = clausier__xml_lang(root))) {
		free(genre);
		clausier_catalog_free(cat);
		clausier__xml_free(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	static unsigned long serials;
	cat->serial = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
	cat->genre = clausier__genre_from_name(genre);
	free(genre);
	char *serial_comma = S_attr(root, "serial-comma");
	cat->serial_comma = !serial_comma ? CLAUSIER__SERIAL_LOCALE
	                    : !strcmp(serial_comma, "yes") ? CLAUSIER__SERIAL_YES : CLAUSIER__SERIAL_NO;
	free(serial_comma);
	size_t np = 0, ns = 0, nc = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		np += S_is(c, "param");
		ns += S_is(c, "section");
		nc += S_is(c, "clause");
	}
	cat->params = calloc(np ? np : 1, sizeof *cat->params);
	cat->sections = calloc(ns ? ns : 1, sizeof *cat->sections);
	cat->clauses = calloc(nc ? nc : 1, sizeof *cat->clauses);
	/* Clause stamps are their indices; no stamp yet is SIZE_MAX. */
	ld.marks = malloc((np ? np : 1) * sizeof *ld.marks);
	ld.front.marks = malloc((np ? np : 1) * sizeof *ld.front.marks);
	if (!cat->params || !cat->sections || !cat->clauses || !ld.marks || !ld.front.marks ||
	    S_prepass(root, "param", "name", &ld.param_dup, &ld.param_first, NULL, NULL) < 0 ||
	    S_prepass(root, "section", "id", &ld.section_dup, &ld.section_first, &ld.section_keys,
	              &ld.section_ids) < 0 ||
	    S_prepass(root, "clause", "id", &ld.clause_dup, &ld.clause_first, NULL, NULL) < 0)
		S_oom(&ld);
	ld.nsection_ids = ld.section_keys ? ns : 0;
	for (size_t i = 0; ld.marks && ld.front.marks && i < np; i++)
		ld.marks[i] = ld.front.marks[i] = SIZE_MAX;
	/* Parameters first: messages are checked against them; sections
	 * before clauses, which refer to them.  Names are looked up in sorted
	 * keys, so that loading is linear, give or take a logarithm. */
	for (xmlNodePtr c = root->children; c && ld.status == CLAUSIER_OK; c = c->next)
		if (S_is(c, "param"))
			S_read_param(&ld, c);
	if (ld.status == CLAUSIER_OK) {
		const char **names = malloc((np ? np : 1) * sizeof *names);
		for (size_t i = 0; names && i < np; i++)
			names[i] = cat->params[i].name;
		if (!names || !(cat->param_keys = clausier__keys_make(names, np)))
			S_oom(&ld);
		free(names);
	}
	for (xmlNodePtr c = root->children; c && ld.status == CLAUSIER_OK; c = c->next) {
		if (S_is(c, "section"))
			S_read_section(&ld, c);
		else if (S_is(c, "title"))
			S_read_msg(&ld, &cat->title, c, _("the title"), &ld.front);
		else if (S_is(c, "subtitle"))
			S_read_msg(&ld, &cat->subtitle, c, _("the subtitle"), &ld.front);
		else if (S_is(c, "dateline"))
			S_read_msg(&ld, &cat->dateline, c, _("the dateline"), &ld.front);
		else if (S_is(c, "clause"))
			S_read_clause(&ld, c);
	}
	if (ld.status == CLAUSIER_OK) {
		const char **ids = malloc((nc ? nc : 1) * sizeof *ids);
		for (size_t i = 0; ids && i < nc; i++)
			ids[i] = cat->clauses[i].id;
		if (!ids || !(cat->clause_keys = clausier__keys_make(ids, nc)))
			S_oom(&ld);
		free(ids);
	}
	if (ld.front.n > 1)
		qsort(ld.front.v, ld.front.n, sizeof *ld.front.v, S_cmp_size);
	cat->front_uses = ld.front.v;
	cat->nfront_uses = ld.front.n;
	free(ld.marks);
	free(ld.front.marks);
	free(ld.section_keys);
	for (size_t i = 0; i < ld.nsection_ids; i++)
		free(ld.section_ids[i]);
	free(ld.section_ids);
	clausier__xml_free(doc);
	if (ld.status != CLAUSIER_OK) {
		clausier_catalog_free(cat);
		return ld.status;
	}
	*out = cat;
	return CLAUSIER_OK;
}

static int S_load(void *out, const char *data, size_t len, const char *name, clausier_error *err)
{
	return clausier_catalog_load_memory(out, data, len, name, err);
}

int clausier_catalog_load_file(clausier_catalog **out, const char *path, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (!out) {
		clausier__error_set(err, CLAUSIER_EARG, path, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	return clausier__load_file(path, err, S_load, out);
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

const char *clausier_catalog_id(const clausier_catalog *catalog)
{
	return catalog ? catalog->id : NULL;
}

clausier_genre clausier_catalog_genre(const clausier_catalog *catalog)
{
	return catalog ? (clausier_genre)catalog->genre : CLAUSIER_GENRE_ANY;
}

int clausier_catalog_clause_info(clausier_clause_info *out, const clausier_catalog *catalog, size_t i)
{
	if (!out || !catalog || i >= catalog->nclauses)
		return CLAUSIER_EARG;
	const clausier__clause *cl = &catalog->clauses[i];
	out->id = cl->id;
	out->topic = cl->topic;
	out->section = cl->section >= 0 ? catalog->sections[cl->section].id : NULL;
	out->kind = (clausier_kind)cl->kind;
	out->strength = (clausier_strength)cl->strength;
	out->genres = cl->genres;
	out->sectors = cl->sectors;
	out->risk_variants = 0;
	for (int r = 0; r < 3; r++)
		if (cl->body[r].present)
			out->risk_variants |= 1u << r;
	out->revision = cl->revision;
	out->notes = cl->notes;
	return CLAUSIER_OK;
}

const char *clausier_catalog_clause_jurisdictions(const clausier_catalog *catalog, size_t i)
{
	return catalog && i < catalog->nclauses ? catalog->clauses[i].jurisdictions : NULL;
}

const char *clausier_catalog_clause_when(const clausier_catalog *catalog, size_t i)
{
	return catalog && i < catalog->nclauses && catalog->clauses[i].when >= 0
	               ? catalog->params[catalog->clauses[i].when].name
	               : NULL;
}

const char *clausier_catalog_clause_variant(const clausier_catalog *catalog, size_t i, size_t k,
                                            clausier_risk *risk)
{
	if (!catalog || i >= catalog->nclauses || k >= catalog->clauses[i].njbodies)
		return NULL;
	if (risk)
		*risk = (clausier_risk)catalog->clauses[i].jbodies[k].risk;
	return catalog->clauses[i].jbodies[k].jurisdictions;
}

int clausier_clause_query_init(clausier_clause_query *q, unsigned int version)
{
	if (!q || version != CLAUSIER_CLAUSE_QUERY_VERSION)
		return CLAUSIER_EARG;
	clausier_clause_query init = CLAUSIER_CLAUSE_QUERY_INIT;
	*q = init;
	return CLAUSIER_OK;
}

int clausier_catalog_find(size_t **out, size_t *count, const clausier_catalog *catalog,
                          const clausier_clause_query *q, clausier_error *err)
{
	if (out)
		*out = NULL;
	if (count)
		*count = 0;
	if (!out || !count || !catalog || (q && q->version != CLAUSIER_CLAUSE_QUERY_VERSION)) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	size_t *list = malloc((catalog->nclauses ? catalog->nclauses : 1) * sizeof *list), n = 0;
	if (!list) {
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (size_t i = 0; i < catalog->nclauses; i++) {
		const clausier__clause *cl = &catalog->clauses[i];
		if (q && q->topic && strcmp(q->topic, cl->topic))
			continue;
		if (q && q->genre && !(cl->genres & (1u << q->genre)))
			continue;
		if (q && q->sector && cl->sectors && !(cl->sectors & (1u << q->sector)))
			continue;
		list[n++] = i;
	}
	if (!n) {
		free(list);
		list = NULL;
	}
	*out = list;
	*count = n;
	return CLAUSIER_OK;
}

const char *clausier_catalog_clause_pattern(const clausier_catalog *catalog, size_t i, int risk,
                                            const char *locale)
{
	if (!catalog || i >= catalog->nclauses || !locale || risk > 2)
		return NULL;
	const clausier__clause *cl = &catalog->clauses[i];
	const clausier__msg *m = risk < 0 ? &cl->heading : &cl->body[risk];
	if (!m->present)
		return NULL;
	const clausier__text *t = clausier__msg_lookup(m, locale);
	return t ? t->pattern : NULL;
}

int clausier__find_clause(const clausier_catalog *catalog, const char *id, size_t *index)
{
	long i = catalog->clause_keys ? clausier__keys_find(catalog->clause_keys, catalog->nclauses, id, strlen(id)) : -1;
	if (i < 0)
		return -1;
	*index = (size_t)i;
	return 0;
}

long clausier__find_param(const clausier_catalog *catalog, const char *name)
{
	return S_find_param(catalog, name);
}

int clausier__uses(const size_t *uses, size_t n, size_t param)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (uses[mid] < param)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && uses[lo] == param;
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

/* Calls fn on every message of cat in document order: the title page,
 * the sections' titles, each clause's heading and bodies, with the section
 * or clause it belongs to (NULL otherwise). */
static void S_each_msg(const clausier_catalog *cat,
                       void (*fn)(const clausier__msg *m, const char *section, const char *clause, void *ctx),
                       void *ctx)
{
	const clausier__msg *front[] = { &cat->title, &cat->subtitle, &cat->dateline };
	for (size_t i = 0; i < 3; i++)
		if (front[i]->present)
			fn(front[i], NULL, NULL, ctx);
	for (size_t i = 0; i < cat->nsections; i++)
		fn(&cat->sections[i].title, cat->sections[i].id, NULL, ctx);
	for (size_t i = 0; i < cat->nclauses; i++) {
		const clausier__clause *cl = &cat->clauses[i];
		fn(&cl->heading, NULL, cl->id, ctx);
		for (int r = 0; r < 3; r++)
			if (cl->body[r].present)
				fn(&cl->body[r], NULL, cl->id, ctx);
		for (size_t k = 0; k < cl->njbodies; k++)
			fn(&cl->jbodies[k].msg, NULL, cl->id, ctx);
	}
}

typedef struct {
	clausier_coverage *list;
	size_t n, cap;
	int oom;
} S_cov;

static void S_cov_langs(const clausier__msg *m, const char *section, const char *clause, void *vctx)
{
	(void)section, (void)clause;
	S_cov *c = vctx;
	for (size_t t = 0; t < m->ntexts; t++) {
		size_t k;
		if (m->texts[t].derived)
			continue; /* spelt by the library, not a translation */
		for (k = 0; k < c->n; k++)
			if (!strcasecmp(c->list[k].lang, m->texts[t].lang))
				break;
		if (k < c->n || c->oom)
			continue;
		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 4;
			clausier_coverage *p = realloc(c->list, cap * sizeof *p);
			if (!p) {
				c->oom = 1;
				return;
			}
			c->list = p;
			c->cap = cap;
		}
		c->list[c->n++] = (clausier_coverage){ m->texts[t].lang, 0, 0 };
	}
}

static void S_cov_count(const clausier__msg *m, const char *section, const char *clause, void *vctx)
{
	(void)section, (void)clause;
	S_cov *c = vctx;
	for (size_t k = 0; k < c->n; k++) {
		c->list[k].total++;
		const clausier__text *x = clausier__msg_lookup(m, c->list[k].lang);
		c->list[k].translated += x && !x->derived;
	}
}

int clausier_catalog_coverage(clausier_coverage **out, size_t *count, const clausier_catalog *catalog,
                              clausier_error *err)
{
	if (!out || !count || !catalog) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	*count = 0;
	S_cov c = { NULL, 0, 0, 0 };
	S_cov_langs(&catalog->title, NULL, NULL, &c); /* the title has the source language */
	S_each_msg(catalog, S_cov_langs, &c);
	if (c.oom) {
		free(c.list);
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	/* The source language first, then the others as found. */
	for (size_t k = 1; k < c.n; k++)
		if (!strcasecmp(c.list[k].lang, catalog->source_lang)) {
			clausier_coverage t = c.list[0];
			c.list[0] = c.list[k];
			c.list[k] = t;
		}
	S_each_msg(catalog, S_cov_count, &c);
	*out = c.list;
	*count = c.n;
	return CLAUSIER_OK;
}

int clausier__check_date(const char *text, double *date, char *why, size_t whylen)
{
	clausier__param p = { 0 };
	p.type = CLAUSIER__P_DATE;
	return clausier__param_parse(&p, text, date, why, whylen);
}

typedef struct {
	clausier_text_info *list;
	size_t n, cap;
	const clausier_catalog *cat;
	int oom;
} S_tr;

static void S_tr_msg(const clausier__msg *m, const char *section, const char *clause, void *vctx)
{
	S_tr *t = vctx;
	const clausier__text *src = clausier__msg_lookup(m, t->cat->source_lang);
	for (size_t i = 0; src && i < m->ntexts; i++) {
		const clausier__text *x = &m->texts[i];
		if (x == src || x->derived || t->oom)
			continue;
		if (t->n == t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 64;
			clausier_text_info *p = realloc(t->list, cap * sizeof *p);
			if (!p) {
				t->oom = 1;
				return;
			}
			t->list = p;
			t->cap = cap;
		}
		t->list[t->n++] = (clausier_text_info){ clause, section, x->lang, x->pattern, src->pattern, x->line };
	}
}

int clausier_catalog_translations(clausier_text_info **out, size_t *count, const clausier_catalog *catalog,
                                  clausier_error *err)
{
	if (!out || !count || !catalog) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	*count = 0;
	S_tr t = { NULL, 0, 0, catalog, 0 };
	S_each_msg(catalog, S_tr_msg, &t);
	if (t.oom) {
		free(t.list);
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	*out = t.list;
	*count = t.n;
	return CLAUSIER_OK;
}

/* ---- « de {org} »: a French text that contracts nothing ---- */

typedef struct {
	const clausier_catalog *cat;
	clausier__contraction_report report;
	void *ctx;
	int n, source_only;
} S_ct;

/* The name parameter {arg} at p names (its value, or its form x_le, x_Le),
 * and in *end where the argument ends; -1 when it is none. */
static long S_name_arg(const clausier_catalog *cat, const char *p, const char **end)
{
	if (*p != '{')
		return -1;
	p++;
	while (*p == ' ')
		p++;
	const char *b = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || (*p >= 'A' && *p <= 'Z'))
		p++;
	size_t n = (size_t)(p - b);
	while (*p == ' ')
		p++;
	if (*p != '}' || !n)
		return -1;
	*end = p + 1;
	for (size_t i = 0; i < cat->nparams; i++) {
		const clausier__param *q = &cat->params[i];
		if (q->type != CLAUSIER__P_NAME)
			continue;
		size_t k = strlen(q->name);
		if (k == n && !strncmp(b, q->name, n))
			return (long)i;
		if (n == k + 3 && !strncmp(b, q->name, k) && (!strncmp(b + k, "_le", 3) || !strncmp(b + k, "_Le", 3)))
			return (long)i;
	}
	return -1;
}

static void S_ct_msg(const clausier__msg *m, const char *section, const char *clause, void *vctx)
{
	(void)section;
	S_ct *c = vctx;
	for (size_t i = 0; i < m->ntexts; i++) {
		const clausier__text *x = &m->texts[i];
		if (x->derived || strncasecmp(x->lang, "fr", 2) || (x->lang[2] && x->lang[2] != '-') ||
		    (c->source_only && strcmp(x->lang, c->cat->source_lang)))
			continue;
		const char *s = x->pattern;
		for (const char *p = s; *p; p++) {
			size_t w = 0;
			if ((*p == 'd' || *p == 'D') && p[1] == 'e')
				w = 2;
			else if (!strncmp(p, "à", 2) || !strncmp(p, "À", 2))
				w = 2;
			if (!w)
				continue;
			/* a word of its own: not « monde », « aide » */
			unsigned char b = p > s ? (unsigned char)p[-1] : ' ';
			if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80 || b == '-' || b == '_')
				if (!(b == 0xA0 && p - s >= 2 && (unsigned char)p[-2] == 0xC2))
					continue;
			const char *q = p + w;
			if (*q == ' ')
				q++;
			else if (!strncmp(q, "\xC2\xA0", 2))
				q += 2;
			else
				continue;
			const char *end;
			long param = S_name_arg(c->cat, q, &end);
			if (param < 0)
				continue;
			c->report(c->ctx, x->line, x->lang, clause, p, (size_t)(end - p), c->cat->params[param].name,
			          w == 2 && (*p == 'd' || *p == 'D'));
			c->n++;
		}
	}
}

int clausier__catalog_contractions(const clausier_catalog *cat, int source_only, clausier__contraction_report report,
                                   void *ctx)
{
	S_ct c = { cat, report, ctx, 0, source_only };
	S_each_msg(cat, S_ct_msg, &c);
	return c.n;
}
