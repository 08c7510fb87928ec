/* HTML5 back end: an <article> to embed, or a whole page with a table of
 * contents and a print style sheet.  Every text and attribute value is
 * escaped; the only elements and attributes are the ones written here.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <string.h>

static void S_el(clausier__buf *b, const char *open, const char *text, const char *close)
{
	clausier__buf_puts(b, open);
	clausier__buf_xml(b, text);
	clausier__buf_puts(b, close);
}

/* Prose: escaped, French ordinals with their letters in <sup> (« 1<sup>er</sup> »).
 * Not for attribute values nor the page's <title>, which holds no markup. */
static void S_tx(clausier__buf *b, const char *open, const char *text, const char *close, const char *locale)
{
	clausier__buf_puts(b, open);
	clausier__buf_xml_ordinals(b, text, locale, "<sup>", "</sup>");
	clausier__buf_puts(b, close);
}

static const char S_css[] =
	"body{font-family:Georgia,'Times New Roman',serif;line-height:1.5;max-width:42em;margin:2em auto;padding:0 1em;color:#111}\n"
	"h1{font-size:1.8em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccc}\n"
	"h3{font-size:1.05em;margin-bottom:.3em}.clausier-number{font-weight:normal;margin-right:.4em}\n"
	".clausier-subtitle{font-size:1.2em;margin:0}.clausier-dateline{color:#444}.clausier-prevailing{font-style:italic}\n"
	".clausier-untranslated{font-style:italic;color:#555}\n"
	"nav.clausier-toc ul{list-style:none;padding-left:0}nav.clausier-toc ul ul{padding-left:1.5em;margin-bottom:.5em}\n"
	"@media print{body{margin:0;max-width:none;font-size:11pt}nav.clausier-toc{display:none}"
	"h2,h3{page-break-after:avoid;break-after:avoid}section.clausier-clause{break-inside:avoid}"
	"a{color:inherit;text-decoration:none}}\n"
	"body:has(.clausier-bilingual){max-width:76em}.clausier-pair{display:grid;grid-template-columns:1fr 1fr;gap:0 2.5em}\n"
	"@media (max-width:40em){.clausier-pair{grid-template-columns:1fr}}\n";

/* The table of contents of a page: after the title, by section, each
 * clause with its number. */
static void S_toc(clausier__buf *out, const clausier__edition *ed)
{
	S_el(out, "<nav class=\"clausier-toc\" aria-label=\"", clausier__chrome(ed, CLAUSIER__CONTENTS), "\">\n");
	S_el(out, "<h2>", clausier__chrome(ed, CLAUSIER__CONTENTS), "</h2>\n<ul>\n");
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			if (section >= 0)
				clausier__buf_puts(out, "</ul></li>\n");
			section = c->section;
			S_el(out, "<li><a href=\"#section-", ed->section_ids[section], "\">");
			S_tx(out, "", ed->sections[section], "</a>\n<ul>\n", ed->locale);
		}
		char label[48], num[96];
		clausier__number(label, sizeof label, ed, i);
		snprintf(num, sizeof num, "\">%s%s", label, clausier__number_sep(ed));
		S_el(out, "<li><a href=\"#clause-", c->id, num);
		S_tx(out, "", c->heading, "</a></li>\n", ed->locale);
	}
	if (section >= 0)
		clausier__buf_puts(out, "</ul></li>\n");
	clausier__buf_puts(out, "</ul>\n</nav>\n");
}

/* A page's <title>: the edition's title, and its subtitle (who issues it)
 * after a dash, so that a tab or a bookmark says whose policy it is. */
static void S_title(clausier__buf *out, const clausier__edition *ed)
{
	clausier__buf_xml(out, ed->title);
	if (ed->subtitle)
		S_el(out, " — ", ed->subtitle, "");
}

int clausier__render_html(clausier__buf *out, const clausier__edition *ed)
{
	int page = (ed->flags & CLAUSIER_RENDER_STANDALONE) != 0;
	if (page) {
		S_el(out, "<!DOCTYPE html>\n<html lang=\"", ed->locale, "\">\n<head>\n<meta charset=\"utf-8\">\n");
		clausier__buf_puts(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		clausier__buf_puts(out, "<title>");
		S_title(out, ed);
		clausier__buf_puts(out, "</title>\n<style>\n");
		clausier__buf_puts(out, S_css);
		clausier__buf_puts(out, "</style>\n</head>\n<body>\n");
	}
	S_el(out, "<article class=\"clausier-edition\" lang=\"", ed->locale, "\">\n<header>\n");
	S_tx(out, "<h1>", ed->title, "</h1>\n", ed->locale);
	if (ed->subtitle)
		S_tx(out, "<p class=\"clausier-subtitle\">", ed->subtitle, "</p>\n", ed->locale);
	if (ed->dateline)
		S_tx(out, "<p class=\"clausier-dateline\">", ed->dateline, "</p>\n", ed->locale);
	if (ed->revised)
		S_tx(out, "<p class=\"clausier-dateline\">", ed->revised, "</p>\n", ed->locale);
	if (ed->prevailing)
		S_tx(out, "<p class=\"clausier-prevailing\">", ed->prevailing, "</p>\n", ed->locale);
	clausier__buf_puts(out, "</header>\n");
	if (page)
		S_toc(out, ed);
	long section = -1;
	for (size_t i = 0; i < ed->nclauses; i++) {
		const clausier__rclause *c = &ed->clauses[i];
		if (c->section != section && c->section >= 0) {
			if (section >= 0)
				clausier__buf_puts(out, "</section>\n");
			section = c->section;
			S_el(out, "<section class=\"clausier-section\" id=\"section-", ed->section_ids[section], "\">\n");
			S_tx(out, "<h2>", ed->sections[section], "</h2>\n", ed->locale);
		}
		S_el(out, "<section class=\"clausier-clause\" id=\"clause-", c->id, "\"");
		/* A clause given in the source language says so to screen readers. */
		if (c->fallback)
			S_el(out, " lang=\"", c->lang, "\"");
		/* One level below the sections, if there are any. */
		char label[48];
		clausier__number(label, sizeof label, ed, i);
		/* constant markup as bytes: no snprintf on every clause */
		clausier__buf_puts(out, ed->nsections ? ">\n<h3><span class=\"clausier-number\">"
		                                      : ">\n<h2><span class=\"clausier-number\">");
		clausier__buf_puts(out, label);
		clausier__buf_puts(out, "</span>");
		clausier__buf_puts(out, clausier__number_sep(ed));
		S_tx(out, "", c->heading, "", c->fallback ? c->lang : ed->locale);
		S_tx(out, ed->nsections ? "</h3>\n<p>" : "</h2>\n<p>", c->body, "</p>\n", c->fallback ? c->lang : ed->locale);
		if (c->fallback) {
			S_el(out, "<p class=\"clausier-untranslated\" lang=\"", ed->locale, "\">");
			S_tx(out, "", clausier__chrome(ed, CLAUSIER__UNTRANSLATED), "</p>\n", ed->locale);
		}
		clausier__buf_puts(out, "</section>\n");
	}
	if (section >= 0)
		clausier__buf_puts(out, "</section>\n");
	clausier__buf_puts(out, "</article>\n");
	if (page)
		clausier__buf_puts(out, "</body>\n</html>\n");
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}

/* Bilingual: one article, each part a two-column pair, clause by clause;
 * every column says its language. */
static void S_pair_open(clausier__buf *out, const char *cls)
{
	clausier__buf_puts(out, "<div class=\"clausier-pair");
	if (cls) {
		clausier__buf_putc(out, ' ');
		clausier__buf_puts(out, cls);
	}
	clausier__buf_puts(out, "\">\n");
}

int clausier__render_html_pair(clausier__buf *out, const clausier__edition *a, const clausier__edition *b)
{
	const clausier__edition *both[2] = { a, b };
	int page = (a->flags & CLAUSIER_RENDER_STANDALONE) != 0;
	if (page) {
		S_el(out, "<!DOCTYPE html>\n<html lang=\"", a->locale, "\">\n<head>\n<meta charset=\"utf-8\">\n");
		clausier__buf_puts(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		/* Both titles; one subtitle when both say the same (the organization). */
		int same = a->subtitle && b->subtitle && !strcmp(a->subtitle, b->subtitle);
		clausier__buf_puts(out, "<title>");
		if (same) {
			S_el(out, "", a->title, " / ");
			S_el(out, "", b->title, " — ");
			clausier__buf_xml(out, a->subtitle);
		} else {
			S_title(out, a);
			clausier__buf_puts(out, " / ");
			S_title(out, b);
		}
		clausier__buf_puts(out, "</title>\n<style>\n");
		clausier__buf_puts(out, S_css);
		clausier__buf_puts(out, "</style>\n</head>\n<body>\n");
	}
	clausier__buf_puts(out, "<article class=\"clausier-edition clausier-bilingual\">\n<header>\n");
	S_pair_open(out, NULL);
	for (int k = 0; k < 2; k++) {
		S_el(out, "<div lang=\"", both[k]->locale, "\">\n");
		S_tx(out, "<h1>", both[k]->title, "</h1>\n", both[k]->locale);
		if (both[k]->subtitle)
			S_tx(out, "<p class=\"clausier-subtitle\">", both[k]->subtitle, "</p>\n", both[k]->locale);
		if (both[k]->dateline)
			S_tx(out, "<p class=\"clausier-dateline\">", both[k]->dateline, "</p>\n", both[k]->locale);
		if (both[k]->revised)
			S_tx(out, "<p class=\"clausier-dateline\">", both[k]->revised, "</p>\n", both[k]->locale);
		if (both[k]->prevailing)
			S_tx(out, "<p class=\"clausier-prevailing\">", both[k]->prevailing, "</p>\n", both[k]->locale);
		clausier__buf_puts(out, "</div>\n");
	}
	clausier__buf_puts(out, "</div>\n</header>\n");
	long section = -1;
	for (size_t i = 0; i < a->nclauses; i++) {
		const clausier__rclause *c = &a->clauses[i];
		if (c->section != section && c->section >= 0) {
			if (section >= 0)
				clausier__buf_puts(out, "</section>\n");
			section = c->section;
			S_el(out, "<section class=\"clausier-section\" id=\"section-", a->section_ids[section], "\">\n");
			S_pair_open(out, NULL);
			for (int k = 0; k < 2; k++) {
				S_el(out, "<h2 lang=\"", both[k]->locale, "\">");
				S_tx(out, "", both[k]->sections[section], "</h2>\n", both[k]->locale);
			}
			clausier__buf_puts(out, "</div>\n");
		}
		const char *h = a->nsections ? "h3" : "h2";
		S_el(out, "<section class=\"clausier-clause\" id=\"clause-", c->id, "\">\n");
		S_pair_open(out, NULL);
		for (int k = 0; k < 2; k++) {
			const clausier__rclause *ck = &both[k]->clauses[i];
			S_el(out, "<div lang=\"", ck->fallback ? ck->lang : both[k]->locale, "\">\n");
			char num[128], label[48];
			clausier__number(label, sizeof label, both[k], i);
			snprintf(num, sizeof num, "<%s><span class=\"clausier-number\">%s</span>%s", h, label,
			         clausier__number_sep(both[k]));
			clausier__buf_puts(out, num);
			/* a clause in the source language has that language's typography */
			const char *tl = ck->fallback ? ck->lang : both[k]->locale;
			S_tx(out, "", ck->heading, "", tl);
			snprintf(num, sizeof num, "</%s>\n<p>", h);
			S_tx(out, num, ck->body, "</p>\n", tl);
			if (ck->fallback) {
				S_el(out, "<p class=\"clausier-untranslated\" lang=\"", both[k]->locale, "\">");
				S_tx(out, "", clausier__chrome(both[k], CLAUSIER__UNTRANSLATED), "</p>\n", both[k]->locale);
			}
			clausier__buf_puts(out, "</div>\n");
		}
		clausier__buf_puts(out, "</div>\n</section>\n");
	}
	if (section >= 0)
		clausier__buf_puts(out, "</section>\n");
	clausier__buf_puts(out, "</article>\n");
	if (page)
		clausier__buf_puts(out, "</body>\n</html>\n");
	return out->failed ? CLAUSIER_ENOMEM : CLAUSIER_OK;
}
