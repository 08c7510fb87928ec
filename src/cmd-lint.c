/* clausier lint: a policy against the rules of its genre and jurisdiction.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <getopt.h>
#include <string.h>

void help_lint(void)
{
	printf(_("Usage: %s lint [--format=FORMAT] POLICY\n"
	         "   or: %s lint [--format=FORMAT] --profile=FILE [CATALOG]\n"),
	       cli_prog, cli_prog);
	fputs(_("Check a policy document's policy (or the policy a profile selects) against\n"
	        "the rules of its genre and jurisdiction (US: NLRB, Stericycle; FR: Code du\n"
	        "travail; CA: official languages) and for strategy content, and say what the\n"
	        "library had to guess, such as the grammar of a name.  Not legal advice.\n"
	        "\n"
	        "Options:\n"
	        "  -p, --profile=FILE    lint the policy this profile selects\n"
	        "  -P, --policy=FILE     lint this policy document (the same as POLICY)\n"
	        "  -f, --format=FORMAT   text (the default): file: severity: clause: message\n"
	        "                        [rule] (reference) lines and note: lines; json: an\n"
	        "                        array of findings; sarif: a SARIF 2.1.0 log, for CI\n"
	        "                        and editors\n"
	        "  -h, --help            display this help and exit\n"
	        "\n"
	        "Exit status: 0 when no finding is an error, 1 when one is (or an input is\n"
	        "invalid), 2 on a usage error.\n"),
	      stdout);
}

typedef struct {
	const char *file;
	int errors;
	cli_findings *out; /* NULL: text */
} S_ctx;

static void S_finding(void *vctx, const clausier_finding *f)
{
	S_ctx *c = vctx;
	c->errors += f->severity == CLAUSIER_CHECK_ERROR;
	if (c->out) {
		cli_findings_add(c->out, c->file, 0, 0, f->severity, f->rule, f->message, f->reference, f->clause);
		return;
	}
	const char *sev = f->severity == CLAUSIER_CHECK_ERROR ? _("error") : _("warning");
	if (f->clause)
		/* TRANSLATORS: file: severity: clause “id”: message [rule] (reference) */
		printf(_("%s: %s: clause “%s”: %s [%s]"), c->file, sev, f->clause, f->message, f->rule);
	else
		printf(_("%s: %s: %s [%s]"), c->file, sev, f->message, f->rule);
	if (f->reference)
		printf(" (%s)", f->reference);
	putchar('\n');
}

/* What the library had to guess about the profile: a warning of rule
 * name-grammar. */
static void S_warning(void *vctx, int line, const char *message)
{
	S_ctx *c = vctx;
	if (c->out)
		cli_findings_add(c->out, c->file, line, 0, CLAUSIER_CHECK_WARNING, "name-grammar", message, NULL, NULL);
	else if (line > 0)
		printf(_("%s:%d: warning: %s [%s]\n"), c->file, line, message, "name-grammar");
	else
		printf(_("%s: warning: %s [%s]\n"), c->file, message, "name-grammar");
}

static void S_note(void *vctx, int line, const char *message)
{
	S_ctx *c = vctx;
	if (c->out)
		cli_findings_note(c->out, c->file, line, message);
	else if (line > 0)
		printf(_("%s:%d: note: %s\n"), c->file, line, message);
	else
		printf(_("%s: note: %s\n"), c->file, message);
}

int cmd_lint(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "policy", required_argument, NULL, 'P' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cli_policy_args pa = { .draft = 1, .linting = 1 };
	int format = CLI_FINDINGS_TEXT, c;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "p:P:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': pa.profile = optarg; break;
		case 'P': pa.policy = optarg; break;
		case 'f':
			format = cli_choice(optarg, cli_findings_formats);
			if (format < 0)
				return cli_bad_choice("lint", _("format"), optarg, cli_findings_formats);
			break;
		case 'h': help_lint(); return 0;
		default: cli_try_help("lint"); return 2;
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("lint", _("%s takes at most one catalog"), "lint");
	pa.catalog = optind < argc ? argv[optind] : NULL;
	if (!pa.profile && !pa.policy && pa.catalog) {
		/* clausier lint POLICY.xml */
		pa.policy = pa.catalog;
		pa.catalog = NULL;
	}
	if (!pa.profile && !pa.policy)
		return cli_usage_error("lint", _("lint needs a policy document, or a profile (--profile)"));
	if (pa.profile && pa.policy)
		return cli_usage_error("lint", _("give a profile or a policy, not both"));

	S_ctx ctx = { pa.policy ? pa.policy : pa.profile, 0, NULL };
	if (format != CLI_FINDINGS_TEXT && !(ctx.out = cli_findings_new((cli_findings_format)format, "clausier lint"))) {
		fprintf(stderr, _("%s: out of memory\n"), cli_prog);
		return 1;
	}
	/* The warnings of loading (what the library had to guess) are lint's output. */
	pa.warnings = S_warning;
	pa.warnings_ctx = &ctx;
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	clausier_genre_spec *genre = NULL;
	clausier_error err;
	int status = 1, n = 0;
	if (cli_policy(&pa, &cat, &prof, &pol) < 0 || cli_load_genre(&genre, cat) < 0)
		goto done;
	n = clausier_policy_lint(pol, genre, S_finding, &ctx, &err);
	if (n < 0) {
		cli_fail(&err);
		goto done;
	}
	if (n > 0)
		S_note(&ctx, 0, clausier_lint_disclaimer());
	status = ctx.errors ? 1 : 0;
done:
	if (ctx.out) {
		/* The findings so far, even after a failure: a CI reads a whole log. */
		if (cli_findings_finish(ctx.out))
			status = 1;
	} else if (fflush(stdout) != 0) {
		status = 1;
	}
	clausier_genre_spec_free(genre);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return status;
}
