/* clausier — model clauses for bilingual (English/French) policies.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The umbrella header: include this one.  Conventions: doc/conventions.md. */
#ifndef CLAUSIER_H
#define CLAUSIER_H

#include <clausier/common.h>
#include <clausier/version.h>
#include <clausier/error.h>
#include <clausier/catalog.h>
#include <clausier/profile.h>
#include <clausier/policy.h>
#include <clausier/values.h>
#include <clausier/render.h>
#include <clausier/check.h>
#include <clausier/genre.h>
#include <clausier/map.h>

#endif
