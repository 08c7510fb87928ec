/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_CHECK_H
#define CLAUSIER_CHECK_H

#include <clausier/common.h>
#include <clausier/error.h>
#include <clausier/catalog.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How bad a finding is. */
typedef enum {
	CLAUSIER_CHECK_WARNING = 1, /**< worth a look: typography, a text identical to its source */
	CLAUSIER_CHECK_ERROR = 2    /**< the translation cannot be used as it is */
} clausier_severity;

/** Receives one finding: its severity, the 1-based character in the
 *  translation it is about (0: the whole message), and a one-line message,
 *  translated, UTF-8. */
typedef void (*clausier_check_report)(void *ctx, clausier_severity severity, int column,
                                      const char *message);

/** Checks a translation of a catalog message against its source, both ICU
 *  MessageFormat patterns: what gettext's own checks cannot see.
 *  Errors: invalid UTF-8, control or bidi formatting characters, a pattern
 *  ICU does not accept, nesting deeper than 8, the ASCII apostrophe, plural
 *  or ordinal keys that are not CLDR categories of lang (or no "other"), an
 *  argument of the source missing, renamed or added, an argument used as
 *  another type, markup (`<…>`) the source does not have.
 *  Warnings: typography that is not lang's (DESIGN.md's table: the spaces
 *  before : ; ! ? and inside « », quotes, apostrophes), a translation
 *  identical to its source.
 *  lang and source_lang are locale tags as clausier_locale_resolve() reads
 *  them ("fr-CA", "FR-ca", "fr_CA.UTF-8"); typography is checked where lang
 *  is English or French, by its region where it has one the library
 *  supports (fr-LU: fr).  Calls report for
 *  each finding, in order.  Returns the number of errors, or a negative
 *  clausier_status for invalid arguments. */
CLAUSIER_API int clausier_check_translation(const char *source, const char *source_lang,
                                            const char *translation, const char *lang,
                                            clausier_check_report report, void *ctx);

/** Sets text in the typography of a locale (the pass every edition goes
 *  through): *out is the caller's (clausier_free()).  The locale is read as
 *  clausier_locale_resolve() reads it ("FR-ca" is fr-CA; fr-LU is fr);
 *  languages other than French and English get the English rules.  Returns CLAUSIER_OK,
 *  CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_typeset(char **out, const char *text, const char *locale);

/** The number of words in a catalog message as a translation vendor counts
 *  them: ICU's word boundaries for the locale, counting words with letters or
 *  digits; argument names and ICU syntax ({org}, {days, plural, one {…}
 *  other {…}}) are not words, the text inside plural and select cases is. */
CLAUSIER_API size_t clausier_word_count(const char *pattern, const char *locale);

/* ---- translators' checks of whole files ---- */

/** A glossary of required translations (data/glossary/clausier.tsv's
 *  format: one term a line, "source-lang TAB target-lang TAB term TAB
 *  required translation", # comments).  Immutable once loaded: it may be
 *  shared between threads. */
typedef struct clausier_glossary clausier_glossary;

/** Reads a glossary.  A line without four tab-separated fields, a field
 *  that is not UTF-8 or a language that is not a BCP 47 tag is an error
 *  naming the file and line (CLAUSIER_EINVALID); a file that cannot be read,
 *  CLAUSIER_EIO. */
CLAUSIER_API int clausier_glossary_load_file(clausier_glossary **out, const char *path, clausier_error *err);
CLAUSIER_API void clausier_glossary_free(clausier_glossary *glossary);
/** The number of terms it holds. */
CLAUSIER_API size_t clausier_glossary_count(const clausier_glossary *glossary);

/** Warns (rule "glossary") for each term of the glossary that the source
 *  text contains and the translation does not translate as required.  Terms
 *  match whole words, case-folded with ICU (« Équipe » is « équipe »), a
 *  final s or x aside (« renseignements confidentiels » holds
 *  « renseignement confidentiel »).  A glossary for "fr" covers fr-FR, fr-CH
 *  and fr-BE, not fr-CA; a regional one only its region.  Returns the number
 *  of warnings, or CLAUSIER_EARG. */
CLAUSIER_API int clausier_glossary_check(const clausier_glossary *glossary, const char *source,
                                         const char *source_lang, const char *translation, const char *lang,
                                         clausier_check_report report, void *ctx);

/** Options of the file checks. */
typedef struct {
	unsigned int version;                /**< CLAUSIER_CHECK_OPTIONS_VERSION */
	const char *source_lang;             /**< the msgids' language; NULL: en, or fr for an English PO file */
	const clausier_glossary *glossary;   /**< NULL: no glossary */
} clausier_check_options;
#define CLAUSIER_CHECK_OPTIONS_VERSION 1u
#define CLAUSIER_CHECK_OPTIONS_INIT { CLAUSIER_CHECK_OPTIONS_VERSION, NULL, NULL }
CLAUSIER_API int clausier_check_options_init(clausier_check_options *opts, unsigned int version);

/** One finding of a file check.  Its strings are borrowed for the call. */
typedef struct {
	const char *source;           /**< the file's name */
	int line;                     /**< 1-based: the msgstr's line in a PO file, the text's in a catalog */
	int column;                   /**< 1-based character of the translation; 0: the whole message */
	clausier_severity severity;
	const char *rule;             /**< stable identifier: "untranslated", "fuzzy", "glossary", "typography"… */
	const char *message;          /**< one line, translated, UTF-8 */
	const char *lang;             /**< the translation's language, or NULL */
} clausier_check_finding;

typedef void (*clausier_check_finding_report)(void *ctx, const clausier_check_finding *finding);

/** Checks a PO file of translations: what msgfmt leaves out (untranslated,
 *  fuzzy and obsolete entries), then every translation as
 *  clausier_check_translation does, and against the glossary.  A file that
 *  is not PO syntax or gives no Language is one error finding at its line.
 *  Returns the number of errors found (0 or more), or CLAUSIER_EIO (the file
 *  cannot be read), CLAUSIER_EARG, CLAUSIER_ENOMEM with err set. */
CLAUSIER_API int clausier_check_po_file(const char *path, const clausier_check_options *opts,
                                        clausier_check_finding_report report, void *ctx, clausier_error *err);
/** The same for a PO file in data[0..len), named name in findings. */
CLAUSIER_API int clausier_check_po_memory(const char *data, size_t len, const char *name,
                                          const clausier_check_options *opts, clausier_check_finding_report report,
                                          void *ctx, clausier_error *err);

/** Checks every translation of a multilingual catalog (each `<text
 *  xml:lang>` against the source-language text), as clausier_check_po_file
 *  checks a PO file; name names it in findings. */
CLAUSIER_API int clausier_check_catalog(const clausier_catalog *catalog, const char *name,
                                        const clausier_check_options *opts, clausier_check_finding_report report,
                                        void *ctx, clausier_error *err);

/** Sets the translations of the PO file data[0..len) that have no errors in
 *  the typography of their language (clausier_typeset), changing nothing
 *  else: each msgstr keeps its lines and its escapes, and the result is
 *  read back and compared with the input before it is returned.  *out gets
 *  the new file (clausier_free(), *outlen bytes) and *applied the number of
 *  translations changed; when none changes, *out is NULL.  Returns
 *  CLAUSIER_OK; CLAUSIER_EPARSE when data is not PO syntax or the rewritten
 *  file does not read back as intended (err names the line: nothing is to be
 *  written), CLAUSIER_EARG, CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_po_fix_typography(char **out, size_t *outlen, size_t *applied, const char *data,
                                            size_t len, const char *name, const clausier_check_options *opts,
                                            clausier_error *err);

/** The states of a PO entry, as msgfmt --statistics counts them. */
typedef enum {
	CLAUSIER_PO_TRANSLATED = 0,
	CLAUSIER_PO_FUZZY = 1,
	CLAUSIER_PO_UNTRANSLATED = 2
} clausier_po_state;

/** What a translation vendor quotes from: messages and source words
 *  (clausier_word_count) in each state; the header and obsolete entries are
 *  not counted. */
typedef struct {
	char language[64];   /**< the header's Language as a BCP 47 tag ("fr-CA"); "" when it gives none */
	size_t messages[3];  /**< by clausier_po_state */
	size_t words[3];     /**< source words, by clausier_po_state */
} clausier_po_stats;

/** Counts the messages and source words of a PO file.  source_lang is the
 *  msgids' language (NULL: en, or fr for an English PO file).  Returns
 *  CLAUSIER_OK, or CLAUSIER_EIO, CLAUSIER_EPARSE (not PO syntax: err names
 *  the line), CLAUSIER_EARG, CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_po_stats_file(clausier_po_stats *out, const char *path, const char *source_lang,
                                        clausier_error *err);

#ifdef __cplusplus
}
#endif
#endif
