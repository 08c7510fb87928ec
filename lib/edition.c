/* What every back end of an edition shares with the render core: clause
 * numbers and the words the library itself writes (its "chrome").  Below
 * render.c, which dispatches to the back ends (render-*.c); the back ends
 * borrow from here, never from render.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <string.h>

/* n in decimal at the end of buf (which ends there); its start */
static char *S_decimal(char *end, size_t n)
{
	do
		*--end = (char)('0' + n % 10);
	while (n /= 10);
	return end;
}

void clausier__number(char *buf, size_t size, const clausier__edition *ed, size_t i)
{
	/* on every clause of every edition: written by hand, not by snprintf */
	size_t n = i + 1;
	char digits[24], *d = S_decimal(digits + sizeof digits, n);
	size_t len = (size_t)(digits + sizeof digits - d);
	int charte = ed->genre == CLAUSIER_GENRE_CHARTE, fr = ed->locale[0] == 'f';
	const char *prefix = charte ? "Article " : "", *suffix = charte && fr ? (n == 1 ? "er" : "") : ".";
	size_t pl = strlen(prefix), sl = strlen(suffix);
	if (!size)
		return;
	if (pl + len + sl >= size) {
		buf[0] = '\0';
		return;
	}
	memcpy(buf, prefix, pl);
	memcpy(buf + pl, d, len);
	memcpy(buf + pl + len, suffix, sl + 1);
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
