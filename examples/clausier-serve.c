/* clausier-serve — an intranet server example: serves an organization's
 * policy on 127.0.0.1, in the reader's language (Accept-Language, or
 * ?lang=), with a language switch, a bilingual view and print CSS.
 * libmicrohttpd, one thread per connection, one policy shared by all.
 * Slow clients are bounded: a whole request in --request-timeout seconds
 * (a watchdog shuts down connections that take longer, however they
 * trickle), --max-connections at once and --max-per-ip from one address.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <clausier.h>

#include <arpa/inet.h>
#include <getopt.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static clausier_catalog *S_cat;
static clausier_policy *S_pol;

/* The editions offered, in the profile's order (its locales=), each spelled
 * as the library spells it; when the profile names none, the languages the
 * catalog has texts in.  S_offered is what negotiation chooses among: the
 * profile's list, or NULL (every supported locale the catalog covers). */
#define S_MAX_EDITIONS 9
static char S_editions[S_MAX_EDITIONS][16];
static size_t S_nedit;
static char S_offered_buf[S_MAX_EDITIONS * 16];
static const char *S_offered;

/* The server's additions to the library's page: the language switch. */
static const char S_css[] =
	"<style>nav.switch{font-family:sans-serif;font-size:.9em;text-align:right}nav.switch a{margin-left:1em}"
	"nav.switch a[aria-current]{font-weight:bold;text-decoration:none;color:inherit}"
	"@media print{nav.switch{display:none}}</style>\n";

/* The time bound.  libmicrohttpd's own timeout counts idle time only, so a
 * client sending a byte every few seconds would hold its connection (and
 * its thread) forever.  Each connection has a slot with a deadline: its
 * accept time plus the bound, then, once the request has reached the
 * handler, the bound again to take the response, then, once the response
 * is sent, the bound again for the next request on the connection.  A
 * watchdog thread shuts down (SHUT_RDWR, which wakes the connection's
 * thread, which then closes it) every connection past its deadline.
 * Slots are taken and given back under S_lock from libmicrohttpd's
 * connection notifications; it notifies the closing before it closes the
 * socket, so the watchdog never shuts down a descriptor already reused by
 * another connection.  The table has a slot per allowed connection: no
 * memory grows with the clients. */
struct S_slot {
	int fd;
	int cut;            /* shut down by the watchdog */
	long long deadline; /* ms, CLOCK_MONOTONIC */
};
static struct S_slot *S_slots;
static unsigned *S_free; /* stack of free slot indices */
static unsigned S_nslots, S_nfree;
static long long S_bound_ms;
static int S_watch_stop;
static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t S_wake;

static long long S_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void S_on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                            enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		int fd = info ? info->connect_fd : -1;
		pthread_mutex_lock(&S_lock);
		if (fd >= 0 && S_nfree) {
			struct S_slot *s = &S_slots[S_free[--S_nfree]];
			s->fd = fd;
			s->cut = 0;
			s->deadline = S_now_ms() + S_bound_ms;
			*socket_context = s;
		} else {
			/* Cannot happen (a slot per allowed connection); refuse
			 * rather than serve a connection without a bound. */
			*socket_context = NULL;
			if (fd >= 0)
				shutdown(fd, SHUT_RDWR);
		}
		pthread_mutex_unlock(&S_lock);
	} else if (*socket_context) {
		struct S_slot *s = *socket_context;
		pthread_mutex_lock(&S_lock);
		s->fd = -1;
		S_free[S_nfree++] = (unsigned)(s - S_slots);
		pthread_mutex_unlock(&S_lock);
		*socket_context = NULL;
	}
}

/* The connection's next phase (the response, or the next request) has the
 * whole bound from now. */
static void S_restart_clock(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct S_slot *s = info ? info->socket_context : NULL;
	if (!s)
		return;
	pthread_mutex_lock(&S_lock);
	if (!s->cut)
		s->deadline = S_now_ms() + S_bound_ms;
	pthread_mutex_unlock(&S_lock);
}

static void S_on_completed(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)state, (void)toe;
	S_restart_clock(c);
}

static void *S_watch(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&S_lock);
	while (!S_watch_stop) {
		long long now = S_now_ms(), next = now + S_bound_ms;
		for (unsigned i = 0; i < S_nslots; i++) {
			struct S_slot *s = &S_slots[i];
			if (s->fd < 0 || s->cut)
				continue;
			if (s->deadline <= now) {
				shutdown(s->fd, SHUT_RDWR);
				s->cut = 1;
			} else if (s->deadline < next) {
				next = s->deadline;
			}
		}
		/* Deadlines set later are at least now + the bound, so none is
		 * missed by sleeping until the earliest one (at least 100 ms, so
		 * that a stream of connections does not make the scan busy). */
		if (next < now + 100)
			next = now + 100;
		struct timespec until = { (time_t)(next / 1000), (long)(next % 1000) * 1000000 };
		pthread_cond_timedwait(&S_wake, &S_lock, &until);
	}
	pthread_mutex_unlock(&S_lock);
	return NULL;
}

static enum MHD_Result S_reply(struct MHD_Connection *c, unsigned status, const char *type, const char *body,
                               size_t len, const char *lang)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	/* The page has no script and loads nothing: say so to the browser. */
	MHD_add_response_header(r, "Content-Security-Policy",
	                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Vary", "Accept-Language");
	if (lang)
		MHD_add_response_header(r, "Content-Language", lang);
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result S_error(struct MHD_Connection *c, unsigned status, const char *what)
{
	char body[256];
	int n = snprintf(body, sizeof body, "%u %s\n", status, what);
	return S_reply(c, status, "text/plain; charset=utf-8", body, (size_t)n, NULL);
}

/* The canonical spelling of a supported tag ("fr_ca" → "fr-CA"), from the
 * library: negotiating among one tag gives it back as the library spells it. */
static int S_canonical(char out[16], const char *tag, clausier_error *err)
{
	clausier_negotiation n;
	int rc = clausier_locale_negotiate_among(&n, NULL, S_cat, tag, NULL, err);
	if (rc == CLAUSIER_OK)
		memcpy(out, n.locale, 16);
	return rc;
}

/* Appends to a buffer of cap bytes holding *n; past the end, *n is cap
 * (and the caller refuses the result). */
static void S_app(char *buf, size_t cap, size_t *n, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void S_app(char *buf, size_t cap, size_t *n, const char *fmt, ...)
{
	if (*n >= cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(buf + *n, cap - *n, fmt, ap);
	va_end(ap);
	*n = k < 0 || (size_t)k >= cap - *n ? cap : *n + (size_t)k;
}

/* A link of the language switch: the language's name in itself, with the
 * region when another edition has the same language. */
static void S_link(char *buf, size_t cap, size_t *n, const char *tag, const char *current)
{
	size_t lang = strcspn(tag, "-");
	int twin = 0;
	for (size_t i = 0; i < S_nedit; i++)
		twin |= strcmp(S_editions[i], tag) && !strncmp(S_editions[i], tag, lang) &&
		        (S_editions[i][lang] == '-' || !S_editions[i][lang]);
	const char *region = twin && tag[lang] ? tag + lang + 1 : NULL;
	S_app(buf, cap, n, "<a href=\"?lang=%s\" hreflang=\"%s\" lang=\"%s\"%s>%s%s%s%s</a>", tag, tag, tag,
	      current && !strcmp(current, tag) ? " aria-current=\"page\"" : "", tag[0] == 'f' ? "Français" : "English",
	      region ? " (" : "", region ? region : "", region ? ")" : "");
}

/* The page: the library's whole page (its title, table of contents and
 * print style sheet), with the language switch after <body> and its style
 * before </head>.  Every piece of it is ours or the library's escaped
 * output (no text of a catalog or a profile can write "</head>" or
 * "<body>"); the only request data that reach it are tags checked against
 * the editions offered. */
static enum MHD_Result S_page(struct MHD_Connection *c, const char *locale, const char *locale2)
{
	clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
	o.locale = locale;
	o.locale2 = locale2;
	o.format = CLAUSIER_FORMAT_HTML;
	o.flags = CLAUSIER_RENDER_FALLBACK | CLAUSIER_RENDER_STANDALONE;
	char *doc = NULL;
	size_t len = 0;
	if (clausier_render(&doc, &len, S_pol, &o, NULL) != CLAUSIER_OK)
		return S_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error");
	static const char head_end[] = "</head>\n<body>\n";
	char *split = strstr(doc, head_end);
	char nav[2048];
	int fr = locale[0] == 'f';
	size_t n = 0;
	S_app(nav, sizeof nav, &n, "<nav class=\"switch\" aria-label=\"%s\">", fr ? "Langue" : "Language");
	for (size_t i = 0; i < S_nedit; i++)
		S_link(nav, sizeof nav, &n, S_editions[i], locale2 ? NULL : locale);
	if (S_nedit >= 2)
		S_app(nav, sizeof nav, &n, "<a href=\"?view=bilingual\"%s>%s</a>", locale2 ? " aria-current=\"page\"" : "",
		      fr ? "Bilingue" : "Bilingual");
	S_app(nav, sizeof nav, &n, "</nav>\n");
	size_t cap = len + sizeof S_css + n + 1;
	char *page = split && n < sizeof nav ? malloc(cap) : NULL;
	if (!page) {
		clausier_free(doc);
		return S_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error");
	}
	size_t head = (size_t)(split - doc), at = head;
	memcpy(page, doc, head);
	memcpy(page + at, S_css, sizeof S_css - 1);
	at += sizeof S_css - 1;
	memcpy(page + at, head_end, sizeof head_end - 1);
	at += sizeof head_end - 1;
	memcpy(page + at, nav, n);
	at += n;
	memcpy(page + at, split + sizeof head_end - 1, len - head - (sizeof head_end - 1));
	at += len - head - (sizeof head_end - 1);
	char served[40];
	if (locale2)
		snprintf(served, sizeof served, "%s, %s", locale, locale2);
	else
		snprintf(served, sizeof served, "%s", locale);
	enum MHD_Result ret = S_reply(c, MHD_HTTP_OK, "text/html; charset=utf-8", page, at, served);
	free(page);
	clausier_free(doc);
	return ret;
}

static enum MHD_Result S_handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                const char *version, const char *upload, size_t *upload_size, void **state)
{
	(void)cls, (void)version, (void)upload, (void)upload_size;
	if (!*state) { /* the request has arrived: the bound again to take the response */
		*state = &S_nslots;
		S_restart_clock(c);
	}
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return S_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "Method Not Allowed");
	if (strcmp(url, "/"))
		return S_error(c, MHD_HTTP_NOT_FOUND, "Not Found");
	const char *view = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "view");
	if (view && !strcmp(view, "bilingual") && S_nedit >= 2)
		return S_page(c, S_editions[0], S_editions[1]);
	if (view)
		return S_error(c, MHD_HTTP_BAD_REQUEST,
		               S_nedit >= 2 ? "Bad Request: view is bilingual or absent"
		                            : "Bad Request: the policy is published in one language, view is absent");
	const char *lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
	if (lang) {
		char tag[16];
		if (S_canonical(tag, lang, NULL) != CLAUSIER_OK)
			return S_error(c, MHD_HTTP_BAD_REQUEST, "Bad Request: unsupported lang");
		if (!S_offered) /* the profile names no locales: any the library renders */
			return S_page(c, tag, NULL);
		for (size_t i = 0; i < S_nedit; i++)
			if (!strcmp(S_editions[i], tag))
				return S_page(c, S_editions[i], NULL);
		char what[256];
		snprintf(what, sizeof what, "Not Found: the editions are %s", S_offered);
		return S_error(c, MHD_HTTP_NOT_FOUND, what);
	}
	clausier_negotiation n;
	clausier_locale_negotiate_among(&n, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language"), S_cat,
	                                S_offered, S_editions[0], NULL);
	return S_page(c, n.locale, NULL);
}

static volatile sig_atomic_t S_stop;

static void S_on_signal(int sig)
{
	(void)sig;
	S_stop = 1;
}

#define S_PROG "clausier-serve"

static void S_try_help(void)
{
	fputs("Try '" S_PROG " --help' for more information.\n", stderr);
}

static void S_help(void)
{
	fputs("Usage: " S_PROG " [OPTION]... CATALOG PROFILE PORT\n"
	      "Serves the policy PROFILE selects from CATALOG on http://127.0.0.1:PORT/\n"
	      "until interrupted (SIGINT or SIGTERM): an example of embedding libclausier.\n"
	      "\n"
	      "The editions offered are the profile's locales (its locales= attribute), in\n"
	      "its order; when it names none, every locale the catalog covers.  GET / is\n"
	      "the edition closest to the reader's Accept-Language (en-US gets en-CA when\n"
	      "the profile offers fr-CA and en-CA), the profile's first edition when none\n"
	      "is close; ?lang=TAG is that edition; ?view=bilingual the first two side by\n"
	      "side.  The page has a switch between the editions and a print style sheet.\n"
	      "\n"
	      "      --request-timeout=SECONDS\n"
	      "                        a client has SECONDS to send a whole request, counted\n"
	      "                        from its connection (or its previous response)\n"
	      "                        however slowly it sends, and as long again to take\n"
	      "                        the response; then the connection is closed (1 to\n"
	      "                        3600, default 10)\n"
	      "      --max-connections=N\n"
	      "                        connections served at once, a thread each; further\n"
	      "                        ones are closed on arrival (1 to 10000, default 256)\n"
	      "      --max-per-ip=N    connections at once from one client address; further\n"
	      "                        ones are closed on arrival (0 for no limit, at most\n"
	      "                        10000, default 32)\n"
	      "  -h, --help            display this help and exit\n"
	      "  -V, --version         output version information and exit\n"
	      "\n"
	      "PORT is a number from 1 to 65535; the server listens on 127.0.0.1 only.\n"
	      "\n"
	      "Exit status: 0 when interrupted, 1 when the catalog or the profile cannot be\n"
	      "loaded, the port cannot be listened on or the limit of open files is too\n"
	      "low, 2 on a usage error.\n",
	      stdout);
}

static void S_version(void)
{
	fputs(S_PROG " (clausier) " PACKAGE_VERSION "\n"
	      "Copyright (C) 2026 the clausier authors.\n"
	      "License LGPLv2.1+: GNU LGPL version 2.1 or later <https://gnu.org/licenses/old-licenses/lgpl-2.1.html>.\n"
	      "This is free software: you are free to change and redistribute it.\n"
	      "There is NO WARRANTY, to the extent permitted by law.\n",
	      stdout);
}

static int S_number(const char *what, const char *arg, unsigned long lo, unsigned long hi, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 10);
	if (!*arg || *arg == '-' || *end || v < lo || v > hi) {
		fprintf(stderr, S_PROG ": %s takes a number from %lu to %lu, not '%s'\n", what, lo, hi, arg);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

/* The editions offered: the profile's locales, each once, as the library
 * spells them; or, when it names none, the languages the catalog has texts
 * in (the source first). */
static int S_set_editions(const char *locales, clausier_error *err)
{
	char tag[16];
	if (locales && locales[strspn(locales, " \t\n")]) {
		for (const char *p = locales; *(p += strspn(p, " \t\n"));) {
			size_t len = strcspn(p, " \t\n");
			char one[64];
			snprintf(one, sizeof one, "%.*s", (int)(len < sizeof one ? len : sizeof one - 1), p);
			p += len;
			int rc = S_canonical(tag, one, err);
			if (rc != CLAUSIER_OK)
				return rc;
			size_t i = 0;
			while (i < S_nedit && strcmp(S_editions[i], tag))
				i++;
			if (i == S_nedit && S_nedit < S_MAX_EDITIONS)
				memcpy(S_editions[S_nedit++], tag, sizeof tag);
		}
		size_t at = 0;
		for (size_t i = 0; i < S_nedit; i++)
			at += (size_t)snprintf(S_offered_buf + at, sizeof S_offered_buf - at, "%s%s", i ? " " : "",
			                       S_editions[i]);
		S_offered = S_offered_buf;
		return CLAUSIER_OK;
	}
	clausier_coverage *cov;
	size_t n;
	int rc = clausier_catalog_coverage(&cov, &n, S_cat, err);
	if (rc != CLAUSIER_OK)
		return rc;
	for (size_t k = 0; k < n && S_nedit < S_MAX_EDITIONS; k++) {
		if (S_canonical(tag, cov[k].lang, NULL) != CLAUSIER_OK)
			continue;
		size_t i = 0;
		while (i < S_nedit && strcmp(S_editions[i], tag))
			i++;
		if (i == S_nedit)
			memcpy(S_editions[S_nedit++], tag, sizeof tag);
	}
	clausier_free(cov);
	if (!S_nedit) /* no text in a supported language: the library's default */
		memcpy(S_editions[S_nedit++], "en", 3);
	return CLAUSIER_OK;
}

int main(int argc, char **argv)
{
	enum { OPT_TIMEOUT = 256, OPT_MAX, OPT_PER_IP };
	static const struct option longopts[] = {
		{ "request-timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "max-connections", required_argument, NULL, OPT_MAX },
		{ "max-per-ip", required_argument, NULL, OPT_PER_IP },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned timeout = 10, max_conn = 256, per_ip = 32, port = 0;
	int o;
	/* getopt's own messages start with argv[0]: the program's name, not the
	 * path libtool runs it by. */
	argv[0] = (char *)S_PROG;
	while ((o = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		int bad = 0;
		switch (o) {
		case OPT_TIMEOUT: bad = S_number("--request-timeout", optarg, 1, 3600, &timeout); break;
		case OPT_MAX: bad = S_number("--max-connections", optarg, 1, 10000, &max_conn); break;
		case OPT_PER_IP: bad = S_number("--max-per-ip", optarg, 0, 10000, &per_ip); break;
		case 'h': S_help(); return 0;
		case 'V': S_version(); return 0;
		default: bad = 1; break;
		}
		if (bad) {
			S_try_help();
			return 2;
		}
	}
	if (argc - optind != 3) {
		if (argc - optind < 3)
			fputs(S_PROG ": missing operand: CATALOG PROFILE PORT\n", stderr);
		else
			fprintf(stderr, S_PROG ": extra operand '%s'\n", argv[optind + 3]);
		S_try_help();
		return 2;
	}
	argv += optind - 1; /* the operands as argv[1..3] */
	if (S_number("PORT", argv[3], 1, 65535, &port)) {
		S_try_help();
		return 2;
	}
	clausier_profile *prof = NULL;
	clausier_error err;
	if (clausier_catalog_load_file(&S_cat, argv[1], &err) || clausier_profile_load_file(&prof, argv[2], &err) ||
	    clausier_policy_assemble(&S_pol, S_cat, prof, &err)) {
		char text[1024];
		clausier_error_format(text, sizeof text, &err);
		fprintf(stderr, S_PROG ": %s\n", text);
		clausier_profile_free(prof);
		clausier_policy_free(S_pol);
		clausier_catalog_free(S_cat);
		return 1;
	}
	int rc = S_set_editions(clausier_profile_locales(prof), &err);
	clausier_profile_free(prof);
	if (rc != CLAUSIER_OK) { /* a locale of the profile the library does not render */
		fprintf(stderr, S_PROG ": %s: %s\n", argv[2], err.message);
		clausier_policy_free(S_pol);
		clausier_catalog_free(S_cat);
		return 1;
	}
	/* A descriptor per connection, beside the listening socket, the
	 * daemon's own and the standard ones. */
	struct rlimit nofile;
	rlim_t need = (rlim_t)max_conn + 32;
	if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY && nofile.rlim_cur < need) {
		if (nofile.rlim_max != RLIM_INFINITY && nofile.rlim_max < need) {
			fprintf(stderr, S_PROG ": --max-connections %u needs %lu open files, the limit is %lu\n",
			        max_conn, (unsigned long)need, (unsigned long)nofile.rlim_max);
			return 1;
		}
		nofile.rlim_cur = need;
		setrlimit(RLIMIT_NOFILE, &nofile);
	}
	S_nslots = S_nfree = max_conn;
	S_bound_ms = (long long)timeout * 1000;
	S_slots = malloc(max_conn * sizeof *S_slots);
	S_free = malloc(max_conn * sizeof *S_free);
	pthread_condattr_t ca;
	pthread_t watchdog;
	if (!S_slots || !S_free || pthread_condattr_init(&ca) || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) ||
	    pthread_cond_init(&S_wake, &ca)) {
		fprintf(stderr, S_PROG ": out of memory\n");
		return 1;
	}
	pthread_condattr_destroy(&ca);
	for (unsigned i = 0; i < max_conn; i++) {
		S_slots[i].fd = -1;
		S_free[i] = max_conn - 1 - i;
	}
	if (pthread_create(&watchdog, NULL, S_watch, NULL)) {
		fprintf(stderr, S_PROG ": cannot start a thread\n");
		return 1;
	}
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1 only */
	/* poll(), not select(): descriptors beyond FD_SETSIZE (1024) are
	 * served, not refused. */
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL | MHD_USE_ERROR_LOG,
		(uint16_t)port, NULL, NULL, S_handle, NULL, MHD_OPTION_SOCK_ADDR, &addr, MHD_OPTION_CONNECTION_TIMEOUT,
		timeout, MHD_OPTION_CONNECTION_LIMIT, max_conn, MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip,
		MHD_OPTION_NOTIFY_CONNECTION, S_on_connection, NULL, MHD_OPTION_NOTIFY_COMPLETED, S_on_completed, NULL,
		MHD_OPTION_END);
	if (d) {
		signal(SIGINT, S_on_signal);
		signal(SIGTERM, S_on_signal);
		fprintf(stderr, S_PROG ": http://127.0.0.1:%u/ (%s)\n", port, S_offered ? S_offered : "the catalog's locales");
		while (!S_stop)
			pause();
		MHD_stop_daemon(d); /* closes every connection, giving back its slot */
	} else {
		fprintf(stderr, S_PROG ": cannot listen on 127.0.0.1:%u\n", port);
	}
	pthread_mutex_lock(&S_lock);
	S_watch_stop = 1;
	pthread_cond_signal(&S_wake);
	pthread_mutex_unlock(&S_lock);
	pthread_join(watchdog, NULL);
	pthread_cond_destroy(&S_wake);
	free(S_slots);
	free(S_free);
	clausier_policy_free(S_pol);
	clausier_catalog_free(S_cat);
	return d ? 0 : 1;
}
