/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_RENDER_H
#define CLAUSIER_RENDER_H

#include <clausier/policy.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. */
typedef enum {
	CLAUSIER_FORMAT_TEXT = 0,     /**< plain text, one paragraph a line */
	CLAUSIER_FORMAT_MARKDOWN = 1, /**< CommonMark */
	CLAUSIER_FORMAT_HTML = 2,     /**< an HTML5 fragment (an `<article>` element) to embed in a page;
	                                   with CLAUSIER_RENDER_STANDALONE, a whole page */
	CLAUSIER_FORMAT_DOCBOOK = 3   /**< a DocBook 5 `<article>` */
} clausier_format;

/** Render flags. */
enum {
	/** When a clause has no text in the requested language, use the
	 *  catalog's source text, marked as not yet translated, instead of
	 *  failing; and for an unsupported locale with a supported language
	 *  (fr-LU, en-AU), render in that language ("fr", "en"), which the
	 *  edition records (HTML lang, DocBook xml:lang). */
	CLAUSIER_RENDER_FALLBACK = 1u << 0,
	/** HTML: a complete page (doctype, head, table of contents, print
	 *  style sheet) instead of a fragment. */
	CLAUSIER_RENDER_STANDALONE = 1u << 1
};

#define CLAUSIER_RENDER_OPTIONS_VERSION 1

/** Options for clausier_render().  Initialise with
 *  CLAUSIER_RENDER_OPTIONS_INIT or clausier_render_options_init(). */
typedef struct {
	unsigned int version;  /**< CLAUSIER_RENDER_OPTIONS_VERSION */
	const char *locale;    /**< BCP 47 tag, e.g. "fr-CA"; NULL means "en" */
	clausier_format format;
	unsigned int flags;    /**< CLAUSIER_RENDER_* */
	unsigned int width;    /**< text: wrap lines at this many characters, with ICU's line
	                            breaking and hanging indents under clause numbers;
	                            0 (the default): one paragraph a line */
	const char *locale2;   /**< a second locale: a bilingual edition, both languages
	                            clause by clause (side by side in HTML), with one
	                            numbering and the same values; text and HTML only.
	                            NULL (the default): one language */
} clausier_render_options;

#define CLAUSIER_RENDER_OPTIONS_INIT { CLAUSIER_RENDER_OPTIONS_VERSION, NULL, CLAUSIER_FORMAT_TEXT, 0, 0, NULL }

/** Fills opts with the defaults for the given version (pass
 *  CLAUSIER_RENDER_OPTIONS_VERSION).  Returns CLAUSIER_OK, or CLAUSIER_EARG
 *  for an unknown version or a NULL opts. */
CLAUSIER_API int clausier_render_options_init(clausier_render_options *opts, unsigned int version);

/** Whether the library can render the given locale (1) or not (0), as
 *  clausier_locale_resolve() reads it.
 *  Supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE. */
CLAUSIER_API int clausier_locale_is_supported(const char *tag);

/** The supported locale a tag names, as ICU reads it: a BCP 47 tag in any
 *  case ("fr-CA", "FR-ca", "fr-Latn-CA"), an ICU id ("fr_CA") or a POSIX
 *  locale ("fr_CA.UTF-8") all give "fr-CA".  A script or a Unicode extension
 *  is accepted only where it changes nothing (-u-nu-latn, -u-ca-gregory).
 *  On success *out is the canonical tag (static: "fr-CA").  Otherwise *out
 *  is NULL and err says how ICU reads the tag ("fr-Cyrl-CA",
 *  "fr-CA-u-nu-arab", "de-DE") and what is supported.  Returns CLAUSIER_OK,
 *  CLAUSIER_ELOCALE or CLAUSIER_EARG (a NULL out). */
CLAUSIER_API int clausier_locale_resolve(const char **out, const char *tag, clausier_error *err);

/** What clausier_locale_negotiate() chose, and why. */
typedef struct {
	char locale[16]; /**< the edition's locale, a supported BCP 47 tag ("fr-BE") */
	char chain[64];  /**< the order texts are looked up in, space-separated:
	                      "fr-BE fr en" (the locale, its language, the catalog's source) */
	char why[256];   /**< one sentence, in the library's message language */
} clausier_negotiation;

/** Chooses the locale of an edition for a reader, from an HTTP
 *  Accept-Language header (q-values honoured; NULL or empty: none) and the
 *  locales the catalog covers (a supported locale whose language or own tag
 *  has texts; all supported locales when catalog is NULL), with ICU's
 *  uloc_acceptLanguageFromHTTP.  When nothing matches, default_locale (or,
 *  if NULL or uncovered, the catalog's source language) is chosen, and
 *  why says so.  Returns CLAUSIER_OK, or CLAUSIER_EARG for a NULL out. */
CLAUSIER_API int clausier_locale_negotiate(clausier_negotiation *out, const char *accept_language,
                                           const clausier_catalog *catalog, const char *default_locale,
                                           clausier_error *err);

/** Chooses the locale of an edition for a reader, as
 *  clausier_locale_negotiate(), among the editions offered: offered is a
 *  space-separated list of supported tags ("fr-CA en-CA", what
 *  clausier_profile_locales() gives), so that a reader of en-US is given
 *  en-CA when only fr-CA and en-CA are published.  When nothing matches,
 *  default_locale if it is offered, else the first edition offered, is
 *  chosen.  offered NULL or blank: the locales the catalog covers, exactly
 *  as clausier_locale_negotiate().  Returns CLAUSIER_OK, CLAUSIER_EARG for
 *  a NULL out, or CLAUSIER_ELOCALE for an unsupported tag in offered (the
 *  message names it). */
CLAUSIER_API int clausier_locale_negotiate_among(clausier_negotiation *out, const char *accept_language,
                                                 const clausier_catalog *catalog, const char *offered,
                                                 const char *default_locale, clausier_error *err);

/** Renders an edition of a policy: every message formatted with ICU for
 *  opts->locale, written in opts->format.  Every text and value is escaped
 *  for the format: nothing in a catalog or a profile can add markup.  On success *out is a NUL-terminated UTF-8 string owned by
 *  the caller (free it with clausier_free()) and *out_len (if out_len is not
 *  NULL) its length in bytes.  opts may be NULL (defaults).  err may be NULL.
 *  Safe to call from several threads at once on the same policy.
 *  Returns CLAUSIER_OK, CLAUSIER_ELOCALE (unsupported locale),
 *  CLAUSIER_EARG (also: a bilingual edition in Markdown or DocBook),
 *  CLAUSIER_ENOTFOUND (a clause has no text in that language and
 *  CLAUSIER_RENDER_FALLBACK is not set), CLAUSIER_EMESSAGE, CLAUSIER_EARG or
 *  CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_render(char **out, size_t *out_len, const clausier_policy *policy,
                                 const clausier_render_options *opts, clausier_error *err);

#ifdef __cplusplus
}
#endif
#endif
