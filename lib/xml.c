/* Reading XML safely: the rules of doc/design.md ("Safety rules").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

/* The schemas are compiled into the library (lib/schemas.c, generated from
 * data/schemas/) so that an uninstalled or relocated library validates
 * exactly as an installed one. */
extern const char clausier__schema_catalog[];
extern const char clausier__schema_profile[];

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static xmlRelaxNGPtr S_schemas[2];

static void S_quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void S_init(void)
{
	const char *src[2] = { clausier__schema_catalog, clausier__schema_profile };
	xmlInitParser();
	for (int i = 0; i < 2; i++) {
		xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(src[i], (int)strlen(src[i]));
		if (!pc)
			continue;
		xmlRelaxNGSetParserStructuredErrors(pc, S_quiet, NULL);
		S_schemas[i] = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
}

/* Frees the compiled schemas when the library is unloaded, so that leak
 * checkers see nothing of ours.  xmlCleanupParser is the program's call. */
__attribute__((destructor)) static void S_fini(void)
{
	for (int i = 0; i < 2; i++) {
		if (S_schemas[i])
			xmlRelaxNGFree(S_schemas[i]);
		S_schemas[i] = NULL;
	}
}

int clausier__read_file(char **out, size_t *len, const char *path, clausier_error *err)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		clausier__error_set(err, CLAUSIER_EIO, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return CLAUSIER_EIO;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		clausier__error_set(err, CLAUSIER_EIO, path, 0, 0, _("not a regular file"));
		close(fd);
		return CLAUSIER_EIO;
	}
	if ((unsigned long long)st.st_size > CLAUSIER_MAX_INPUT_SIZE) {
		clausier__error_set(err, CLAUSIER_ETOOBIG, path, 0, 0,
		                    _("file too large: %lld bytes, the limit is %u"),
		                    (long long)st.st_size, CLAUSIER_MAX_INPUT_SIZE);
		close(fd);
		return CLAUSIER_ETOOBIG;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		close(fd);
		clausier__error_set(err, CLAUSIER_ENOMEM, path, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (;;) {
		/* The file may grow while we read it: the cap still holds. */
		if (n == cap - 1) {
			if (cap - 1 >= CLAUSIER_MAX_INPUT_SIZE) {
				char probe;
				if (read(fd, &probe, 1) > 0) {
					free(buf);
					close(fd);
					clausier__error_set(err, CLAUSIER_ETOOBIG, path, 0, 0,
					                    _("file too large: the limit is %u bytes"),
					                    CLAUSIER_MAX_INPUT_SIZE);
					return CLAUSIER_ETOOBIG;
				}
				break;
			}
			size_t ncap = cap * 2 > CLAUSIER_MAX_INPUT_SIZE + 1 ? CLAUSIER_MAX_INPUT_SIZE + 1 : cap * 2;
			char *p = realloc(buf, ncap);
			if (!p) {
				free(buf);
				close(fd);
				clausier__error_set(err, CLAUSIER_ENOMEM, path, 0, 0, _("out of memory"));
				return CLAUSIER_ENOMEM;
			}
			buf = p;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			clausier__error_set(err, CLAUSIER_EIO, path, 0, 0, _("cannot read: %s"), strerror(e));
			return CLAUSIER_EIO;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return CLAUSIER_OK;
}

/* What the parser's callbacks report back. */
typedef struct {
	clausier_error *err;
	const char *name;
	int failed;
	int code;
} S_state;

__attribute__((format(printf, 5, 6)))
static void S_first_error(S_state *st, int code, int line, int col, const char *fmt, ...)
{
	if (st->failed)
		return;
	st->failed = 1;
	st->code = code;
	va_list ap;
	va_start(ap, fmt);
	clausier__error_vset(st->err, code, st->name, line, col, fmt, ap);
	va_end(ap);
}

static void S_on_parse_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	S_state *st = ctxt->_private;
	if (!st || e->level == XML_ERR_WARNING)
		return;
	char msg[400];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "");
	msg[strcspn(msg, "\n")] = '\0';
	S_first_error(st, CLAUSIER_EPARSE, e->line, e->int2, _("malformed XML: %s"), msg);
}

/* A DOCTYPE is where entity bombs and external entities live: refuse it
 * before libxml2 reads a single declaration. */
static void S_refuse_doctype(void *data, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = data;
	(void)name, (void)ext, (void)sys;
	S_state *st = ctxt->_private;
	if (st)
		S_first_error(st, CLAUSIER_EPARSE, xmlSAX2GetLineNumber(ctxt), 0,
		              _("a DOCTYPE declaration is not allowed"));
	xmlStopParser(ctxt);
}

static void S_on_valid_error(void *data, xmlErrorPtr e)
{
	S_state *st = data;
	char msg[400];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "");
	msg[strcspn(msg, "\n")] = '\0';
	int line = e->line;
	if (line <= 0 && e->node)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	S_first_error(st, CLAUSIER_EINVALID, line, 0, _("does not follow the schema: %s"), msg);
}

int clausier__xml_load(xmlDocPtr *out, const char *data, size_t len, const char *name,
                       enum clausier__schema schema, clausier_error *err)
{
	*out = NULL;
	pthread_once(&S_once, S_init);
	if (!name)
		name = "<memory>";
	if (len > CLAUSIER_MAX_INPUT_SIZE) {
		clausier__error_set(err, CLAUSIER_ETOOBIG, name, 0, 0,
		                    _("file too large: %zu bytes, the limit is %u"), len,
		                    CLAUSIER_MAX_INPUT_SIZE);
		return CLAUSIER_ETOOBIG;
	}
	if (!S_schemas[schema]) {
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("cannot compile the schema"));
		return CLAUSIER_ENOMEM;
	}

	S_state st = { err, name, 0, CLAUSIER_OK };
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	ctxt->_private = &st;
	ctxt->sax->internalSubset = S_refuse_doctype;
	ctxt->sax->serror = S_on_parse_error;
	/* NONET: never fetch anything.  Deliberately absent: NOENT (entity
	 * substitution), DTDLOAD, HUGE, XINCLUDE, RECOVER.  The encoding is
	 * forced to UTF-8: bytes that are not UTF-8 are an error, whatever the
	 * XML declaration claims. */
	int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8", opts);
	int wellformed = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);

	if (st.failed || !doc || !wellformed) {
		if (!st.failed)
			clausier__error_set(err, CLAUSIER_EPARSE, name, 0, 0, _("malformed XML"));
		xmlFreeDoc(doc);
		return st.failed ? st.code : CLAUSIER_EPARSE;
	}
	if (doc->intSubset || doc->extSubset) {
		clausier__error_set(err, CLAUSIER_EPARSE, name, 0, 0, _("a DOCTYPE declaration is not allowed"));
		xmlFreeDoc(doc);
		return CLAUSIER_EPARSE;
	}

	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(S_schemas[schema]);
	if (!vc) {
		xmlFreeDoc(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	xmlRelaxNGSetValidStructuredErrors(vc, S_on_valid_error, &st);
	int rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (rc != 0) {
		if (!st.failed)
			clausier__error_set(err, CLAUSIER_EINVALID, name, 0, 0,
			                    _("does not follow the schema"));
		xmlFreeDoc(doc);
		return CLAUSIER_EINVALID;
	}
	*out = doc;
	return CLAUSIER_OK;
}
