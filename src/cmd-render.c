/* clausier render: an edition of a policy.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

void help_render(void)
{
	printf(_("Usage: %s render [OPTION]... [CATALOG]\n"), cli_prog);
	fputs(_("Render an edition of the policy that a profile (or a policy document)\n"
	        "selects from a catalog.\n"
	        "\n"
	        "CATALOG is a file, or the id of an installed catalog (smp: the social media\n"
	        "policy; charte: the charte d'usage).  Without it, the catalog the profile or\n"
	        "policy names is used.  With neither a catalog nor a profile, render shows the\n"
	        "sample policy of a Quebec health organization, and says so.\n"
	        "\n"
	        "Options:\n"
	        "  -l, --locale=TAG      the edition's locale, a BCP 47 tag: one of en, en-US,\n"
	        "                        en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE (default:\n"
	        "                        the profile's first locale, or en)\n"
	        "  -p, --profile=FILE    the organization's profile: sector, jurisdiction, risk\n"
	        "                        tolerance, parameter values, clauses to include,\n"
	        "                        exclude or replace\n"
	        "  -P, --policy=FILE     render a policy document written by assemble\n"
	        "  -f, --format=FORMAT   text (the default), markdown (CommonMark), html (an\n"
	        "                        <article> to embed) or docbook (DocBook 5)\n"
	        "      --standalone      with --format=html, a whole page: table of contents\n"
	        "                        and print style sheet\n"
	        "      --bilingual=L1,L2 both locales clause by clause, e.g. fr-CA,en-CA: side\n"
	        "                        by side in HTML, one after the other in text\n"
	        "  -w, --width=N         text: wrap lines at N columns, clauses hanging\n"
	        "                        under their numbers (default: a paragraph a line)\n"
	        "  -o, --output=FILE     write to FILE, through a temporary file renamed when\n"
	        "                        complete (default: standard output)\n"
	        "      --fallback        render a clause that has no text in the locale's\n"
	        "                        language from the catalog's source language, marked\n"
	        "                        as not yet translated, instead of failing\n"
	        "  -h, --help            display this help and exit\n"
	        "\n"
	        "Exit status: 0 on success, 1 when an input is invalid or the edition cannot\n"
	        "be rendered (the message names the file, line and column), 2 on a usage\n"
	        "error.\n"),
	      stdout);
}

/* How many clauses of the policy have no text for the locale. */
static size_t S_untranslated(const clausier_catalog *cat, const clausier_policy *pol, const char *locale)
{
	size_t missing = 0;
	for (size_t i = 0; i < clausier_policy_count(pol); i++) {
		clausier_risk risk;
		const char *id = clausier_policy_clause(pol, i, &risk);
		for (size_t k = 0; k < clausier_catalog_count(cat); k++)
			if (!strcmp(clausier_catalog_clause_id(cat, k), id) &&
			    (!clausier_catalog_clause_pattern(cat, k, -1, locale) ||
			     !clausier_catalog_clause_pattern(cat, k, (int)risk, locale)))
				missing++;
	}
	return missing;
}

enum { OPT_FALLBACK = 256, OPT_STANDALONE, OPT_BILINGUAL };

int cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "locale", required_argument, NULL, 'l' },
		{ "profile", required_argument, NULL, 'p' },
		{ "policy", required_argument, NULL, 'P' },
		{ "output", required_argument, NULL, 'o' },
		{ "fallback", no_argument, NULL, OPT_FALLBACK },
		{ "format", required_argument, NULL, 'f' },
		{ "standalone", no_argument, NULL, OPT_STANDALONE },
		{ "width", required_argument, NULL, 'w' },
		{ "bilingual", required_argument, NULL, OPT_BILINGUAL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "markdown", "html", "docbook", NULL };
	const char *locale = NULL, *output = NULL;
	cli_policy_args pa = { 0 };
	unsigned flags = 0, width = 0;
	int format = 0, c;
	char first[64] = "", second[64] = "";
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "l:p:P:o:f:w:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': locale = optarg; break;
		case 'p': pa.profile = optarg; break;
		case 'P': pa.policy = optarg; break;
		case 'o': output = optarg; break;
		case OPT_FALLBACK: flags |= CLAUSIER_RENDER_FALLBACK; break;
		case OPT_STANDALONE: flags |= CLAUSIER_RENDER_STANDALONE; break;
		case 'w': {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*end || w < 20 || w > 1000)
				return cli_usage_error("render", _("--width takes a number of columns from 20 to 1000, not '%s'"),
				                       optarg);
			width = (unsigned)w;
			break;
		}
		case 'f':
			format = cli_choice(optarg, formats);
			if (format < 0)
				return cli_bad_choice("render", _("format"), optarg, formats);
			break;
		case OPT_BILINGUAL: {
			/* "fr-CA,en-CA": the first goes into --locale's place. */
			const char *comma = strchr(optarg, ',');
			if (!comma || strchr(comma + 1, ',') || (size_t)(comma - optarg) >= sizeof first ||
			    strlen(comma + 1) >= sizeof second)
				return cli_usage_error("render", _("--bilingual takes two locales, as in fr-CA,en-CA, and no --locale"));
			snprintf(first, sizeof first, "%.*s", (int)(comma - optarg), optarg);
			snprintf(second, sizeof second, "%s", comma + 1);
			if (cli_check_locale("render", first) || cli_check_locale("render", second))
				return 2;
			break;
		}
		case 'h': help_render(); return 0;
		default: cli_try_help("render"); return 2;
		}
	}
	if (first[0] && locale)
		return cli_usage_error("render", _("--bilingual takes two locales, as in fr-CA,en-CA, and no --locale"));
	if (first[0])
		locale = first;
	if (second[0] && format != CLAUSIER_FORMAT_TEXT && format != CLAUSIER_FORMAT_HTML)
		return cli_usage_error("render", _("a bilingual edition is written in text or HTML"));
	if (width && format != CLAUSIER_FORMAT_TEXT)
		return cli_usage_error("render", _("--width goes with the text format"));
	if ((flags & CLAUSIER_RENDER_STANDALONE) && format != CLAUSIER_FORMAT_HTML)
		return cli_usage_error("render", _("--standalone goes with --format=html"));
	if (argc - optind > 1)
		return cli_usage_error("render", _("%s takes at most one catalog"), "render");
	if (pa.profile && pa.policy)
		return cli_usage_error("render", _("give a profile or a policy, not both"));
	pa.catalog = optind < argc ? argv[optind] : NULL;
	/* Checked before any file is read: a wrong tag is a usage error.  With
	 * --fallback, a supported language is enough (fr-LU renders in fr). */
	char lang[8] = "";
	if (locale && strcspn(locale, "-_") < sizeof lang)
		snprintf(lang, sizeof lang, "%.*s", (int)strcspn(locale, "-_"), locale);
	if (locale && !clausier_locale_is_supported(locale) &&
	    !((flags & CLAUSIER_RENDER_FALLBACK) && clausier_locale_is_supported(lang)) &&
	    cli_check_locale("render", locale))
		return 2;

	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	char *out = NULL;
	size_t len = 0;
	clausier_error err;
	int status = 1;
	if (cli_policy(&pa, &cat, &prof, &pol) < 0)
		goto done;
	clausier_render_options opts;
	clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION);
	opts.flags = flags;
	opts.format = (clausier_format)format;
	opts.width = width;
	opts.locale2 = second[0] ? second : NULL;
	char profile_first[32] = "en";
	const char *locales = clausier_profile_locales(prof);
	if (locales)
		snprintf(profile_first, sizeof profile_first, "%.*s", (int)strcspn(locales, " "), locales);
	opts.locale = locale ? locale : profile_first;
	if (clausier_render(&out, &len, pol, &opts, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		goto done;
	}
	size_t missing = (flags & CLAUSIER_RENDER_FALLBACK) ? S_untranslated(cat, pol, opts.locale) : 0;
	if (missing)
		fprintf(stderr,
		        ngettext("%s: warning: %zu clause has no text for %s and is given in the source language (%s), marked as not yet translated\n",
		                 "%s: warning: %zu clauses have no text for %s and are given in the source language (%s), marked as not yet translated\n",
		                 missing),
		        cli_prog, missing, opts.locale, clausier_catalog_source_language(cat));
	status = cli_output(output, out, len);
done:
	clausier_free(out);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return status;
}
