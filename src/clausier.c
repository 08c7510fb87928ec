/* clausier — the command-line program over libclausier: a small main that
 * dispatches to one file per subcommand (src/cmd-*.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <locale.h>
#include <string.h>

const cli_command cli_commands[] = {
	{ "render", N_("render an edition of the policy a profile or policy document selects"), cmd_render,
	  help_render },
	{ "assemble", N_("write the policy a profile selects as a policy document"), cmd_assemble, help_assemble },
	{ "catalog", N_("list catalogs and their translations, or show a catalog's clauses"), cmd_catalog,
	  help_catalog },
	{ "check", N_("check the translations of PO files or catalogs"), cmd_check, help_check },
	{ "stats", N_("count the messages and source words of PO files, by state"), cmd_stats, help_stats },
	{ "lint", N_("check a policy against the rules of its genre and jurisdiction"), cmd_lint, help_lint },
	{ "map", N_("convert a policy to the other genre, with a report"), cmd_map, help_map },
	{ "crosswalk", N_("the table relating the topics and clauses of the two genres"), cmd_crosswalk,
	  help_crosswalk },
	{ NULL, NULL, NULL, NULL },
};

static void S_usage(FILE *f)
{
	fprintf(f, _("Usage: %s COMMAND [OPTION]... [ARGUMENT]...\n"
	             "   or: %s help COMMAND\n"
	             "   or: %s --help | --version\n"),
	        cli_prog, cli_prog, cli_prog);
}

static void S_help(void)
{
	S_usage(stdout);
	fputs(_("Write the French and English editions of an organization's rules of conduct\n"
	        "from catalogs of model clauses.\n"
	        "\n"
	        "Commands:\n"),
	      stdout);
	for (const cli_command *c = cli_commands; c->name; c++)
		printf("  %-10s %s\n", c->name, _(c->summary));
	printf(_("\n"
	         "'%s help COMMAND' or '%s COMMAND --help' tells a command's options.\n"
	         "\n"),
	       cli_prog, cli_prog);
	fputs(_("Options:\n"
	        "  -h, --help            display this help and exit\n"
	        "  -V, --version         output version information and exit\n"
	        "\n"
	        "Environment: CLAUSIER_DATA_PATH, a colon-separated list of folders holding\n"
	        "catalogs/, genres/, crosswalk/ and samples/, replaces the installed data\n"
	        "folder (run from its build tree, the program uses the data built there).\n"
	        "\n"
	        "Exit status: 0 on success, 1 when an input is invalid or a command fails\n"
	        "(the message names the file, line and column; lint and check: when a\n"
	        "finding is an error), 2 on a usage error.\n"),
	      stdout);
}

static void S_version(void)
{
	printf("clausier (%s) %s\n", PACKAGE_NAME, clausier_version());
	/* TRANSLATORS: the GNU form: copyright, licence, no warranty. */
	fputs(_("Copyright (C) 2026 the clausier authors.\n"
	        "License LGPLv2.1+: GNU LGPL version 2.1 or later <https://gnu.org/licenses/old-licenses/lgpl-2.1.html>.\n"
	        "This is free software: you are free to change and redistribute it.\n"
	        "There is NO WARRANTY, to the extent permitted by law.\n"),
	      stdout);
}

static const cli_command *S_find(const char *name)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* An unknown command: the nearest one, if any. */
static int S_unknown(const char *name)
{
	const char *names[16];
	size_t n = 0;
	for (const cli_command *c = cli_commands; c->name && n + 2 < sizeof names / sizeof *names; c++)
		names[n++] = c->name;
	names[n++] = "help";
	names[n] = NULL;
	const char *near = cli_nearest(name, names);
	if (near)
		fprintf(stderr, _("%s: unknown command '%s'; did you mean '%s'?\n"), cli_prog, name, near);
	else
		fprintf(stderr, _("%s: unknown command '%s'\n"), cli_prog, name);
	cli_try_help(NULL);
	return 2;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	if (argc < 2) {
		S_usage(stderr);
		cli_try_help(NULL);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		S_help();
		return 0;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		S_version();
		return 0;
	}
	if (!strcmp(cmd, "help")) {
		if (argc == 2 || !strcmp(argv[2], "help")) {
			S_help();
			return 0;
		}
		const cli_command *c = S_find(argv[2]);
		if (!c)
			return S_unknown(argv[2]);
		c->help();
		return 0;
	}
	if (cmd[0] == '-') {
		fprintf(stderr, _("%s: unknown option '%s'\n"), cli_prog, cmd);
		cli_try_help(NULL);
		return 2;
	}
	const cli_command *c = S_find(cmd);
	if (!c)
		return S_unknown(cmd);
	return c->run(argc - 1, argv + 1);
}
