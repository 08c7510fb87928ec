/* clausier check: translations of PO files and catalogs (lib/translate.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

void help_check(void)
{
	printf(_("Usage: %s check [--fix] [--glossary=FILE] [--source-lang=TAG] [--format=FORMAT]\n"
	         "                FILE.po|CATALOG.xml...\n"),
	       cli_prog);
	fputs(_("Check the translations of PO files or multilingual catalogs: ICU syntax,\n"
	        "arguments, plural keys, typography, safety, untranslated, fuzzy and obsolete\n"
	        "entries.\n"
	        "\n"
	        "Options:\n"
	        "  -s, --source-lang=TAG the msgids' language (default: en, or fr for English\n"
	        "                        translations)\n"
	        "      --fix             set the typography of each translation without errors\n"
	        "                        right, in place, changing nothing else (PO files)\n"
	        "  -g, --glossary=FILE   warn where a term is not translated as the glossary\n"
	        "                        requires (data/glossary/clausier.tsv's format)\n"
	        "  -f, --format=FORMAT   text (the default): file:line: severity: message\n"
	        "                        lines; json: an array of findings; sarif: a SARIF\n"
	        "                        2.1.0 log, for CI and editors\n"
	        "  -h, --help            display this help and exit\n"
	        "\n"
	        "Exit status: 0 when no finding is an error, 1 when one is (or a file cannot be\n"
	        "read), 2 on a usage error.\n"),
	      stdout);
}

typedef struct {
	cli_findings *out; /* NULL: text */
} S_ctx;

static void S_finding(void *vctx, const clausier_check_finding *f)
{
	S_ctx *c = vctx;
	if (c->out) {
		cli_findings_add(c->out, f->source, f->line, f->column, f->severity, f->rule, f->message, NULL, NULL);
		return;
	}
	/* GNU form, which Emacs, Vim, Poedit and CI annotations read. */
	printf("%s:%d: %s: %s\n", f->source, f->line, f->severity == CLAUSIER_CHECK_ERROR ? _("error") : _("warning"),
	       f->message);
}

/* The bytes of a file, or NULL after a message. */
static char *S_slurp(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0;
	*len = 0;
	int e = 0;
	if (!in)
		e = errno;
	while (in) {
		if (*len + 65536 > cap) {
			char *d = realloc(data, cap = (*len + 65536) * 2);
			if (!d) {
				e = ENOMEM;
				break;
			}
			data = d;
		}
		size_t got = fread(data + *len, 1, cap - *len, in);
		*len += got;
		if (got == 0) {
			e = ferror(in) ? EIO : 0;
			break;
		}
	}
	if (in)
		fclose(in);
	if (e || !data) {
		fprintf(stderr, _("%s: %s: cannot open: %s\n"), cli_prog, path, strerror(e ? e : ENOMEM));
		free(data);
		return NULL;
	}
	return data;
}

/* --fix: the file rewritten in memory by the library, which reads it back
 * before it gives it, written whole; then checked as it now is.  Returns
 * the number of errors, or -1. */
static int S_fix_and_check(const char *path, const clausier_check_options *opts, S_ctx *ctx)
{
	size_t len, applied = 0, fixed_len = 0;
	char *data = S_slurp(path, &len), *fixed = NULL;
	if (!data)
		return -1;
	clausier_error err;
	int rc = clausier_po_fix_typography(&fixed, &fixed_len, &applied, data, len, path, opts, &err), extra = 0;
	if (rc == CLAUSIER_EPARSE && strstr(err.message, "--fix")) {
		/* the rewrite does not read back: said where, the file untouched */
		clausier_check_finding f = { path, err.line, 0, CLAUSIER_CHECK_ERROR, "fix", err.message, NULL };
		S_finding(ctx, &f);
		extra = 1;
	} else if (rc != CLAUSIER_OK && rc != CLAUSIER_EPARSE) {
		cli_fail(&err);
		free(data);
		return -1;
	}
	if (fixed && cli_write_atomic(path, fixed, fixed_len) < 0) {
		fprintf(stderr, _("%s: %s: the fixes could not be written\n"), cli_prog, path);
		clausier_free(fixed);
		fixed = NULL;
		extra = 1;
	} else if (fixed) {
		clausier_po_stats st;
		if (clausier_po_stats_file(&st, path, opts->source_lang, NULL) != CLAUSIER_OK)
			snprintf(st.language, sizeof st.language, "?");
		fprintf(stderr,
		        ngettext("%s: %s: %zu translation set in the typography of %s\n",
		                 "%s: %s: %zu translations set in the typography of %s\n", applied),
		        cli_prog, path, applied, st.language);
	}
	/* findings are those of the text the file now holds */
	int n = fixed ? clausier_check_po_memory(fixed, fixed_len, path, opts, S_finding, ctx, &err)
	              : clausier_check_po_memory(data, len, path, opts, S_finding, ctx, &err);
	clausier_free(fixed);
	free(data);
	if (n < 0) {
		cli_fail(&err);
		return -1;
	}
	return n + extra;
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "source-lang", required_argument, NULL, 's' },
		{ "fix", no_argument, NULL, 'F' },
		{ "glossary", required_argument, NULL, 'g' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	clausier_check_options opts = CLAUSIER_CHECK_OPTIONS_INIT;
	clausier_glossary *glossary = NULL;
	clausier_error err;
	int c, fix = 0, format = CLI_FINDINGS_TEXT;
	cli_getopt_start(argv);
	while ((c = getopt_long(argc, argv, "s:g:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': opts.source_lang = optarg; break;
		case 'F': fix = 1; break;
		case 'g':
			clausier_glossary_free(glossary);
			glossary = NULL;
			if (clausier_glossary_load_file(&glossary, optarg, &err) != CLAUSIER_OK) {
				cli_fail(&err);
				return 2;
			}
			break;
		case 'f':
			format = cli_choice(optarg, cli_findings_formats);
			if (format < 0) {
				clausier_glossary_free(glossary);
				return cli_bad_choice("check", _("format"), optarg, cli_findings_formats);
			}
			break;
		case 'h': clausier_glossary_free(glossary); help_check(); return 0;
		default: clausier_glossary_free(glossary); cli_try_help("check"); return 2;
		}
	}
	if (optind == argc) {
		clausier_glossary_free(glossary);
		return cli_usage_error("check", _("check needs PO files or catalogs"));
	}
	opts.glossary = glossary;
	S_ctx ctx = { NULL };
	if (format != CLI_FINDINGS_TEXT && !(ctx.out = cli_findings_new((cli_findings_format)format, "clausier check"))) {
		clausier_glossary_free(glossary);
		fprintf(stderr, _("%s: out of memory\n"), cli_prog);
		return 1;
	}
	int status = 0;
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];
		size_t len = strlen(path);
		int xml = len > 4 && !strcmp(path + len - 4, ".xml"), n;
		if (xml && fix) {
			fprintf(stderr, _("%s: %s: --fix works on PO files; a catalog is fixed in its PO files\n"), cli_prog,
			        path);
			status = 1;
			continue;
		}
		if (xml) {
			clausier_catalog *cat = NULL;
			if (clausier_catalog_load_file(&cat, path, &err) != CLAUSIER_OK) {
				/* The loader's own verdict, as a finding. */
				clausier_check_finding f = { err.source, err.line, err.column, CLAUSIER_CHECK_ERROR, "catalog",
					                     err.message, NULL };
				S_finding(&ctx, &f);
				n = 1;
			} else {
				n = clausier_check_catalog(cat, path, &opts, S_finding, &ctx, &err);
				clausier_catalog_free(cat);
			}
		} else if (fix) {
			n = S_fix_and_check(path, &opts, &ctx);
		} else {
			n = clausier_check_po_file(path, &opts, S_finding, &ctx, &err);
		}
		if (n < 0 && !fix)
			cli_fail(&err);
		if (n != 0)
			status = 1;
	}
	if (ctx.out && cli_findings_finish(ctx.out))
		status = 1;
	clausier_glossary_free(glossary);
	return status;
}
