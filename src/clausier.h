/* What the subcommands of the clausier program share (src/cli.c): messages,
 * usage errors, the data folders, loading catalogs and policies, writing
 * output files whole, machine-readable findings.  One file per subcommand
 * (src/cmd-*.c), as git's builtin/; src/clausier.c dispatches.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef CLAUSIER_CLI_H
#define CLAUSIER_CLI_H

#include "config.h"

#include <clausier.h>

#include <stdio.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) s

/* The program's name in messages: always "clausier", whatever the command. */
extern const char *const cli_prog;

/* A subcommand: its name, a one-line summary (N_), its entry point. */
typedef struct {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
	void (*help)(void);
} cli_command;

extern const cli_command cli_commands[];

/* ---- messages ---- */
void cli_fail(const clausier_error *err);
/* "Try 'clausier COMMAND --help' for more information." (cmd NULL: clausier --help) */
void cli_try_help(const char *cmd);
/* A usage error: "clausier: MESSAGE", the hint to --help, and 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An unknown value of an option: names the choices and the nearest
 * ("did you mean 'html'?"); returns 2. */
int cli_bad_choice(const char *cmd, const char *what, const char *given, const char *const *choices);
/* The choice nearest to given by edit distance, if close enough; NULL. */
const char *cli_nearest(const char *given, const char *const *choices);
/* Index of name in choices (NULL-terminated), or -1. */
int cli_choice(const char *name, const char *const *choices);

/* Prepares getopt_long for a subcommand's argv (argv[0] is its name):
 * getopt's own messages then start with "clausier:". */
void cli_getopt_start(char **argv);

/* A locale option's value: 0, or 2 after the usage error. */
int cli_check_locale(const char *cmd, const char *locale);

/* ---- data ---- */
/* The data folders searched: CLAUSIER_DATA_PATH, else the build tree's
 * when the program runs from it, else the installed one. */
const char *cli_data_path(void);
const char *cli_data_file(const char *sub, const char *name);
int cli_load_catalog(clausier_catalog **out, const char *name_or_id);
int cli_load_genre(clausier_genre_spec **out, const clausier_catalog *cat);
int cli_load_crosswalk(clausier_crosswalk **out);

/* A catalog and the policy a profile (or a policy document) selects from it. */
typedef struct {
	const char *profile, *policy, *catalog;
	int draft;   /* lint and map read drafts: values may be missing */
	int linting; /* warnings are lint's output, on standard output */
	clausier_note_report warnings; /* NULL: the warnings on standard error */
	void *warnings_ctx;
} cli_policy_args;
int cli_policy(const cli_policy_args *a, clausier_catalog **cat, clausier_profile **prof, clausier_policy **pol);

/* ---- output ---- */
/* Writes data to path whole: through a temporary file renamed over it
 * (symbolic links followed, devices written as they are); 0 or -1 after a
 * message. */
int cli_write_atomic(const char *path, const char *data, size_t len);
/* To path (cli_write_atomic) or standard output: 0, or 1 after a message. */
int cli_output(const char *path, const char *data, size_t len);

/* ---- findings for CI and editors (src/findings.c) ---- */
typedef enum { CLI_FINDINGS_TEXT, CLI_FINDINGS_JSON, CLI_FINDINGS_SARIF } cli_findings_format;
extern const char *const cli_findings_formats[]; /* "text", "json", "sarif", NULL */

typedef struct cli_findings cli_findings;
/* tool: "clausier check" or "clausier lint"'s driver name and its rules'
 * help; NULL when out of memory. */
cli_findings *cli_findings_new(cli_findings_format format, const char *command);
void cli_findings_add(cli_findings *fs, const char *file, int line, int column, clausier_severity severity,
                      const char *rule, const char *message, const char *reference, const char *clause);
/* A note: text format only (the caller prints it); kept as a SARIF note. */
void cli_findings_note(cli_findings *fs, const char *file, int line, const char *message);
/* Writes the JSON or SARIF document to standard output and frees; 0 or 1. */
int cli_findings_finish(cli_findings *fs);

/* ---- subcommands ---- */
int cmd_render(int argc, char **argv);
int cmd_assemble(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_crosswalk(int argc, char **argv);
void help_render(void);
void help_assemble(void);
void help_catalog(void);
void help_check(void);
void help_stats(void);
void help_lint(void);
void help_map(void);
void help_crosswalk(void);

#endif
