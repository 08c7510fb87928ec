/* Shared between the library's own files; never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_PRIVATE_H
#define CLAUSIER_PRIVATE_H

#include "config.h"
#include <clausier.h>
#include <stdarg.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- messages of the library itself (gettext domain "clausier") ---- */
const char *clausier__gettext(const char *msgid) __attribute__((format_arg(1)));
#define _(s) clausier__gettext(s)
#define N_(s) s

/* ---- translators' checks ---- */
/* clausier_check_translation with a rule identifier for each finding
 * (lib/check.c); the public function drops the rule. */
typedef void (*clausier__check_emit)(void *ctx, clausier_severity severity, int column, const char *rule,
                                     const char *message);
int clausier__check_translation(const char *source, const char *source_lang, const char *translation,
                                const char *lang, clausier__check_emit report, void *ctx);
/* A clausier__check_emit that passes a finding on to a public
 * clausier_check_report, without its rule; ctx is a clausier__check_public. */
typedef struct {
	clausier_check_report report;
	void *ctx;
} clausier__check_public;
void clausier__check_untagged(void *ctx, clausier_severity severity, int column, const char *rule,
                              const char *message);

/* ---- errors ---- */
void clausier__error_set(clausier_error *err, int code, const char *source, int line, int column,
                         const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void clausier__error_vset(clausier_error *err, int code, const char *source, int line, int column,
                          const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));

/* ---- growable byte buffer ---- */
typedef struct {
	char *data;
	size_t len, cap;
	int failed; /* an allocation failed: the content is incomplete */
} clausier__buf;

void clausier__buf_add(clausier__buf *b, const char *s, size_t n);
void clausier__buf_puts(clausier__buf *b, const char *s);
/* One byte: inline, for writers that go a character at a time (the PO
 * reader, the back ends). */
static inline void clausier__buf_putc(clausier__buf *b, char c)
{
	if (!b->failed && b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
	} else {
		clausier__buf_add(b, &c, 1);
	}
}
/* Gives the NUL-terminated content to the caller and resets b; NULL when an
 * allocation failed. */
char *clausier__buf_detach(clausier__buf *b, size_t *len);

void clausier__buf_free(clausier__buf *b);

/* Names sorted for lookups (ties in index order). */
typedef struct {
	const char *name; /* borrowed */
	size_t len;
	size_t index;     /* into the array the names came from */
} clausier__key;
/* Sorts names[0..n) (NULL reads as ""); malloc'd, NULL when out of memory. */
clausier__key *clausier__keys_make(const char *const *names, size_t n);
/* Where the run of keys with the name of len bytes starts (or would): the
 * run is in index order.  clausier__keys_is tells whether a key has it. */
size_t clausier__keys_lower(const clausier__key *keys, size_t n, const char *name, size_t len);
int clausier__keys_is(const clausier__key *key, const char *name, size_t len);
/* The smallest index of the name of len bytes, or -1. */
long clausier__keys_find(const clausier__key *keys, size_t n, const char *name, size_t len);
/* The first index, in index order, whose name an earlier one has (that one
 * in *first), or n. */
size_t clausier__keys_duplicate(const clausier__key *keys, size_t n, size_t *first);
/* The same for names[0..n), malloc'd (a NULL one counts as out of
 * memory), which it frees with the array: *dup is SIZE_MAX when no name is
 * given twice.  -1 when out of memory. */
int clausier__names_duplicate(char **names, size_t n, size_t *dup, size_t *first);
/* The same, but on success the names and their sorted keys (which borrow
 * them) are the caller's: *keys_out, to free with names. */
int clausier__names_duplicate_keys(char **names, size_t n, size_t *dup, size_t *first, clausier__key **keys_out);

char *clausier__strdup(const char *s);

/* ---- UTF-8 ---- */
/* Checks that s is valid UTF-8 without characters a policy text may not
 * hold: C0 controls other than tab and newline, DEL, C1 controls, and the
 * bidi embeddings, overrides and isolates.  Returns 0, or -1 with the
 * offending code point (or -1 for invalid UTF-8) in *cp and its 1-based
 * character offset in *pos. */
/* 1: a character no policy text may hold (controls, bidi formatting,
 * separators, invisible characters: doc/design.md); -1: an invisible one
 * that is allowed but worth a warning (ZWNJ, ZWJ, soft hyphen); 0. */
int clausier__invisible(long c);
int clausier__text_check(const char *s, long *cp, size_t *pos);

/* ---- safe XML input ---- */
enum clausier__schema {
	CLAUSIER__SCHEMA_CATALOG, CLAUSIER__SCHEMA_PROFILE, CLAUSIER__SCHEMA_POLICY,
	CLAUSIER__SCHEMA_GENRE, CLAUSIER__SCHEMA_CROSSWALK, CLAUSIER__SCHEMA_JURISDICTION
};
struct _xmlDoc;
/* Parses and validates a document from memory under the safety rules of
 * doc/design.md.  On success *out is a libxml2 document to free with
 * xmlFreeDoc. */
int clausier__xml_load(struct _xmlDoc **out, const char *data, size_t len, const char *name,
                       enum clausier__schema schema, clausier_error *err);
/* Reads path (as clausier__read_file) and hands its bytes to load, with the
 * path as the name errors give. */
int clausier__load_file(const char *path, clausier_error *err,
                        int (*load)(void *ctx, const char *data, size_t len, const char *name,
                                    clausier_error *err),
                        void *ctx);
/* A kind of document read into one object of size bytes (zeroed): read
 * fills it from the validated root, its source (for messages) being name;
 * on failure the object is given to free_obj, which must accept a
 * partly filled one. */
struct _xmlNode;
typedef struct {
	enum clausier__schema schema;
	size_t size;
	int (*read)(void *obj, const char *name, struct _xmlNode *root, clausier_error *err);
	void (*free_obj)(void *obj);
} clausier__doc_kind;
/* The public load_memory and load_file of such a kind: argument checks,
 * the safe parse and schema, the object.  *out is NULL on failure. */
int clausier__doc_load_memory(void **out, const clausier__doc_kind *k, const char *data, size_t len,
                              const char *name, clausier_error *err);
int clausier__doc_load_file(void **out, const clausier__doc_kind *k, const char *path, clausier_error *err);
/* Reads a whole file, refusing anything above CLAUSIER_MAX_INPUT_SIZE. */
int clausier__read_file(char **out, size_t *len, const char *path, clausier_error *err);

/* ---- locales ---- */
/* The supported locale ("fr-CA", static) a tag names as ICU reads it (BCP 47
 * in any case, ICU's fr_CA, POSIX fr_CA.UTF-8; the script fr-Latn-CA and the
 * extensions -u-nu-latn, -u-ca-gregory only where they change nothing), or
 * NULL.  With language_enough, a supported language in an unsupported region
 * (fr-LU) gives the language ("fr").  canon (may be NULL) receives the BCP 47
 * tag ICU makes of the input ("fr-Cyrl-CA"), or "" when ICU cannot read it. */
const char *clausier__locale_resolve(const char *tag, int language_enough, char *canon, size_t size);
/* clausier__locale_resolve(tag, 0, NULL, 0). */
const char *clausier__locale_supported(const char *tag);
/* CLAUSIER_ELOCALE in err, naming tag, ICU's canonical form of it (canon,
 * "" when ICU cannot read it) and the supported locales. */
void clausier__locale_error(clausier_error *err, const char *tag, const char *canon);
/* A space-separated list of locales (a profile's locales=) as the canonical
 * tags of the supported locales they name (*out, the caller's): "fr_CA
 * EN-ca" gives "fr-CA en-CA".  The first one not supported is an error at
 * source:line:column. */
int clausier__locales_canonical(char **out, const char *list, clausier_error *err, const char *source, int line,
                                int column);

/* ---- ICU MessageFormat, behind a C interface (message.cpp) ---- */
enum clausier__argkind {
	CLAUSIER__ARG_ANY,    /* {x}: any value */
	CLAUSIER__ARG_NUMBER, /* number */
	CLAUSIER__ARG_COUNT,  /* plural, selectordinal, spellout, ordinal, duration: a
	                         number, never an amount of money */
	CLAUSIER__ARG_DATE,   /* date, time */
	CLAUSIER__ARG_TEXT,   /* select */
	CLAUSIER__ARG_MONEY,  /* a money value: "1500 EUR" (format only) */
	CLAUSIER__ARG_LIST    /* items joined by CLAUSIER__LIST_SEP (format only) */
};
/* An argument of a pattern as ICU reads it: its name (white space around
 * it dropped, as ICU does), what it needs, and for a plain {name} the byte
 * offsets of its { and one past its } (both 0 otherwise). */
typedef int (*clausier__arg_cb)(void *ctx, const char *name, enum clausier__argkind kind,
                                size_t start, size_t end, char *why, size_t whylen);
/* Checks a pattern with ICU for the given language: syntax, named
 * arguments only, plural keys valid for the language's CLDR categories,
 * 'other' present, nesting no deeper than ICU can take.  Calls cb for every
 * argument, in pattern order.  Returns 0, or -1 with a translated reason
 * in why. */
int clausier__msg_check(const char *pattern, const char *lang, clausier__arg_cb cb, void *ctx,
                        char *why, size_t whylen);
/* Drops the formatters every thread has compiled for the catalog of that
 * serial (clausier_catalog_free). */
void clausier__msg_forget(unsigned long serial);

typedef struct {
	const char *name;
	enum clausier__argkind kind; /* NUMBER: text holds a decimal number;
	                                DATE: date holds ms since the epoch, UTC;
	                                TEXT: text holds UTF-8 */
	const char *text;
	double date;
	unsigned char elide; /* French elision before it: 0 no, 1 if it starts so, 2 yes */
	unsigned char serial_comma; /* LIST in English: CLAUSIER__SERIAL_* (the catalog's) */
} clausier__arg;

/* Formats a checked pattern for an ICU locale id ("fr_CA").  On success *out
 * is malloc'd UTF-8.  serial (nonzero) identifies the loaded catalog the
 * pattern belongs to: the compiled formatter is then kept in a cache of the
 * calling thread, keyed by serial, pattern address and locale. */
int clausier__msg_format(char **out, const char *pattern, const char *icu_locale,
                         const clausier__arg *args, size_t nargs, unsigned long serial,
                         char *why, size_t whylen);

/* A message compiled at catalog load (message.cpp; doc/design.md): literal
 * runs of its pattern, argument slots, plural, selectordinal and select
 * branches.  Immutable once bound: shared between threads. */
typedef struct clausier__prog clausier__prog;
/* clausier__msg_check, and when prog is not NULL the compiled form of the
 * pattern in *prog (the caller's: clausier__prog_free).  Its arguments are
 * numbered in the order cb saw them, and bound with clausier__prog_bind. */
int clausier__msg_compile(const char *pattern, const char *lang, clausier__arg_cb cb, void *ctx, clausier__prog **prog,
                          char *why, size_t whylen);
/* Argument k (the k-th cb call) is parameter param, or its form (>= 0). */
void clausier__prog_bind(clausier__prog *prog, size_t k, size_t param, int form);
void clausier__prog_free(clausier__prog *prog);
/* The values of one edition, formatted once each: created for an edition
 * and used by one thread. */
typedef struct clausier__memo clausier__memo;
clausier__memo *clausier__memo_new(void);
void clausier__memo_free(clausier__memo *memo);
/* The calling thread's memo for the policy of that serial (nonzero) and a
 * locale, kept across renders for the last few policies; NULL when out of
 * memory.  Owned by the thread: valid until its next call. */
clausier__memo *clausier__memo_for(unsigned long serial, const char *locale);
/* A message already rendered for the memo's policy and locale (key: its
 * text), or NULL; and keeping one (a copy; silently not when out of
 * memory). */
const char *clausier__memo_msg(clausier__memo *memo, const void *key);
void clausier__memo_msg_put(clausier__memo *memo, const void *key, const char *text);
/* A text without arguments of the catalog of that serial (its pattern), as
 * rendered for a locale by the calling thread before (the same for every
 * policy), or NULL; and keeping one (bounded; silently not when out of
 * memory). */
const char *clausier__const_msg(unsigned long serial, const char *pattern, const char *locale);
void clausier__const_msg_put(unsigned long serial, const char *pattern, const char *locale, const char *rendered);
/* Appends prog run for an ICU locale to out: args[argix[p] + form + 1] is
 * the value of parameter p (or its form), as for a direct text.  0, or -1
 * with a translated reason in why. */
int clausier__prog_run(clausier__buf *out, const clausier__prog *prog, const char *pattern, const char *icu_locale,
                       const clausier__arg *args, const size_t *argix, int fr, clausier__memo *memo, char *why,
                       size_t whylen);
/* ---- names that agree (name.c) ---- */
enum clausier__article {
	CLAUSIER__ART_NONE, CLAUSIER__ART_LE, CLAUSIER__ART_LA, CLAUSIER__ART_L, CLAUSIER__ART_LES,
	CLAUSIER__ART_THE
};
/* The forms of a name parameter x, as arguments x_le, x_Le...: French
 * (le..au), English (the..s), both (gender, number). */
enum clausier__form {
	CLAUSIER__FORM_LE, CLAUSIER__FORM_LE_CAP, CLAUSIER__FORM_DU, CLAUSIER__FORM_AU,
	CLAUSIER__FORM_THE, CLAUSIER__FORM_THE_CAP, CLAUSIER__FORM_S, CLAUSIER__FORM_GENDER,
	CLAUSIER__FORM_NUMBER, CLAUSIER__NFORMS
};
typedef struct {
	signed char article; /* enum clausier__article */
	char gender;         /* 'm' or 'f' */
	signed char plural, elides;
	unsigned char own;    /* the article is part of the name: « Le Monde », "The Globe and Mail" */
	unsigned char plform; /* English: its last word is plural in form (Tim Hortons, the Maple Leafs) */
	unsigned char unsure; /* CLAUSIER__UNSURE_*: what was inferred and may be wrong */
} clausier__grammar;
enum {
	CLAUSIER__UNSURE_ARTICLE = 1, CLAUSIER__UNSURE_GENDER = 2, CLAUSIER__UNSURE_NUMBER = 4,
	CLAUSIER__UNSURE_ELISION = 8, CLAUSIER__UNSURE_CONFLICT = 16
};
/* The words the grammar of names knows (data/grammar/fr.tsv, en.tsv, compiled in as
 * lib/name-data.c): cls n noun, a adjective, A acronym, b bare name, h
 * aspirated h, m mute h, y/Y initial y read as a vowel/consonant; English
 * t "the" noun, o "the" before "of", ? "the" unsure, A acronym with "the".  gender m f -,
 * number s p -, elision y n -. */
typedef struct {
	const char *word;
	char cls, gender, number, elision;
} clausier__word;
extern const clausier__word clausier__fr_words[], clausier__en_words[];
/* The form arg names, as parameter name (its first baselen bytes) + "_" +
 * suffix: the form, -1 if arg is not a form, -2 if it is a form of
 * another language than lang. */
int clausier__form_of(const char *arg, size_t baselen, const char *lang);
const char *clausier__form_suffix(int form);
/* The length of the name arg is a form of ("org" in "org_du"), or
 * strlen(arg). */
size_t clausier__form_base(const char *arg);
/* Why arg, a form of the name of its first baselen bytes, is not one of
 * lang's forms. */
void clausier__form_error(char *why, size_t whylen, const char *arg, size_t baselen, const char *lang);
int clausier__article_from_name(const char *s);
const char *clausier__article_name(int article);
/* Whether French elides before text (a vowel, a mute h). */
int clausier__elides(const char *text);
/* The grammar of name text in French (fr) or English from the attributes
 * given (each may be NULL: then it is inferred). */
void clausier__name_grammar(clausier__grammar *g, const char *text, int fr, const char *article,
                            const char *gender, const char *number, const char *elision);
/* Where French text s contracts what French contracts (« de Le Monde »,
 * « à Les Échos », « de le Collège »), or NULL. */
const char *clausier__bad_contraction(const char *s);
/* Reports each place a French text of cat writes « de {x} », « à {x} » (or
 * {x_le}, {x_Le}) for a name parameter x, which French contracts for most
 * names (« du Monde », « au Collège »): its line, language, clause (NULL on
 * the title page), the text at [at, at + len), the parameter and whether
 * it is « de »; only in texts of the source language when source_only.
 * Returns the number of places. */
typedef void (*clausier__contraction_report)(void *ctx, int line, const char *lang, const char *clause,
                                             const char *at, size_t len, const char *param, int de);
int clausier__catalog_contractions(const clausier_catalog *cat, int source_only, clausier__contraction_report report,
                                   void *ctx);
/* forms[CLAUSIER__NFORMS], malloc'd.  0, or -1 when out of memory. */
int clausier__name_forms(char **forms, const char *text, const clausier__grammar *g, int fr);
/* Whether French elides before the value of a (its elide flag, and for 1
 * whether the text starts so). */
int clausier__arg_elides(const clausier__arg *a);
/* Elides the end of b before a value goes in, where it is a word that
 * elides there (« que », « de », « le »… and a space): « que » -> « qu’ ». */
void clausier__elide_end(clausier__buf *b);
/* The mark clausier__msg_format puts before a value that French elides
 * before (a noncharacter: no input may hold one), and its UTF-8. */
#define CLAUSIER__ELISION_MARK 0xFDD0
#define CLAUSIER__ELISION_MARK_UTF8 "\xef\xb7\x90"
/* Elides where a mark says a value went in, and drops the marks: 1 with
 * *out malloc'd, 0 when there is no mark, -1 when out of memory. */
int clausier__elide_marks(char **out, const char *text);

/* ---- the model ---- */
typedef struct {
	char *lang;    /* BCP 47 */
	char *pattern; /* ICU MessageFormat, UTF-8 */
	int line;
	/* Every argument is a plain {name} of a text-like parameter (or there is
	 * none): the message renders by substitution, without ICU.  Since the
	 * ASCII apostrophe is refused, nothing in such a pattern is quoted. */
	unsigned char direct;
	/* an en-CA or en-GB text the library derived from the en one by its
	 * spelling table (spelling.c), not written by anyone */
	unsigned char derived;
	/* For a direct text, its arguments as ICU reads them ({ org } is org):
	 * pattern[start, end) is replaced by the value of parameter param, or
	 * by its form (form >= 0) for a name. */
	struct clausier__hole {
		size_t start, end;
		size_t param;
		int form;
	} *holes;
	size_t nholes;
	/* every other text: its compiled form */
	clausier__prog *prog;
} clausier__text;

typedef struct {
	clausier__text *texts;
	size_t ntexts;
	int line;
	unsigned char present;
} clausier__msg;

enum clausier__ptype {
	CLAUSIER__P_TEXT,
	CLAUSIER__P_EMAIL,
	CLAUSIER__P_URL,
	CLAUSIER__P_DATE,
	CLAUSIER__P_NUMBER,
	CLAUSIER__P_DURATION,
	CLAUSIER__P_MONEY,
	CLAUSIER__P_LIST,
	CLAUSIER__P_CHOICE,
	CLAUSIER__P_BOOLEAN,
	CLAUSIER__P_NAME
};

typedef struct {
	char *name;
	enum clausier__ptype type;
	char *defval;  /* NULL: required */
	char *unit;    /* duration: hour, day, week, month */
	char *choices; /* choice: space-separated */
	char *forms[CLAUSIER__NFORMS]; /* name: the forms' argument names, "org_du"... */
	unsigned char fact; /* from="jurisdiction": the value is the jurisdiction's fact */
	int line;
} clausier__param;

typedef struct {
	char *id;
	clausier__msg title;
	int line;
} clausier__section;

/* Risk tolerances index clause bodies: body[CLAUSIER_RISK_BALANCED] is the
 * default text, the others are present only where the rule differs. */
typedef struct {
	char *id;
	char *topic;
	long section; /* index into catalog->sections, or -1 */
	int kind;     /* clausier_kind */
	int strength; /* clausier_strength, 0 when absent */
	unsigned genres;  /* bit per clausier_genre */
	unsigned sectors; /* bit per clausier_sector; 0 = every sector */
	int revision;
	char *notes;  /* translator notes joined by newlines, or NULL */
	char *jurisdictions; /* space-separated; NULL: every jurisdiction */
	long when;    /* the boolean parameter that must be true for the clause to be in a policy, or -1 */
	clausier__msg heading;
	clausier__msg body[3];
	/* variants for jurisdictions (each with a risk tolerance) */
	struct clausier__jbody {
		char *jurisdictions;
		int risk;
		clausier__msg msg;
		size_t *uses; /* the parameters its heading and this body use, in index order */
		size_t nuses;
	} *jbodies;
	size_t njbodies;
	size_t *uses;  /* the catalog parameters the clause uses, in index order */
	size_t nuses;
	size_t *guses; /* those its heading and bodies without jurisdictions use */
	size_t nguses;
	int line;
} clausier__clause;

/* The serial comma of a catalog's English lists ("a, b, and c"): as the
 * locale's CLDR data has it, or one style in every English locale. */
enum { CLAUSIER__SERIAL_LOCALE, CLAUSIER__SERIAL_YES, CLAUSIER__SERIAL_NO };

struct clausier_catalog {
	unsigned long serial; /* unique per load: keys the formatter caches */
	int serial_comma;     /* CLAUSIER__SERIAL_*: serial-comma="yes|no" */
	char *source;      /* file name for messages */
	char *id;
	int genre;         /* clausier_genre */
	char *source_lang;
	clausier__msg title, subtitle, dateline;
	clausier__param *params;
	size_t nparams;
	size_t *front_uses; /* parameters used by the title page and section titles, in order */
	size_t nfront_uses;
	/* names and ids sorted for lookups */
	clausier__key *param_keys, *clause_keys;
	clausier__section *sections;
	size_t nsections;
	clausier__clause *clauses;
	size_t nclauses;
};

typedef struct {
	char *name;
	char *lang; /* NULL: any language */
	char *value; /* a list's items are separated by CLAUSIER__LIST_SEP */
	char *article, *gender, *number, *elision; /* a name's grammar, each NULL when not given */
	int line;
} clausier__value;

#define CLAUSIER__LIST_SEP '\x1f'

enum clausier__adjust { CLAUSIER__INCLUDE, CLAUSIER__EXCLUDE, CLAUSIER__REPLACE };

typedef struct {
	enum clausier__adjust what;
	char *clause;
	char *with; /* REPLACE only */
	int line;
} clausier__adjustment;

struct clausier_profile {
	char *source;
	int sector;       /* clausier_sector, 0 when not given */
	char *jurisdiction;
	int risk;         /* clausier_risk */
	char *locales;    /* space-separated, or NULL */
	char *prevailing; /* "en", "fr", "equal", or NULL: the jurisdiction's */
	int line;         /* of the <profile> element */
	char *catalog;    /* the catalog id it draws on, or NULL */
	char *revised;    /* YYYY-MM-DD, checked, or NULL */
	clausier__value *values;
	size_t nvalues;
	clausier__adjustment *adjust;
	size_t nadjust;
};

/* A checked value of one catalog parameter, for one language or all. */
typedef struct {
	size_t param;
	char *lang; /* NULL: any language */
	char *text; /* canonical text: UTF-8, a decimal number, "1500 EUR", or items */
	double date;
	/* a name: the grammar the profile gave (each NULL when not given),
	 * the grammar used and the forms, French [0] and English [1] */
	char *article, *gender, *number, *elision;
	clausier__grammar grammar[2];
	char *forms[2][CLAUSIER__NFORMS];
	int line; /* where the profile gave it, 0 for a default */
	unsigned char fact; /* the jurisdiction's, not the organization's */
	unsigned char given; /* given (by a profile, a policy document, clausier_values), not a default */
} clausier__pvalue;

typedef struct {
	size_t clause; /* index into catalog->clauses */
	int risk;      /* the body used: clausier_risk */
	long jbody;    /* its jurisdiction variant (index into jbodies), or -1 */
} clausier__pclause;
/* The body a policy clause uses. */
const clausier__msg *clausier__pclause_body(const clausier_catalog *cat, const clausier__pclause *pc);
/* The parameters a policy clause uses with that body (and its heading), in
 * index order: a jurisdiction body's facts are needed only where it is used. */
const size_t *clausier__pclause_uses(const clausier_catalog *cat, const clausier__pclause *pc, size_t *n);
/* Picks the body of clause cl for a jurisdiction (may be NULL) and risk
 * tolerance: the most specific jurisdiction level first, then the risk. */
void clausier__pick_body(const clausier__clause *cl, const char *jurisdiction, int risk, clausier__pclause *pc);
/* Whether clause cl applies in jurisdiction (NULL: only clauses for every
 * jurisdiction). */
int clausier__clause_in(const clausier__clause *cl, const char *jurisdiction);

struct clausier_policy {
	const clausier_catalog *catalog;
	int sector, risk;
	char *jurisdiction;
	char *revised;      /* YYYY-MM-DD, or NULL */
	double revised_date;
	char *locales;      /* the profile's locales (space-separated), or NULL */
	char *prevailing;   /* the profile's choice of prevailing version, or NULL */
	clausier__pclause *clauses; /* in section order, then catalog order */
	size_t nclauses;
	clausier__pvalue *values; /* in parameter order (clausier__policy_set_values) */
	size_t nvalues;
	/* Values a conversion carried that this policy's clauses do not use
	 * (a parameter the catalog lacks, or one no clause here needs): kept,
	 * written as <kept>, so that converting back loses nothing. */
	clausier__value *kept;
	size_t nkept;
	/* A new one each time values are set (never 0 once they are): what
	 * a thread's formatted values are kept under (clausier__memo_for). */
	unsigned long serial;
};
void clausier__value_free(clausier__value *v);
/* A copy of v into *out; -1 when out of memory. */
int clausier__value_copy(clausier__value *out, const clausier__value *v);
/* The first of the values of parameter param (or where they would be):
 * values are in parameter order. */
size_t clausier__policy_values_of(const clausier_policy *pol, size_t param);
/* Which clause of pol first uses each parameter of its catalog: user[i] is
 * the index in pol->clauses, CLAUSIER__USER_FRONT for the title page, or
 * CLAUSIER__USER_NONE.  user has the catalog's nparams entries. */
#define CLAUSIER__USER_NONE (-1L)
#define CLAUSIER__USER_FRONT (-2L)
void clausier__policy_users(const clausier_policy *pol, long *user);

/* Checks a parameter value against its parameter; for a date, *date (may
 * be NULL) receives ms since the epoch at UTC midnight. */
int clausier__param_parse(const clausier__param *p, const char *text, double *date, char *why,
                          size_t whylen);
const char *clausier__ptype_name(enum clausier__ptype t);
/* A parameter's type in a locale's words, for forms and reports:
 * « adresse courriel » (fr-CA), "e-mail address". */
const char *clausier__type_label(const clausier__param *p, const char *locale);
enum clausier__argkind clausier__param_argkind(enum clausier__ptype t);

/* The names of the model's enumerations (util.c): -1 for an unknown name,
 * NULL for a value without one (sector and genre 0). */
int clausier__risk_from_name(const char *s);
const char *clausier__risk_name(int risk);
int clausier__sector_from_name(const char *s);
const char *clausier__sector_name(int sector);
int clausier__genre_from_name(const char *s);
const char *clausier__genre_name(int genre);

/* Loader helpers (lib/xml.c): an element's line, whether it is NAME, an
 * attribute (malloc'd or NULL), and a <value> element read and checked
 * (its name, xml:lang, text or list items, no control or bidi character). */
/* Element text with XML white space collapsed; effective xml:lang (inherited). */
char *clausier__xml_text(struct _xmlNode *n);
char *clausier__xml_lang(struct _xmlNode *n);
int clausier__xml_line(struct _xmlNode *n);
/* Where attribute attr ("xml:lang" for that one; NULL: the start tag) of
 * element n is written in the source its document was loaded from
 * (clausier__xml_load): the line, and *column (1-based, in characters; may be
 * NULL).  The element's line and column 0 when the source does not say. */
int clausier__xml_where(struct _xmlNode *n, const char *attr, int *column);
/* Frees a document clausier__xml_load gave (never xmlFreeDoc: it keeps where
 * its source is).  Accepts NULL. */
struct _xmlDoc;
void clausier__xml_free(struct _xmlDoc *doc);
int clausier__xml_is(struct _xmlNode *n, const char *name);
char *clausier__xml_attr(struct _xmlNode *n, const char *name);
int clausier__xml_value(clausier__value *v, struct _xmlNode *el, const char *source, clausier_error *err);

/* Checks a YYYY-MM-DD revision date; 0, or -1 with why. */
int clausier__check_date(const char *text, double *date, char *why, size_t whylen);

/* Checks values against the parameters the policy's clauses use and
 * stores them in the policy.  lenient: a missing value is left missing
 * (a converted policy, to be completed) instead of an error. */
int clausier__policy_set_values(clausier_policy *pol, const clausier__value *values, size_t nvalues,
                                const char *source, int lenient, clausier_error *err);
/* As clausier__policy_set_values(), reusing what reuse (a policy of the same
 * catalog, jurisdiction and sector: a base) checked: its facts and
 * defaults, and values[k] is reuse->values[reuse_of[k]] unless reuse_of[k]
 * is SIZE_MAX (reuse_of may be NULL): copied, not parsed again. */
int clausier__policy_set_values_from(clausier_policy *pol, const clausier__value *values, size_t nvalues,
                                     const char *source, int lenient, const clausier_policy *reuse,
                                     const size_t *reuse_of, clausier_error *err);

/* The clauses a profile selects, without values (policy.c). */
int clausier__policy_select(clausier_policy **out, const clausier_catalog *cat, const clausier_profile *prof,
                            const clausier__value *vals, size_t nvals, clausier_error *err);
/* Whether boolean parameter param of cat is true in vals, or by default. */
int clausier__param_true(const clausier_catalog *cat, long param, const clausier__value *vals, size_t n);
/* The index of the parameter a given value is for, or CLAUSIER_EPARAM (an
 * undeclared parameter, a fact of the jurisdiction) with err set. */
long clausier__value_param(const clausier_catalog *cat, const clausier__value *v, const char *source,
                           clausier_error *err);
/* Checks v's text against parameter p (clausier__param_parse) with the
 * profile's error: CLAUSIER_OK or CLAUSIER_EPARAM. */
int clausier__value_parse(const clausier__param *p, const clausier__value *v, double *date, const char *source,
                          clausier_error *err);
/* Checks a value's text (list items as one text): valid UTF-8, no
 * invisible control, formatting or separator character (xml.c). */
int clausier__value_check(const clausier__value *v, const char *source, clausier_error *err);
/* Whether value is allowed for attribute of element in schema, as the
 * schema's explanations (lib/xml.c) say; CLAUSIER_EINVALID with the same
 * sentence a document gets (no position) when it is not. */
int clausier__xml_attr_check(enum clausier__schema schema, const char *element, const char *attribute,
                             const char *value, const char *source, clausier_error *err);

int clausier__find_clause(const clausier_catalog *catalog, const char *id, size_t *index);
/* The index of the parameter name, or -1. */
long clausier__find_param(const clausier_catalog *catalog, const char *name);
/* Whether the sorted list uses[0..n) holds param. */
int clausier__uses(const size_t *uses, size_t n, size_t param);
/* The text of msg for a locale: exact tag, then its language. */
const clausier__text *clausier__msg_lookup(const clausier__msg *msg, const char *locale);

/* ---- genres and the crosswalk (genre.c, crosswalk.c) ---- */
/* A text in several languages, as <title xml:lang="…"> siblings. */
typedef struct {
	char *lang, *text;
} clausier__ltext;
typedef struct {
	clausier__ltext *v;
	size_t n;
} clausier__ltexts;
void clausier__ltexts_free(clausier__ltexts *t);
/* Reads parent's NAME children, checked like catalog texts (no control or
 * bidi character), one per language. */
int clausier__ltexts_read(clausier__ltexts *t, struct _xmlNode *parent, const char *name,
                          const char *source, clausier_error *err);
/* The text for a locale: exact tag, its language, English, the first. */
const char *clausier__ltexts_get(const clausier__ltexts *t, const char *locale);

/* ---- regional English (spelling.c) ---- */
/* pattern, a catalog's en (US) text, in Canadian (gb 0) or British (gb 1)
 * spelling: 1 with *out malloc'd, 0 when nothing changes, -1 out of memory. */
int clausier__respell(char **out, const char *pattern, int gb);

/* ---- jurisdiction facts (jurisdiction.c) ---- */
typedef struct {
	char *name;
	unsigned sectors; /* bit per clausier_sector; 0 = every sector */
	char *gender;     /* "m", "f" or NULL */
	clausier__ltexts text;
	int line;
} clausier__fact;
typedef struct {
	char *id, *parent;
	char *prevailing; /* "en", "fr", "equal", or NULL: the parent's */
	int by_law;       /* the law requires that version */
	clausier__ltexts name, statement;
	clausier__ltexts sstatement[6]; /* by clausier_sector: <prevailing sectors="…"> */
	clausier__fact *facts;
	size_t nfacts;
} clausier__jurisdiction;
/* The library's jurisdiction id (*out NULL when it has none by that id);
 * an error only if the built-in data could not be read. */
int clausier__jurisdiction_get(const clausier__jurisdiction **out, const char *id, clausier_error *err);
const clausier__jurisdiction *clausier__jurisdiction_find(const char *id);
/* Fact name for a sector: the jurisdiction's for that sector, its generic
 * one, then the same in its country; NULL. */
const clausier__fact *clausier__fact_find(const clausier__jurisdiction *j, const char *name, int sector);
/* Which version prevails ("en", "fr", "equal"; the country's when the
 * region says nothing), the statement saying so (the one for sector, a
 * clausier_sector or 0, when there is one) and whether the law requires
 * it (each may be NULL); NULL. */
const char *clausier__jurisdiction_prevailing(const clausier__jurisdiction *j, int sector,
                                              const clausier__ltexts **statement, int *by_law);
/* How a space-separated list of jurisdictions covers one: 2 it names it,
 * 1 it names its country (CA for CA-QC), 0 not at all. */
int clausier__jurisdiction_level(const char *list, const char *jurisdiction);

typedef struct {
	int kind; /* clausier_genre_item_kind */
	char *id, *topics, *status, *jurisdictions, *sectors, *when, *reference;
	clausier__ltexts title, text;
	int line;
} clausier__gitem;
/* Whether a genre element or formality concerns a policy of that
 * jurisdiction (NULL: none) and sector (a clausier_sector, 0: none). */
int clausier__gitem_applies(const clausier__gitem *it, const char *jurisdiction, int sector);

struct clausier_genre_spec {
	char *source;
	int genre; /* clausier_genre */
	char *origin;
	clausier__ltexts title, description;
	clausier__gitem *items; /* sections, elements, formalities in file order */
	size_t nitems;
};

/* Whether the space-separated list holds word. */
int clausier__word_in(const char *list, const char *word);

typedef struct {
	int topic;     /* a <topic> (1) or a <match> of clauses (0) */
	char *from, *to; /* NULL on the side that has no equivalent */
	int relation;  /* clausier_relation */
	clausier__ltexts why;
	int line;
} clausier__xentry;

struct clausier_crosswalk {
	char *source;
	char *from, *to; /* catalog ids */
	clausier__xentry *entries;
	size_t n;
};

/* Checks that the crosswalk relates the two catalogs, in its order, and
 * names only clauses they have. */
int clausier__crosswalk_check_ids(const clausier_crosswalk *cw, const clausier_catalog *from,
                                  const clausier_catalog *to, clausier_error *err);
/* Appends the sentence that opens an entry: what a clause (or, topic, what
 * a topic) of genre_a is to one of genre_b, in French (fr) or English. */
void clausier__relation_sentence(clausier__buf *b, int relation, int genre_a, int genre_b, int fr,
                                 int topic);
/* A catalog's title as written, for a locale (or its source language). */
const char *clausier__catalog_title(const clausier_catalog *cat, const char *locale);

/* ---- rendering ---- */
typedef struct {
	const char *id;   /* the clause's id, ASCII (schema): stable anchors */
	char *heading;
	char *body;
	long section;     /* index into the edition's sections, or -1 */
	const char *lang; /* the language the text came from */
	int fallback;     /* rendered from the source language: say so */
} clausier__rclause;

/* An edition, resolved: every message formatted for one locale. */
typedef struct {
	const char *locale;  /* the locale requested, canonical */
	char *title, *subtitle, *dateline; /* subtitle and dateline may be NULL */
	char *revised;       /* "Last revised: …", or NULL */
	char *prevailing;    /* which version governs (the jurisdiction's statement), or NULL */
	char **sections;     /* section titles, one per catalog section */
	const char *const *section_ids; /* their ids, ASCII */
	const char *source_lang; /* the catalog's, for clauses that fell back */
	unsigned flags;      /* CLAUSIER_RENDER_* */
	unsigned width;      /* text: wrap width, 0 for none */
	char icu_locale[16]; /* "fr_CA" */
	int genre;           /* clausier_genre: how clauses are numbered */
	size_t nsections;
	clausier__rclause *clauses;
	size_t nclauses;
	size_t nfallbacks;   /* clauses rendered from the source language */
} clausier__edition;

/* A clause's number as the genre writes it: "3." in a policy; in a charte,
 * « Article 1er », « Article 3 » in French and "Article 3." in English.
 * clausier__number_sep gives what stands between it and the heading. */
void clausier__number(char *buf, size_t size, const clausier__edition *ed, size_t i);
const char *clausier__number_sep(const clausier__edition *ed);

/* Fixed words of an edition that no catalog provides, in the edition's
 * language (the edition's, not the program's: not gettext). */
enum clausier__chrome { CLAUSIER__UNTRANSLATED, CLAUSIER__CONTENTS, CLAUSIER__REVISED };
const char *clausier__chrome(const clausier__edition *ed, enum clausier__chrome what);

/* Internal render flag for tests: always format through ICU, so that the
 * direct path can be compared with it. */
#define CLAUSIER__RENDER_ALWAYS_ICU (1u << 31)

int clausier__render_text(clausier__buf *out, const clausier__edition *ed);
/* Bilingual editions: the same policy resolved in two locales, so clause i
 * of one is clause i of the other. */
int clausier__render_text_pair(clausier__buf *out, const clausier__edition *a, const clausier__edition *b);
int clausier__render_html_pair(clausier__buf *out, const clausier__edition *a, const clausier__edition *b);
int clausier__render_markdown(clausier__buf *out, const clausier__edition *ed);
int clausier__render_html(clausier__buf *out, const clausier__edition *ed);
int clausier__render_docbook(clausier__buf *out, const clausier__edition *ed);

/* Documents built like editions (the crosswalk, gap reports): the
 * locale fields of ed from a locale tag; writing with opts->format's back
 * end; freeing what ed owns (titles, sections, clause texts, section_ids). */
int clausier__edition_locale(clausier__edition *ed, const char *locale, clausier_error *err);
int clausier__edition_write(char **out, size_t *out_len, const clausier__edition *ed,
                            const clausier_render_options *opts, clausier_error *err);
void clausier__edition_free(clausier__edition *ed);
/* The heading of clause id in a locale (canonical tag), as written (no
 * values: arguments stay as they are), typeset and in the locale's case.
 * Malloc'd; NULL when id is NULL or unknown, or out of memory. */
char *clausier__heading(const clausier_catalog *cat, const char *id, const char *locale);
/* A topic's name in French (fr) or English, sentence case. */
const char *clausier__topic_label(const char *topic, int fr);

/* Appends text to out wrapped at width columns with ICU's line breaking
 * for the locale: the first line after first, the others after rest (both
 * counted in the width).  Never breaks at a no-break space, inside a URL or
 * an e-mail address (one longer than the line overflows it on a line of its
 * own), nor, in French, after a hyphen before an enclitic pronoun
 * (« dites-le », « a-t-il »).  Each line ends with a newline. */
int clausier__wrap(clausier__buf *out, const char *text, unsigned width, const char *first,
                   const char *rest, const char *icu_locale);
/* The columns s takes on a terminal: combining marks and format characters
 * none, East Asian wide characters two, the others one. */
size_t clausier__columns(const char *s);

/* s set in the typography of a locale (lib/typography.c); malloc'd, NULL
 * on allocation failure. */
char *clausier__typeset(const char *s, const char *locale);

/* s in US title case (Chicago): malloc'd, NULL when out of memory. */
char *clausier__title_case(const char *s);

/* Escapes s for XML and HTML text and attribute values. */
void clausier__buf_xml(clausier__buf *b, const char *s);
/* Escapes the text s for XML and HTML; in French, the letters of each
 * ordinal after a number (1er, 2e, 1re, XXIe) between open and close
 * (<sup> </sup>), except in URLs, addresses and codes (lib/typography.c). */
void clausier__buf_xml_ordinals(clausier__buf *b, const char *s, const char *locale, const char *open,
                                const char *close);

#ifdef __cplusplus
}
#endif
#endif
