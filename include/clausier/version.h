/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_VERSION_H
#define CLAUSIER_VERSION_H

#include <clausier/common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CLAUSIER_VERSION_MAJOR 0
#define CLAUSIER_VERSION_MINOR 1
#define CLAUSIER_VERSION_PATCH 0

/** The version of the library actually loaded, e.g. "0.1.0".  Static
 *  string: do not free it. */
CLAUSIER_API const char *clausier_version(void);

#ifdef __cplusplus
}
#endif
#endif
