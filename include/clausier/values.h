/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_VALUES_H
#define CLAUSIER_VALUES_H

#include <clausier/policy.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Values of a catalog's parameters given by a program, without XML: what
 *  a profile's <value> elements give, for software that renders per
 *  request (a different contact, name or date each time).  Made for one
 *  catalog, which it borrows; reusable (clausier_values_clear()).
 *  A values object belongs to one thread at a time; the catalog stays
 *  shared and immutable.
 *
 *  The intranet's loop: a base policy assembled once from a profile
 *  (clause selection, variants, jurisdiction) with
 *  clausier_policy_assemble_draft(), then for each request
 *  clausier_values_clear(), clausier_values_set() for each value,
 *  clausier_policy_with_values(), clausier_render(), clausier_policy_free(). */
typedef struct clausier_values clausier_values;

/** An empty values object for catalog, which must outlive it.  On success
 *  *out is the caller's: free it with clausier_values_free().  err may be
 *  NULL.  Returns CLAUSIER_OK, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_values_new(clausier_values **out, const clausier_catalog *catalog,
                                     clausier_error *err);

/** Frees a values object.  NULL is a no-op. */
CLAUSIER_API void clausier_values_free(clausier_values *values);

/** Removes every value; the object can be filled again (its memory is
 *  kept).  NULL is a no-op. */
CLAUSIER_API void clausier_values_clear(clausier_values *values);

/** The number of values set (one per parameter and language). */
CLAUSIER_API size_t clausier_values_count(const clausier_values *values);

/** Sets the value of parameter name for language lang (a language tag
 *  such as "fr" or "fr-CA", as xml:lang in a profile; NULL: every
 *  language), as a profile's <value name="name" xml:lang="lang">text</value>
 *  does, replacing the value set before for the same name and language
 *  (tags compared without case).  text is UTF-8; runs of ASCII white space
 *  become one space and none is kept at either end, as in a profile.
 *  The value is checked now, with the errors a profile gets: an undeclared
 *  parameter or a fact of the jurisdiction (CLAUSIER_EPARAM, naming it),
 *  a text that does not fit the parameter's type (date, e-mail address,
 *  web address, number, duration, money with its currency, choice, boolean,
 *  non-empty text: CLAUSIER_EPARAM), invalid UTF-8 or an invisible control,
 *  formatting or bidi character (CLAUSIER_EINVALID, with its position), a
 *  malformed name or language tag (CLAUSIER_EINVALID).  The error's source
 *  is empty and its line 0.  On failure the object is unchanged.
 *  Returns CLAUSIER_OK, those errors, CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_values_set(clausier_values *values, const char *name, const char *lang,
                                     const char *text, clausier_error *err);

/** As clausier_values_set(), for a parameter of type name, with its
 *  grammar as a profile's attributes give it (each NULL when not given):
 *  article "le", "la", "l’", "l'", "les", "the" or "none"; gender "m" or
 *  "f"; number "singular" or "plural"; elision "yes" or "no".  A value that
 *  is not one of those is CLAUSIER_EINVALID with the profile's sentence.
 *  Given for a parameter of another type, they are ignored, as a profile's
 *  are. */
CLAUSIER_API int clausier_values_set_name(clausier_values *values, const char *name, const char *lang,
                                          const char *text, const char *article, const char *gender,
                                          const char *number, const char *elision, clausier_error *err);

/** As clausier_values_set(), for a parameter of type list: its count
 *  items, each as a profile's <item> (white space collapsed, none empty). */
CLAUSIER_API int clausier_values_set_list(clausier_values *values, const char *name, const char *lang,
                                          const char *const *items, size_t count, clausier_error *err);

/** Assembles a policy as clausier_policy_assemble() does, from the
 *  profile's choices (NULL: as an empty profile, every clause for every
 *  sector and jurisdiction, balanced) and its values together with values
 *  (may be NULL), which replace the profile's for the same parameter and
 *  language.  values must be for catalog.  The errors are
 *  clausier_policy_assemble()'s. */
CLAUSIER_API int clausier_policy_assemble_values(clausier_policy **out, const clausier_catalog *catalog,
                                                 const clausier_profile *profile,
                                                 const clausier_values *values, clausier_error *err);

/** As clausier_policy_assemble(), but a value the clauses need and the
 *  profile does not give is not an error: a draft, the base of
 *  clausier_policy_with_values().  Rendering a draft that lacks a value
 *  fails with CLAUSIER_EPARAM, naming it. */
CLAUSIER_API int clausier_policy_assemble_draft(clausier_policy **out, const clausier_catalog *catalog,
                                                const clausier_profile *profile, clausier_error *err);

/** A new policy with base's clauses, variants, jurisdiction, locales and
 *  dates, and base's values together with values (may be NULL), which
 *  replace base's for the same parameter and language: the edition it
 *  renders is byte for byte the one a profile giving all those values
 *  would.  No clause is selected again.  base may be a draft
 *  (clausier_policy_assemble_draft()); the new policy may not lack a value
 *  (CLAUSIER_EPARAM, naming it).  values must be for base's catalog, which
 *  the new policy borrows.  base is not changed and may be shared by
 *  threads doing this at once.  On success *out is the caller's
 *  (clausier_policy_free()).  Returns CLAUSIER_OK, CLAUSIER_EPARAM,
 *  CLAUSIER_EARG or CLAUSIER_ENOMEM. */
CLAUSIER_API int clausier_policy_with_values(clausier_policy **out, const clausier_policy *base,
                                             const clausier_values *values, clausier_error *err);

#ifdef __cplusplus
}
#endif
#endif
