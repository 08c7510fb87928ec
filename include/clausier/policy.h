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

/** Frees a policy.  NULL is a no-op. */
CLAUSIER_API void clausier_policy_free(clausier_policy *policy);

/** Number of clauses in the policy. */
CLAUSIER_API size_t clausier_policy_count(const clausier_policy *policy);

#ifdef __cplusplus
}
#endif
#endif
