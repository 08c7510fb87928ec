/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_CATALOG_H
#define CLAUSIER_CATALOG_H

#include <clausier/error.h>

#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif
#endif
