#!/bin/sh
# The intranet server example end to end: HTTP with curl (the editions the
# profile offers, negotiated from Accept-Language; the page's title; the
# options), then the page as headless Chromium renders it (lang, title, the
# language switch, no console message, a screenshot kept in
# tests/out/serve/); slow and many clients (tests/slow-client.py) against
# the time and connection bounds.  Under CLAUSIER_VALGRIND the first server
# runs under valgrind, which must find no error and no definite leak.
. "$top_srcdir/tests/lib.sh"
case " ${CLAUSIER_WITHOUT:-} " in
*" server "*)
	echo "1..0 # SKIP examples/clausier-serve was not built (configure --without-server, or libmicrohttpd-dev missing)"
	exit 0
	;;
esac
plan 36
port=$((20000 + $$ % 20000))
url=http://127.0.0.1:$port/
catalog=$top_builddir/uninstalled/catalogs/smp.xml
samples=$top_srcdir/data/samples
golden=$top_srcdir/tests/golden
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	"$top_builddir/libtool" --mode=execute "${VALGRIND:-valgrind}" -q --leak-check=full \
		--errors-for-leak-kinds=definite --error-exitcode=99 --log-file="$OUT/valgrind-server.log" \
		"$top_builddir/examples/clausier-serve" "$catalog" "$samples/hospital-qc.xml" "$port" 2>"$OUT/server.log" &
	tries=600
else
	"$top_builddir/examples/clausier-serve" "$catalog" "$samples/hospital-qc.xml" "$port" 2>"$OUT/server.log" &
	tries=50
fi
server=$!
server2=
server3=
server4=
trap 'kill $server $server2 $server3 $server4 2>/dev/null; wait $server $server2 $server3 $server4 2>/dev/null' EXIT
# wait_up URL [TRIES]: waits (bounded) for a server to answer.
wait_up() {
	for i in $(seq 1 "${2:-50}"); do
		curl -s -o /dev/null "$1" && return 0
		sleep 0.1
	done
	return 1
}
check "the server answers on 127.0.0.1:$port" wait_up "$url" $tries

get() { curl -s -D "$OUT/headers" -o "$OUT/body" -w "%{http_code}" "$@"; }
check "Accept-Language fr-CA gets the Quebec French page" \
	eval '[ "$(get -H "Accept-Language: fr-CA,fr;q=0.9,en;q=0.5" "$url")" = 200 ] && grep -q "^<html lang=\"fr-CA\">" "$OUT/body" && grep -q "<h1>Politique d’utilisation des médias sociaux</h1>" "$OUT/body" && grep -qi "^Content-Language: fr-CA" "$OUT/headers"'
# The Quebec profile offers fr-CA and en-CA (locales="fr-CA en-CA"): Chromium's
# default request gets Canadian English (sentence case: "Why this policy
# exists", where en-US would write "Why This Policy Exists").
heading=$(sed -n 's/^1\. //p' "$golden/hospital-qc.en-CA.txt")
check "Chromium's default Accept-Language (en-US,en;q=0.9) gets the profile's en-CA edition, not en-US" \
	eval '[ "$(get -H "Accept-Language: en-US,en;q=0.9" "$url")" = 200 ] && grep -q "^<html lang=\"en-CA\">" "$OUT/body" && grep -qi "^Content-Language: en-CA" "$OUT/headers" && grep -q "<h1>Social Media Policy</h1>" "$OUT/body" && [ -n "$heading" ] && grep -q "</span> $heading</h3>" "$OUT/body"'
check "every page varies on Accept-Language and says its language" \
	eval 'grep -qi "^Vary: Accept-Language" "$OUT/headers" && [ "$(grep -ci "^Content-Language:" "$OUT/headers")" = 1 ]'
check "fr-FR,fr gets the Quebec French edition" \
	eval '[ "$(get -H "Accept-Language: fr-FR,fr" "$url")" = 200 ] && grep -qi "^Content-Language: fr-CA" "$OUT/headers" && grep -q "^<html lang=\"fr-CA\">" "$OUT/body"'
check "a request naming no edition offered (de-DE,de) gets the profile's first, fr-CA" \
	eval '[ "$(get -H "Accept-Language: de-DE,de;q=0.9" "$url")" = 200 ] && grep -qi "^Content-Language: fr-CA" "$OUT/headers" && [ "$(get "$url")" = 200 ] && grep -qi "^Content-Language: fr-CA" "$OUT/headers"'
check "the page's title is the edition's: the title and the organization" \
	eval 'get -H "Accept-Language: fr-CA" "$url" >/dev/null && grep -qx "<title>Politique d’utilisation des médias sociaux — Santé Haute-Gaspésie</title>" "$OUT/body" && get -H "Accept-Language: en-CA" "$url" >/dev/null && grep -qx "<title>Social Media Policy — Santé Haute-Gaspésie</title>" "$OUT/body"'
check "the language switch links the profile's editions, in its order, the current one marked" \
	eval 'get -H "Accept-Language: en-CA" "$url" >/dev/null && grep -q "^<nav class=\"switch\" aria-label=\"Language\"><a href=\"?lang=fr-CA\" hreflang=\"fr-CA\" lang=\"fr-CA\">Français</a><a href=\"?lang=en-CA\" hreflang=\"en-CA\" lang=\"en-CA\" aria-current=\"page\">English</a><a href=\"?view=bilingual\">Bilingual</a></nav>\$" "$OUT/body"'
check "?lang= of an edition not offered (en-US) is 404 and names the editions" \
	eval '[ "$(get "${url}?lang=en-US")" = 404 ] && grep -qx "404 Not Found: the editions are fr-CA en-CA" "$OUT/body"'
check "?lang= in another spelling (EN_ca) is the edition offered" \
	eval '[ "$(get "${url}?lang=EN_ca")" = 200 ] && grep -qi "^Content-Language: en-CA" "$OUT/headers"'
check "?lang= wins over Accept-Language" \
	eval '[ "$(get -H "Accept-Language: fr-CA" "${url}?lang=en-CA")" = 200 ] && grep -q "^<html lang=\"en-CA\">" "$OUT/body"'
check "the bilingual view pairs both languages clause by clause, and says both" \
	eval '[ "$(get "${url}?view=bilingual")" = 200 ] && grep -qi "^Content-Language: fr-CA, en-CA" "$OUT/headers" && [ "$(grep -c "^<div lang=\"fr-CA\">" "$OUT/body")" -ge 40 ] && [ "$(grep -c "^<div lang=\"fr-CA\">" "$OUT/body")" = "$(grep -c "^<div lang=\"en-CA\">" "$OUT/body")" ]'
check "an unsupported or hostile lang is 400, and is not echoed" \
	eval '[ "$(get "${url}?lang=%3Cscript%3Ealert(1)%3C/script%3E")" = 400 ] && ! grep -q "script" "$OUT/body"'
check "another method is 405, another path 404" \
	eval '[ "$(get -X POST "$url")" = 405 ] && [ "$(get "${url}etc/passwd")" = 404 ]'
check "every page says it runs no script and loads nothing" \
	eval 'get "$url" >/dev/null && grep -qi "^Content-Security-Policy: default-src .none." "$OUT/headers" && grep -qi "^X-Content-Type-Options: nosniff" "$OUT/headers"'

# Malformed requests: raw garbage, a request line of 100 KB, a bad version.
python3 - "$port" <<'PY' 2>/dev/null
import socket, sys
for payload in (b"\x00\xff garbage\r\n\r\n", b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\n\r\n",
                b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
    try:
        s.sendall(payload)
        s.recv(4096)
    except OSError:
        pass
    s.close()
PY
check "malformed requests are refused and the server goes on serving" \
	eval '[ "$(get "$url")" = 200 ] && kill -0 $server'

# The command line, as GNU programs have it.
run examples/clausier-serve --version
check "--version: name, package and version; copyright; licence; no warranty" \
	eval 'expect_status 0 && [ "$(sed -n 1p "$OUT/stdout")" = "clausier-serve (clausier) $(sed -n "s/^PACKAGE_VERSION = //p" "$top_builddir/Makefile")" ] && grep -q "^Copyright (C) [0-9]* the clausier authors.\$" "$OUT/stdout" && grep -q "^License LGPLv2.1+: GNU LGPL version 2.1 or later" "$OUT/stdout" && grep -q "NO WARRANTY" "$OUT/stdout"'
run examples/clausier-serve --help
check "--help: the usage, the editions offered, every option, the exit status" \
	eval 'expect_status 0 && grep -q "^Usage: clausier-serve \[OPTION\]... CATALOG PROFILE PORT\$" "$OUT/stdout" && grep -q "profile.s locales" "$OUT/stdout" && grep -q -- "-V, --version" "$OUT/stdout" && grep -q -- "-h, --help" "$OUT/stdout" && grep -q "^Exit status" "$OUT/stdout"'
run examples/clausier-serve --no-such-option "$catalog" "$samples/hospital-qc.xml" "$port"
check "an unknown option: the message prefixed clausier-serve:, then how to get help; exit 2" \
	eval 'expect_status 2 && [ "$(cat "$OUT/stderr")" = "clausier-serve: unrecognized option '"'"'--no-such-option'"'"'
Try '"'"'clausier-serve --help'"'"' for more information." ] && [ ! -s "$OUT/stdout" ]'
run examples/clausier-serve "$catalog" "$samples/hospital-qc.xml"
check "a missing operand and a port out of range are usage errors (exit 2)" \
	eval 'expect_status 2 && grep -qx "clausier-serve: missing operand: CATALOG PROFILE PORT" "$OUT/stderr" && run examples/clausier-serve "$catalog" "$samples/hospital-qc.xml" 80x && expect_status 2 && grep -qx "clausier-serve: PORT takes a number from 1 to 65535, not .80x." "$OUT/stderr"'
sed 's/locales="fr-CA en-CA"/locales="fr-CA de-DE"/' "$samples/hospital-qc.xml" >"$OUT/de.xml"
run examples/clausier-serve "$catalog" "$OUT/de.xml" "$port"
check "a profile offering a locale the library does not render is refused, naming it (exit 1)" \
	eval 'expect_status 1 && grep -q "^clausier-serve: .*de.xml:[0-9]*:[0-9]*: locales: unsupported locale “de-DE”" "$OUT/stderr"'

# A profile with one locale (en-US): every reader gets it, and no bilingual
# view is offered; a profile with none: the locales the catalog covers.
port4=$((port + 3))
url4=http://127.0.0.1:$port4/
"$top_builddir/examples/clausier-serve" "$catalog" "$samples/nonprofit-us.xml" "$port4" 2>"$OUT/server4.log" &
server4=$!
wait_up "$url4"
check "a profile offering en-US alone: a French reader gets en-US; no bilingual link; ?view=bilingual is 400" \
	eval '[ "$(get -H "Accept-Language: fr-CA,fr;q=0.9" "$url4")" = 200 ] && grep -qi "^Content-Language: en-US" "$OUT/headers" && ! grep -q "view=bilingual" "$OUT/body" && grep -q "<a href=\"?lang=en-US\"[^>]*>English</a></nav>" "$OUT/body" && [ "$(get "${url4}?view=bilingual")" = 400 ]'
kill $server4
wait $server4 2>/dev/null
sed 's/ locales="[^"]*"//' "$samples/hospital-qc.xml" >"$OUT/none.xml"
"$top_builddir/examples/clausier-serve" "$catalog" "$OUT/none.xml" "$port4" 2>"$OUT/server4.log" &
server4=$!
wait_up "$url4"
check "a profile naming no locales: negotiation among what the catalog covers (en-US gets en-US)" \
	eval '! grep -q "locales=" "$OUT/none.xml" && [ "$(get -H "Accept-Language: en-US,en;q=0.9" "$url4")" = 200 ] && grep -qi "^Content-Language: en-US" "$OUT/headers" && grep -q "hreflang=\"fr\"" "$OUT/body" && grep -q "hreflang=\"en\"" "$OUT/body"'
kill $server4
wait $server4 2>/dev/null
server4=

# Slow clients (slowloris): a second server with small bounds, so that the
# tests are quick: 3 s to send a request, 3 connections an address, 8 in all.
# Clients bind other loopback addresses (127.0.0.2 …) to be other clients.
slow() { timeout 20 python3 "$top_srcdir/tests/slow-client.py" "$@"; }
bound=3
port2=$((port + 1))
url2=http://127.0.0.1:$port2/
"$top_builddir/examples/clausier-serve" --request-timeout=$bound --max-per-ip=3 --max-connections=8 \
	"$top_builddir/uninstalled/catalogs/smp.xml" "$top_srcdir/data/samples/hospital-qc.xml" "$port2" \
	2>"$OUT/server2.log" &
server2=$!
up=no
for i in $(seq 1 50); do
	curl -s -o /dev/null "$url2" && { up=yes; break; }
	sleep 0.1
done
check "--help names the bounds; a server with --request-timeout=$bound --max-per-ip=3 --max-connections=8 answers" \
	eval '"$top_builddir/examples/clausier-serve" --help >"$OUT/help" && grep -q -- "--request-timeout=SECONDS" "$OUT/help" && grep -q -- "--max-connections=N" "$OUT/help" && grep -q -- "--max-per-ip=N" "$OUT/help" && [ "$up" = yes ]'

slow trickle "$port2" "$bound" >"$OUT/trickle.out" 2>&1
sed 's/^/# /' "$OUT/trickle.out"
check "a request trickled a byte a second is cut off after the bound ($bound s), not held" \
	awk -v b="$bound" '$1 == "closed" && $2 >= b - 0.5 && $2 <= 2 * b { ok = 1 } END { exit !ok }' "$OUT/trickle.out"

# hold CONNECTIONS...: a held set, from hold mode, in the background; waits
# (bounded) for it to be ready.
hold() {
	rm -f "$OUT/ready" "$OUT/done"
	slow hold "$port2" "$bound" "$1" "$2" "$OUT" >"$OUT/hold.out" 2>&1 &
	holder=$!
	for i in $(seq 1 50); do
		[ -e "$OUT/ready" ] && break
		sleep 0.1
	done
}
hold 127.0.0.2,127.0.0.2,127.0.0.2 127.0.0.2
code=$(curl -s --max-time 2 -o "$OUT/body" -w "%{http_code}" "$url2")
touch "$OUT/done"
wait $holder
sed 's/^/# /' "$OUT/hold.out"
check "while 3 trickling connections from 127.0.0.2 are held, a 4th from it is refused" \
	eval 'grep -qx "opened 3/3" "$OUT/hold.out" && grep -qx "probe refused" "$OUT/hold.out"'
check "meanwhile a request from 127.0.0.1 gets its page" \
	eval '[ "$code" = 200 ] && grep -q "<h1>Politique d’utilisation des médias sociaux</h1>" "$OUT/body" && grep -qx "held 3" "$OUT/hold.out"'

hold 127.0.0.3,127.0.0.3,127.0.0.3,127.0.0.4,127.0.0.4,127.0.0.4,127.0.0.5,127.0.0.5 127.0.0.6
touch "$OUT/done"
wait $holder
sed 's/^/# /' "$OUT/hold.out"
check "with 8 connections held from three addresses, a 9th from a fourth is refused" \
	eval 'grep -qx "opened 8/8" "$OUT/hold.out" && grep -qx "probe refused" "$OUT/hold.out"'
cut_in_time() { awk -v b="$bound" '$1 == "cut" && $3 <= 2 * b { ok = 1 } END { exit !ok }' "$OUT/hold.out"; }
check "the bound cuts the 8 off, and the fourth address is served again" \
	eval 'cut_in_time && [ "$(curl -s --max-time 2 --interface 127.0.0.6 -o /dev/null -w "%{http_code}" "$url2")" = 200 ]'

# Beyond select()'s FD_SETSIZE (1024 descriptors): 1,100 connections at once.
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt 1200 ]; then
	ok "1,100 connections at once # SKIP hard limit of open files $(ulimit -Hn)"
else
	port3=$((port + 2))
	"$top_builddir/examples/clausier-serve" --max-connections=1100 --max-per-ip=0 \
		"$top_builddir/uninstalled/catalogs/smp.xml" "$top_srcdir/data/samples/hospital-qc.xml" "$port3" \
		2>"$OUT/server3.log" &
	server3=$!
	for i in $(seq 1 50); do
		curl -s -o /dev/null "http://127.0.0.1:$port3/" && break
		sleep 0.1
	done
	slow many "$port3" 1100 >"$OUT/many.out" 2>&1
	sed 's/^/# /' "$OUT/many.out"
	check "1,100 connections at once: beyond FD_SETSIZE, the last ones are served, none dropped" \
		eval 'grep -qx "served 5/5" "$OUT/many.out" && grep -qx "open 1095/1095" "$OUT/many.out"'
	kill $server3
	wait $server3 2>/dev/null
	server3=
fi

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
	for n in 1 2 3 4 5; do ok "browser check $n # SKIP no chromium (bootstrap installs Debian's)"; done
else
	browse() { # OUTPUT-FLAG URL
		"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$OUT/chrome-profile-$$" --enable-logging=stderr --v=0 --window-size=1200,900 \
			"$@" 2>>"$OUT/chrome.log"
	}
	# Chromium as a reader of American English has it: it asks for en-US,en.
	browse --lang=en-US --accept-lang=en-US,en --dump-dom "$url" >"$OUT/dom-en-US.html"
	check "in Chromium set to en-US: the page is the en-CA edition, with the edition's title" \
		eval 'grep -q "<html lang=\"en-CA\">" "$OUT/dom-en-US.html" && grep -q "<title>Social Media Policy — Santé Haute-Gaspésie</title>" "$OUT/dom-en-US.html"'
	browse --dump-dom "${url}?lang=fr-CA" >"$OUT/dom-fr.html"
	check "in Chromium: the page is French, its lang attribute fr-CA" \
		eval 'grep -q "<html lang=\"fr-CA\">" "$OUT/dom-fr.html" && grep -q "Politique d’utilisation des médias sociaux" "$OUT/dom-fr.html"'
	href=$(grep -o 'href="?lang=en-CA"' "$OUT/dom-fr.html" | head -n 1 | sed 's/href="\(.*\)"/\1/')
	browse --dump-dom "${url}${href}" >"$OUT/dom-en.html"
	check "in Chromium: the switch leads to the English page" \
		eval '[ -n "$href" ] && grep -q "<html lang=\"en-CA\">" "$OUT/dom-en.html" && grep -q "Social Media Policy" "$OUT/dom-en.html"'
	browse --screenshot="$OUT/page-fr-CA.png" "${url}?lang=fr-CA" >/dev/null
	check "in Chromium: a screenshot of the page is saved" eval '[ -s "$OUT/page-fr-CA.png" ]'
	check "in Chromium: no console message (no error, no blocked content)" \
		eval '! grep -i "CONSOLE" "$OUT/chrome.log" | sed "s/^/# /" | grep .'
fi

# SIGTERM stops the first server cleanly (under valgrind: with no error and
# no definite leak, or valgrind's status 99).
kill -TERM $server
wait $server
status=$?
server=
[ "$status" -eq 99 ] && sed "s/^/# valgrind: /" "$OUT/valgrind-server.log"
check "SIGTERM stops the server with status 0${CLAUSIER_VALGRIND:+ (valgrind: no error, no definite leak)}" \
	eval '[ "$status" -eq 0 ]'
exit 0
