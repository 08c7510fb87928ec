/* clausier map: a policy converted to the other genre, with a report.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <getopt.h>
#include <string.h>

void help_map(void)
{
	printf(_("Usage: %s map --to=CATALOG [--report=FILE] [OPTION]... POLICY\n"
	         "   or: %s map --to=CATALOG --profile=FILE [OPTION]...\n"),
	       cli_prog, cli_prog);
	fputs(_("Convert a policy to the other genre (--to=charte or smp): the new policy\n"
	        "document on standard output or --output, and with --report=FILE a report of\n"
	        "what became of every clause.\n"
	        "\n"
	        "Options:\n"
	        "  -t, --to=CATALOG          the catalog of the other genre (charte or smp)\n"
	        "  -p, --profile=FILE        convert the policy this profile selects\n"
	        "  -o, --output=FILE         write the new policy document to FILE\n"
	        "  -r, --report=FILE         write the report to FILE\n"
	        "  -f, --report-format=FMT   text, markdown, html, docbook, xml or json\n"
	        "  -l, --locale=TAG          the report's language (default: en)\n"
	        "      --standalone          with --report-format=html, a whole HTML page\n"
	        "  -h, --help                display this help and exit\n"),
	      stdout);
}

enum { OPT_STANDALONE = 256 };

/* clausier map --to=CATALOG [options] POLICY */
int cmd_map(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "profile", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "report", required_argument, NULL, 'r' },
		{ "report-format", required_argument, NULL, 'f' },
		{ "locale", required_argument, NULL, 'l' },
		{ "standalone", no_argument, NULL, OPT_STANDALONE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int standalone = 0;
	const char *to = NULL, *output = NULL, *report_file = NULL, *format = "text", *locale = "en";
	cli_policy_args a = { .draft = 1 };
	int c;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "t:p:o:r:f:l:h", longopts, NULL)) != -1) {
		switch (c) {
		case 't': to = optarg; break;
		case 'p': a.profile = optarg; break;
		case 'o': output = optarg; break;
		case 'r': report_file = optarg; break;
		case 'f': format = optarg; break;
		case 'l': locale = optarg; break;
		case OPT_STANDALONE: standalone = 1; break;
		case 'h': help_map(); return 0;
		default: cli_try_help("map"); return 2;
		}
	}
	if (standalone && strcmp(format, "html")) {
		fprintf(stderr, _("%s: --standalone goes with --report-format=html\n"), cli_prog);
		cli_try_help("map");
		return 2;
	}
	if (!to || (!a.profile && optind != argc - 1) || (a.profile && optind != argc)) {
		fprintf(stderr, _("%s: map needs --to=CATALOG and a policy document (or --profile)\n"), cli_prog);
		cli_try_help("map");
		return 2;
	}
	static const char *const formats[] = { "text", "markdown", "html", "docbook", "xml", "json", NULL };
	int fmt = cli_choice(format, formats), data = fmt == 4 ? 1 : fmt == 5 ? 2 : 0;
	if (fmt < 0)
		return cli_bad_choice("map", _("report format"), format, formats);
	if (cli_check_locale("map", locale))
		return 2;
	if (!a.profile)
		a.policy = argv[optind];
	clausier_catalog *cat = NULL, *target = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL, *mapped = NULL;
	clausier_genre_spec *genre = NULL;
	clausier_crosswalk *cw = NULL;
	clausier_map_report *report = NULL;
	char *doc = NULL, *rep = NULL;
	size_t doc_len = 0, rep_len = 0;
	clausier_error err;
	int status = 1;
	if (cli_policy(&a, &cat, &prof, &pol) < 0 || cli_load_catalog(&target, to) < 0 ||
	    cli_load_genre(&genre, target) < 0 || cli_load_crosswalk(&cw) < 0)
		goto done;
	if (!strcmp(clausier_catalog_id(cat), clausier_catalog_id(target))) {
		fprintf(stderr, _("%s: the policy is already drawn from catalog '%s'\n"), cli_prog, clausier_catalog_id(cat));
		goto done;
	}
	if (clausier_policy_map(&mapped, &report, pol, target, genre, cw, &err) != CLAUSIER_OK ||
	    clausier_policy_write(&doc, &doc_len, mapped, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		goto done;
	}
	if (data) {
		if (clausier_map_report_write(&rep, &rep_len, report,
		                              data == 1 ? CLAUSIER_REPORT_XML : CLAUSIER_REPORT_JSON, &err) != CLAUSIER_OK) {
			cli_fail(&err);
			goto done;
		}
	} else {
		clausier_render_options opts;
		clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION);
		opts.locale = locale;
		opts.format = (clausier_format)fmt;
		opts.flags = standalone ? CLAUSIER_RENDER_STANDALONE : 0;
		if (clausier_map_report_render(&rep, &rep_len, report, &opts, &err) != CLAUSIER_OK) {
			cli_fail(&err);
			goto done;
		}
	}
	/* The summary, on standard error. */
	size_t count[6] = { 0 }, needs = 0;
	for (size_t i = 0; i < clausier_map_report_count(report); i++) {
		clausier_gap g;
		clausier_map_report_gap(&g, report, i);
		count[g.status]++;
		needs += g.needs != NULL;
	}
	fprintf(stderr, _("%s: clauses in the new policy: %zu; report: carried over %zu, approximated %zu, added %zu, to decide %zu, kept aside %zu, formalities %zu\n"),
	        cli_prog, clausier_policy_count(mapped), count[CLAUSIER_GAP_MAPPED], count[CLAUSIER_GAP_APPROXIMATED],
	        count[CLAUSIER_GAP_ADDED], count[CLAUSIER_GAP_DECISION], count[CLAUSIER_GAP_DROPPED],
	        count[CLAUSIER_GAP_FORMALITY]);
	if (needs)
		fprintf(stderr, _("%s: some clauses still need values: the report lists them, and the policy document marks them\n"),
		        cli_prog);
	status = cli_output(output, doc, doc_len);
	if (status == 0 && report_file)
		status = cli_write_atomic(report_file, rep, rep_len) < 0 ? 1 : 0;
	else if (status == 0 && !output)
		; /* the policy went to standard output: the report needs --report */
	else if (status == 0)
		status = cli_output(NULL, rep, rep_len);
done:
	clausier_free(doc);
	clausier_free(rep);
	clausier_map_report_free(report);
	clausier_policy_free(mapped);
	clausier_policy_free(pol);
	clausier_crosswalk_free(cw);
	clausier_genre_spec_free(genre);
	clausier_profile_free(prof);
	clausier_catalog_free(target);
	clausier_catalog_free(cat);
	return status;
}
