/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_GENRE_H
#define CLAUSIER_GENRE_H

#include <clausier/catalog.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a reader of a document genre expects, read from a genre file
 *  (data/genres/charte.xml, data/genres/smp.xml; format:
 *  doc/catalog-format.md): the genre's title, its section order, its
 *  required and customary elements and its formalities.  Immutable once
 *  loaded: may be shared between threads. */
typedef struct clausier_genre_spec clausier_genre_spec;

/** Loads a genre file, with the same safety rules as catalogs (no DOCTYPE,
 *  nothing fetched, RELAX NG schema).  On success *out is the caller's:
 *  free it with clausier_genre_spec_free().  Returns CLAUSIER_OK,
 *  CLAUSIER_EIO, CLAUSIER_ETOOBIG, CLAUSIER_EPARSE, CLAUSIER_EINVALID or
 *  CLAUSIER_ENOMEM; err names the file, line and column. */
CLAUSIER_API int clausier_genre_spec_load_file(clausier_genre_spec **out, const char *path,
                                               clausier_error *err);
CLAUSIER_API int clausier_genre_spec_load_memory(clausier_genre_spec **out, const char *data,
                                                 size_t len, const char *name, clausier_error *err);
/** Frees a genre description.  NULL is a no-op. */
CLAUSIER_API void clausier_genre_spec_free(clausier_genre_spec *spec);

/** The genre described. */
CLAUSIER_API clausier_genre clausier_genre_spec_genre(const clausier_genre_spec *spec);

/** The genre's title for a locale (BCP 47: the exact tag, then its
 *  language, then English).  Borrowed. */
CLAUSIER_API const char *clausier_genre_spec_title(const clausier_genre_spec *spec,
                                                   const char *locale);

typedef enum {
	CLAUSIER_GENRE_SECTION = 0,  /**< a section, in the genre's order */
	CLAUSIER_GENRE_ELEMENT = 1,  /**< something a reader expects to find */
	CLAUSIER_GENRE_FORMALITY = 2 /**< a step outside the text: consultation, filing… */
} clausier_genre_item_kind;

/** One section, element or formality of a genre, with its texts in one
 *  locale.  Strings are borrowed from the genre description. */
typedef struct {
	clausier_genre_item_kind kind;
	const char *id;
	const char *topics;        /**< sections and elements: the topics, space-separated,
	                                in the order a section puts them; else NULL */
	const char *status;        /**< sections: "rules", "advice" or NULL; elements:
	                                "required" or "customary"; formalities: NULL */
	const char *jurisdictions; /**< space-separated (FR CA CA-QC US); NULL: every one */
	const char *when;          /**< formalities: the topic that calls for it, or NULL */
	const char *reference;     /**< the legal basis, or NULL */
	const char *title;         /**< in the locale */
	const char *text;          /**< elements: why a reader expects it; formalities:
	                                what to do; sections: NULL */
	int line;                  /**< in the genre file */
	const char *sectors;       /**< elements and formalities: space-separated (public
	                                health…); NULL: every sector */
} clausier_genre_item;

/** Lists the sections, then the elements, then the formalities of a
 *  genre, with their texts for locale (as clausier_genre_spec_title()).
 *  *out is the caller's (clausier_free()).  Returns CLAUSIER_OK, CLAUSIER_EARG
 *  or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_genre_spec_items(clausier_genre_item **out, size_t *count,
                                           const clausier_genre_spec *spec, const char *locale,
                                           clausier_error *err);

#ifdef __cplusplus
}
#endif
#endif
