/* clausier-serve — an intranet server example: serves an organization's
 * policy on 127.0.0.1, in the reader's language (Accept-Language, or
 * ?lang=), with a language switch, a bilingual view and print CSS.
 * libmicrohttpd, one thread per connection, one policy shared by all.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <clausier.h>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	(void)cls, (void)version, (void)upload, (void)upload_size, (void)state;
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

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s CATALOG PROFILE PORT\n"
		                "Serves the profile's policy on http://127.0.0.1:PORT/ until interrupted.\n", argv[0]);
		return 2;
	}
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
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1 only */
	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
	                                            MHD_USE_ERROR_LOG,
	                                        (uint16_t)port, NULL, NULL, S_handle, NULL, MHD_OPTION_SOCK_ADDR, &addr,
	                                        MHD_OPTION_CONNECTION_TIMEOUT, 10u, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "clausier-serve: cannot listen on 127.0.0.1:%d\n", port);
		return 1;
	}
	signal(SIGINT, S_on_signal);
	signal(SIGTERM, S_on_signal);
	fprintf(stderr, "clausier-serve: http://127.0.0.1:%d/\n", port);
	while (!S_stop)
		pause();
	MHD_stop_daemon(d);
	clausier_policy_free(S_pol);
	clausier_catalog_free(S_cat);
	return 0;
}
