/* What the subcommands share: messages, the data folders, loading
 * catalogs and policies, output written whole.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
/* O_TMPFILE, linkat's AT_SYMLINK_FOLLOW, strndup */
#define _GNU_SOURCE 1
#include "clausier.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const cli_prog = "clausier";

/* The sample organization a new user sees when they give no profile. */
#define S_SAMPLE_PROFILE "hospital-qc.xml"

/* ---- messages ---- */

void cli_fail(const clausier_error *err)
{
	char text[1024];
	clausier_error_format(text, sizeof text, err);
	fprintf(stderr, "%s: %s\n", cli_prog, text);
}

void cli_try_help(const char *cmd)
{
	if (cmd)
		fprintf(stderr, _("Try '%s %s --help' for more information.\n"), cli_prog, cmd);
	else
		fprintf(stderr, _("Try '%s --help' for more information.\n"), cli_prog);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", cli_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_try_help(cmd);
	return 2;
}

/* Optimal string alignment distance (Damerau-Levenshtein without
 * repeated edits of a substring), on bytes; values are ASCII here. */
static size_t S_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return SIZE_MAX;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = (a[i - 1] | 0x20) != (b[j - 1] | 0x20);
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

const char *cli_nearest(const char *given, const char *const *choices)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX, len = strlen(given);
	for (size_t i = 0; choices[i]; i++) {
		size_t d = S_distance(given, choices[i]);
		/* a prefix is near too: "ren" for "render" */
		if (len >= 2 && !strncmp(given, choices[i], len))
			d = 1;
		if (d < best_d) {
			best_d = d;
			best = choices[i];
		}
	}
	/* one edit for short words, a third of the word for longer ones */
	size_t limit = len <= 4 ? 1 : len / 3;
	return best && best_d <= (limit ? limit : 1) ? best : NULL;
}

int cli_choice(const char *name, const char *const *choices)
{
	for (int i = 0; choices[i]; i++)
		if (!strcmp(name, choices[i]))
			return i;
	return -1;
}

int cli_bad_choice(const char *cmd, const char *what, const char *given, const char *const *choices)
{
	char list[512] = "";
	for (size_t i = 0; choices[i]; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", choices[i]);
	const char *near = cli_nearest(given, choices);
	if (near)
		/* TRANSLATORS: unknown format 'htm'; did you mean 'html'? (formats: text, html) */
		fprintf(stderr, _("%s: unknown %s '%s'; did you mean '%s'? (%s)\n"), cli_prog, what, given, near, list);
	else
		fprintf(stderr, _("%s: unknown %s '%s' (%s)\n"), cli_prog, what, given, list);
	cli_try_help(cmd);
	return 2;
}

void cli_getopt_start(char **argv)
{
	/* getopt prints argv[0] before its messages: the program's name, not
	 * the command's */
	argv[0] = (char *)cli_prog;
	optind = 0; /* glibc: start afresh, options may follow operands */
	opterr = 1;
}

int cli_check_locale(const char *cmd, const char *locale)
{
	const char *canonical;
	clausier_error err;
	if (clausier_locale_resolve(&canonical, locale, &err) == CLAUSIER_OK)
		return 0;
	/* The library's words, which say how ICU read the tag, and the nearest
	 * supported locale when there is one. */
	static const char *const supported[] = { "en", "en-US", "en-CA", "en-GB", "fr",
		                                     "fr-FR", "fr-CA", "fr-CH", "fr-BE", NULL };
	const char *near = cli_nearest(locale, supported);
	fprintf(stderr, "%s: %s\n", cli_prog, err.message);
	if (near)
		fprintf(stderr, _("%s: did you mean '%s'?\n"), cli_prog, near);
	cli_try_help(cmd);
	return 2;
}

/* ---- installed data ---- */

/* Run from its build tree, the program reads the data built there, as
 * libtool programs find their uninstalled libraries: the executable is
 * TOP/src/.libs/clausier (or lt-clausier) behind libtool's wrapper, or
 * TOP/src/clausier, and make wrote TOP/uninstalled/data-path, which names
 * the build's data folders.  Nothing of the build is compiled in: an
 * installed program never finds that file beside it. */
static const char *S_build_tree_path(void)
{
	static char exe[PATH_MAX], path[2 * PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0'; /* the folder */
	slash = strrchr(exe, '/');
	if (slash && !strcmp(slash, "/.libs")) {
		*slash = '\0';
		slash = strrchr(exe, '/');
	}
	if (!slash || strcmp(slash, "/src"))
		return NULL;
	*slash = '\0'; /* TOP */
	char file[PATH_MAX + 32];
	snprintf(file, sizeof file, "%s/uninstalled/data-path", exe);
	FILE *f = fopen(file, "r");
	if (!f)
		return NULL;
	int ok = fgets(path, sizeof path, f) != NULL;
	fclose(f);
	if (!ok)
		return NULL;
	path[strcspn(path, "\n")] = '\0';
	return path[0] ? path : NULL;
}

const char *cli_data_path(void)
{
	const char *path = getenv("CLAUSIER_DATA_PATH");
	if (path && *path)
		return path;
	path = S_build_tree_path();
	return path ? path : CLAUSIER_PKGDATADIR;
}

static char S_found[4096];

/* The first DIR/sub/name along CLAUSIER_DATA_PATH (or the installed data
 * folder) that exists; NULL if none.  The result is overwritten by the next
 * call. */
const char *cli_data_file(const char *sub, const char *name)
{
	const char *path = cli_data_path();
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

/* A catalog named on the command line: a file, or an installed catalog's id
 * (a folder that happens to bear the id, "charte/", is not a catalog). */
int cli_load_catalog(clausier_catalog **out, const char *name_or_id)
{
	clausier_error err;
	const char *path = name_or_id;
	struct stat st;
	if (!strchr(name_or_id, '/') && !strstr(name_or_id, ".xml") &&
	    (stat(name_or_id, &st) != 0 || S_ISDIR(st.st_mode))) {
		char file[300];
		snprintf(file, sizeof file, "%s.xml", name_or_id);
		path = cli_data_file("catalogs", file);
		if (!path) {
			fprintf(stderr, _("%s: no installed catalog '%s' (see '%s catalog list')\n"), cli_prog,
			        name_or_id, cli_prog);
			return -1;
		}
	}
	if (clausier_catalog_load_file(out, path, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		return -1;
	}
	return 0;
}

/* ---- lint, map, crosswalk: genres ---- */

/* The installed description of a catalog's genre. */
int cli_load_genre(clausier_genre_spec **out, const clausier_catalog *cat)
{
	clausier_error err;
	const char *name = clausier_catalog_genre(cat) == CLAUSIER_GENRE_CHARTE ? "charte.xml" : "smp.xml";
	const char *path = cli_data_file("genres", name);
	if (!path) {
		fprintf(stderr, _("%s: the genre description %s is not installed\n"), cli_prog, name);
		return -1;
	}
	if (clausier_genre_spec_load_file(out, path, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		return -1;
	}
	return 0;
}

int cli_load_crosswalk(clausier_crosswalk **out)
{
	clausier_error err;
	const char *path = cli_data_file("crosswalk", "smp-charte.xml");
	if (!path) {
		fprintf(stderr, _("%s: the crosswalk smp-charte.xml is not installed\n"), cli_prog);
		return -1;
	}
	if (clausier_crosswalk_load_file(out, path, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		return -1;
	}
	return 0;
}

/* ---- render, assemble, lint, map: a policy ---- */

static const char S_empty_profile[] = "<profile xmlns='https://clausier.org/ns/1' version='1'/>";

/* Loads what render and assemble need: a catalog and a policy. */
typedef struct {
	const char *file;
	int linting;
} S_warning_ctx;

static void S_warning(void *vctx, int line, const char *message)
{
	const S_warning_ctx *c = vctx;
	const char *file = c->file;
	if (c->linting && line > 0)
		printf(_("%s:%d: warning: %s\n"), file, line, message);
	else if (c->linting)
		printf(_("%s: warning: %s\n"), file, message);
	else if (line > 0)
		fprintf(stderr, _("%s: %s:%d: warning: %s\n"), cli_prog, file, line, message);
	else
		fprintf(stderr, _("%s: %s: warning: %s\n"), cli_prog, file, message);
}

int cli_policy(const cli_policy_args *a, clausier_catalog **cat, clausier_profile **prof, clausier_policy **pol)
{
	clausier_error err;
	if (a->policy) {
		char *id = NULL;
		if (!a->catalog && clausier_policy_catalog_id(&id, a->policy, &err) != CLAUSIER_OK) {
			cli_fail(&err);
			return -1;
		}
		int bad = cli_load_catalog(cat, a->catalog ? a->catalog : id);
		clausier_free(id);
		if (bad)
			return -1;
		if ((a->draft ? clausier_policy_load_draft : clausier_policy_load_file)(pol, *cat, a->policy, &err) != CLAUSIER_OK) {
			cli_fail(&err);
			return -1;
		}
		S_warning_ctx nc = { a->policy, a->linting };
		if (a->warnings)
			clausier_policy_warnings(*pol, a->warnings, a->warnings_ctx);
		else
			clausier_policy_warnings(*pol, S_warning, &nc);
		return 0;
	}
	const char *profile = a->profile;
	int rc;
	if (!profile && !a->catalog) {
		profile = cli_data_file("samples", S_SAMPLE_PROFILE);
		if (!profile) {
			fprintf(stderr, _("%s: no profile given, and the sample profile %s is not installed\n"),
			        cli_prog, S_SAMPLE_PROFILE);
			return -1;
		}
		fprintf(stderr, _("%s: no profile given: this is the sample policy of a Quebec health organization (%s); give yours with --profile\n"),
		        cli_prog, profile);
	}
	if (profile)
		rc = clausier_profile_load_file(prof, profile, &err);
	else
		rc = clausier_profile_load_memory(prof, S_empty_profile, sizeof S_empty_profile - 1,
		                                  "<no profile>", &err);
	if (rc != CLAUSIER_OK) {
		cli_fail(&err);
		return -1;
	}
	if (cli_load_catalog(cat, a->catalog ? a->catalog : clausier_profile_catalog(*prof)))
		return -1;
	if (clausier_policy_assemble(pol, *cat, *prof, &err) != CLAUSIER_OK) {
		cli_fail(&err);
		return -1;
	}
	/* What the library had to guess (the grammar of names), for the author. */
	if (profile) {
		S_warning_ctx nc = { profile, a->linting };
		if (a->warnings)
			clausier_policy_warnings(*pol, a->warnings, a->warnings_ctx);
		else
			clausier_policy_warnings(*pol, S_warning, &nc);
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
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), cli_prog, path, strerror(e));
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

int cli_write_atomic(const char *given, const char *data, size_t len)
{
	/* Through symbolic links, the file they point to is written, even one
	 * not yet created; a loop is an error. */
	char *resolved = S_resolve_links(given);
	if (!resolved) {
		int e = errno;
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), cli_prog, given, strerror(e));
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
			fprintf(stderr, _("%s: %s: cannot create a temporary file: %s\n"), cli_prog, path, strerror(e));
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
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), cli_prog, path, strerror(e));
	}
	free(tmp);
	free(resolved);
	return e ? -1 : 0;
}

int cli_output(const char *output, const char *data, size_t len)
{
	if (output)
		return cli_write_atomic(output, data, len) < 0 ? 1 : 0;
	if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
		return 0;
	fprintf(stderr, _("%s: cannot write the output: %s\n"), cli_prog, strerror(errno));
	return 1;
}
