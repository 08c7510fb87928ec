/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_MAP_H
#define CLAUSIER_MAP_H

#include <clausier/genre.h>
#include <clausier/render.h>
#include <clausier/check.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The SKOS mapping relations, read as "what the first is to the second". */
typedef enum {
	CLAUSIER_RELATION_EXACT = 0,    /**< skos:exactMatch: the same thing */
	CLAUSIER_RELATION_CLOSE = 1,    /**< skos:closeMatch: interchangeable in most policies */
	CLAUSIER_RELATION_BROADER = 2,  /**< skos:narrowMatch: the first covers more */
	CLAUSIER_RELATION_NARROWER = 3, /**< skos:broadMatch: the first covers less */
	CLAUSIER_RELATION_RELATED = 4,  /**< skos:relatedMatch: associated, not interchangeable */
	CLAUSIER_RELATION_NONE = 5      /**< no equivalent on the other side */
} clausier_relation;

/** "exact", "close", "broader", "narrower", "related", "none"; NULL if out of range. */
CLAUSIER_API const char *clausier_relation_name(clausier_relation relation);
/** The SKOS property ("skos:broadMatch" for narrower), or NULL for none. */
CLAUSIER_API const char *clausier_relation_skos(clausier_relation relation);

/** How the topics and clauses of one catalog relate to another's
 *  (data/crosswalk/smp-charte.xml).  Immutable once loaded: may be shared
 *  between threads. */
typedef struct clausier_crosswalk clausier_crosswalk;

/** Loads a crosswalk file, with the same safety rules as catalogs.  On
 *  success *out is the caller's (clausier_crosswalk_free()).  Returns
 *  CLAUSIER_OK, CLAUSIER_EIO, CLAUSIER_ETOOBIG, CLAUSIER_EPARSE,
 *  CLAUSIER_EINVALID (also: a relation given twice) or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_crosswalk_load_file(clausier_crosswalk **out, const char *path,
                                              clausier_error *err);
CLAUSIER_API int clausier_crosswalk_load_memory(clausier_crosswalk **out, const char *data,
                                                size_t len, const char *name, clausier_error *err);
CLAUSIER_API void clausier_crosswalk_free(clausier_crosswalk *crosswalk);

/** The ids of the two catalogs it relates ("smp", "charte").  Borrowed. */
CLAUSIER_API const char *clausier_crosswalk_from(const clausier_crosswalk *crosswalk);
CLAUSIER_API const char *clausier_crosswalk_to(const clausier_crosswalk *crosswalk);

/** One relation.  Strings are borrowed from the crosswalk. */
typedef struct {
	int topic;                  /**< 1: relates two topics; 0: two clauses */
	const char *from;           /**< id on the first side, or NULL (no equivalent) */
	const char *to;             /**< id on the second side, or NULL (no equivalent) */
	clausier_relation relation; /**< what from is to to */
	const char *why_en;         /**< the rationale, in English */
	const char *why_fr;         /**< the rationale, in French */
	int line;                   /**< in the crosswalk file */
} clausier_crosswalk_entry;

/** The number of relations, topics first; and the i-th, the whole
 *  crosswalk as a table.  entry returns CLAUSIER_OK or CLAUSIER_EARG. */
CLAUSIER_API size_t clausier_crosswalk_count(const clausier_crosswalk *crosswalk);
CLAUSIER_API int clausier_crosswalk_entry_get(clausier_crosswalk_entry *out,
                                              const clausier_crosswalk *crosswalk, size_t i);

/** The relations of one clause (topic 0) or topic (topic 1) of catalog
 *  catalog_id, seen from that catalog: from is id, to is the other side,
 *  and the relation is turned round (broader and narrower swap) when id is
 *  on the crosswalk's second side.  *out is the caller's (clausier_free();
 *  NULL when *count is 0).  Returns CLAUSIER_OK, CLAUSIER_EARG (also: a
 *  catalog the crosswalk does not relate) or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_crosswalk_find(clausier_crosswalk_entry **out, size_t *count,
                                         const clausier_crosswalk *crosswalk, const char *catalog_id,
                                         const char *id, int topic, clausier_error *err);

/** Checks a crosswalk against the two catalogs it relates (in its order):
 *  every id it names exists, and every topic and every clause of both
 *  catalogs has at least one relation.  Returns CLAUSIER_OK, or
 *  CLAUSIER_EINVALID with err naming the first fault (file and line, or the
 *  catalog and clause not covered), or CLAUSIER_EARG. */
CLAUSIER_API int clausier_crosswalk_verify(const clausier_crosswalk *crosswalk,
                                           const clausier_catalog *from, const clausier_catalog *to,
                                           clausier_error *err);

/** Renders the crosswalk as a readable document for opts->locale (one
 *  section per topic, one entry per clause relation, the clauses named by
 *  their headings in that locale, the rationale in its language), with the
 *  back ends of editions (opts->format; not bilingual).  Returns
 *  CLAUSIER_OK, CLAUSIER_ELOCALE, CLAUSIER_EARG, CLAUSIER_EINVALID (the
 *  catalogs are not the crosswalk's) or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_crosswalk_render(char **out, size_t *out_len,
                                           const clausier_crosswalk *crosswalk,
                                           const clausier_catalog *from, const clausier_catalog *to,
                                           const clausier_render_options *opts, clausier_error *err);

/** What became of a clause when a policy changed genre. */
typedef enum {
	CLAUSIER_GAP_MAPPED = 0,       /**< carried over to an exact or close equivalent */
	CLAUSIER_GAP_APPROXIMATED = 1, /**< carried over to a broader or narrower clause */
	CLAUSIER_GAP_ADDED = 2,        /**< no source clause: the target genre requires it */
	CLAUSIER_GAP_DECISION = 3,     /**< only a related clause (to, proposed, not
	                                    included) or nothing for the policy's sector:
	                                    kept aside until someone decides */
	CLAUSIER_GAP_DROPPED = 4,      /**< no equivalent in the target genre: kept aside */
	CLAUSIER_GAP_FORMALITY = 5     /**< not a clause: a formality the target genre
	                                    expects (element names it) */
} clausier_gap_status;

/** One line of a gap report.  Strings are borrowed from the catalogs, the
 *  genre and the crosswalk, or from the report. */
typedef struct {
	clausier_gap_status status;
	const char *from;           /**< the source policy's clause, or NULL */
	const char *to;             /**< the target clause, or NULL */
	clausier_relation relation; /**< from the crosswalk; NONE when there is none */
	const char *element;        /**< added: the target genre's element that requires
	                                 the clause; formality: its id; else NULL */
	const char *reference;      /**< formality: its legal basis, or NULL */
	const char *why_en;         /**< the reason, in English */
	const char *why_fr;         /**< the reason, in French */
	const char *needs;          /**< parameters the target clause needs that the
	                                 source policy did not give, space-separated; or NULL */
} clausier_gap;

typedef struct clausier_map_report clausier_map_report;

/** Converts a policy to the genre of the target catalog: each clause goes
 *  to its best equivalents in the crosswalk that apply to the policy's
 *  sector (exact or close, else broader or narrower), placed where the
 *  target genre puts them (its section and topic order); the target
 *  genre's required elements that nothing covers are added; clauses with
 *  only a related equivalent or none are kept aside.  Parameter values go
 *  across by name when the type agrees; a value the new clauses need and
 *  the policy lacks is listed in the report (gap needs), and *out cannot be
 *  rendered until it is given (clausier_policy_write() marks it).
 *  The report lists every clause of the source policy, every clause added,
 *  and the target genre's formalities that apply to the policy's
 *  jurisdiction, with the reason in English and French.
 *  *out borrows target, *report borrows all four inputs: free them first.
 *  Returns CLAUSIER_OK, CLAUSIER_EARG (also: target_genre is not the
 *  target catalog's genre, or the crosswalk does not relate the two
 *  catalogs), CLAUSIER_EINVALID (the crosswalk names a clause the catalogs
 *  lack) or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_policy_map(clausier_policy **out, clausier_map_report **report,
                                     const clausier_policy *policy, const clausier_catalog *target,
                                     const clausier_genre_spec *target_genre,
                                     const clausier_crosswalk *crosswalk, clausier_error *err);

CLAUSIER_API size_t clausier_map_report_count(const clausier_map_report *report);
/** The i-th line: the source policy's clauses in its order, then the added
 *  clauses, then the formalities.  Returns CLAUSIER_OK or CLAUSIER_EARG. */
CLAUSIER_API int clausier_map_report_gap(clausier_gap *out, const clausier_map_report *report,
                                         size_t i);

typedef enum {
	CLAUSIER_REPORT_XML = 0, /**< data/schemas/report.rng */
	CLAUSIER_REPORT_JSON = 1 /**< the same fields, for web software */
} clausier_report_format;

/** Writes the report as data.  *out is NUL-terminated UTF-8, the caller's
 *  (clausier_free()).  Returns CLAUSIER_OK, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_map_report_write(char **out, size_t *out_len,
                                           const clausier_map_report *report,
                                           clausier_report_format format, clausier_error *err);

/** Renders the report as a readable document in opts->locale, with the back
 *  ends of editions (not bilingual): clauses named by their headings, the
 *  reasons in the locale's language.  Returns CLAUSIER_OK, CLAUSIER_ELOCALE,
 *  CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_map_report_render(char **out, size_t *out_len,
                                            const clausier_map_report *report,
                                            const clausier_render_options *opts, clausier_error *err);

CLAUSIER_API void clausier_map_report_free(clausier_map_report *report);

/** One finding of clausier_policy_lint().  Strings are static, borrowed
 *  from the policy's catalog, or valid during the call only (message). */
typedef struct {
	clausier_severity severity;
	const char *clause;    /**< the clause it is about, or NULL: the policy as a whole */
	const char *rule;      /**< the rule's id: "us-nlrb-media-ban", "fr-proportionality",
	                            "genre-monitoring" (a required element of the genre)… */
	const char *reference; /**< its legal basis ("Code du travail, art. L1121-1"), or NULL */
	const char *message;   /**< one sentence, in the library's message language */
} clausier_finding;

typedef void (*clausier_finding_report)(void *ctx, const clausier_finding *finding);

/** Checks a policy against the rules of its genre (genre: its required
 *  elements; may be NULL) and of its jurisdiction, and for strategy content
 *  (goals, audiences, channels, metrics):
 *  - US: what the NLRB treats as overbroad under Stericycle (2023): blanket
 *    non-disparagement, confidentiality covering pay or working conditions,
 *    bans on talking to the media or to government agencies;
 *  - FR: proportionality (Code du travail, L1121-1), prior information on
 *    monitoring (L1222-4), consultation of the CSE (L2312-38), the
 *    règlement intérieur procedure when the policy carries sanctions
 *    (L1321-4, L1321-5);
 *  - CA: official accounts in both official languages (public sector).
 *  Clause rules look at every language's text of the clause.  Calls report
 *  for each finding, in order.  Returns the number of findings, or a
 *  negative clausier_status (CLAUSIER_EARG: also a genre that is not the
 *  policy's).  The findings are not legal advice: say so with
 *  clausier_lint_disclaimer(). */
CLAUSIER_API int clausier_policy_lint(const clausier_policy *policy,
                                      const clausier_genre_spec *genre,
                                      clausier_finding_report report, void *ctx,
                                      clausier_error *err);

/** One sentence saying that lint findings are not legal advice, in the
 *  library's message language. */
CLAUSIER_API const char *clausier_lint_disclaimer(void);

#ifdef __cplusplus
}
#endif
#endif
