/* clausier catalog list | show: the installed catalogs and their clauses.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

void help_catalog(void)
{
	printf(_("Usage: %s catalog list [CATALOG]...\n"
	         "   or: %s catalog show [--locale=TAG] CATALOG\n"),
	       cli_prog, cli_prog);
	fputs(_("list: the installed catalogs (or those given), each with its genre, its\n"
	        "number of clauses and how much of it each language translates.\n"
	        "show: a catalog's clauses by section: id, topic, kind, sectors,\n"
	        "jurisdictions, heading in --locale's language (default: en), and their\n"
	        "variants by jurisdiction and risk tolerance.\n"
	        "\n"
	        "CATALOG is a file, or the id of an installed catalog (smp, charte).\n"
	        "\n"
	        "Options:\n"
	        "  -l, --locale=TAG      show: the language of the headings\n"
	        "  -h, --help            display this help and exit\n"),
	      stdout);
}

static int S_list_one(const char *name_or_id)
{
	clausier_catalog *cat = NULL;
	if (cli_load_catalog(&cat, name_or_id) < 0)
		return 1;
	clausier_coverage *cov = NULL;
	size_t n = 0;
	clausier_error err;
	if (clausier_catalog_coverage(&cov, &n, cat, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		clausier_catalog_free(cat);
		return 1;
	}
	static const char *const genres[] = { "", "smp", "charte" };
	size_t nc = clausier_catalog_count(cat);
	printf(ngettext("%s (genre %s): %zu clause\n", "%s (genre %s): %zu clauses\n", nc),
	       clausier_catalog_id(cat), genres[clausier_catalog_genre(cat)], nc);
	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			printf(ngettext("  %-6s source language, %zu message\n", "  %-6s source language, %zu messages\n",
			                cov[i].total),
			       cov[i].lang, cov[i].total);
		else if (cov[i].translated == cov[i].total)
			printf(_("  %-6s translated: %zu of %zu messages\n"), cov[i].lang, cov[i].translated, cov[i].total);
		else
			printf(_("  %-6s translated: %zu of %zu messages (%zu missing: render them with --fallback)\n"),
			       cov[i].lang, cov[i].translated, cov[i].total, cov[i].total - cov[i].translated);
	}
	clausier_free(cov);
	clausier_catalog_free(cat);
	return 0;
}

static int S_catalog_list(int argc, char **argv)
{
	int status = 0;
	if (argc > 0) {
		for (int i = 0; i < argc; i++)
			status |= S_list_one(argv[i]);
		return status;
	}
	const char *path = cli_data_path();
	int found = 0;
	/* As with PATH, a catalog found earlier on the path hides later ones. */
	char seen[4096] = " ";
	for (const char *p = path; *p;) {
		size_t len = strcspn(p, ":");
		char dir[4096];
		snprintf(dir, sizeof dir, "%.*s/catalogs", (int)len, p);
		struct dirent **names = NULL;
		int n = scandir(dir, &names, NULL, alphasort);
		for (int i = 0; i < n; i++) {
			size_t l = strlen(names[i]->d_name);
			char key[300];
			snprintf(key, sizeof key, " %s ", names[i]->d_name);
			if (l > 4 && !strcmp(names[i]->d_name + l - 4, ".xml") && !strstr(seen, key) &&
			    strlen(seen) + strlen(key) < sizeof seen) {
				strcat(seen, key + 1);
				char file[8192];
				snprintf(file, sizeof file, "%s/%s", dir, names[i]->d_name);
				status |= S_list_one(file);
				found++;
			}
			free(names[i]);
		}
		free(names);
		p += len;
		if (*p == ':')
			p++;
	}
	if (!found) {
		fprintf(stderr, _("%s: no catalogs installed in %s\n"), cli_prog, path);
		return 1;
	}
	return status;
}

static int S_catalog_show(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "locale", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *locale = "en";
	int c;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "l:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': locale = optarg; break;
		case 'h': help_catalog(); return 0;
		default: cli_try_help("catalog"); return 2;
		}
	}
	if (argc - optind != 1) {
		return cli_usage_error("catalog", _("catalog show takes one catalog"));
	}
	if (cli_check_locale("catalog", locale))
		return 2;
	clausier_catalog *cat = NULL;
	if (cli_load_catalog(&cat, argv[optind]) < 0)
		return 1;
	static const char *const kinds[] = { "rule", "advice", "definition", "procedure", "notice" };
	static const char *const strengths[] = { "", "/must", "/should", "/may" };
	static const char *const sectors[] = { "", "health", "education", "nonprofit", "public", "private" };
	const char *section = "";
	for (size_t i = 0; i < clausier_catalog_count(cat); i++) {
		clausier_clause_info info;
		clausier_catalog_clause_info(&info, cat, i);
		if (info.section && strcmp(info.section, section)) {
			section = info.section;
			printf("[%s]\n", section);
		}
		char sec[80] = "";
		for (int s = 1; s <= 5; s++)
			if (info.sectors & (1u << s))
				snprintf(sec + strlen(sec), sizeof sec - strlen(sec), "%s%s", *sec ? "," : "", sectors[s]);
		const char *heading = clausier_catalog_clause_pattern(cat, i, -1, locale);
		const char *only = clausier_catalog_clause_jurisdictions(cat, i);
		printf("  %-34s %-24s %-18s %-10s %-6s %s%s%s", info.id, info.topic,
		       kinds[info.kind] /* then strength */, *sec ? sec : "*", only ? only : "*",
		       heading ? heading : _("(no text in this language)"),
		       info.risk_variants & (1u << CLAUSIER_RISK_STRICT) ? " [strict]" : "",
		       info.risk_variants & (1u << CLAUSIER_RISK_OPEN) ? " [open]" : "");
		clausier_risk vr;
		const char *vj;
		for (size_t k = 0; (vj = clausier_catalog_clause_variant(cat, i, k, &vr)); k++)
			printf(" [%s%s%s]", vj, vr != CLAUSIER_RISK_BALANCED ? "/" : "",
			       vr == CLAUSIER_RISK_STRICT ? "strict" : vr == CLAUSIER_RISK_OPEN ? "open" : "");
		const char *when = clausier_catalog_clause_when(cat, i);
		if (when)
			printf(" [when %s]", when);
		putchar('\n');
		(void)strengths;
	}
	clausier_catalog_free(cat);
	return 0;
}

int cmd_catalog(int argc, char **argv)
{
	static const char *const subs[] = { "list", "show", NULL };
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		help_catalog();
		return 0;
	}
	if (argc < 2)
		return cli_usage_error("catalog", _("catalog needs a subcommand: list or show"));
	if (!strcmp(argv[1], "list")) {
		for (int i = 2; i < argc; i++) {
			if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
				help_catalog();
				return 0;
			}
			if (argv[i][0] == '-' && argv[i][1])
				return cli_usage_error("catalog", _("catalog list takes no option but --help: '%s'"), argv[i]);
		}
		return S_catalog_list(argc - 2, argv + 2);
	}
	if (!strcmp(argv[1], "show"))
		return S_catalog_show(argc - 1, argv + 1);
	return cli_bad_choice("catalog", _("catalog subcommand"), argv[1], subs);
}
