/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_CATALOG_H
#define CLAUSIER_CATALOG_H

#include <clausier/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Document genres: a catalog and each clause belong to one or both. */
typedef enum {
	CLAUSIER_GENRE_ANY = 0,
	CLAUSIER_GENRE_SMP = 1,   /**< social media policy (American origin) */
	CLAUSIER_GENRE_CHARTE = 2 /**< charte d'usage (French origin) */
} clausier_genre;

/** Sectors a clause may be limited to. */
typedef enum {
	CLAUSIER_SECTOR_ANY = 0,
	CLAUSIER_SECTOR_HEALTH = 1,
	CLAUSIER_SECTOR_EDUCATION = 2,
	CLAUSIER_SECTOR_NONPROFIT = 3,
	CLAUSIER_SECTOR_PUBLIC = 4, /**< public administration */
	CLAUSIER_SECTOR_PRIVATE = 5 /**< private company */
} clausier_sector;

/** Risk tolerances: which variant of a clause's body a policy uses. */
typedef enum {
	CLAUSIER_RISK_BALANCED = 0, /**< the default body */
	CLAUSIER_RISK_STRICT = 1,
	CLAUSIER_RISK_OPEN = 2
} clausier_risk;

typedef enum {
	CLAUSIER_KIND_RULE = 0,
	CLAUSIER_KIND_ADVICE = 1,
	CLAUSIER_KIND_DEFINITION = 2,
	CLAUSIER_KIND_PROCEDURE = 3,
	CLAUSIER_KIND_NOTICE = 4
} clausier_kind;

typedef enum {
	CLAUSIER_STRENGTH_NONE = 0,
	CLAUSIER_STRENGTH_MUST = 1,
	CLAUSIER_STRENGTH_SHOULD = 2,
	CLAUSIER_STRENGTH_MAY = 3
} clausier_strength;

/** A catalog of model clauses.  Immutable once loaded: one catalog may be
 *  used from any number of threads at once without locking. */
typedef struct clausier_catalog clausier_catalog;

/** Largest catalog or profile file the library reads, in bytes. */
#define CLAUSIER_MAX_INPUT_SIZE (16u * 1024u * 1024u)

/** Loads a catalog from an XML file (format: doc/catalog-format.md).
 *  No DOCTYPE is accepted, no entity is expanded and nothing is fetched
 *  from the network.  Every message is compiled and checked against the
 *  catalog's declared parameters.
 *  On success *out is the caller's: free it with clausier_catalog_free().
 *  On failure *out is NULL and err (may be NULL) names the file, line and
 *  column.  Returns CLAUSIER_OK, CLAUSIER_EIO, CLAUSIER_ETOOBIG,
 *  CLAUSIER_EPARSE, CLAUSIER_EINVALID, CLAUSIER_EMESSAGE or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_catalog_load_file(clausier_catalog **out, const char *path,
                                            clausier_error *err);

/** As clausier_catalog_load_file(), from len bytes at data.  name is used in
 *  error messages; NULL means "<memory>". */
CLAUSIER_API int clausier_catalog_load_memory(clausier_catalog **out, const char *data,
                                              size_t len, const char *name,
                                              clausier_error *err);

/** Frees a catalog.  NULL is a no-op.  Policies assembled from it must be
 *  freed first. */
CLAUSIER_API void clausier_catalog_free(clausier_catalog *catalog);

/** Number of clauses in the catalog. */
CLAUSIER_API size_t clausier_catalog_count(const clausier_catalog *catalog);

/** The id of the i-th clause in document order, or NULL if i is out of
 *  range.  Borrowed: valid as long as the catalog. */
CLAUSIER_API const char *clausier_catalog_clause_id(const clausier_catalog *catalog, size_t i);

/** The catalog's source language (BCP 47, e.g. "en").  Borrowed. */
CLAUSIER_API const char *clausier_catalog_source_language(const clausier_catalog *catalog);

/** The catalog's id (e.g. "smp") and genre. */
CLAUSIER_API const char *clausier_catalog_id(const clausier_catalog *catalog);
CLAUSIER_API clausier_genre clausier_catalog_genre(const clausier_catalog *catalog);

/** What a form needs to know about one clause.  Strings are borrowed from
 *  the catalog. */
typedef struct {
	const char *id;
	const char *topic;          /**< from the topic vocabulary (doc/catalog-format.md) */
	const char *section;        /**< section id, or NULL */
	clausier_kind kind;
	clausier_strength strength;
	unsigned int genres;        /**< bit (1u << clausier_genre) per genre */
	unsigned int sectors;       /**< bit (1u << clausier_sector) per sector; 0: every sector */
	unsigned int risk_variants; /**< bit (1u << clausier_risk) per body the clause has */
	int revision;
	const char *notes;          /**< translator notes, or NULL */
} clausier_clause_info;

/** Fills *out for the i-th clause.  Returns CLAUSIER_OK, or CLAUSIER_EARG
 *  when i is out of range or an argument is NULL. */
CLAUSIER_API int clausier_catalog_clause_info(clausier_clause_info *out,
                                              const clausier_catalog *catalog, size_t i);

/** The jurisdictions the i-th clause is limited to ("US", "CA-QC FR"; a
 *  country covers its regions), or NULL when it applies in every
 *  jurisdiction (it may still have variants for some). */
CLAUSIER_API const char *clausier_catalog_clause_jurisdictions(const clausier_catalog *catalog, size_t i);

/** The boolean parameter that decides whether the i-th clause is in a
 *  policy (its `when`: the clause is there when the profile's value, or the
 *  parameter's default, is true), or NULL when sector and jurisdiction
 *  alone decide. */
CLAUSIER_API const char *clausier_catalog_clause_when(const clausier_catalog *catalog, size_t i);

/** The k-th variant of the i-th clause's body written for jurisdictions
 *  (its jurisdictions, as the catalog writes them: "CA-QC", "US CA"), with
 *  its risk tolerance in *risk (may be NULL); NULL past the last one. */
CLAUSIER_API const char *clausier_catalog_clause_variant(const clausier_catalog *catalog, size_t i, size_t k,
                                                         clausier_risk *risk);

#define CLAUSIER_CLAUSE_QUERY_VERSION 1

/** Which clauses clausier_catalog_find() lists.  NULL or 0 fields match
 *  everything. */
typedef struct {
	unsigned int version;  /**< CLAUSIER_CLAUSE_QUERY_VERSION */
	const char *topic;     /**< a topic, or NULL */
	clausier_genre genre;  /**< a genre, or CLAUSIER_GENRE_ANY */
	clausier_sector sector; /**< clauses for that sector (including those for every
	                             sector), or CLAUSIER_SECTOR_ANY */
} clausier_clause_query;

#define CLAUSIER_CLAUSE_QUERY_INIT { CLAUSIER_CLAUSE_QUERY_VERSION, NULL, CLAUSIER_GENRE_ANY, CLAUSIER_SECTOR_ANY }

/** Fills q with the defaults for the given version.  Returns CLAUSIER_OK or
 *  CLAUSIER_EARG. */
CLAUSIER_API int clausier_clause_query_init(clausier_clause_query *q, unsigned int version);

/** Lists the indices of the clauses matching q (NULL: all), in catalog order.
 *  *out is the caller's (free it with clausier_free(); NULL when *count is 0).
 *  err may be NULL.  Returns CLAUSIER_OK, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_catalog_find(size_t **out, size_t *count, const clausier_catalog *catalog,
                                       const clausier_clause_query *q, clausier_error *err);

/** The pattern of a clause's heading (risk < 0) or body for a risk tolerance,
 *  for a locale (exact tag, then its language), as written in the catalog:
 *  ICU MessageFormat, arguments not replaced.  Borrowed; NULL when the clause
 *  has no such text in that language. */
CLAUSIER_API const char *clausier_catalog_clause_pattern(const clausier_catalog *catalog, size_t i,
                                                        int risk, const char *locale);

/** One text of a catalog, for checking its translations. */
typedef struct {
	const char *clause;  /**< the clause's id, or NULL for the title page and sections */
	const char *section; /**< the section's id for a section title, else NULL */
	const char *lang;    /**< its language (BCP 47) */
	const char *pattern; /**< the ICU MessageFormat pattern */
	const char *source;  /**< the same message in the catalog's source language */
	int line;            /**< its line in the catalog file */
} clausier_text_info;

/** Lists every text of the catalog in a language other than its source
 *  language, each with the source text it translates, in document order.
 *  *out is the caller's (clausier_free()); strings are borrowed from the
 *  catalog.  Returns CLAUSIER_OK, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_catalog_translations(clausier_text_info **out, size_t *count,
                                               const clausier_catalog *catalog, clausier_error *err);

/** How much of a catalog one language covers. */
typedef struct {
	const char *lang;  /**< BCP 47 tag, borrowed from the catalog */
	size_t translated; /**< messages with a text for it (its own or its language's) */
	size_t total;      /**< messages in the catalog */
} clausier_coverage;

/** Lists every language the catalog has texts in, the source language
 *  first, with the number of its messages each covers; a message not covered
 *  in a language renders only with CLAUSIER_RENDER_FALLBACK.  *out is the
 *  caller's (clausier_free()).  Returns CLAUSIER_OK, CLAUSIER_EARG or
 *  CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_catalog_coverage(clausier_coverage **out, size_t *count,
                                           const clausier_catalog *catalog, clausier_error *err);

#ifdef __cplusplus
}
#endif
#endif
