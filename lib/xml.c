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
extern const char clausier__schema_policy[];
extern const char clausier__schema_genre[];
extern const char clausier__schema_crosswalk[];
extern const char clausier__schema_jurisdiction[];

/* Each schema is compiled twice, each time on first use (a program that
 * reads only catalogs compiles one schema): as written, and without its
 * pattern facets.  libxml2 compiles a pattern facet into a regular expression
 * every time it checks a value against it (xmlRelaxNGSchemaFacetCheck: a new
 * facet, xmlSchemaCheckFacet, then free), which was four fifths of the RELAX
 * NG validation of the default catalogs: every xml:lang, id and name.  A
 * document is validated against the schema without patterns, and the
 * attributes those patterns constrained are checked here (S_patterns); only
 * when either fails is it validated again against the schema as written, which
 * decides and whose first error is explained as before.  Relaxing a data
 * pattern only widens what a RELAX NG schema accepts, and every attribute of
 * a name listed for the schema is checked wherever it is, so the fast path
 * accepts nothing the schema as written refuses.  The compiled schemas are
 * immutable once parsed; each validation has its own xmlRelaxNGValidCtxt. */
static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;
#define S_NSCHEMAS 6
static xmlRelaxNGPtr S_schemas[S_NSCHEMAS]; /* as written */
static xmlRelaxNGPtr S_fast[S_NSCHEMAS];    /* without pattern facets */
static unsigned char S_tried[S_NSCHEMAS], S_tried_fast[S_NSCHEMAS];

static void S_quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void S_init(void)
{
	xmlInitParser();
}

static const char *S_source_of(int i)
{
	const char *src[S_NSCHEMAS] = { clausier__schema_catalog, clausier__schema_profile,
		                        clausier__schema_policy, clausier__schema_genre,
		                        clausier__schema_crosswalk, clausier__schema_jurisdiction };
	return src[i];
}

static xmlRelaxNGPtr S_compile(const char *src, size_t len)
{
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(src, (int)len);
	if (!pc)
		return NULL;
	xmlRelaxNGSetParserStructuredErrors(pc, S_quiet, NULL);
	xmlRelaxNGPtr s = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	return s;
}

#define S_FACET_OPEN "<param name=\"pattern\">"

/* The schema's source without its <param name="pattern">…</param>. */
static xmlRelaxNGPtr S_compile_fast(const char *src)
{
	size_t len = strlen(src);
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	char *o = out;
	for (const char *p = src;;) {
		const char *f = strstr(p, S_FACET_OPEN);
		const char *e = f ? strstr(f, "</param>") : NULL;
		if (!e) {
			memcpy(o, p, strlen(p) + 1);
			break;
		}
		memcpy(o, p, (size_t)(f - p));
		o += f - p;
		p = e + strlen("</param>");
	}
	xmlRelaxNGPtr s = S_compile(out, strlen(out));
	free(out);
	return s;
}

/* The compiled schema i, as written (fast 0) or without patterns (fast 1),
 * compiled on first use; NULL if it cannot be. */
static xmlRelaxNGPtr S_schema(int i, int fast)
{
	xmlRelaxNGPtr *slot = fast ? &S_fast[i] : &S_schemas[i];
	unsigned char *tried = fast ? &S_tried_fast[i] : &S_tried[i];
	if (__atomic_load_n(tried, __ATOMIC_ACQUIRE))
		return *slot;
	pthread_mutex_lock(&S_lock);
	if (!*tried) {
		*slot = fast ? S_compile_fast(S_source_of(i)) : S_compile(S_source_of(i), strlen(S_source_of(i)));
		__atomic_store_n(tried, 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&S_lock);
	return *slot;
}

/* Frees the compiled schemas when the library is unloaded, so that leak
 * checkers see nothing of ours.  xmlCleanupParser is the program's call. */
__attribute__((destructor)) static void S_fini(void)
{
	for (int i = 0; i < S_NSCHEMAS; i++) {
		if (S_schemas[i])
			xmlRelaxNGFree(S_schemas[i]);
		if (S_fast[i])
			xmlRelaxNGFree(S_fast[i]);
		S_schemas[i] = S_fast[i] = NULL;
		S_tried[i] = S_tried_fast[i] = 0;
	}
}

/* The patterns of data/schemas/, as XML Schema regular expressions match
 * (the whole value, ASCII classes).  Keep in step with the schemas:
 * tests/schema-patterns.sh compares them. */
enum { S_P_LANG, S_P_ID, S_P_NAME, S_P_WORDS, S_P_DATE };

static int S_lower_digit(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int S_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int S_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int S_pattern_ok(int pattern, const char *v)
{
	const unsigned char *p = (const unsigned char *)v;
	size_t n = 0;
	switch (pattern) {
	case S_P_LANG: /* [A-Za-z]{2,3}([\-_][A-Za-z0-9]{1,8})* */
		while (S_alpha(p[n]))
			n++;
		if (n < 2 || n > 3)
			return 0;
		p += n;
		while (*p == '-' || *p == '_') {
			p++;
			for (n = 0; S_alpha(p[n]) || S_digit(p[n]); n++)
				;
			if (n < 1 || n > 8)
				return 0;
			p += n;
		}
		return !*p;
	case S_P_ID: /* [a-z0-9]+(-[a-z0-9]+)* */
		for (;;) {
			if (!S_lower_digit(*p))
				return 0;
			while (S_lower_digit(*p))
				p++;
			if (!*p)
				return 1;
			if (*p++ != '-')
				return 0;
		}
	case S_P_NAME: /* [a-z][a-z0-9_]* */
		if (!(*p >= 'a' && *p <= 'z'))
			return 0;
		while (S_lower_digit(*p) || *p == '_')
			p++;
		return !*p;
	case S_P_WORDS: /* a list of [a-z0-9_]+, separated by single spaces */
		for (;;) {
			if (!(S_lower_digit(*p) || *p == '_'))
				return 0;
			while (S_lower_digit(*p) || *p == '_')
				p++;
			if (!*p)
				return 1;
			if (*p++ != ' ')
				return 0;
		}
	case S_P_DATE: /* [0-9]{4}-[0-9]{2}-[0-9]{2} */
		for (int i = 0; i < 10; i++)
			if (i == 4 || i == 7 ? p[i] != '-' : !S_digit(p[i]))
				return 0;
		return !p[10];
	}
	return 0;
}

/* Per schema, every attribute one of its patterns constrains ("xml:lang"
 * is in the XML namespace, the others in none) and that pattern. */
typedef struct {
	unsigned schemas; /* bit (1u << clausier__schema) */
	const char *attribute;
	int pattern;
} S_pattern_rule;

static const S_pattern_rule S_pattern_rules[] = {
	{ 1 | 32, "xml:lang", S_P_LANG },
	{ 1 | 8, "id", S_P_ID },
	{ 1, "section", S_P_ID },
	{ 1 | 2 | 4 | 32, "name", S_P_NAME },
	{ 1, "when", S_P_NAME },
	{ 1, "choices", S_P_WORDS },
	{ 2 | 4, "catalog", S_P_ID },
	{ 2 | 4, "revised", S_P_DATE },
	{ 16, "from", S_P_ID },
	{ 16, "to", S_P_ID },
};

/* 1 when every attribute of the document that a pattern of the schema
 * constrains, wherever it is, matches it; 0 otherwise (a value with white
 * space included: the schema as written decides). */
static int S_patterns(xmlNodePtr root, enum clausier__schema schema)
{
	unsigned bit = 1u << schema;
	for (xmlNodePtr n = root; n;) {
		if (n->type == XML_ELEMENT_NODE) {
			for (xmlAttrPtr a = n->properties; a; a = a->next) {
				int xml = a->ns && a->ns->href && !strcmp((const char *)a->ns->href,
				                                          (const char *)XML_XML_NAMESPACE);
				for (size_t i = 0; i < sizeof S_pattern_rules / sizeof *S_pattern_rules; i++) {
					const S_pattern_rule *r = &S_pattern_rules[i];
					if (!(r->schemas & bit))
						continue;
					const char *want = r->attribute;
					int want_xml = !strncmp(want, "xml:", 4);
					if (want_xml)
						want += 4;
					if (want_xml != xml || strcmp(want, (const char *)a->name))
						continue;
					/* an attribute's value is its one text child */
					xmlNodePtr t = a->children;
					const char *v = t && t->type == XML_TEXT_NODE && !t->next && t->content
					                        ? (const char *)t->content
					                        : NULL;
					if (!v || !S_pattern_ok(r->pattern, v))
						return 0;
				}
			}
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
	return 1;
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

int clausier__load_file(const char *path, clausier_error *err,
                        int (*load)(void *ctx, const char *data, size_t len, const char *name,
                                    clausier_error *err),
                        void *ctx)
{
	if (!path) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	char *data;
	size_t len;
	int rc = clausier__read_file(&data, &len, path, err);
	if (rc != CLAUSIER_OK)
		return rc;
	rc = load(ctx, data, len, path, err);
	free(data);
	return rc;
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

/* What the schemas allow, for explaining a failure in words: RELAX NG's own
 * messages ("Element clause failed to validate attributes") say neither
 * which attribute nor why.  The schema still decides validity; this table
 * only names the culprit.  Keep it in step with data/schemas/. */
typedef struct {
	unsigned schemas; /* bit (1u << clausier__schema) */
	const char *element, *attribute;
	int required;
	const char *values; /* space-separated; NULL: any value; "=PATTERN" as documented */
	int list;           /* a space-separated list of values */
} S_attr_rule;

/* the jurisdictions the schemas know (a country covers its regions) */
#define S_JURISDICTIONS "FR CA CA-QC CA-ON US"
#define S_TOPICS \
	"purpose scope definitions working-time-use personal-responsibility transparency " \
	"confidentiality privacy digital-footprint reputation official-accounts spokespeople " \
	"crisis-response disclaimers intellectual-property respect-and-harassment legal-compliance " \
	"security good-practice monitoring protected-activity sanctions contacts entry-into-force " \
	"acknowledgement " \
	"accessibility records-and-access moderation political-activity legal-framework roles " \
	"languages incidents employee-advocacy market-abuse commercial-influence disconnection " \
	"generative-ai messaging data-transfers reporting-to-authorities references hiring " \
	"business-contacts"

static const S_attr_rule S_rules[] = {
	{ 1, "catalog", "version", 1, "1", 0 },
	{ 1, "catalog", "id", 1, "=lowercase-words", 0 },
	{ 1, "catalog", "genre", 1, "smp charte", 0 },
	{ 1, "catalog", "lang", 1, NULL, 0 },
	{ 1, "section", "id", 1, "=lowercase-words", 0 },
	{ 1, "param", "name", 1, "=name", 0 },
	{ 1, "param", "type", 1, "text email url date number duration money list choice boolean name", 0 },
	{ 1, "param", "unit", 0, "hour day week month", 0 },
	{ 1, "param", "choices", 0, NULL, 0 },
	{ 1, "param", "default", 0, NULL, 0 },
	{ 1, "param", "from", 0, "jurisdiction", 0 },
	{ 1, "clause", "id", 1, "=lowercase-words", 0 },
	{ 1, "clause", "topic", 1, S_TOPICS, 0 },
	{ 1, "clause", "section", 0, NULL, 0 },
	{ 1, "clause", "kind", 0, "rule advice definition procedure notice", 0 },
	{ 1, "clause", "strength", 0, "must should may", 0 },
	{ 1, "clause", "genres", 0, "smp charte", 1 },
	{ 1, "clause", "sectors", 0, "health education nonprofit public private", 1 },
	{ 1, "clause", "revision", 0, "=positive", 0 },
	{ 1, "clause", "when", 0, "=name", 0 },
	{ 1, "clause", "jurisdictions", 0, S_JURISDICTIONS, 1 },
	{ 1, "body", "risk", 0, "strict open", 0 },
	{ 1, "body", "jurisdictions", 0, S_JURISDICTIONS, 1 },
	{ 1, "text", "lang", 0, NULL, 0 },
	{ 2, "profile", "version", 1, "1", 0 },
	{ 2, "profile", "sector", 0, "health education nonprofit public private", 0 },
	{ 2, "profile", "jurisdiction", 0, S_JURISDICTIONS, 0 },
	{ 2, "profile", "risk", 0, "strict balanced open", 0 },
	{ 2, "profile", "locales", 0, NULL, 0 },
	{ 2, "profile", "prevailing", 0, "en fr equal", 0 },
	{ 2 | 4, "value", "name", 1, "=name", 0 },
	{ 2 | 4, "value", "lang", 0, "=language", 0 },
	{ 2 | 4, "value", "article", 0, "le la l’ l' les the none", 0 },
	{ 2 | 4, "value", "gender", 0, "m f", 0 },
	{ 2 | 4, "value", "number", 0, "singular plural", 0 },
	{ 2 | 4, "value", "elision", 0, "yes no", 0 },
	{ 4, "kept", "name", 1, "=name", 0 },
	{ 4, "kept", "lang", 0, NULL, 0 },
	{ 4, "kept", "article", 0, "le la l’ l' les the none", 0 },
	{ 4, "kept", "gender", 0, "m f", 0 },
	{ 4, "kept", "number", 0, "singular plural", 0 },
	{ 4, "kept", "elision", 0, "yes no", 0 },
	{ 2, "profile", "catalog", 0, "=lowercase-words", 0 },
	{ 2, "profile", "revised", 0, "=date", 0 },
	{ 4, "policy", "revised", 0, "=date", 0 },
	{ 4, "policy", "version", 1, "1", 0 },
	{ 4, "policy", "catalog", 1, "=lowercase-words", 0 },
	{ 4, "policy", "genre", 1, "smp charte", 0 },
	{ 4, "policy", "sector", 0, "health education nonprofit public private", 0 },
	{ 4, "policy", "jurisdiction", 0, S_JURISDICTIONS, 0 },
	{ 4, "policy", "risk", 1, "strict balanced open", 0 },
	{ 4, "clause", "ref", 1, NULL, 0 },
	{ 4, "clause", "risk", 1, "strict balanced open", 0 },
	{ 4, "clause", "jurisdictions", 0, NULL, 0 },
	{ 4, "policy", "locales", 0, NULL, 0 },
	{ 4, "policy", "prevailing", 0, "en fr equal", 0 },
	{ 2, "include", "clause", 1, NULL, 0 },
	{ 2, "exclude", "clause", 1, NULL, 0 },
	{ 2, "replace", "clause", 1, NULL, 0 },
	{ 2, "replace", "with", 1, NULL, 0 },
	{ 8, "genre", "version", 1, "1", 0 },
	{ 8, "genre", "id", 1, "smp charte", 0 },
	{ 8, "genre", "origin", 1, S_JURISDICTIONS, 0 },
	{ 8, "section", "id", 1, "=lowercase-words", 0 },
	{ 8, "section", "topics", 1, S_TOPICS, 1 },
	{ 8, "section", "kind", 0, "rules advice", 0 },
	{ 8, "element", "id", 1, "=lowercase-words", 0 },
	{ 8, "element", "topics", 1, S_TOPICS, 1 },
	{ 8, "element", "status", 1, "required customary", 0 },
	{ 8, "element", "jurisdictions", 0, S_JURISDICTIONS, 1 },
	{ 8, "element", "sectors", 0, "health education nonprofit public private", 1 },
	{ 8, "formality", "id", 1, "=lowercase-words", 0 },
	{ 8, "formality", "jurisdictions", 0, S_JURISDICTIONS, 1 },
	{ 8, "formality", "sectors", 0, "health education nonprofit public private", 1 },
	{ 8, "formality", "when", 0, S_TOPICS, 0 },
	{ 8, "formality", "reference", 0, NULL, 0 },
	{ 8 | 16, "title", "lang", 1, NULL, 0 },
	{ 8, "description", "lang", 1, NULL, 0 },
	{ 8, "text", "lang", 1, NULL, 0 },
	{ 8 | 16, "why", "lang", 1, NULL, 0 },
	{ 16, "crosswalk", "version", 1, "1", 0 },
	{ 16, "crosswalk", "from", 1, "=lowercase-words", 0 },
	{ 16, "crosswalk", "to", 1, "=lowercase-words", 0 },
	{ 16, "topic", "from", 0, S_TOPICS, 0 },
	{ 16, "topic", "to", 0, S_TOPICS, 0 },
	{ 16, "topic", "relation", 1, "exact close broader narrower related none", 0 },
	{ 16, "match", "from", 0, "=lowercase-words", 0 },
	{ 16, "match", "to", 0, "=lowercase-words", 0 },
	{ 16, "match", "relation", 1, "exact close broader narrower related none", 0 },
	{ 32, "jurisdiction", "version", 1, "1", 0 },
	{ 32, "jurisdiction", "id", 1, S_JURISDICTIONS, 0 },
	{ 32, "jurisdiction", "parent", 0, S_JURISDICTIONS, 0 },
	{ 32, "jurisdiction", "prevailing", 0, "en fr equal", 0 },
	{ 32, "jurisdiction", "prevailing-by-law", 0, "yes no", 0 },
	{ 32, "jurisdiction", "lang", 1, NULL, 0 },
	{ 32, "fact", "name", 1, "=name", 0 },
	{ 32, "fact", "sectors", 0, "health education nonprofit public private", 1 },
	{ 32, "prevailing", "sectors", 0, "health education nonprofit public private", 1 },
	{ 32, "fact", "gender", 0, "m f", 0 },
	{ 32, "text", "lang", 0, NULL, 0 },
};

static int S_word_in(const char *w, size_t n, const char *set)
{
	for (const char *p = set; *p;) {
		size_t len = strcspn(p, " ");
		if (len == n && !strncmp(p, w, n))
			return 1;
		p += len;
		while (*p == ' ')
			p++;
	}
	return 0;
}

static int S_value_ok(const S_attr_rule *r, const char *v)
{
	if (!r->values)
		return 1;
	if (r->values[0] == '=') {
		const char *kind = r->values + 1;
		if (!*v)
			return 0;
		if (!strcmp(kind, "language")) {
			/* XML Schema's language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
			for (const char *p = v;; p++) {
				size_t n = 0;
				while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				       (p - n != v && *p >= '0' && *p <= '9'))
					p++, n++;
				if (n < 1 || n > 8 || (*p && *p != '-'))
					return 0;
				if (!*p)
					return 1;
			}
		}
		for (const char *p = v; *p; p++) {
			int lower = *p >= 'a' && *p <= 'z', digit = *p >= '0' && *p <= '9';
			if (!strcmp(kind, "positive") && !digit)
				return 0;
			if (!strcmp(kind, "name") && !(lower || digit || *p == '_'))
				return 0;
			if (!strcmp(kind, "lowercase-words") && !(lower || digit || *p == '-'))
				return 0;
			if (!strcmp(kind, "date") && !(digit || *p == '-'))
				return 0;
		}
		if (!strcmp(kind, "name") && !(v[0] >= 'a' && v[0] <= 'z'))
			return 0;
		if (!strcmp(kind, "positive") && atoi(v) < 1)
			return 0;
		return 1;
	}
	if (!r->list)
		return S_word_in(v, strlen(v), r->values);
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, " ");
		if (len && !S_word_in(p, len, r->values))
			return 0;
		p += len;
		while (*p == ' ')
			p++;
	}
	return 1;
}

/* "a b c" as "a, b, c". */
static void S_commas(char *out, size_t size, const char *words)
{
	size_t o = 0;
	for (const char *p = words; *p && o + 3 < size; p++) {
		if (*p == ' ') {
			out[o++] = ',';
			out[o++] = ' ';
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
}

/* ---- where an element or an attribute is written in the source ----
 * libxml2 gives an element the line its start tag ends on; a start tag
 * written over several lines has its attributes above it.  The source is
 * read again instead: the element's rank in document order is the rank of
 * its start tag among the source's start tags (comments, processing
 * instructions, CDATA sections and end tags skipped; quotes honoured inside
 * a tag), and within that tag the attribute's name is found outside quotes. */

static int S_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The offset just past the first "end" at or after from, or len. */
static size_t S_past(const char *d, size_t len, size_t from, const char *end)
{
	size_t n = strlen(end);
	for (size_t i = from; i + n <= len; i++)
		if (!memcmp(d + i, end, n))
			return i + n;
	return len;
}

/* The offset of the '<' of the start tag of the k-th element (0-based, in
 * document order), or -1. */
static long S_start_tag(const char *d, size_t len, size_t k)
{
	size_t seen = 0;
	for (size_t i = 0; i < len; i++) {
		if (d[i] != '<' || i + 1 >= len)
			continue;
		if (len - i >= 4 && !memcmp(d + i, "<!--", 4)) {
			i = S_past(d, len, i + 4, "-->") - 1;
		} else if (len - i >= 9 && !memcmp(d + i, "<![CDATA[", 9)) {
			i = S_past(d, len, i + 9, "]]>") - 1;
		} else if (d[i + 1] == '?') {
			i = S_past(d, len, i + 2, "?>") - 1;
		} else if (d[i + 1] == '!' || d[i + 1] == '/') {
			i = S_past(d, len, i + 2, ">") - 1;
		} else {
			if (seen++ == k)
				return (long)i;
			char q = 0;
			for (i++; i < len && (q || d[i] != '>'); i++)
				if (q && d[i] == q)
					q = 0;
				else if (!q && (d[i] == '"' || d[i] == '\''))
					q = d[i];
		}
	}
	return -1;
}

/* The offset of attribute qname in the start tag at offset tag, or -1. */
static long S_attr_offset(const char *d, size_t len, size_t tag, const char *qname)
{
	size_t i = tag + 1, n = strlen(qname);
	while (i < len && !S_ws(d[i]) && d[i] != '/' && d[i] != '>')
		i++;
	for (;;) {
		while (i < len && S_ws(d[i]))
			i++;
		if (i >= len || d[i] == '/' || d[i] == '>')
			return -1;
		size_t start = i;
		while (i < len && !S_ws(d[i]) && d[i] != '=' && d[i] != '/' && d[i] != '>')
			i++;
		if (i - start == n && !memcmp(d + start, qname, n))
			return (long)start;
		while (i < len && S_ws(d[i]))
			i++;
		if (i >= len || d[i] != '=')
			return -1;
		for (i++; i < len && S_ws(d[i]); i++)
			;
		if (i >= len || (d[i] != '"' && d[i] != '\''))
			return -1;
		char q = d[i++];
		while (i < len && d[i] != q)
			i++;
		i++;
	}
}

/* The rank of element n among the document's elements, in document order. */
static size_t S_rank(xmlNodePtr n)
{
	size_t rank = 0;
	xmlNodePtr c = n && n->doc ? xmlDocGetRootElement(n->doc) : NULL;
	while (c && c != n) {
		if (c->type == XML_ELEMENT_NODE)
			rank++;
		if (c->type == XML_ELEMENT_NODE && c->children) {
			c = c->children;
			continue;
		}
		while (c && !c->next && c->parent && c->parent->type == XML_ELEMENT_NODE)
			c = c->parent;
		c = c ? c->next : NULL;
	}
	return rank;
}

/* The line and 1-based column (in characters) of attribute attr (NULL: the
 * start tag) of element n in the source; the element's line and column 0
 * when the source does not say. */
static int S_position(const char *d, size_t len, xmlNodePtr n, const char *attr, int *column)
{
	*column = 0;
	int line = clausier__xml_line(n);
	long at = d && n && n->type == XML_ELEMENT_NODE ? S_start_tag(d, len, S_rank(n)) : -1;
	if (at >= 0 && attr)
		at = S_attr_offset(d, len, (size_t)at, attr);
	if (at < 0)
		return line;
	line = 1;
	size_t bol = 0;
	for (size_t i = 0; i < (size_t)at; i++)
		if (d[i] == '\n')
			line++, bol = i + 1;
	int col = 1;
	for (size_t i = bol; i < (size_t)at; i++)
		col += ((unsigned char)d[i] & 0xC0) != 0x80;
	*column = col;
	return line;
}

/* What a loaded document keeps of its source, for positions. */
typedef struct {
	const char *data;
	size_t len;
} S_source;

int clausier__xml_where(xmlNodePtr n, const char *attr, int *column)
{
	const S_source *src = n && n->doc ? n->doc->_private : NULL;
	int col;
	int line = S_position(src ? src->data : NULL, src ? src->len : 0, n, attr, &col);
	if (column)
		*column = col;
	return line;
}

void clausier__xml_free(xmlDocPtr doc)
{
	if (!doc)
		return;
	free(doc->_private);
	doc->_private = NULL;
	xmlFreeDoc(doc);
}

typedef struct {
	const char *data;
	size_t len;
	xmlNodePtr node; /* the element libxml2 complained about */
	char message[400];
	int failed;
} S_valid_state;

static void S_on_valid_error(void *data, xmlErrorPtr e)
{
	S_valid_state *vs = data;
	if (vs->failed)
		return;
	vs->failed = 1;
	vs->node = e->node;
	snprintf(vs->message, sizeof vs->message, "%s", e->message ? e->message : "");
	vs->message[strcspn(vs->message, "\n")] = '\0';
}

/* Why value v of an attribute breaks rule r, as a sentence. */
static void S_explain_attr(const S_attr_rule *r, const char *v, const char *el, const char *name, int line, int col,
                           clausier_error *err)
{
	if (r->values[0] == '=')
		clausier__error_set(err, CLAUSIER_EINVALID, name, line, col,
		                    !strcmp(r->values, "=name")
		                            ? _("“%s” is not a valid %s on <%s>: use lowercase letters, digits and _ (ICU does not allow hyphens in argument names)")
		                    : !strcmp(r->values, "=positive")
		                            ? _("“%s” is not a valid %s on <%s>: use a whole number from 1")
		                    : !strcmp(r->values, "=date")
		                            ? _("“%s” is not a valid %s on <%s>: write a date as YYYY-MM-DD")
		                    : !strcmp(r->values, "=language")
		                            ? _("“%s” is not a valid %s on <%s>: write a language tag such as fr or fr-CA")
		                            : _("“%s” is not a valid %s on <%s>: use lowercase words joined by hyphens"),
		                    v, r->attribute, el);
	else {
		char choices[600];
		S_commas(choices, sizeof choices, r->values);
		clausier__error_set(err, CLAUSIER_EINVALID, name, line, col,
		                    r->list ? _("“%s” is not a valid %s on <%s>: use one or more of %s")
		                            : _("“%s” is not a valid %s on <%s>: use one of %s"),
		                    v, r->attribute, el, choices);
	}
}

int clausier__xml_attr_check(enum clausier__schema schema, const char *element, const char *attribute,
                             const char *value, const char *source, clausier_error *err)
{
	for (size_t i = 0; i < sizeof S_rules / sizeof *S_rules; i++) {
		const S_attr_rule *r = &S_rules[i];
		if (!(r->schemas & (1u << schema)) || strcmp(r->element, element) || strcmp(r->attribute, attribute))
			continue;
		if (S_value_ok(r, value))
			return CLAUSIER_OK;
		S_explain_attr(r, value, element, source, 0, 0, err);
		return CLAUSIER_EINVALID;
	}
	return CLAUSIER_OK;
}

/* Turns the first validation error into a sentence with a position. */
static void S_explain(const S_valid_state *vs, enum clausier__schema schema, const char *name,
                      clausier_error *err)
{
	xmlNodePtr n = vs->node;
	int col = 0;
	/* where the element's start tag begins */
	int line = n ? S_position(vs->data, vs->len, n, NULL, &col) : 0;
	int ours = n && n->ns && !strcmp((const char *)n->ns->href, "https://clausier.org/ns/1");
	if (n && n->type == XML_ELEMENT_NODE && !ours && (!n->parent || n->parent->type != XML_ELEMENT_NODE)) {
		clausier__error_set(err, CLAUSIER_EINVALID, name, line, col,
		                    _("element <%s> is not in the clausier namespace (xmlns=\"https://clausier.org/ns/1\")"),
		                    (const char *)n->name);
		return;
	}
	static const char *const roots[S_NSCHEMAS] = { "catalog", "profile", "policy", "genre", "crosswalk",
		                                        "jurisdiction" };
	xmlNodePtr top = n;
	while (top && top->parent && top->parent->type == XML_ELEMENT_NODE)
		top = top->parent;
	if (top && top->type == XML_ELEMENT_NODE && (int)schema < S_NSCHEMAS && strcmp((const char *)top->name, roots[schema])) {
		/* another kind of clausier document: say so, rather than what
		 * this schema would find wrong in it */
		int tc;
		int tl = S_position(vs->data, vs->len, top, NULL, &tc);
		clausier__error_set(err, CLAUSIER_EINVALID, name, tl, tc,
		                    _("this is a <%s> document, where a <%s> is expected"), (const char *)top->name,
		                    roots[schema]);
		return;
	}
	if (n && n->type == XML_ELEMENT_NODE && ours) {
		const char *el = (const char *)n->name;
		for (size_t i = 0; i < sizeof S_rules / sizeof *S_rules; i++) {
			const S_attr_rule *r = &S_rules[i];
			if (!(r->schemas & (1u << schema)) || strcmp(r->element, el))
				continue;
			int is_lang = !strcmp(r->attribute, "lang");
			xmlChar *v = is_lang ? xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE)
			                     : xmlGetNoNsProp(n, (const xmlChar *)r->attribute);
			if (!v && r->required) {
				clausier__error_set(err, CLAUSIER_EINVALID, name, line, col,
				                    _("element <%s> lacks the required attribute “%s”"), el,
				                    is_lang ? "xml:lang" : r->attribute);
				return;
			}
			if (v && !S_value_ok(r, (const char *)v)) {
				int acol;
				int aline = S_position(vs->data, vs->len, n, is_lang ? "xml:lang" : r->attribute, &acol);
				S_explain_attr(r, (const char *)v, el, name, aline, acol, err);
				xmlFree(v);
				return;
			}
			xmlFree(v);
		}
		/* Attributes the schema does not know. */
		for (xmlAttrPtr a = n->properties; a; a = a->next) {
			int known = 0;
			for (size_t i = 0; i < sizeof S_rules / sizeof *S_rules && !known; i++)
				known = (S_rules[i].schemas & (1u << schema)) && !strcmp(S_rules[i].element, el) &&
				        !strcmp(S_rules[i].attribute, (const char *)a->name);
			if (!known && !a->ns) {
				int acol;
				int aline = S_position(vs->data, vs->len, n, (const char *)a->name, &acol);
				clausier__error_set(err, CLAUSIER_EINVALID, name, aline, acol,
				                    _("attribute “%s” is not allowed on <%s>"), (const char *)a->name, el);
				return;
			}
		}
	}
	if (n && n->type == XML_ELEMENT_NODE) {
		if (strstr(vs->message, "Did not expect element") || strstr(vs->message, "Expecting element") ||
		    !ours) {
			xmlNodePtr parent = n->parent;
			int here = parent && parent->type == XML_ELEMENT_NODE;
			clausier__error_set(err, CLAUSIER_EINVALID, name, line, col,
			                    here ? _("element <%s> is not allowed here, inside <%s>")
			                         : _("element <%s> is not allowed here%s"),
			                    (const char *)n->name, here ? (const char *)parent->name : "");
			return;
		}
	}
	clausier__error_set(err, CLAUSIER_EINVALID, name, line, 0, _("does not follow the schema: %s"),
	                    vs->message);
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
	if (!S_schema(schema, 1) && !S_schema(schema, 0)) {
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

	/* the source, for positions, as long as the caller keeps it */
	S_source *src = malloc(sizeof *src);
	if (!src) {
		xmlFreeDoc(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	src->data = data;
	src->len = len;
	doc->_private = src;
	/* the fast path: the schema without patterns, the patterns here */
	xmlRelaxNGPtr fast = S_schema(schema, 1);
	if (fast) {
		xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(fast);
		if (vc) {
			xmlRelaxNGSetValidStructuredErrors(vc, S_quiet, NULL);
			int ok = xmlRelaxNGValidateDoc(vc, doc) == 0 && S_patterns(xmlDocGetRootElement(doc), schema);
			xmlRelaxNGFreeValidCtxt(vc);
			if (ok) {
				*out = doc;
				return CLAUSIER_OK;
			}
		}
	}
	xmlRelaxNGPtr full = S_schema(schema, 0);
	xmlRelaxNGValidCtxtPtr vc = full ? xmlRelaxNGNewValidCtxt(full) : NULL;
	if (!vc) {
		clausier__xml_free(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0,
		                    full ? _("out of memory") : _("cannot compile the schema"));
		return CLAUSIER_ENOMEM;
	}
	S_valid_state vs = { data, len, NULL, "", 0 };
	xmlRelaxNGSetValidStructuredErrors(vc, S_on_valid_error, &vs);
	int rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (rc != 0) {
		S_explain(&vs, schema, name, err);
		clausier__xml_free(doc);
		return CLAUSIER_EINVALID;
	}
	*out = doc;
	return CLAUSIER_OK;
}

/* ---- documents read into one object (profiles, genres, crosswalks) ---- */

int clausier__doc_load_memory(void **out, const clausier__doc_kind *k, const char *data, size_t len,
                              const char *name, clausier_error *err)
{
	if (!out || (!data && len)) {
		clausier__error_set(err, CLAUSIER_EARG, name, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	if (!name)
		name = "<memory>";
	xmlDocPtr doc;
	int rc = clausier__xml_load(&doc, data ? data : "", len, name, k->schema, err);
	if (rc != CLAUSIER_OK)
		return rc;
	void *obj = calloc(1, k->size);
	if (!obj) {
		clausier__xml_free(doc);
		clausier__error_set(err, CLAUSIER_ENOMEM, name, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	rc = k->read(obj, name, xmlDocGetRootElement(doc), err);
	clausier__xml_free(doc);
	if (rc != CLAUSIER_OK) {
		k->free_obj(obj);
		return rc;
	}
	*out = obj;
	return CLAUSIER_OK;
}

typedef struct {
	void **out;
	const clausier__doc_kind *kind;
} S_doc_ctx;

static int S_doc_load(void *vctx, const char *data, size_t len, const char *name, clausier_error *err)
{
	S_doc_ctx *c = vctx;
	return clausier__doc_load_memory(c->out, c->kind, data, len, name, err);
}

int clausier__doc_load_file(void **out, const clausier__doc_kind *k, const char *path, clausier_error *err)
{
	if (!out) {
		clausier__error_set(err, CLAUSIER_EARG, path, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	*out = NULL;
	S_doc_ctx c = { out, k };
	return clausier__load_file(path, err, S_doc_load, &c);
}

/* ---- helpers for the loaders (catalog.c, profile.c, policy-xml.c) ---- */

int clausier__xml_line(xmlNodePtr n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

int clausier__xml_is(xmlNodePtr n, const char *name)
{
	/* Documents are validated: every element is in clausier's namespace. */
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

char *clausier__xml_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s = clausier__strdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Text as authors wrap it in XML: runs of ASCII white space become one
 * space, none at either end.  No-break spaces are not white space here. */
char *clausier__xml_text(xmlNodePtr n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	if (!raw)
		return NULL;
	char *out = malloc(strlen((const char *)raw) + 1);
	if (out) {
		char *o = out;
		int space = 0;
		for (const char *p = (const char *)raw; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
				space = o != out;
				continue;
			}
			if (space)
				*o++ = ' ';
			space = 0;
			*o++ = *p;
		}
		*o = '\0';
	}
	xmlFree(raw);
	return out;
}

char *clausier__xml_lang(xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetLang(n);
	char *s = clausier__strdup((const char *)v);
	xmlFree(v);
	/* msgfmt --xml writes the PO file's language, e.g. fr_CA. */
	for (char *p = s; p && *p; p++)
		if (*p == '_')
			*p = '-';
	return s;
}

int clausier__value_check(const clausier__value *v, const char *source, clausier_error *err)
{
	/* The items are checked as one text: the separator is ours. */
	char *flat = clausier__strdup(v->value);
	if (!flat) {
		clausier__error_set(err, CLAUSIER_ENOMEM, source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	for (char *q = flat; *q; q++)
		if (*q == CLAUSIER__LIST_SEP)
			*q = '\n';
	long cp;
	size_t pos;
	int bad = clausier__text_check(flat, &cp, &pos);
	free(flat);
	if (bad < 0 && cp < 0) {
		/* a profile never gets here: its parser refuses bytes that are not UTF-8 */
		clausier__error_set(err, CLAUSIER_EINVALID, source, v->line, 0,
		                    _("value of “%s”: invalid UTF-8 at character %zu"), v->name, pos);
		return CLAUSIER_EINVALID;
	}
	if (bad < 0) {
		clausier__error_set(err, CLAUSIER_EINVALID, source, v->line, 0,
		                    _("value of “%s”: character %zu is U+%04lX, an invisible control, formatting or separator character, which policy texts may not contain"),
		                    v->name, pos, cp);
		return CLAUSIER_EINVALID;
	}
	return CLAUSIER_OK;
}

int clausier__xml_value(clausier__value *v, xmlNodePtr el, const char *source, clausier_error *err)
{
	v->line = clausier__xml_line(el);
	v->name = clausier__xml_attr(el, "name");
	xmlChar *lang = xmlGetNsProp(el, (const xmlChar *)"lang", XML_XML_NAMESPACE);
	v->lang = clausier__strdup((const char *)lang);
	xmlFree(lang);
	v->article = clausier__xml_attr(el, "article");
	v->gender = clausier__xml_attr(el, "gender");
	v->number = clausier__xml_attr(el, "number");
	v->elision = clausier__xml_attr(el, "elision");
	int items = 0;
	for (xmlNodePtr c = el->children; c; c = c->next)
		items += clausier__xml_is(c, "item");
	if (!items) {
		v->value = clausier__xml_text(el);
	} else {
		/* A list: its items joined by CLAUSIER__LIST_SEP. */
		clausier__buf b = { 0 };
		int first = 1; /* an empty first item is one too: "a list item is empty" */
		for (xmlNodePtr c = el->children; c; c = c->next) {
			if (!clausier__xml_is(c, "item"))
				continue;
			char *t = clausier__xml_text(c);
			if (!t)
				b.failed = 1;
			else if (!first)
				clausier__buf_putc(&b, CLAUSIER__LIST_SEP);
			first = 0;
			if (t)
				clausier__buf_puts(&b, t);
			free(t);
		}
		v->value = clausier__buf_detach(&b, NULL);
	}
	if (!v->name || !v->value) {
		clausier__error_set(err, CLAUSIER_ENOMEM, source, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}
	return clausier__value_check(v, source, err);
}
