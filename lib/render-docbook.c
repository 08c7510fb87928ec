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

int clausier__render_docbook(clausier__buf *out, const clausier__edition *ed)
{
	clausier__buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	S_el(out, "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\" xml:lang=\"", ed->locale,
	     "\">\n<info>\n");
	S_el(out, "<title>", ed->title, "</title>\n");
	if (ed->subtitle)
		S_el(out, "<subtitle>", ed->subtitle, "</subtitle>\n");
	if (ed->dateline)
		S_el(out, "<releaseinfo>", ed->dateline, "</releaseinfo>\n");
	if (ed->revised)
		S_el(out, "<revhistory><revision><date>", ed->revised, "</date></revision></revhistory>\n");
	if (ed->prevailing)
		S_el(out, "<legalnotice><para>", ed->prevailing, "</para></legalnotice>\n");
	clausier__buf_puts(out, "</info>\n");
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			if (section >= 0)
				clausier__buf_puts(out, "</section>\n");
			section = c->section;
			S_el(out, "<section xml:id=\"section-", ed->section_ids[section], "\">\n");
			S_el(out, "<title>", ed->sections[section], "</title>\n");
		}
		S_el(out, "<section xml:id=\"clause-", c->id, "\"");
		if (c->fallback)
			S_el(out, " xml:lang=\"", c->lang, "\"");
		char num[128], label[48];
		clausier__number(label, sizeof label, ed, i);
		snprintf(num, sizeof num, ">\n<title>%s%s", label, clausier__number_sep(ed));
		clausier__buf_puts(out, num);
		clausier__buf_xml(out, c->heading);
		S_el(out, "</title>\n<para>", c->body, "</para>\n");
		if (c->fallback) {
			S_el(out, "<note xml:lang=\"", ed->locale, "\"><para>");
			S_el(out, "", clausier__chrome(ed, CLAUSIER__UNTRANSLATED), "</para></note>\n");
		}
		clausier__buf_puts(out, "</section>\n");
	}
	if (section >= 0)
		clausier__buf_puts(out, "</section>\n");
	clausier__buf_puts(out, "</article>\n");
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
