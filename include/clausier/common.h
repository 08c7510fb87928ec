/* clausier — model clauses for bilingual policies.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_COMMON_H
#define CLAUSIER_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CLAUSIER_BUILDING) && defined(__GNUC__)
#define CLAUSIER_API __attribute__((visibility("default")))
#else
#define CLAUSIER_API
#endif

/** Status codes.  Every fallible function returns CLAUSIER_OK (0) or one of
 *  the negative values below, and fills the caller's clausier_error. */
typedef enum {
	CLAUSIER_OK = 0,
	CLAUSIER_ENOMEM = -1,     /**< out of memory */
	CLAUSIER_EIO = -2,        /**< a file could not be read or written */
	CLAUSIER_ETOOBIG = -3,    /**< input larger than the library accepts */
	CLAUSIER_EPARSE = -4,     /**< not well-formed XML, or refused XML (DOCTYPE) */
	CLAUSIER_EINVALID = -5,   /**< well-formed but not a valid catalog or profile */
	CLAUSIER_ENOTFOUND = -6,  /**< a reference to a clause that does not exist */
	CLAUSIER_EPARAM = -7,     /**< a parameter value is missing or ill-typed */
	CLAUSIER_ELOCALE = -8,    /**< unsupported or malformed locale tag */
	CLAUSIER_EMESSAGE = -9,   /**< a message could not be compiled or formatted */
	CLAUSIER_EARG = -10       /**< the caller passed an invalid argument */
} clausier_status;

/** Frees memory that the library returned to the caller (rendered editions,
 *  strings).  NULL is a no-op. */
CLAUSIER_API void clausier_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
