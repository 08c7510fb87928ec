/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_ERROR_H
#define CLAUSIER_ERROR_H

#include <clausier/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What went wrong, and where.  Callers allocate it (on the stack is fine)
 *  and pass its address to any fallible function; passing NULL means the
 *  caller does not want the details.  On success it is left untouched. */
typedef struct {
	int code;           /**< a clausier_status, negative on failure */
	char source[256];   /**< file name, "<memory>", or a clause id */
	int line;           /**< 1-based; 0 when not known */
	int column;         /**< 1-based; 0 when not known */
	char message[512];  /**< UTF-8, in the library's message language */
} clausier_error;

/** Writes "source:line:column: message" (line and column only when known)
 *  into buf, truncated to size bytes and always NUL-terminated when size > 0.
 *  Returns the length the full text would have, as snprintf does. */
CLAUSIER_API int clausier_error_format(char *buf, size_t size, const clausier_error *err);

/** A short, translated description of a clausier_status.  The string is
 *  static: do not free it. */
CLAUSIER_API const char *clausier_strerror(int code);

#ifdef __cplusplus
}
#endif
#endif
