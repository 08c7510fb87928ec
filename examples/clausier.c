/* clausier — the command-line program over libclausier.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <clausier.h>

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif

static const char *S_prog = "clausier";

static void S_usage(FILE *f)
{
	fprintf(f, _("Usage: %s render [OPTION]... CATALOG\n"
	             "   or: %s --help | --version\n"), S_prog, S_prog);
}

static void S_help(void)
{
	S_usage(stdout);
	fputs(_("Render an edition of the policy a profile selects from a catalog of model\n"
	        "clauses, and write it to standard output or to a file.\n"
	        "\n"
	        "Options for render:\n"
	        "  -l, --locale=TAG      the edition's locale, a BCP 47 tag (default: en);\n"
	        "                        one of en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA,\n"
	        "                        fr-CH, fr-BE\n"
	        "  -p, --profile=FILE    the organization's profile: parameter values and\n"
	        "                        the clauses to include (default: none, so every\n"
	        "                        clause of the catalog and only default values)\n"
	        "  -o, --output=FILE     write the edition to FILE, through a temporary file\n"
	        "                        renamed when complete (default: standard output)\n"
	        "      --fallback        render a clause that has no text in the locale's\n"
	        "                        language from the catalog's source language instead\n"
	        "                        of failing\n"
	        "  -h, --help            display this help and exit\n"
	        "  -V, --version         output version information and exit\n"
	        "\n"
	        "Exit status: 0 on success, 1 when an input is invalid or the edition cannot\n"
	        "be rendered (the message names the file, line and column), 2 on a usage\n"
	        "error.\n"),
	      stdout);
}

static void S_fail(const clausier_error *err)
{
	char text[1024];
	clausier_error_format(text, sizeof text, err);
	fprintf(stderr, "%s: %s\n", S_prog, text);
}

/* Writes data to path through a temporary file in the same folder, synced
 * and renamed: an interrupted run leaves the old file whole. */
static int S_write_atomic(const char *path, const char *data, size_t len)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return -1;
	snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		fprintf(stderr, _("%s: %s: cannot create a temporary file: %s\n"), S_prog, path, strerror(e));
		free(tmp);
		return -1;
	}
	/* mkstemp creates the file 0600; the edition gets the mode of the file
	 * it replaces, or the usual 0666 less the umask. */
	struct stat st;
	mode_t mode;
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	size_t off = 0;
	int e = fchmod(fd, mode) < 0 ? errno : 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			e = errno;
			break;
		}
		off += (size_t)w;
	}
	if (!e && fsync(fd) < 0)
		e = errno;
	if (close(fd) < 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) < 0)
		e = errno;
	if (e) {
		unlink(tmp);
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), S_prog, path, strerror(e));
	}
	free(tmp);
	return e ? -1 : 0;
}

static const char S_empty_profile[] =
	"<profile xmlns='https://clausier.org/ns/1' version='1'/>";

static int S_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "locale", required_argument, NULL, 'l' },
		{ "profile", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "fallback", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *profile_path = NULL, *output = NULL;
	clausier_render_options opts;
	clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION);
	opts.locale = "en";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+l:p:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': opts.locale = optarg; break;
		case 'p': profile_path = optarg; break;
		case 'o': output = optarg; break;
		case 'F': opts.flags |= CLAUSIER_RENDER_FALLBACK; break;
		case 'h': S_help(); return 0;
		default:
			fprintf(stderr, _("Try '%s --help' for more information.\n"), S_prog);
			return 2;
		}
	}
	if (argc - optind != 1) {
		fprintf(stderr, argc - optind ? _("%s: render takes exactly one catalog\n")
		                              : _("%s: render needs a catalog\n"),
		        S_prog);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), S_prog);
		return 2;
	}
	/* Checked before any file is read: a wrong tag is a usage error. */
	if (!clausier_locale_is_supported(opts.locale)) {
		fprintf(stderr, _("%s: unsupported locale '%s'; supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE\n"),
		        S_prog, opts.locale);
		return 2;
	}

	clausier_error err;
	clausier_catalog *catalog = NULL;
	clausier_profile *profile = NULL;
	clausier_policy *policy = NULL;
	char *edition = NULL;
	size_t len = 0;
	int status = 1;
	int rc = clausier_catalog_load_file(&catalog, argv[optind], &err);
	if (rc == CLAUSIER_OK)
		rc = profile_path ? clausier_profile_load_file(&profile, profile_path, &err)
		                  : clausier_profile_load_memory(&profile, S_empty_profile,
		                                                 sizeof S_empty_profile - 1,
		                                                 "<no profile>", &err);
	if (rc == CLAUSIER_OK)
		rc = clausier_policy_assemble(&policy, catalog, profile, &err);
	if (rc == CLAUSIER_OK)
		rc = clausier_render(&edition, &len, policy, &opts, &err);
	if (rc != CLAUSIER_OK) {
		S_fail(&err);
	} else if (output) {
		status = S_write_atomic(output, edition, len) < 0 ? 1 : 0;
	} else {
		status = fwrite(edition, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : 1;
		if (status)
			fprintf(stderr, _("%s: cannot write the edition: %s\n"), S_prog, strerror(errno));
	}
	clausier_free(edition);
	clausier_policy_free(policy);
	clausier_profile_free(profile);
	clausier_catalog_free(catalog);
	return status;
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
		fprintf(stderr, _("Try '%s --help' for more information.\n"), S_prog);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		S_help();
		return 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("clausier %s\n", clausier_version());
		return 0;
	}
	if (!strcmp(argv[1], "render"))
		return S_render(argc - 1, argv + 1);
	fprintf(stderr, _("%s: unknown command '%s'\n"), S_prog, argv[1]);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), S_prog);
	return 2;
}
