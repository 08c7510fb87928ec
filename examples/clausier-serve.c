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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static clausier_catalog *S_cat;
static clausier_policy *S_pol;
static char S_locales[2][16] = { "fr-CA", "en-CA" }; /* the profile's, for the switch */

static const char S_css[] =
	"body{font-family:Georgia,serif;line-height:1.5;max-width:44em;margin:1.5em auto;padding:0 1em;color:#111}"
	"body.bilingual{max-width:80em}.clausier-pair{display:grid;grid-template-columns:1fr 1fr;gap:0 2.5em}"
	"nav.switch{font-family:sans-serif;font-size:.9em;text-align:right}nav.switch a{margin-left:1em}"
	"h2{border-bottom:1px solid #ccc}.clausier-number{font-weight:normal}"
	"@media print{nav.switch{display:none}body{margin:0;max-width:none;font-size:11pt}"
	"section.clausier-clause{break-inside:avoid}h2,h3{break-after:avoid}}";

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

static enum MHD_Result S_page(struct MHD_Connection *c, const char *locale, const char *locale2)
{
	clausier_render_options o = CLAUSIER_RENDER_OPTIONS_INIT;
	o.locale = locale;
	o.locale2 = locale2;
	o.format = CLAUSIER_FORMAT_HTML;
	o.flags = CLAUSIER_RENDER_FALLBACK;
	char *article = NULL;
	size_t len = 0;
	if (clausier_render(&article, &len, S_pol, &o, NULL) != CLAUSIER_OK)
		return S_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error");
	/* Every piece of the page is ours or the library's escaped output; the
	 * only request data that reaches it are tags checked against the list
	 * of supported locales. */
	size_t cap = len + 4096;
	char *page = malloc(cap);
	if (!page) {
		clausier_free(article);
		return S_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error");
	}
	int fr = locale[0] == 'f';
	int n = snprintf(page, cap,
	                 "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                 "<title>%s</title>\n<style>%s</style>\n</head>\n<body%s>\n"
	                 "<nav class=\"switch\" aria-label=\"%s\">"
	                 "<a href=\"?lang=%s\" hreflang=\"%s\" lang=\"%s\">%s</a>"
	                 "<a href=\"?lang=%s\" hreflang=\"%s\" lang=\"%s\">%s</a>"
	                 "<a href=\"?view=bilingual\">%s</a></nav>\n",
	                 locale, fr ? "Politique" : "Policy", S_css, locale2 ? " class=\"bilingual\"" : "",
	                 fr ? "Langue" : "Language", S_locales[0], S_locales[0], S_locales[0],
	                 S_locales[0][0] == 'f' ? "Français" : "English", S_locales[1], S_locales[1], S_locales[1],
	                 S_locales[1][0] == 'f' ? "Français" : "English", fr ? "Bilingue" : "Bilingual");
	memcpy(page + n, article, len);
	n += (int)len;
	n += snprintf(page + n, cap - (size_t)n, "</body>\n</html>\n");
	enum MHD_Result ret = S_reply(c, MHD_HTTP_OK, "text/html; charset=utf-8", page, (size_t)n,
	                              locale2 ? NULL : locale);
	free(page);
	clausier_free(article);
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
	if (view && !strcmp(view, "bilingual"))
		return S_page(c, S_locales[0], S_locales[1]);
	if (view)
		return S_error(c, MHD_HTTP_BAD_REQUEST, "Bad Request: view is bilingual or absent");
	const char *lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
	if (lang) {
		if (!clausier_locale_is_supported(lang))
			return S_error(c, MHD_HTTP_BAD_REQUEST, "Bad Request: unsupported lang");
		clausier_negotiation n;
		/* Canonical spelling of the tag, from the library's own list. */
		clausier_locale_negotiate(&n, lang, S_cat, lang, NULL);
		return S_page(c, n.locale, NULL);
	}
	clausier_negotiation n;
	clausier_locale_negotiate(&n, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language"), S_cat,
	                          S_locales[0], NULL);
	return S_page(c, n.locale, NULL);
}

static volatile sig_atomic_t S_stop;

static void S_on_signal(int sig)
{
	(void)sig;
	S_stop = 1;
}

static void S_usage(FILE *f, const char *prog)
{
	fprintf(f, "usage: %s [OPTION]... CATALOG PROFILE PORT\n", prog);
}

static void S_help(const char *prog)
{
	S_usage(stdout, prog);
	fputs("Serves the profile's policy on http://127.0.0.1:PORT/ until interrupted.\n"
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
	      "  -h, --help            display this help and exit\n",
	      stdout);
}

static int S_number(const char *opt, const char *arg, unsigned long lo, unsigned long hi,
                    unsigned *out)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 10);
	if (!*arg || *arg == '-' || *end || v < lo || v > hi) {
		fprintf(stderr, "clausier-serve: --%s takes a number from %lu to %lu, not '%s'\n", opt, lo, hi, arg);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

int main(int argc, char **argv)
{
	enum { OPT_TIMEOUT = 256, OPT_MAX, OPT_PER_IP };
	static const struct option longopts[] = {
		{ "request-timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "max-connections", required_argument, NULL, OPT_MAX },
		{ "max-per-ip", required_argument, NULL, OPT_PER_IP },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *prog = "clausier-serve";
	unsigned timeout = 10, max_conn = 256, per_ip = 32;
	int o, bad = 0;
	while ((o = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		bad = 0;
		switch (o) {
		case OPT_TIMEOUT: bad = S_number("request-timeout", optarg, 1, 3600, &timeout); break;
		case OPT_MAX: bad = S_number("max-connections", optarg, 1, 10000, &max_conn); break;
		case OPT_PER_IP: bad = S_number("max-per-ip", optarg, 0, 10000, &per_ip); break;
		case 'h': S_help(prog); return 0;
		default: bad = 1; break;
		}
		if (bad)
			break;
	}
	if (o != -1 || argc - optind != 3) {
		S_usage(stderr, prog);
		fprintf(stderr, "Try '%s --help' for more information.\n", prog);
		return 2;
	}
	argv += optind - 1; /* the operands as argv[1..3] */
	clausier_profile *prof = NULL;
	clausier_error err;
	if (clausier_catalog_load_file(&S_cat, argv[1], &err) || clausier_profile_load_file(&prof, argv[2], &err) ||
	    clausier_policy_assemble(&S_pol, S_cat, prof, &err)) {
		char text[1024];
		clausier_error_format(text, sizeof text, &err);
		fprintf(stderr, "clausier-serve: %s\n", text);
		return 1;
	}
	const char *locales = clausier_profile_locales(prof);
	if (locales && strchr(locales, ' ')) {
		sscanf(locales, "%15s %15s", S_locales[0], S_locales[1]);
		if (!clausier_locale_is_supported(S_locales[0]) || !clausier_locale_is_supported(S_locales[1]))
			strcpy(S_locales[0], "fr-CA"), strcpy(S_locales[1], "en-CA");
	}
	clausier_profile_free(prof);
	int port = atoi(argv[3]);
	if (port <= 0 || port > 65535) {
		fprintf(stderr, "clausier-serve: %s is not a port\n", argv[3]);
		return 2;
	}
	/* A descriptor per connection, beside the listening socket, the
	 * daemon's own and the standard ones. */
	struct rlimit nofile;
	rlim_t need = (rlim_t)max_conn + 32;
	if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY && nofile.rlim_cur < need) {
		if (nofile.rlim_max != RLIM_INFINITY && nofile.rlim_max < need) {
			fprintf(stderr, "clausier-serve: --max-connections %u needs %lu open files, the limit is %lu\n",
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
		fprintf(stderr, "clausier-serve: out of memory\n");
		return 1;
	}
	pthread_condattr_destroy(&ca);
	for (unsigned i = 0; i < max_conn; i++) {
		S_slots[i].fd = -1;
		S_free[i] = max_conn - 1 - i;
	}
	if (pthread_create(&watchdog, NULL, S_watch, NULL)) {
		fprintf(stderr, "clausier-serve: cannot start a thread\n");
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
		fprintf(stderr, "clausier-serve: http://127.0.0.1:%d/\n", port);
		while (!S_stop)
			pause();
		MHD_stop_daemon(d); /* closes every connection, giving back its slot */
	} else {
		fprintf(stderr, "clausier-serve: cannot listen on 127.0.0.1:%d\n", port);
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
