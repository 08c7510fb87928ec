/* DocBook 5 back end: an <article> valid against the DocBook 5.0 RELAX NG
 * schema, for print tool chains.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>

static void S_el(clausier__buf *b, const char *open, const char *text, const char *close)
{
	clausier__buf_puts(b, open);
	clausier__buf_xml(b, text);
	clausier__buf_puts(b, close);
}

/* Prose: escaped, French ordinals with their letters in <superscript>. */
static void S_tx(clausier__buf *b, const char *open, const char *text, const char *close, const char *locale)
{
	clausier__buf_puts(b, open);
	clausier__buf_xml_ordinals(b, text, locale, "<superscript>", "</superscript>");
	clausier__buf_puts(b, close);
}

int clausier__render_docbook(clausier__buf *out, const clausier__edition *ed)
{
	clausier__buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	S_el(out, "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\" xml:lang=\"", ed->locale,
	     "\">\n<info>\n");
	S_tx(out, "<title>", ed->title, "</title>\n", ed->locale);
	if (ed->subtitle)
		S_tx(out, "<subtitle>", ed->subtitle, "</subtitle>\n", ed->locale);
	if (ed->dateline)
		S_tx(out, "<releaseinfo>", ed->dateline, "</releaseinfo>\n", ed->locale);
	/* DocBook's <date> holds text only: « 1er » stays as it is there */
	if (ed->revised)
		S_el(out, "<revhistory><revision><date>", ed->revised, "</date></revision></revhistory>\n");
	if (ed->prevailing)
		S_tx(out, "<legalnotice><para>", ed->prevailing, "</para></legalnotice>\n", ed->locale);
	clausier__buf_puts(out, "</info>\n");
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			if (section >= 0)
				clausier__buf_puts(out, "</section>\n");
			section = c->section;
			S_el(out, "<section xml:id=\"section-", ed->section_ids[section], "\">\n");
			S_tx(out, "<title>", ed->sections[section], "</title>\n", ed->locale);
		}
		S_el(out, "<section xml:id=\"clause-", c->id, "\"");
		if (c->fallback)
			S_el(out, " xml:lang=\"", c->lang, "\"");
		char num[128], label[48];
		clausier__number(label, sizeof label, ed, i);
		snprintf(num, sizeof num, ">\n<title>%s%s", label, clausier__number_sep(ed));
		clausier__buf_puts(out, num);
		S_tx(out, "", c->heading, "", c->fallback ? c->lang : ed->locale);
		S_tx(out, "</title>\n<para>", c->body, "</para>\n", c->fallback ? c->lang : ed->locale);
		if (c->fallback) {
			S_el(out, "<note xml:lang=\"", ed->locale, "\"><para>");
			S_tx(out, "", clausier__chrome(ed, CLAUSIER__UNTRANSLATED), "</para></note>\n", ed->locale);
		}
		clausier__buf_puts(out, "</section>\n");
	}
	if (section >= 0)
		clausier__buf_puts(out, "</section>\n");
	clausier__buf_puts(out, "</article>\n");
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
