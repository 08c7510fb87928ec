/* clausier — the command-line program over libclausier.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
/* O_TMPFILE, linkat's AT_SYMLINK_FOLLOW, strndup */
#define _GNU_SOURCE 1
#include "config.h"

#include <clausier.h>

#include "po.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif

static const char *S_prog = "clausier";
static int S_linting; /* clausier lint: notes are its output */

/* The sample organization a new user sees when they give no profile. */
#define S_SAMPLE_PROFILE "hospital-qc.xml"

static void S_usage(FILE *f)
{
	fprintf(f, _("Usage: %s render [OPTION]... [CATALOG]\n"
	             "   or: %s assemble --profile=FILE [OPTION]... [CATALOG]\n"
	             "   or: %s catalog list [CATALOG]...\n"
	             "   or: %s catalog show [--locale=TAG] CATALOG\n"
	             "   or: %s check [--fix] [--glossary=FILE] [--source-lang=TAG]\n"
	             "                FILE.po|CATALOG.xml...\n"
	             "   or: %s stats [--format=text|json|html] FILE.po...\n"
	             "   or: %s lint POLICY | --profile=FILE [CATALOG]\n"
	             "   or: %s map --to=CATALOG [--report=FILE] [OPTION]... POLICY\n"
	             "   or: %s crosswalk [--format=FORMAT] [--locale=TAG]\n"
	             "   or: %s --help | --version\n"),
	        S_prog, S_prog, S_prog, S_prog, S_prog, S_prog, S_prog, S_prog, S_prog, S_prog);
}

static void S_try_help(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), S_prog);
}

static void S_help(void)
{
	S_usage(stdout);
	fputs(_("Write the French and English editions of an organization's rules of conduct\n"
	        "from catalogs of model clauses.\n"
	        "\n"
	        "Commands:\n"
	        "  render     render an edition of the policy that a profile (or a policy\n"
	        "             document) selects from a catalog\n"
	        "  assemble   write the policy a profile selects as a policy document, which\n"
	        "             render --policy reads\n"
	        "  catalog    list catalogs and their translations, or show a catalog's clauses\n"
	        "  check      check the translations of PO files or catalogs: ICU syntax,\n"
	        "             arguments, plural keys, typography, safety, untranslated and\n"
	        "             fuzzy entries (file:line: severity: message; status 1 on errors;\n"
	        "             --source-lang: the msgids' language, by default en, or fr for\n"
	        "             English translations; --fix sets the typography right in\n"
	        "             place, changing nothing else; --glossary=FILE warns where a\n"
	        "             term is not translated as the glossary requires)\n"
	        "  stats      translated, fuzzy and untranslated messages of PO files, and\n"
	        "             their source words, for a translation vendor's quote (text,\n"
	        "             json or html with --format)\n"
	        "  lint       check a policy document's policy (or a profile's) against the\n"
	        "             rules of its genre and jurisdiction (US: NLRB, Stericycle; FR:\n"
	        "             Code du travail; CA: official languages) and for strategy\n"
	        "             content, as file: severity: clause: message [rule] (reference)\n"
	        "             lines, not legal advice (status 1 on errors); and say what the\n"
	        "             library inferred, such as the grammar of a name (note: lines)\n"
	        "  map        convert a policy to the other genre (--to=charte or smp): the\n"
	        "             new policy document on standard output or --output, and with\n"
	        "             --report=FILE a report of what became of every clause\n"
	        "             (--report-format: text, markdown, html, docbook, xml or json;\n"
	        "             in --locale's language, by default en; --standalone: a whole\n"
	        "             HTML page)\n"
	        "  crosswalk  the table relating the topics and clauses of the two genres,\n"
	        "             with SKOS relations and their reasons (--format, --locale,\n"
	        "             --standalone, --output as for render)\n"
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
	        "      --bilingual=L1,L2 both locales clause by clause, side by side in HTML\n"
	        "                        (text or html), e.g. fr-CA,en-CA\n"
	        "  -w, --width=N         text: wrap lines at N characters, clauses hanging\n"
	        "                        under their numbers (default: a paragraph a line)\n"
	        "  -o, --output=FILE     write to FILE, through a temporary file renamed when\n"
	        "                        complete (default: standard output)\n"
	        "      --fallback        render a clause that has no text in the locale's\n"
	        "                        language from the catalog's source language, marked\n"
	        "                        as not yet translated, instead of failing\n"
	        "  -h, --help            display this help and exit\n"
	        "  -V, --version         output version information and exit\n"
	        "\n"
	        "Environment: CLAUSIER_DATA_PATH, a colon-separated list of folders holding\n"
	        "catalogs/, genres/, crosswalk/ and samples/, replaces the installed data\n"
	        "folder.\n"
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

/* ---- installed data ---- */

static char S_found[4096];

/* The first DIR/sub/name along CLAUSIER_DATA_PATH (or the installed data
 * folder) that exists; NULL if none.  The result is overwritten by the next
 * call. */
static const char *S_data_file(const char *sub, const char *name)
{
	const char *path = getenv("CLAUSIER_DATA_PATH");
	if (!path || !*path)
		path = CLAUSIER_PKGDATADIR;
	for (const char *p = path; *p;) {
		size_t len = strcspn(p, ":");
		struct stat st;
		snprintf(S_found, sizeof S_found, "%.*s/%s/%s", (int)len, p, sub, name);
		if (len && stat(S_found, &st) == 0 && S_ISREG(st.st_mode))
			return S_found;
		p += len;
		if (*p == ':')
			p++;
	}
	return NULL;
}

/* A catalog named on the command line: a file, or an installed catalog's id. */
static int S_load_catalog(clausier_catalog **out, const char *name_or_id)
{
	clausier_error err;
	const char *path = name_or_id;
	struct stat st;
	if (!strchr(name_or_id, '/') && !strstr(name_or_id, ".xml") && stat(name_or_id, &st) != 0) {
		char file[300];
		snprintf(file, sizeof file, "%s.xml", name_or_id);
		path = S_data_file("catalogs", file);
		if (!path) {
			fprintf(stderr, _("%s: no installed catalog '%s' (see '%s catalog list')\n"), S_prog,
			        name_or_id, S_prog);
			return -1;
		}
	}
	if (clausier_catalog_load_file(out, path, &err) != CLAUSIER_OK) {
		S_fail(&err);
		return -1;
	}
	return 0;
}

/* ---- output ---- */

/* Writes data to path through a temporary file in the same folder, synced
 * and renamed: an interrupted run leaves the old file whole. */
/* Writes all of data to fd: 0, or an errno. */
static int S_write_all(int fd, const char *data, size_t len)
{
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return errno;
		off += (size_t)w;
	}
	return 0;
}

/* Writes to something that is not a file (a terminal, a pipe, /dev/null,
 * /dev/stdout) as it is: renaming over it would replace the device. */
static int S_write_special(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_TRUNC), e = fd < 0 ? errno : S_write_all(fd, data, len);
	if (fd >= 0 && close(fd) < 0 && !e)
		e = errno;
	if (e)
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), S_prog, path, strerror(e));
	return e ? -1 : 0;
}

/* The file a path names once symbolic links are followed, even when the
 * last one dangles (its target is what gets created); malloc'd, or NULL
 * with errno set (ELOOP for a loop). */
static char *S_resolve_links(const char *given)
{
	char *path = strdup(given);
	for (int hops = 0; path; hops++) {
		struct stat st;
		if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode))
			return path;
		if (hops == 40) {
			free(path);
			errno = ELOOP;
			return NULL;
		}
		char target[4096];
		ssize_t n = readlink(path, target, sizeof target - 1);
		if (n < 0) {
			free(path);
			return NULL;
		}
		target[n] = '\0';
		char *next;
		const char *slash = strrchr(path, '/');
		if (target[0] == '/' || !slash) {
			next = strdup(target);
		} else {
			size_t dir = (size_t)(slash - path) + 1;
			next = malloc(dir + (size_t)n + 1);
			if (next) {
				memcpy(next, path, dir);
				memcpy(next + dir, target, (size_t)n + 1);
			}
		}
		free(path);
		path = next;
	}
	return NULL;
}

/* The folder of path, for its temporary files: "." when it has none. */
static char *S_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Removes PATH.tmp-XXXXXX files that a write killed before its rename left
 * behind.  A writer holds a lock on its temporary file for as long as it
 * lives, so one whose lock can be taken is an orphan. */
static void S_remove_stale(const char *path)
{
	char *dir = S_dirname(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base);
	DIR *d = dir ? opendir(dir) : NULL;
	for (struct dirent *de; d && (de = readdir(d)) != NULL;) {
		const char *name = de->d_name;
		if (strncmp(name, base, blen) || strncmp(name + blen, ".tmp-", 5) || strlen(name + blen) != 11)
			continue;
		int fd = openat(dirfd(d), name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		struct stat a, b;
		if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &a) == 0 && S_ISREG(a.st_mode) &&
		    fstatat(dirfd(d), name, &b, AT_SYMLINK_NOFOLLOW) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
			unlinkat(dirfd(d), name, 0);
		if (fd >= 0)
			close(fd);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* Links the unnamed file fd into place as path: directly when path does not
 * exist, else under a temporary name renamed over it. */
static int S_link_into_place(int fd, const char *path)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST)
		return errno;
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return ENOMEM;
	int e = EEXIST;
	for (int tries = 0; tries < 100 && e == EEXIST; tries++) {
		static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		char suffix[7];
		unsigned r = (unsigned)getpid() * 2654435761u ^ (unsigned)tries * 40503u ^ (unsigned)time(NULL);
		for (int k = 0; k < 6; k++) {
			suffix[k] = set[r % 62];
			r = r / 62 + 1103515245u * (unsigned)(k + tries + 1);
		}
		suffix[6] = '\0';
		snprintf(tmp, n + 16, "%s.tmp-%s", path, suffix);
		e = linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
	}
	if (!e && rename(tmp, path) < 0) {
		e = errno;
		unlink(tmp);
	}
	free(tmp);
	return e;
}

static int S_write_atomic(const char *given, const char *data, size_t len)
{
	/* Through symbolic links, the file they point to is written, even one
	 * not yet created; a loop is an error. */
	char *resolved = S_resolve_links(given);
	if (!resolved) {
		int e = errno;
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), S_prog, given, strerror(e));
		return -1;
	}
	const char *path = resolved;
	struct stat sst;
	if (stat(path, &sst) == 0 && !S_ISREG(sst.st_mode) && !S_ISDIR(sst.st_mode)) {
		int rc = S_write_special(path, data, len);
		free(resolved);
		return rc;
	}
	S_remove_stale(path);
	/* The output gets the mode of the file it replaces, or the usual 0666
	 * less the umask. */
	struct stat st;
	mode_t mode;
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	/* An unnamed file (O_TMPFILE) disappears with the process if it is
	 * killed before it is linked; where the file system cannot make one,
	 * a named temporary file, locked so that a later run can tell an
	 * orphan from a write in progress. */
	char *dir = S_dirname(path), *tmp = NULL;
	/* (linkat reaches the unnamed file through /proc.) */
	int e = 0, fd = dir && access("/proc/self/fd", X_OK) == 0 ? open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600) : -1;
	free(dir);
	if (fd < 0) {
		size_t n = strlen(path);
		tmp = malloc(n + 16);
		if (!tmp) {
			free(resolved);
			return -1;
		}
		snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
		fd = mkstemp(tmp);
		if (fd < 0) {
			e = errno;
			fprintf(stderr, _("%s: %s: cannot create a temporary file: %s\n"), S_prog, path, strerror(e));
			free(tmp);
			free(resolved);
			return -1;
		}
	}
	/* Also on the unnamed file: the name it gets for a moment before the
	 * rename is then not taken for an orphan. */
	flock(fd, LOCK_EX);
	e = fchmod(fd, mode) < 0 ? errno : S_write_all(fd, data, len);
	if (!e && fsync(fd) < 0)
		e = errno;
	if (!e)
		e = tmp ? (rename(tmp, path) < 0 ? errno : 0) : S_link_into_place(fd, path);
	if (close(fd) < 0 && !e)
		e = errno;
	if (e) {
		if (tmp)
			unlink(tmp);
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), S_prog, path, strerror(e));
	}
	free(tmp);
	free(resolved);
	return e ? -1 : 0;
}

static int S_output(const char *output, const char *data, size_t len)
{
	if (output)
		return S_write_atomic(output, data, len) < 0 ? 1 : 0;
	if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
		return 0;
	fprintf(stderr, _("%s: cannot write the output: %s\n"), S_prog, strerror(errno));
	return 1;
}

/* ---- render and assemble ---- */

static const char S_empty_profile[] = "<profile xmlns='https://clausier.org/ns/1' version='1'/>";

enum { OPT_FALLBACK = 256, OPT_STANDALONE, OPT_BILINGUAL };

typedef struct {
	const char *locale, *profile, *policy, *output, *catalog;
	unsigned flags;
	int format;
	unsigned width;
	char locale2[64];
} S_args;

static int S_parse(int argc, char **argv, S_args *a, int render)
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
	static const char *const formats[] = { "text", "markdown", "html", "docbook" };
	memset(a, 0, sizeof *a);
	int c;
	optind = 0; /* glibc: start afresh, options may follow operands */
	while ((c = getopt_long(argc, argv, "l:p:P:o:f:w:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': a->locale = optarg; break;
		case 'p': a->profile = optarg; break;
		case 'P': a->policy = optarg; break;
		case 'o': a->output = optarg; break;
		case OPT_FALLBACK: a->flags |= CLAUSIER_RENDER_FALLBACK; break;
		case OPT_STANDALONE: a->flags |= CLAUSIER_RENDER_STANDALONE; break;
		case 'w': {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*end || w < 20 || w > 1000) {
				fprintf(stderr, _("%s: --width takes a number of characters from 20 to 1000, not '%s'\n"),
				        S_prog, optarg);
				return 2;
			}
			a->width = (unsigned)w;
			break;
		}
		case 'f':
			a->format = -1;
			for (int i = 0; i < 4; i++)
				if (!strcmp(optarg, formats[i]))
					a->format = i;
			if (a->format < 0) {
				fprintf(stderr, _("%s: unknown format '%s'; formats: text, markdown, html, docbook\n"),
				        S_prog, optarg);
				return 2;
			}
			break;
		case OPT_BILINGUAL: {
			/* "fr-CA,en-CA": the first goes into --locale's place. */
			static char first[64];
			const char *comma = strchr(optarg, ',');
			if (!comma || strchr(comma + 1, ',') || a->locale) {
				fprintf(stderr, _("%s: --bilingual takes two locales, as in fr-CA,en-CA, and no --locale\n"),
				        S_prog);
				return 2;
			}
			snprintf(first, sizeof first, "%.*s", (int)(comma - optarg), optarg);
			snprintf(a->locale2, sizeof a->locale2, "%s", comma + 1);
			a->locale = first;
			if (!clausier_locale_is_supported(a->locale2)) {
				fprintf(stderr, _("%s: unsupported locale '%s'; supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE\n"),
				        S_prog, a->locale2);
				return 2;
			}
			break;
		}
		case 'h': S_help(); return 0;
		default: S_try_help(); return 2;
		}
	}
	if (a->locale2[0] && a->format != CLAUSIER_FORMAT_TEXT && a->format != CLAUSIER_FORMAT_HTML) {
		fprintf(stderr, _("%s: a bilingual edition is written in text or HTML\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (a->width && a->format != CLAUSIER_FORMAT_TEXT) {
		fprintf(stderr, _("%s: --width goes with the text format\n"), S_prog);
		S_try_help();
		return 2;
	}
	if ((a->flags & CLAUSIER_RENDER_STANDALONE) && a->format != CLAUSIER_FORMAT_HTML) {
		fprintf(stderr, _("%s: --standalone goes with --format=html\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (argc - optind > 1) {
		fprintf(stderr, _("%s: %s takes at most one catalog\n"), S_prog, argv[0]);
		S_try_help();
		return 2;
	}
	a->catalog = optind < argc ? argv[optind] : NULL;
	if (render == 2 && (a->locale || a->output || a->flags || a->format || a->width || a->locale2[0])) {
		fprintf(stderr, _("%s: lint takes only --profile or --policy, and a catalog\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (render == 2 && !a->profile && !a->policy && a->catalog) {
		/* clausier lint POLICY.xml */
		a->policy = a->catalog;
		a->catalog = NULL;
	}
	if (render == 2 && !a->profile && !a->policy) {
		fprintf(stderr, _("%s: lint needs a policy document, or a profile (--profile)\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (!render && (a->locale || a->policy || a->flags || a->format || a->width || a->locale2[0])) {
		fprintf(stderr, _("%s: assemble takes only --profile, --output and a catalog\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (!render && !a->profile) {
		fprintf(stderr, _("%s: assemble needs a profile (--profile)\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (a->profile && a->policy) {
		fprintf(stderr, _("%s: give a profile or a policy, not both\n"), S_prog);
		S_try_help();
		return 2;
	}
	/* Checked before any file is read: a wrong tag is a usage error.  With
	 * --fallback, a supported language is enough (fr-LU renders in fr). */
	char lang[8] = "";
	if (a->locale && strcspn(a->locale, "-_") < sizeof lang)
		snprintf(lang, sizeof lang, "%.*s", (int)strcspn(a->locale, "-_"), a->locale);
	if (a->locale && !clausier_locale_is_supported(a->locale) &&
	    !((a->flags & CLAUSIER_RENDER_FALLBACK) && clausier_locale_is_supported(lang))) {
		fprintf(stderr, _("%s: unsupported locale '%s'; supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE\n"),
		        S_prog, a->locale);
		return 2;
	}
	return -1;
}

/* Loads what render and assemble need: a catalog and a policy. */
static void S_note(void *ctx, int line, const char *message)
{
	const char *file = ctx;
	if (S_linting && line > 0)
		printf(_("%s:%d: note: %s\n"), file, line, message);
	else if (S_linting)
		printf(_("%s: note: %s\n"), file, message);
	else if (line > 0)
		fprintf(stderr, _("%s: %s:%d: note: %s\n"), S_prog, file, line, message);
	else
		fprintf(stderr, _("%s: %s: note: %s\n"), S_prog, file, message);
}

static int S_draft; /* lint and map read drafts: values may be missing */

static int S_policy(const S_args *a, clausier_catalog **cat, clausier_profile **prof,
                    clausier_policy **pol)
{
	clausier_error err;
	if (a->policy) {
		char *id = NULL;
		if (!a->catalog && clausier_policy_catalog_id(&id, a->policy, &err) != CLAUSIER_OK) {
			S_fail(&err);
			return -1;
		}
		int bad = S_load_catalog(cat, a->catalog ? a->catalog : id);
		clausier_free(id);
		if (bad)
			return -1;
		if ((S_draft ? clausier_policy_load_draft : clausier_policy_load_file)(pol, *cat, a->policy, &err) != CLAUSIER_OK) {
			S_fail(&err);
			return -1;
		}
		clausier_policy_notes(*pol, S_note, (void *)a->policy);
		return 0;
	}
	const char *profile = a->profile;
	int rc;
	if (!profile && !a->catalog) {
		profile = S_data_file("samples", S_SAMPLE_PROFILE);
		if (!profile) {
			fprintf(stderr, _("%s: no profile given, and the sample profile %s is not installed\n"),
			        S_prog, S_SAMPLE_PROFILE);
			return -1;
		}
		fprintf(stderr, _("%s: no profile given: this is the sample policy of a Quebec health organization (%s); give yours with --profile\n"),
		        S_prog, profile);
	}
	if (profile)
		rc = clausier_profile_load_file(prof, profile, &err);
	else
		rc = clausier_profile_load_memory(prof, S_empty_profile, sizeof S_empty_profile - 1,
		                                  "<no profile>", &err);
	if (rc != CLAUSIER_OK) {
		S_fail(&err);
		return -1;
	}
	if (S_load_catalog(cat, a->catalog ? a->catalog : clausier_profile_catalog(*prof)))
		return -1;
	if (clausier_policy_assemble(pol, *cat, *prof, &err) != CLAUSIER_OK) {
		S_fail(&err);
		return -1;
	}
	/* What the library inferred (the grammar of names), for the author. */
	if (profile)
		clausier_policy_notes(*pol, S_note, (void *)profile);
	return 0;
}

/* ---- lint, map, crosswalk: genres ---- */

/* The installed description of a catalog's genre. */
static int S_load_genre(clausier_genre_spec **out, const clausier_catalog *cat)
{
	clausier_error err;
	const char *name = clausier_catalog_genre(cat) == CLAUSIER_GENRE_CHARTE ? "charte.xml" : "smp.xml";
	const char *path = S_data_file("genres", name);
	if (!path) {
		fprintf(stderr, _("%s: the genre description %s is not installed\n"), S_prog, name);
		return -1;
	}
	if (clausier_genre_spec_load_file(out, path, &err) != CLAUSIER_OK) {
		S_fail(&err);
		return -1;
	}
	return 0;
}

static int S_load_crosswalk(clausier_crosswalk **out)
{
	clausier_error err;
	const char *path = S_data_file("crosswalk", "smp-charte.xml");
	if (!path) {
		fprintf(stderr, _("%s: the crosswalk smp-charte.xml is not installed\n"), S_prog);
		return -1;
	}
	if (clausier_crosswalk_load_file(out, path, &err) != CLAUSIER_OK) {
		S_fail(&err);
		return -1;
	}
	return 0;
}

typedef struct {
	const char *file;
	int errors;
} S_lint_ctx;

static void S_finding_out(void *vctx, const clausier_finding *f)
{
	S_lint_ctx *c = vctx;
	const char *sev = f->severity == CLAUSIER_CHECK_ERROR ? _("error") : _("warning");
	c->errors += f->severity == CLAUSIER_CHECK_ERROR;
	if (f->clause)
		/* TRANSLATORS: file: severity: clause “id”: message [rule] (reference) */
		printf(_("%s: %s: clause “%s”: %s [%s]"), c->file, sev, f->clause, f->message, f->rule);
	else
		printf(_("%s: %s: %s [%s]"), c->file, sev, f->message, f->rule);
	if (f->reference)
		printf(" (%s)", f->reference);
	putchar('\n');
}

/* The findings of lint on standard output; 1 when one is an error. */
static int S_lint(const clausier_policy *pol, const clausier_catalog *cat, const char *file)
{
	clausier_genre_spec *genre = NULL;
	clausier_error err;
	if (S_load_genre(&genre, cat) < 0)
		return 1;
	S_lint_ctx c = { file, 0 };
	int n = clausier_policy_lint(pol, genre, S_finding_out, &c, &err);
	clausier_genre_spec_free(genre);
	if (n < 0) {
		S_fail(&err);
		return 1;
	}
	if (n > 0)
		printf(_("%s: note: %s\n"), file, clausier_lint_disclaimer());
	return c.errors ? 1 : 0;
}

static const char *const S_formats[] = { "text", "markdown", "html", "docbook" };

static int S_format_index(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(name, S_formats[i]))
			return i;
	return -1;
}

/* clausier map --to=CATALOG [options] POLICY */
static int S_map(int argc, char **argv)
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
	S_args a;
	memset(&a, 0, sizeof a);
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "t:p:o:r:f:l:h", longopts, NULL)) != -1) {
		switch (c) {
		case 't': to = optarg; break;
		case 'p': a.profile = optarg; break;
		case 'o': output = optarg; break;
		case 'r': report_file = optarg; break;
		case 'f': format = optarg; break;
		case 'l': locale = optarg; break;
		case OPT_STANDALONE: standalone = 1; break;
		case 'h': S_help(); return 0;
		default: S_try_help(); return 2;
		}
	}
	if (standalone && strcmp(format, "html")) {
		fprintf(stderr, _("%s: --standalone goes with --report-format=html\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (!to || (!a.profile && optind != argc - 1) || (a.profile && optind != argc)) {
		fprintf(stderr, _("%s: map needs --to=CATALOG and a policy document (or --profile)\n"), S_prog);
		S_try_help();
		return 2;
	}
	int fmt = S_format_index(format), data = !strcmp(format, "xml") ? 1 : !strcmp(format, "json") ? 2 : 0;
	if (fmt < 0 && !data) {
		fprintf(stderr, _("%s: unknown report format '%s'; formats: text, markdown, html, docbook, xml, json\n"),
		        S_prog, format);
		return 2;
	}
	if (!clausier_locale_is_supported(locale)) {
		fprintf(stderr, _("%s: unsupported locale '%s'; supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE\n"),
		        S_prog, locale);
		return 2;
	}
	if (!a.profile)
		a.policy = argv[optind];
	S_draft = 1;
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
	if (S_policy(&a, &cat, &prof, &pol) < 0 || S_load_catalog(&target, to) < 0 ||
	    S_load_genre(&genre, target) < 0 || S_load_crosswalk(&cw) < 0)
		goto done;
	if (!strcmp(clausier_catalog_id(cat), clausier_catalog_id(target))) {
		fprintf(stderr, _("%s: the policy is already drawn from catalog '%s'\n"), S_prog, clausier_catalog_id(cat));
		goto done;
	}
	if (clausier_policy_map(&mapped, &report, pol, target, genre, cw, &err) != CLAUSIER_OK ||
	    clausier_policy_write(&doc, &doc_len, mapped, &err) != CLAUSIER_OK) {
		S_fail(&err);
		goto done;
	}
	if (data) {
		if (clausier_map_report_write(&rep, &rep_len, report,
		                              data == 1 ? CLAUSIER_REPORT_XML : CLAUSIER_REPORT_JSON, &err) != CLAUSIER_OK) {
			S_fail(&err);
			goto done;
		}
	} else {
		clausier_render_options opts;
		clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION);
		opts.locale = locale;
		opts.format = (clausier_format)fmt;
		opts.flags = standalone ? CLAUSIER_RENDER_STANDALONE : 0;
		if (clausier_map_report_render(&rep, &rep_len, report, &opts, &err) != CLAUSIER_OK) {
			S_fail(&err);
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
	        S_prog, clausier_policy_count(mapped), count[CLAUSIER_GAP_MAPPED], count[CLAUSIER_GAP_APPROXIMATED],
	        count[CLAUSIER_GAP_ADDED], count[CLAUSIER_GAP_DECISION], count[CLAUSIER_GAP_DROPPED],
	        count[CLAUSIER_GAP_FORMALITY]);
	if (needs)
		fprintf(stderr, _("%s: some clauses still need values: the report lists them, and the policy document marks them\n"),
		        S_prog);
	status = S_output(output, doc, doc_len);
	if (status == 0 && report_file)
		status = S_write_atomic(report_file, rep, rep_len) < 0 ? 1 : 0;
	else if (status == 0 && !output)
		; /* the policy went to standard output: the report needs --report */
	else if (status == 0)
		status = S_output(NULL, rep, rep_len);
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

/* clausier crosswalk [--format=F] [--locale=TAG] [--standalone] [-o FILE] */
static int S_crosswalk(int argc, char **argv)
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
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:l:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': {
			int f = S_format_index(optarg);
			if (f < 0) {
				fprintf(stderr, _("%s: unknown format '%s'; formats: text, markdown, html, docbook\n"),
				        S_prog, optarg);
				return 2;
			}
			opts.format = (clausier_format)f;
			break;
		}
		case 'l': opts.locale = optarg; break;
		case 'o': output = optarg; break;
		case OPT_STANDALONE: opts.flags |= CLAUSIER_RENDER_STANDALONE; break;
		case 'h': S_help(); return 0;
		default: S_try_help(); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, _("%s: crosswalk takes no operand\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (!clausier_locale_is_supported(opts.locale)) {
		fprintf(stderr, _("%s: unsupported locale '%s'; supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE\n"),
		        S_prog, opts.locale);
		return 2;
	}
	if ((opts.flags & CLAUSIER_RENDER_STANDALONE) && opts.format != CLAUSIER_FORMAT_HTML) {
		fprintf(stderr, _("%s: --standalone goes with --format=html\n"), S_prog);
		return 2;
	}
	clausier_crosswalk *cw = NULL;
	clausier_catalog *from = NULL, *to = NULL;
	char *out = NULL;
	size_t len = 0;
	clausier_error err;
	int status = 1;
	if (S_load_crosswalk(&cw) < 0 || S_load_catalog(&from, clausier_crosswalk_from(cw)) < 0 ||
	    S_load_catalog(&to, clausier_crosswalk_to(cw)) < 0)
		goto done;
	if (clausier_crosswalk_verify(cw, from, to, &err) != CLAUSIER_OK ||
	    clausier_crosswalk_render(&out, &len, cw, from, to, &opts, &err) != CLAUSIER_OK) {
		S_fail(&err);
		goto done;
	}
	status = S_output(output, out, len);
done:
	clausier_free(out);
	clausier_catalog_free(from);
	clausier_catalog_free(to);
	clausier_crosswalk_free(cw);
	return status;
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

static int S_render(int argc, char **argv, int render)
{
	S_args a;
	int status = S_parse(argc, argv, &a, render);
	if (status >= 0)
		return status;
	clausier_catalog *cat = NULL;
	clausier_profile *prof = NULL;
	clausier_policy *pol = NULL;
	char *out = NULL;
	size_t len = 0;
	clausier_error err;
	status = 1;
	S_linting = render == 2;
	S_draft = render == 2;
	if (S_policy(&a, &cat, &prof, &pol) < 0)
		goto done;
	if (render == 2) {
		status = S_lint(pol, cat, a.policy ? a.policy : a.profile);
		if (fflush(stdout) != 0)
			status = 1;
		goto done;
	}
	if (!render) {
		if (clausier_policy_write(&out, &len, pol, &err) != CLAUSIER_OK) {
			S_fail(&err);
			goto done;
		}
		status = S_output(a.output, out, len);
		goto done;
	}
	clausier_render_options opts;
	clausier_render_options_init(&opts, CLAUSIER_RENDER_OPTIONS_VERSION);
	opts.flags = a.flags;
	opts.format = (clausier_format)a.format;
	opts.width = a.width;
	opts.locale2 = a.locale2[0] ? a.locale2 : NULL;
	char first[32] = "en";
	const char *locales = clausier_profile_locales(prof);
	if (locales)
		snprintf(first, sizeof first, "%.*s", (int)strcspn(locales, " "), locales);
	opts.locale = a.locale ? a.locale : first;
	if (clausier_render(&out, &len, pol, &opts, &err) != CLAUSIER_OK) {
		S_fail(&err);
		goto done;
	}
	size_t missing = (a.flags & CLAUSIER_RENDER_FALLBACK) ? S_untranslated(cat, pol, opts.locale) : 0;
	if (missing)
		fprintf(stderr,
		        ngettext("%s: warning: %zu clause has no text for %s and is given in the source language (%s), marked as not yet translated\n",
		                 "%s: warning: %zu clauses have no text for %s and are given in the source language (%s), marked as not yet translated\n",
		                 missing),
		        S_prog, missing, opts.locale, clausier_catalog_source_language(cat));
	status = S_output(a.output, out, len);
done:
	clausier_free(out);
	clausier_policy_free(pol);
	clausier_profile_free(prof);
	clausier_catalog_free(cat);
	return status;
}

/* ---- catalog list | show ---- */

static int S_list_one(const char *name_or_id)
{
	clausier_catalog *cat = NULL;
	if (S_load_catalog(&cat, name_or_id) < 0)
		return 1;
	clausier_coverage *cov = NULL;
	size_t n = 0;
	clausier_error err;
	if (clausier_catalog_coverage(&cov, &n, cat, &err) != CLAUSIER_OK) {
		S_fail(&err);
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
	const char *path = getenv("CLAUSIER_DATA_PATH");
	if (!path || !*path)
		path = CLAUSIER_PKGDATADIR;
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
		fprintf(stderr, _("%s: no catalogs installed in %s\n"), S_prog, path);
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
	optind = 0; /* glibc: start afresh, options may follow operands */
	while ((c = getopt_long(argc, argv, "l:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': locale = optarg; break;
		case 'h': S_help(); return 0;
		default: S_try_help(); return 2;
		}
	}
	if (argc - optind != 1) {
		fprintf(stderr, _("%s: catalog show takes one catalog\n"), S_prog);
		S_try_help();
		return 2;
	}
	if (!clausier_locale_is_supported(locale)) {
		fprintf(stderr, _("%s: unsupported locale '%s'; supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE\n"),
		        S_prog, locale);
		return 2;
	}
	clausier_catalog *cat = NULL;
	if (S_load_catalog(&cat, argv[optind]) < 0)
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
		putchar('\n');
		(void)strengths;
	}
	clausier_catalog_free(cat);
	return 0;
}

/* ---- check ---- */

typedef struct {
	const char *file;
	int line;
	int errors, warnings;
} S_check_ctx;

static void S_finding(void *vctx, clausier_severity severity, int column, const char *message)
{
	S_check_ctx *c = vctx;
	(void)column;
	/* GNU form, which Emacs, Vim, Poedit and CI annotations read. */
	printf("%s:%d: %s: %s\n", c->file, c->line,
	       severity == CLAUSIER_CHECK_ERROR ? _("error") : _("warning"), message);
	if (severity == CLAUSIER_CHECK_ERROR)
		c->errors++;
	else
		c->warnings++;
}

static void S_count_errors(void *vctx, clausier_severity severity, int column, const char *message)
{
	(void)column, (void)message;
	if (severity == CLAUSIER_CHECK_ERROR)
		++*(int *)vctx;
}

/* ---- glossary ---- */

typedef struct {
	char src[16], dst[16], term[128], required[128];
} S_term;

static S_term *S_glossary;
static size_t S_nglossary;

/* Reads a glossary (data/glossary/clausier.tsv's format); -1 with a message
 * on stderr when it cannot. */
static int S_read_glossary(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, _("%s: %s: cannot open: %s\n"), S_prog, path, strerror(errno));
		return -1;
	}
	char line[1024];
	int lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		S_term t;
		char *field[4];
		char *p = line;
		int n = 0;
		for (; n < 4 && p; n++) {
			field[n] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (n != 4 || p) {
			fprintf(stderr, _("%s: %s:%d: a glossary line has four tab-separated fields\n"), S_prog, path, lineno);
			fclose(f);
			return -1;
		}
		snprintf(t.src, sizeof t.src, "%s", field[0]);
		snprintf(t.dst, sizeof t.dst, "%s", field[1]);
		snprintf(t.term, sizeof t.term, "%s", field[2]);
		snprintf(t.required, sizeof t.required, "%s", field[3]);
		S_term *g = realloc(S_glossary, (S_nglossary + 1) * sizeof *g);
		if (!g) {
			fclose(f);
			return -1;
		}
		S_glossary = g;
		S_glossary[S_nglossary++] = t;
	}
	fclose(f);
	return 0;
}

/* Text for matching terms: lower case (ASCII), words without a final s or
 * x (« renseignement confidentiel » matches « renseignements
 * confidentiels »), single spaces, a space at each end. */
static void S_normalize(char *out, size_t size, const char *in)
{
	size_t o = 0;
	out[o++] = ' ';
	for (const char *p = in; *p && o + 2 < size; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		int letter = (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80 || c == '\'';
		if (!letter) {
			if (o >= 2 && (out[o - 1] == 's' || out[o - 1] == 'x') && out[o - 2] != ' ')
				o--;
			if (out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		out[o++] = c;
	}
	if (o >= 2 && (out[o - 1] == 's' || out[o - 1] == 'x') && out[o - 2] != ' ')
		o--;
	if (out[o - 1] != ' ')
		out[o++] = ' ';
	out[o] = '\0';
}

/* Whether the glossary's target language covers lang: "fr" is France,
 * Belgium and Switzerland; a region must match exactly. */
static int S_covers(const char *target, const char *lang)
{
	if (!strcmp(target, lang))
		return 1;
	return !strchr(target, '-') && !strncmp(target, lang, strlen(target)) && lang[strlen(target)] == '-' &&
	       strcmp(lang + strlen(target), "-CA");
}

static void S_glossary_check(S_check_ctx *c, const char *src, const char *lang, const char *msgid,
                             const char *msgstr)
{
	static char a[65536], b[65536], t[512], r[512];
	S_normalize(a, sizeof a, msgid);
	S_normalize(b, sizeof b, msgstr);
	for (size_t i = 0; i < S_nglossary; i++) {
		const S_term *g = &S_glossary[i];
		if (strcmp(g->src, src) || !S_covers(g->dst, lang))
			continue;
		S_normalize(t, sizeof t, g->term);
		S_normalize(r, sizeof r, g->required);
		if (strstr(a, t) && !strstr(b, r)) {
			char msg[600];
			snprintf(msg, sizeof msg, _("glossary: “%s” is translated “%s” in %s"), g->term, g->required, lang);
			S_finding(c, CLAUSIER_CHECK_WARNING, 0, msg);
		}
	}
}

static int S_check_po(const char *path, const char *source_lang, int fix)
{
	po_entry *e;
	size_t n;
	char lang[32], why[64];
	char *data;
	size_t len;
	if (po_slurp(path, &data, &len) < 0) {
		int err = errno;
		fprintf(stderr, _("%s: %s: cannot open: %s\n"), S_prog, path, strerror(err));
		return -1;
	}
	if (po_read_memory(data, len, &e, &n, lang, sizeof lang, why, sizeof why) < 0) {
		int line = atoi(why);
		const char *what = strchr(why, ':') + 1;
		printf("%s:%d: %s: %s\n", path, line, _("error"),
		       !strcmp(what, "syntax") ? _("this line is not PO syntax") : _("out of memory"));
		free(data);
		return -1;
	}
	S_check_ctx c = { path, 0, 0, 0 };
	if (!lang[0]) {
		printf("%s:1: %s: %s\n", path, _("error"), _("the header gives no Language"));
		po_free(e, n);
		free(data);
		return -1;
	}
	const char *src = source_lang ? source_lang : (lang[0] == 'e' && lang[1] == 'n' ? "fr" : "en");
	/* --fix: each translation without errors set in its language's
	 * typography, the file rewritten in memory and read again (po_rewrite)
	 * before it replaces the old one; findings are then those of the text
	 * the file holds. */
	char **set = fix ? calloc(n ? n : 1, sizeof *set) : NULL;
	po_fix *fixes = fix ? calloc(n ? n : 1, sizeof *fixes) : NULL;
	size_t nfixes = 0, applied = 0;
	int fix_failed = 0, verify_line = 0;
	if (fix && (!set || !fixes))
		fix_failed = 1;
	for (size_t i = 0; i < n && fix && !fix_failed; i++) {
		if (!e[i].msgid || (!e[i].msgid[0] && !e[i].msgctxt) || e[i].obsolete || !e[i].msgstr ||
		    !e[i].msgstr[0])
			continue;
		int errors = 0;
		char *t = NULL;
		clausier_check_translation(e[i].msgid, src, e[i].msgstr, lang, S_count_errors, &errors);
		if (!errors && clausier_typeset(&t, e[i].msgstr, lang) == CLAUSIER_OK && strcmp(t, e[i].msgstr)) {
			set[i] = t;
			fixes[nfixes].line = e[i].msgstr_line;
			fixes[nfixes++].text = t;
		} else {
			clausier_free(t);
		}
	}
	char *out = NULL;
	size_t outlen = 0;
	if (nfixes && !fix_failed) {
		int rc = po_rewrite(data, len, fixes, nfixes, &out, &outlen, &verify_line);
		if (rc == -2)
			fix_failed = 2;
		else if (rc < 0)
			fix_failed = 1;
		for (size_t i = 0, f = 0; i < n && !rc; i++)
			if (set[i] && !fixes[f++].applied) {
				clausier_free(set[i]); /* not aligned with the old text: left as it was */
				set[i] = NULL;
			}
		for (size_t f = 0; f < nfixes && !rc; f++)
			applied += fixes[f].applied != 0;
		if (!rc && applied && S_write_atomic(path, out, outlen) < 0)
			fix_failed = 1;
		if (fix_failed)
			for (size_t i = 0; i < n; i++) {
				clausier_free(set[i]);
				set[i] = NULL;
			}
	}
	for (size_t i = 0; i < n; i++) {
		if (!e[i].msgid || (!e[i].msgid[0] && !e[i].msgctxt))
			continue; /* the header */
		c.line = e[i].msgstr_line ? e[i].msgstr_line : e[i].line;
		if (e[i].obsolete) {
			c.line = e[i].line;
			S_finding(&c, CLAUSIER_CHECK_WARNING, 0, _("obsolete entry: remove it or restore its source"));
		} else if (!e[i].msgstr || !e[i].msgstr[0]) {
			S_finding(&c, CLAUSIER_CHECK_WARNING, 0, _("untranslated: the edition will fall back to the source"));
		} else {
			if (e[i].fuzzy)
				S_finding(&c, CLAUSIER_CHECK_WARNING, 0,
				          _("fuzzy: msgfmt leaves it out, and the edition falls back to the source"));
			const char *text = set && set[i] ? set[i] : e[i].msgstr;
			clausier_check_translation(e[i].msgid, src, text, lang, S_finding, &c);
			S_glossary_check(&c, src, lang, e[i].msgid, text);
		}
	}
	if (fix_failed == 2) {
		c.line = verify_line;
		S_finding(&c, CLAUSIER_CHECK_ERROR, 0,
		          _("--fix: the rewritten file does not read back as intended here; the file is left as it was"));
	} else if (fix_failed) {
		fprintf(stderr, _("%s: %s: the fixes could not be written\n"), S_prog, path);
		c.errors++;
	} else if (applied) {
		fprintf(stderr,
		        ngettext("%s: %s: %zu translation set in the typography of %s\n",
		                 "%s: %s: %zu translations set in the typography of %s\n", applied),
		        S_prog, path, applied, lang);
	}
	for (size_t i = 0; set && i < n; i++)
		clausier_free(set[i]);
	free(set);
	free(fixes);
	free(out);
	po_free(e, n);
	free(data);
	return c.errors;
}

/* A multilingual catalog: every translation against its source text. */
static int S_check_catalog(const char *path)
{
	clausier_catalog *cat = NULL;
	clausier_error err;
	if (clausier_catalog_load_file(&cat, path, &err) != CLAUSIER_OK) {
		/* The loader's own verdict, in the same form. */
		printf("%s:%d: %s: %s\n", err.source, err.line, _("error"), err.message);
		return 1;
	}
	clausier_text_info *t = NULL;
	size_t n = 0;
	S_check_ctx c = { path, 0, 0, 0 };
	if (clausier_catalog_translations(&t, &n, cat, &err) != CLAUSIER_OK) {
		S_fail(&err);
		clausier_catalog_free(cat);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		c.line = t[i].line;
		clausier_check_translation(t[i].source, clausier_catalog_source_language(cat), t[i].pattern, t[i].lang,
		                           S_finding, &c);
		S_glossary_check(&c, clausier_catalog_source_language(cat), t[i].lang, t[i].source, t[i].pattern);
	}
	clausier_free(t);
	clausier_catalog_free(cat);
	return c.errors;
}

static int S_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "source-lang", required_argument, NULL, 's' },
		{ "fix", no_argument, NULL, 'F' },
		{ "glossary", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *source_lang = NULL;
	int c, fix = 0;
	optind = 0; /* glibc: start afresh, options may follow operands */
	while ((c = getopt_long(argc, argv, "s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': source_lang = optarg; break;
		case 'F': fix = 1; break;
		case 'g':
			if (S_read_glossary(optarg) < 0)
				return 2;
			break;
		case 'h': S_help(); return 0;
		default: S_try_help(); return 2;
		}
	}
	if (optind == argc) {
		fprintf(stderr, _("%s: check needs PO files\n"), S_prog);
		S_try_help();
		return 2;
	}
	int status = 0;
	for (int i = optind; i < argc; i++) {
		size_t len = strlen(argv[i]);
		int xml = len > 4 && !strcmp(argv[i] + len - 4, ".xml");
		if (xml && fix) {
			fprintf(stderr, _("%s: %s: --fix works on PO files; a catalog is fixed in its PO files\n"),
			        S_prog, argv[i]);
			status = 1;
		} else if ((xml ? S_check_catalog(argv[i]) : S_check_po(argv[i], source_lang, fix)) != 0) {
			status = 1;
		}
	}
	free(S_glossary);
	return status;
}

/* ---- stats ---- */

typedef struct {
	const char *file;
	char lang[32];
	size_t messages[3], words[3]; /* translated, fuzzy, untranslated */
} S_stat;

static void S_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

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

static int S_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "source-lang", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *source_lang = NULL;
	int c;
	optind = 0; /* glibc: start afresh, options may follow operands */
	while ((c = getopt_long(argc, argv, "f:s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 's': source_lang = optarg; break;
		case 'h': S_help(); return 0;
		default: S_try_help(); return 2;
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html")) {
		fprintf(stderr, _("%s: unknown format '%s'; formats: text, json, html\n"), S_prog, format);
		return 2;
	}
	if (optind == argc) {
		fprintf(stderr, _("%s: stats needs PO files\n"), S_prog);
		S_try_help();
		return 2;
	}
	size_t n = (size_t)(argc - optind);
	S_stat *st = calloc(n, sizeof *st);
	if (!st)
		return 1;
	int status = 0;
	for (size_t i = 0; i < n; i++) {
		po_entry *e;
		size_t count;
		char why[64];
		st[i].file = argv[optind + (int)i];
		if (po_read(st[i].file, &e, &count, st[i].lang, sizeof st[i].lang, why, sizeof why) < 0) {
			fprintf(stderr, _("%s: %s:%d: cannot read this PO file\n"), S_prog, st[i].file, atoi(why));
			free(st);
			return 1;
		}
		const char *src = source_lang ? source_lang
		                  : (st[i].lang[0] == 'e' && st[i].lang[1] == 'n' ? "fr" : "en");
		for (size_t k = 0; k < count; k++) {
			if (!e[k].msgid || e[k].obsolete || (!e[k].msgid[0] && !e[k].msgctxt))
				continue;
			int state = e[k].fuzzy ? 1 : (e[k].msgstr && e[k].msgstr[0]) ? 0 : 2;
			st[i].messages[state]++;
			st[i].words[state] += clausier_word_count(e[k].msgid, src);
		}
		po_free(e, count);
	}
	/* TRANSLATORS: the three states of a message, as columns. */
	const char *states[3] = { _("translated"), _("fuzzy"), _("untranslated") };
	if (!strcmp(format, "json")) {
		printf("[\n");
		for (size_t i = 0; i < n; i++) {
			printf("  {\"file\": ");
			S_json_string(st[i].file);
			printf(", \"language\": ");
			S_json_string(st[i].lang);
			printf(",\n   \"messages\": {\"translated\": %zu, \"fuzzy\": %zu, \"untranslated\": %zu},\n"
			       "   \"source_words\": {\"translated\": %zu, \"fuzzy\": %zu, \"untranslated\": %zu}}%s\n",
			       st[i].messages[0], st[i].messages[1], st[i].messages[2], st[i].words[0], st[i].words[1],
			       st[i].words[2], i + 1 < n ? "," : "");
		}
		printf("]\n");
	} else if (!strcmp(format, "html")) {
		printf("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
		S_html_text(_("Translation status"));
		printf("</title>\n<style>\nbody{font-family:sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:right}"
		       "td.f,th.f{text-align:left}.bar{display:flex;width:20em;height:1em;background:#ddd}"
		       ".t{background:#2a7}.z{background:#e90}\n</style>\n</head>\n<body>\n<h1>");
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
			size_t total = st[i].messages[0] + st[i].messages[1] + st[i].messages[2];
			printf("<tr><td class=\"f\">");
			S_html_text(st[i].file);
			printf("</td><td>");
			S_html_text(st[i].lang);
			printf("</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td>", st[i].messages[0], st[i].messages[1],
			       st[i].messages[2], st[i].words[0] + st[i].words[1] + st[i].words[2]);
			printf("<td><div class=\"bar\"><div class=\"t\" style=\"width:%.1f%%\"></div>"
			       "<div class=\"z\" style=\"width:%.1f%%\"></div></div></td></tr>\n",
			       total ? 100.0 * (double)st[i].messages[0] / (double)total : 0.0,
			       total ? 100.0 * (double)st[i].messages[1] / (double)total : 0.0);
		}
		printf("</table>\n</body>\n</html>\n");
	} else {
		for (size_t i = 0; i < n; i++) {
			size_t total = st[i].messages[0] + st[i].messages[1] + st[i].messages[2];
			size_t words = st[i].words[0] + st[i].words[1] + st[i].words[2];
			printf(_("%s (%s): %zu of %zu messages translated, %zu fuzzy, %zu untranslated; "
			         "source words: %zu translated, %zu fuzzy, %zu untranslated, %zu in all\n"),
			       st[i].file, st[i].lang, st[i].messages[0], total, st[i].messages[1], st[i].messages[2],
			       st[i].words[0], st[i].words[1], st[i].words[2], words);
		}
	}
	free(st);
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
		S_try_help();
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		S_help();
		return 0;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("clausier %s\n", clausier_version());
		return 0;
	}
	if (!strcmp(cmd, "render"))
		return S_render(argc - 1, argv + 1, 1);
	if (!strcmp(cmd, "assemble"))
		return S_render(argc - 1, argv + 1, 0);
	if (!strcmp(cmd, "check"))
		return S_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "lint"))
		return S_render(argc - 1, argv + 1, 2);
	if (!strcmp(cmd, "map"))
		return S_map(argc - 1, argv + 1);
	if (!strcmp(cmd, "crosswalk"))
		return S_crosswalk(argc - 1, argv + 1);
	if (!strcmp(cmd, "stats"))
		return S_stats(argc - 1, argv + 1);
	if (!strcmp(cmd, "catalog") && argc >= 3 && !strcmp(argv[2], "list"))
		return S_catalog_list(argc - 3, argv + 3);
	if (!strcmp(cmd, "catalog") && argc >= 3 && !strcmp(argv[2], "show"))
		return S_catalog_show(argc - 2, argv + 2);
	if (!strcmp(cmd, "catalog"))
		fprintf(stderr, _("%s: catalog needs a subcommand: list or show\n"), S_prog);
	else
		fprintf(stderr, _("%s: unknown command '%s'\n"), S_prog, cmd);
	S_try_help();
	return 2;
}
