/* What every back end of an edition shares with the render core: clause
 * numbers and the words the library itself writes (its "chrome").  Below
 * render.c, which dispatches to the back ends (render-*.c); the back ends
 * borrow from here, never from render.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>

void clausier__number(char *buf, size_t size, const clausier__edition *ed, size_t i)
{
	size_t n = i + 1;
	if (ed->genre != CLAUSIER_GENRE_CHARTE)
		snprintf(buf, size, "%zu.", n);
	else if (ed->locale[0] == 'f')
		snprintf(buf, size, n == 1 ? "Article 1er" : "Article %zu", n);
	else
		snprintf(buf, size, "Article %zu.", n);
}

const char *clausier__number_sep(const clausier__edition *ed)
{
	/* « Article 1er – Objet » : the dash stays with the number. */
	return ed->genre == CLAUSIER_GENRE_CHARTE && ed->locale[0] == 'f' ? "\u00a0\u2013 " : " ";
}

const char *clausier__chrome(const clausier__edition *ed, enum clausier__chrome what)
{
	int fr = ed->locale[0] == 'f';
	switch (what) {
	case CLAUSIER__UNTRANSLATED:
		return fr ? "[Clause non traduite\u00a0: texte en version originale.]"
		          : "[Not yet translated: this clause is given in its original language.]";
	case CLAUSIER__CONTENTS:
		return fr ? "Table des matières" : "Contents";
	case CLAUSIER__REVISED: /* an ICU pattern: {d} is the revision date */
		return fr ? "Dernière révision : {d, date, long}" : "Last revised: {d, date, long}";
	}
	return "";
}
