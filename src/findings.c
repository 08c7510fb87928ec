/* Findings of lint and check for CI and editors: JSON (an array of
 * findings) or SARIF 2.1.0, written with jansson, the library's JSON
 * writer too (doc/design.md).  The text form, GNU's file:line: severity:
 * message, is the commands' own.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

const char *const cli_findings_formats[] = { "text", "json", "sarif", NULL };

struct cli_findings {
	cli_findings_format format;
	const char *command;
	json_t *results; /* JSON: the findings; SARIF: run.results */
	json_t *rules;   /* SARIF: run.tool.driver.rules, in order of first use */
	json_t *rule_index; /* rule id -> its index in rules */
	int failed;
};

cli_findings *cli_findings_new(cli_findings_format format, const char *command)
{
	cli_findings *fs = calloc(1, sizeof *fs);
	if (!fs)
		return NULL;
	fs->format = format;
	fs->command = command;
	fs->results = json_array();
	fs->rules = json_array();
	fs->rule_index = json_object();
	if (!fs->results || !fs->rules || !fs->rule_index)
		fs->failed = 1;
	return fs;
}

/* A file name as a URI reference (RFC 3986): unreserved characters and
 * slashes as they are, every other byte percent-encoded. */
static char *S_uri(const char *path)
{
	size_t n = strlen(path);
	char *u = malloc(3 * n + 1), *o = u;
	if (!u)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = '\0';
	return u;
}

/* A string of the outside world (a file name) as JSON text: invalid UTF-8
 * bytes become U+FFFD, as jansson takes valid UTF-8 only. */
static json_t *S_text(const char *s)
{
	json_t *j = json_string(s);
	if (j)
		return j;
	size_t n = strlen(s), o = 0;
	char *t = malloc(3 * n + 1);
	if (!t)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
		size_t k = 1;
		while (len && k < len && (p[k] & 0xC0) == 0x80)
			k++;
		json_t *one = len && k == len ? json_stringn((const char *)p, len) : NULL;
		if (one) {
			memcpy(t + o, p, len);
			o += len;
			p += len;
			json_decref(one);
		} else {
			memcpy(t + o, "\xEF\xBF\xBD", 3);
			o += 3;
			p++;
		}
	}
	t[o] = '\0';
	j = json_string(t);
	free(t);
	return j;
}

static const char *S_level(clausier_severity s)
{
	return s == CLAUSIER_CHECK_ERROR ? "error" : "warning";
}

static int S_set(json_t *obj, const char *key, json_t *value)
{
	/* json_object_set_new takes value, even NULL (then fails) */
	return value ? json_object_set_new(obj, key, value) : -1;
}

static void S_add(cli_findings *fs, const char *file, int line, int column, const char *level, const char *rule,
                  const char *message, const char *reference, const char *clause)
{
	if (fs->failed)
		return;
	json_t *r = json_object();
	int bad = !r;
	if (fs->format == CLI_FINDINGS_JSON) {
		bad |= S_set(r, "file", S_text(file));
		if (line > 0)
			bad |= S_set(r, "line", json_integer(line));
		if (column > 0)
			bad |= S_set(r, "column", json_integer(column));
		bad |= S_set(r, "severity", json_string(level));
		if (rule)
			bad |= S_set(r, "rule", json_string(rule));
		if (clause)
			bad |= S_set(r, "clause", json_string(clause));
		bad |= S_set(r, "message", json_string(message));
		if (reference)
			bad |= S_set(r, "reference", json_string(reference));
	} else {
		if (rule) {
			json_t *idx = json_object_get(fs->rule_index, rule);
			if (!idx) {
				json_t *d = json_object();
				bad |= !d || S_set(d, "id", json_string(rule)) || json_array_append_new(fs->rules, d);
				idx = json_integer((json_int_t)json_array_size(fs->rules) - 1);
				bad |= S_set(fs->rule_index, rule, idx);
			}
			bad |= S_set(r, "ruleId", json_string(rule));
			bad |= S_set(r, "ruleIndex", json_integer(json_integer_value(idx)));
		}
		bad |= S_set(r, "level", json_string(level));
		json_t *msg = json_object();
		bad |= !msg || S_set(msg, "text", json_string(message)) || S_set(r, "message", msg);
		char *uri = S_uri(file);
		json_t *art = json_object(), *phys = json_object(), *loc = json_object(), *locs = json_array();
		bad |= !uri || !art || !phys || !loc || !locs;
		bad |= S_set(art, "uri", json_string(uri ? uri : ""));
		free(uri);
		bad |= S_set(phys, "artifactLocation", art);
		if (line > 0) {
			json_t *region = json_object();
			bad |= !region || S_set(region, "startLine", json_integer(line));
			if (column > 0)
				bad |= S_set(region, "startColumn", json_integer(column));
			bad |= S_set(phys, "region", region);
		}
		bad |= S_set(loc, "physicalLocation", phys);
		if (clause) {
			json_t *ll = json_array(), *l = json_object();
			bad |= !ll || !l || S_set(l, "name", json_string(clause)) || S_set(l, "kind", json_string("member")) ||
			       json_array_append_new(ll, l) || S_set(loc, "logicalLocations", ll);
		}
		bad |= json_array_append_new(locs, loc) || S_set(r, "locations", locs);
		if (reference) {
			json_t *props = json_object();
			bad |= !props || S_set(props, "reference", json_string(reference)) || S_set(r, "properties", props);
		}
	}
	if (bad || json_array_append_new(fs->results, r))
		fs->failed = 1;
}

void cli_findings_add(cli_findings *fs, const char *file, int line, int column, clausier_severity severity,
                      const char *rule, const char *message, const char *reference, const char *clause)
{
	S_add(fs, file, line, column, S_level(severity), rule, message, reference, clause);
}

void cli_findings_note(cli_findings *fs, const char *file, int line, const char *message)
{
	S_add(fs, file, line, 0, "note", NULL, message, NULL, NULL);
}

int cli_findings_finish(cli_findings *fs)
{
	if (!fs)
		return 1;
	json_t *doc = NULL;
	int bad = fs->failed;
	if (!bad && fs->format == CLI_FINDINGS_JSON) {
		doc = fs->results;
		fs->results = NULL;
	} else if (!bad) {
		json_t *driver = json_object(), *tool = json_object(), *run = json_object(), *runs = json_array();
		doc = json_object();
		bad = !driver || !tool || !run || !runs || !doc;
		bad |= S_set(driver, "name", json_string(fs->command));
		bad |= S_set(driver, "version", json_string(clausier_version()));
		bad |= S_set(driver, "informationUri", json_string("https://clausier.org/"));
		bad |= S_set(driver, "rules", fs->rules);
		fs->rules = NULL;
		bad |= S_set(tool, "driver", driver);
		bad |= S_set(run, "tool", tool);
		bad |= S_set(run, "columnKind", json_string("unicodeCodePoints"));
		bad |= S_set(run, "results", fs->results);
		fs->results = NULL;
		bad |= json_array_append_new(runs, run);
		bad |= S_set(doc, "$schema", json_string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"));
		bad |= S_set(doc, "version", json_string("2.1.0"));
		bad |= S_set(doc, "runs", runs);
	}
	char *text = bad ? NULL : json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	int status = 0;
	if (!text) {
		fprintf(stderr, _("%s: out of memory\n"), cli_prog);
		status = 1;
	} else {
		status = fputs(text, stdout) < 0 || putchar('\n') == EOF || fflush(stdout) != 0;
		if (status)
			fprintf(stderr, _("%s: cannot write the output\n"), cli_prog);
	}
	free(text);
	json_decref(doc);
	json_decref(fs->results);
	json_decref(fs->rules);
	json_decref(fs->rule_index);
	free(fs);
	return status;
}
