/* clausier crosswalk: the table relating the two genres.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <getopt.h>
#include <string.h>

void help_crosswalk(void)
{
	printf(_("Usage: %s crosswalk [--format=FORMAT] [--locale=TAG] [--standalone] [--output=FILE]\n"),
	       cli_prog);
	fputs(_("Write the table relating the topics and clauses of the two genres (the social\n"
	        "media policy and the charte d'usage), with SKOS relations and their reasons.\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format=FORMAT   text (the default), markdown, html or docbook\n"
	        "  -l, --locale=TAG      the table's language (default: en)\n"
	        "      --standalone      with --format=html, a whole HTML page\n"
	        "  -o, --output=FILE     write to FILE, through a temporary file renamed when\n"
	        "                        complete (default: standard output)\n"
	        "  -h, --help            display this help and exit\n"),
	      stdout);
}

enum { OPT_STANDALONE = 256 };

/* clausier crosswalk [--format=F] [--locale=TAG] [--standalone] [-o FILE] */
int cmd_crosswalk(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "locale", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "standalone", no_argument, NULL, OPT_STANDALONE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	clausier_render_options opts;
	clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION);
	opts.locale = "en";
	const char *output = NULL;
	int c;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "f:l:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': {
			static const char *const formats[] = { "text", "markdown", "html", "docbook", NULL };
			int f = cli_choice(optarg, formats);
			if (f < 0)
				return cli_bad_choice("crosswalk", _("format"), optarg, formats);
			opts.format = (clausier_format)f;
			break;
		}
		case 'l': opts.locale = optarg; break;
		case 'o': output = optarg; break;
		case OPT_STANDALONE: opts.flags |= CLAUSIER_RENDER_STANDALONE; break;
		case 'h': help_crosswalk(); return 0;
		default: cli_try_help("crosswalk"); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, _("%s: crosswalk takes no operand\n"), cli_prog);
		cli_try_help("crosswalk");
		return 2;
	}
	if (cli_check_locale("crosswalk", opts.locale))
		return 2;
	if ((opts.flags & CLAUSIER_RENDER_STANDALONE) && opts.format != CLAUSIER_FORMAT_HTML) {
		fprintf(stderr, _("%s: --standalone goes with --format=html\n"), cli_prog);
		return 2;
	}
	clausier_crosswalk *cw = NULL;
	clausier_catalog *from = NULL, *to = NULL;
	char *out = NULL;
	size_t len = 0;
	clausier_error err;
	int status = 1;
	if (cli_load_crosswalk(&cw) < 0 || cli_load_catalog(&from, clausier_crosswalk_from(cw)) < 0 ||
	    cli_load_catalog(&to, clausier_crosswalk_to(cw)) < 0)
		goto done;
	if (clausier_crosswalk_verify(cw, from, to, &err) != CLAUSIER_OK ||
	    clausier_crosswalk_render(&out, &len, cw, from, to, &opts, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		goto done;
	}
	status = cli_output(output, out, len);
done:
	clausier_free(out);
	clausier_catalog_free(from);
	clausier_catalog_free(to);
	clausier_crosswalk_free(cw);
	return status;
}
