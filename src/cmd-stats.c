/* clausier stats: messages and source words of PO files by state.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void help_stats(void)
{
	printf(_("Usage: %s stats [--format=text|json|html] [--source-lang=TAG] FILE.po...\n"), cli_prog);
	fputs(_("Count the translated, fuzzy and untranslated messages of PO files, and their\n"
	        "source words (as a translation vendor counts them, with ICU's word\n"
	        "boundaries), for a quote.\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format=FORMAT   text (the default), json, or html (a page with a bar\n"
	        "                        for each file)\n"
	        "  -s, --source-lang=TAG the msgids' language (default: en, or fr for English\n"
	        "                        translations)\n"
	        "  -h, --help            display this help and exit\n"),
	      stdout);
}

typedef struct {
	const char *file;
	clausier_po_stats st;
} S_stat;

static void S_html_text(const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", stdout); break;
		case '<': fputs("&lt;", stdout); break;
		case '>': fputs("&gt;", stdout); break;
		case '"': fputs("&quot;", stdout); break;
		default: putchar(*s);
		}
}

/* A share as a CSS percentage, "66.7%": written by hand, never through
 * printf's %f, whose decimal separator is the locale's (« 66,7 » is not
 * CSS). */
static void S_percent(size_t part, size_t total)
{
	size_t tenths = total ? (part * 1000 + total / 2) / total : 0;
	printf("%zu.%zu%%", tenths / 10, tenths % 10);
}

static json_t *S_states(const size_t v[3])
{
	return json_pack("{s:I, s:I, s:I}", "translated", (json_int_t)v[0], "fuzzy", (json_int_t)v[1], "untranslated",
	                 (json_int_t)v[2]);
}

static int S_json(const S_stat *st, size_t n)
{
	json_t *a = json_array();
	int bad = !a;
	for (size_t i = 0; i < n && !bad; i++)
		bad = json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:o}", "file", st[i].file, "language",
		                                         st[i].st.language, "messages", S_states(st[i].st.messages),
		                                         "source_words", S_states(st[i].st.words)));
	char *text = bad ? NULL : json_dumps(a, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(a);
	if (!text) {
		fprintf(stderr, _("%s: out of memory\n"), cli_prog);
		return 1;
	}
	puts(text);
	free(text);
	return 0;
}

static void S_html(const S_stat *st, size_t n, const char *const states[3])
{
	/* TRANSLATORS: the language of your translation, as a BCP 47 tag (fr,
	 * fr-CA): the lang of the HTML page clausier stats writes */
	printf("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	       _("en"));
	S_html_text(_("Translation status"));
	printf("</title>\n<style>\n"
	       "body{font-family:sans-serif;margin:2em;max-width:100%%;box-sizing:border-box}"
	       "table{border-collapse:collapse;width:100%%;table-layout:fixed}"
	       "td,th{padding:.2em .5em;text-align:right}"
	       "td.f,th.f{text-align:left;width:35%%;overflow-wrap:anywhere}"
	       ".bar{display:flex;width:100%%;height:1em;background:#ddd}"
	       ".t{background:#2a7}.z{background:#e90}\n"
	       "</style>\n</head>\n<body>\n<h1>");
	S_html_text(_("Translation status"));
	printf("</h1>\n<table>\n<tr><th class=\"f\">");
	S_html_text(_("file"));
	printf("</th><th>");
	S_html_text(_("language"));
	for (int k = 0; k < 3; k++) {
		printf("</th><th>");
		S_html_text(states[k]);
	}
	printf("</th><th>");
	S_html_text(_("source words"));
	printf("</th><th></th></tr>\n");
	for (size_t i = 0; i < n; i++) {
		const clausier_po_stats *s = &st[i].st;
		size_t total = s->messages[0] + s->messages[1] + s->messages[2];
		printf("<tr><td class=\"f\">");
		S_html_text(st[i].file);
		printf("</td><td>");
		S_html_text(s->language);
		printf("</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td>", s->messages[0], s->messages[1],
		       s->messages[2], s->words[0] + s->words[1] + s->words[2]);
		printf("<td><div class=\"bar\"><div class=\"t\" style=\"width:");
		S_percent(s->messages[0], total);
		printf("\"></div><div class=\"z\" style=\"width:");
		S_percent(s->messages[1], total);
		printf("\"></div></div></td></tr>\n");
	}
	printf("</table>\n</body>\n</html>\n");
}

int cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "source-lang", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "json", "html", NULL };
	const char *source_lang = NULL;
	int c, format = 0;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "f:s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = cli_choice(optarg, formats);
			if (format < 0)
				return cli_bad_choice("stats", _("format"), optarg, formats);
			break;
		case 's': source_lang = optarg; break;
		case 'h': help_stats(); return 0;
		default: cli_try_help("stats"); return 2;
		}
	}
	if (optind == argc)
		return cli_usage_error("stats", _("stats needs PO files"));
	size_t n = (size_t)(argc - optind);
	S_stat *st = calloc(n, sizeof *st);
	if (!st)
		return 1;
	for (size_t i = 0; i < n; i++) {
		clausier_error err;
		st[i].file = argv[optind + (int)i];
		if (clausier_po_stats_file(&st[i].st, st[i].file, source_lang, &err) != CLAUSIER_OK) {
			cli_fail(&err);
			free(st);
			return 1;
		}
	}
	/* TRANSLATORS: the three states of a message, as columns. */
	const char *states[3] = { _("translated"), _("fuzzy"), _("untranslated") };
	int status = 0;
	if (format == 1) {
		status = S_json(st, n);
	} else if (format == 2) {
		S_html(st, n, states);
	} else {
		for (size_t i = 0; i < n; i++) {
			const clausier_po_stats *s = &st[i].st;
			size_t total = s->messages[0] + s->messages[1] + s->messages[2];
			size_t words = s->words[0] + s->words[1] + s->words[2];
			printf(_("%s (%s): %zu of %zu messages translated, %zu fuzzy, %zu untranslated; "
			         "source words: %zu translated, %zu fuzzy, %zu untranslated, %zu in all\n"),
			       st[i].file, s->language, s->messages[0], total, s->messages[1], s->messages[2], s->words[0],
			       s->words[1], s->words[2], words);
		}
	}
	if (fflush(stdout) != 0)
		status = 1;
	free(st);
	return status;
}
