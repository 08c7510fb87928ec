/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_POLICY_H
#define CLAUSIER_POLICY_H

#include <clausier/catalog.h>
#include <clausier/profile.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An ordered selection of clauses from one catalog, with the parameter
 *  values they need, checked.  Immutable once assembled. */
typedef struct clausier_policy clausier_policy;

/** Assembles a policy: the clauses the profile selects (all of the catalog's,
 *  in its order, when the profile selects none) and the profile's values for
 *  every parameter they use, each checked against its declared type.
 *  The policy borrows the catalog, which must outlive it; the profile may be
 *  freed as soon as this returns.  On success *out is the caller's: free it
 *  with clausier_policy_free().  err may be NULL.  Returns CLAUSIER_OK,
 *  CLAUSIER_ENOTFOUND (a selected clause is not in the catalog),
 *  CLAUSIER_EPARAM (a value is missing or ill-typed), CLAUSIER_EARG or
 *  CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_policy_assemble(clausier_policy **out, const clausier_catalog *catalog,
                                          const clausier_profile *profile, clausier_error *err);

/** A parameter that the policy a profile selects needs and that the profile
 *  does not give (and that has no default).  Strings are static or borrowed
 *  from the catalog. */
typedef struct {
	const char *name;       /**< the parameter's name */
	const char *type;       /**< its type keyword: text, email, url, date, number,
	                             duration, money, list, choice, boolean */
	const char *type_label; /**< the type in the reader's language, for a form:
	                             "e-mail address", « adresse courriel » (fr-CA) */
	const char *used_by;    /**< the first clause that needs it, or NULL for the
	                             title page */
} clausier_missing_param;

/** Lists, for an intranet form, the parameters the profile still lacks for
 *  the policy it selects, in catalog order, with their types in the
 *  reader's locale (a supported BCP 47 tag).  *out is the caller's
 *  (clausier_free(); NULL when *count is 0).  Returns CLAUSIER_OK,
 *  CLAUSIER_ELOCALE, CLAUSIER_ENOTFOUND (the profile names an unknown
 *  clause), CLAUSIER_EINVALID, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_profile_missing(clausier_missing_param **out, size_t *count,
                                          const clausier_catalog *catalog,
                                          const clausier_profile *profile, const char *locale,
                                          clausier_error *err);

/** Receives a warning about a policy: the line of the profile or policy
 *  document it is about (0: none) and a translated sentence, UTF-8. */
typedef void (*clausier_note_report)(void *ctx, int line, const char *message);

/** Reports, in document order, what the library had to guess for the
 *  policy and may have guessed wrong: the grammar of a name (parameter of
 *  type name) that the profile does not give and that the library's lists
 *  (data/grammar) do not settle — whether it takes an article (« la SNCF »,
 *  "the Salvation Army"), its gender (« Danone »), its number ("Toronto
 *  Maple Leafs"), whether French elides before it (an h no list has) — and
 *  an article attribute that contradicts the article the name starts with.
 *  Each message names the attributes to give.  What the lists settle (« Le
 *  Monde », « l’Ordre des… », "the Government of Canada") is not reported.
 *  Returns the number of warnings, or CLAUSIER_EARG. */
CLAUSIER_API int clausier_policy_warnings(const clausier_policy *policy, clausier_note_report report,
                                          void *ctx);

/** The former name of clausier_policy_warnings(), which it calls. */
CLAUSIER_API int clausier_policy_notes(const clausier_policy *policy, clausier_note_report report,
                                       void *ctx);

/** Frees a policy.  NULL is a no-op. */
CLAUSIER_API void clausier_policy_free(clausier_policy *policy);

/** Number of clauses in the policy. */
CLAUSIER_API size_t clausier_policy_count(const clausier_policy *policy);

/** The id of the i-th clause of the policy, in policy order, and the risk
 *  tolerance of the body it uses (may be NULL).  NULL when i is out of range.
 *  Borrowed from the catalog. */
CLAUSIER_API const char *clausier_policy_clause(const clausier_policy *policy, size_t i,
                                                clausier_risk *risk);

/** Writes the policy as a policy document (data/schemas/policy.rng): the
 *  catalog id, genre, sector, jurisdiction, risk tolerance, every clause with
 *  the body it uses, and the values of the parameters it needs.
 *  On success *out is a NUL-terminated UTF-8 XML document owned by the caller
 *  (free it with clausier_free()), *out_len (may be NULL) its length.
 *  Returns CLAUSIER_OK, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_policy_write(char **out, size_t *out_len, const clausier_policy *policy,
                                       clausier_error *err);

/** Reads a policy document written by clausier_policy_write() (or by hand)
 *  against the catalog it names, with the same safety rules and checks as
 *  profiles: the catalog id must match, every clause must exist and have the
 *  body named, every value must match its type.  The policy borrows the
 *  catalog.  Returns CLAUSIER_OK, CLAUSIER_EIO, CLAUSIER_ETOOBIG,
 *  CLAUSIER_EPARSE, CLAUSIER_EINVALID, CLAUSIER_ENOTFOUND, CLAUSIER_EPARAM
 *  or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_policy_load_file(clausier_policy **out, const clausier_catalog *catalog,
                                           const char *path, clausier_error *err);
CLAUSIER_API int clausier_policy_load_memory(clausier_policy **out, const clausier_catalog *catalog,
                                             const char *data, size_t len, const char *name,
                                             clausier_error *err);

/** As clausier_policy_load_file(), but a value the clauses need and the
 *  document does not give is not an error: a draft, such as a policy
 *  converted to another genre (clausier_policy_map()) that its author has
 *  not completed.  A draft can be linted, converted and written; rendering
 *  it fails with CLAUSIER_EPARAM, naming the value. */
CLAUSIER_API int clausier_policy_load_draft(clausier_policy **out, const clausier_catalog *catalog,
                                            const char *path, clausier_error *err);

/** Reads only which catalog a policy document is drawn from (after the
 *  same safety checks and schema validation as clausier_policy_load_file()).
 *  *out is the caller's (clausier_free()).  Returns CLAUSIER_OK or an error
 *  of loading. */
CLAUSIER_API int clausier_policy_catalog_id(char **out, const char *path, clausier_error *err);

#ifdef __cplusplus
}
#endif
#endif
