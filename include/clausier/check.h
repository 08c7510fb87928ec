/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_CHECK_H
#define CLAUSIER_CHECK_H

#include <clausier/common.h>

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
 *  another type, markup (<…>) the source does not have.
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

#ifdef __cplusplus
}
#endif
#endif
