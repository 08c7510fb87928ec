/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_PROFILE_H
#define CLAUSIER_PROFILE_H

#include <clausier/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An organization's profile: its parameter values (by name, optionally by
 *  language) and the clauses it selects.  Immutable once loaded. */
typedef struct clausier_profile clausier_profile;

/** Loads a profile from an XML file (format: doc/catalog-format.md), with
 *  the same safety rules as catalogs.  On success *out is the caller's: free
 *  it with clausier_profile_free().  err may be NULL.  Returns CLAUSIER_OK,
 *  CLAUSIER_EIO, CLAUSIER_ETOOBIG, CLAUSIER_EPARSE, CLAUSIER_EINVALID or
 *  CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_profile_load_file(clausier_profile **out, const char *path,
                                            clausier_error *err);

/** As clausier_profile_load_file(), from memory.  name may be NULL. */
CLAUSIER_API int clausier_profile_load_memory(clausier_profile **out, const char *data,
                                              size_t len, const char *name,
                                              clausier_error *err);

/** Frees a profile.  NULL is a no-op. */
CLAUSIER_API void clausier_profile_free(clausier_profile *profile);

/** The id of the catalog the profile draws on: its catalog attribute, or by
 *  default "charte" for jurisdiction FR and "smp" elsewhere.  Borrowed. */
CLAUSIER_API const char *clausier_profile_catalog(const clausier_profile *profile);

/** The locales the organization publishes in, space-separated BCP 47 tags
 *  ("fr-CA en-CA"), or NULL when the profile does not say.  Borrowed. */
CLAUSIER_API const char *clausier_profile_locales(const clausier_profile *profile);

#ifdef __cplusplus
}
#endif
#endif
