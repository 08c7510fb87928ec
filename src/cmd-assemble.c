/* clausier assemble: the policy a profile selects, as a policy document.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <getopt.h>
#include <string.h>

void help_assemble(void)
{
	printf(_("Usage: %s assemble --profile=FILE [--output=FILE] [CATALOG]\n"), cli_prog);
	fputs(_("Write the policy a profile selects from a catalog as a policy document, which\n"
	        "render --policy reads, lint checks and map converts: the clauses chosen,\n"
	        "their variants and the values of their parameters.\n"
	        "\n"
	        "Options:\n"
	        "  -p, --profile=FILE    the organization's profile\n"
	        "  -o, --output=FILE     write to FILE, through a temporary file renamed when\n"
	        "                        complete (default: standard output)\n"
	        "  -h, --help            display this help and exit\n"),
	      stdout);
}

int cmd_assemble(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cli_policy_args pa = { 0 };
	const char *output = NULL;
	int c;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "p:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': pa.profile = optarg; break;
		case 'o': output = optarg; break;
		case 'h': help_assemble(); return 0;
		default: cli_try_help("assemble"); return 2;
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("assemble", _("%s takes at most one catalog"), "assemble");
	if (!pa.profile)
		return cli_usage_error("assemble", _("assemble needs a profile (--profile)"));
	pa.catalog = optind < argc ? argv[optind] : NULL;
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	char *out = NULL;
	size_t len = 0;
	clausier_error err;
	int status = 1;
	if (cli_policy(&pa, &cat, &prof, &pol) < 0)
		goto done;
	if (clausier_policy_write(&out, &len, pol, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		goto done;
	}
	status = cli_output(output, out, len);
done:
	clausier_free(out);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return status;
}
