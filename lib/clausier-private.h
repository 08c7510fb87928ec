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
void clausier__buf_putc(clausier__buf *b, char c);
/* Gives the NUL-terminated content to the caller and resets b; NULL when an
 * allocation failed. */
char *clausier__buf_detach(clausier__buf *b, size_t *len);
void clausier__buf_free(clausier__buf *b);

char *clausier__strdup(const char *s);

/* ---- UTF-8 ---- */
/* Checks that s is valid UTF-8 without characters a policy text may not
 * hold: C0 controls other than tab and newline, DEL, C1 controls, and the
 * bidi embeddings, overrides and isolates.  Returns 0, or -1 with the
 * offending code point (or -1 for invalid UTF-8) in *cp and its 1-based
 * character offset in *pos. */
int clausier__text_check(const char *s, long *cp, size_t *pos);

/* ---- safe XML input ---- */
enum clausier__schema { CLAUSIER__SCHEMA_CATALOG, CLAUSIER__SCHEMA_PROFILE };
struct _xmlDoc;
/* Parses and validates a document from memory under the safety rules of
 * doc/design.md.  On success *out is a libxml2 document to free with
 * xmlFreeDoc. */
int clausier__xml_load(struct _xmlDoc **out, const char *data, size_t len, const char *name,
                       enum clausier__schema schema, clausier_error *err);
/* Reads a whole file, refusing anything above CLAUSIER_MAX_INPUT_SIZE. */
int clausier__read_file(char **out, size_t *len, const char *path, clausier_error *err);

/* ---- locales ---- */
/* Canonical BCP 47 form of a supported tag ("fr-CA"), or NULL. */
const char *clausier__locale_supported(const char *tag);

/* ---- ICU MessageFormat, behind a C interface (message.cpp) ---- */
enum clausier__argkind {
	CLAUSIER__ARG_ANY,    /* {x}: any value */
	CLAUSIER__ARG_NUMBER, /* number, plural, selectordinal, spellout, ordinal */
	CLAUSIER__ARG_DATE,   /* date, time */
	CLAUSIER__ARG_TEXT    /* select */
};
typedef int (*clausier__arg_cb)(void *ctx, const char *name, enum clausier__argkind kind,
                                char *why, size_t whylen);
/* Checks a pattern with ICU for the given language: syntax, named
 * arguments only, plural keys valid for the language's CLDR categories,
 * 'other' present.  Calls cb for every argument.  Returns 0, or -1 with a
 * translated reason in why. */
int clausier__msg_check(const char *pattern, const char *lang, clausier__arg_cb cb, void *ctx,
                        char *why, size_t whylen);

typedef struct {
	const char *name;
	enum clausier__argkind kind; /* NUMBER: text holds a decimal number;
	                                DATE: date holds ms since the epoch, UTC;
	                                TEXT: text holds UTF-8 */
	const char *text;
	double date;
} clausier__arg;

/* Formats a checked pattern for an ICU locale id ("fr_CA").  On success *out
 * is malloc'd UTF-8. */
int clausier__msg_format(char **out, const char *pattern, const char *icu_locale,
                         const clausier__arg *args, size_t nargs, char *why, size_t whylen);

/* ---- the model ---- */
typedef struct {
	char *lang;    /* BCP 47 */
	char *pattern; /* ICU MessageFormat, UTF-8 */
	int line;
} clausier__text;

typedef struct {
	clausier__text *texts;
	size_t ntexts;
	int line;
	unsigned char present;
} clausier__msg;

enum clausier__ptype { CLAUSIER__P_TEXT, CLAUSIER__P_NUMBER, CLAUSIER__P_DATE };

typedef struct {
	char *name;
	enum clausier__ptype type;
	char *defval; /* NULL: required */
	int line;
} clausier__param;

typedef struct {
	char *id;
	char *topic;
	clausier__msg heading, body;
	unsigned char *uses; /* uses[i]: the clause uses catalog parameter i */
	int line;
} clausier__clause;

struct clausier_catalog {
	char *source;      /* file name for messages */
	char *source_lang;
	clausier__msg title, subtitle, dateline;
	clausier__param *params;
	size_t nparams;
	unsigned char *front_uses; /* parameters used by title, subtitle, dateline */
	clausier__clause *clauses;
	size_t nclauses;
};

typedef struct {
	char *name;
	char *lang; /* NULL: any language */
	char *value;
	int line;
} clausier__value;

struct clausier_profile {
	char *source;
	clausier__value *values;
	size_t nvalues;
	char **select;
	int *select_lines;
	size_t nselect;
};

/* A checked value of one catalog parameter, for one language or all. */
typedef struct {
	size_t param;
	char *lang; /* NULL: any language */
	char *text; /* canonical text: UTF-8, or a decimal number */
	double date;
} clausier__pvalue;

struct clausier_policy {
	const clausier_catalog *catalog;
	size_t *clauses; /* indices into catalog->clauses */
	size_t nclauses;
	clausier__pvalue *values;
	size_t nvalues;
};

/* Checks a parameter value against its type; for a date, *date (may be
 * NULL) receives ms since the epoch at UTC midnight. */
int clausier__param_parse(enum clausier__ptype type, const char *text, double *date, char *why,
                          size_t whylen);
struct _xmlNode;
/* Element text with XML white space collapsed; xml:lang of an element. */
char *clausier__xml_text(struct _xmlNode *n);
char *clausier__xml_lang(struct _xmlNode *n);

int clausier__find_clause(const clausier_catalog *catalog, const char *id, size_t *index);
/* The text of msg for a locale: exact tag, then its language. */
const clausier__text *clausier__msg_lookup(const clausier__msg *msg, const char *locale);

/* ---- rendering ---- */
typedef struct {
	char *heading;
	char *body;
	const char *lang; /* the language the text came from */
} clausier__rclause;

/* An edition, resolved: every message formatted for one locale. */
typedef struct {
	const char *locale;  /* the locale requested, canonical */
	char *title, *subtitle, *dateline; /* subtitle and dateline may be NULL */
	clausier__rclause *clauses;
	size_t nclauses;
	size_t nfallbacks;   /* clauses rendered from the source language */
} clausier__edition;

int clausier__render_text(clausier__buf *out, const clausier__edition *ed);

#ifdef __cplusplus
}
#endif
#endif
