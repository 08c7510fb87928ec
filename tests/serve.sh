#!/bin/sh
# The intranet server example end to end: HTTP with curl, then the page as
# headless Chromium renders it (lang, the language switch, no console
# message, a screenshot kept in tests/out/serve/).
. "$top_srcdir/tests/lib.sh"
plan 13
port=$((20000 + $$ % 20000))
url=http://127.0.0.1:$port/
"$top_builddir/examples/clausier-serve" "$top_builddir/uninstalled/catalogs/smp.xml" \
	"$top_srcdir/data/samples/hospital-qc.xml" "$port" 2>"$OUT/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
up=no
for i in $(seq 1 50); do
	curl -s -o /dev/null "$url" && { up=yes; break; }
	sleep 0.1
done
check "the server answers on 127.0.0.1:$port" [ "$up" = yes ]

get() { curl -s -D "$OUT/headers" -o "$OUT/body" -w "%{http_code}" "$@"; }
check "Accept-Language fr-CA gets the Quebec French page" \
	eval '[ "$(get -H "Accept-Language: fr-CA,fr;q=0.9,en;q=0.5" "$url")" = 200 ] && grep -q "^<html lang=\"fr-CA\">" "$OUT/body" && grep -q "<h1>Politique d’utilisation des médias sociaux</h1>" "$OUT/body" && grep -qi "^Content-Language: fr-CA" "$OUT/headers"'
check "Accept-Language en-US gets the English page" \
	eval '[ "$(get -H "Accept-Language: en-US,en;q=0.8" "$url")" = 200 ] && grep -q "^<html lang=\"en-US\">" "$OUT/body" && grep -q "<h1>Social Media Policy</h1>" "$OUT/body"'
check "?lang= wins over Accept-Language" \
	eval '[ "$(get -H "Accept-Language: fr-CA" "${url}?lang=en-CA")" = 200 ] && grep -q "^<html lang=\"en-CA\">" "$OUT/body"'
check "the bilingual view pairs both languages clause by clause" \
	eval '[ "$(get "${url}?view=bilingual")" = 200 ] && [ "$(grep -c "^<div lang=\"fr-CA\">" "$OUT/body")" -ge 40 ] && [ "$(grep -c "^<div lang=\"fr-CA\">" "$OUT/body")" = "$(grep -c "^<div lang=\"en-CA\">" "$OUT/body")" ]'
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

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
	for n in 9 10 11 12; do ok "browser check $n # SKIP no chromium (bootstrap installs Debian's)"; done
	exit 0
fi
browse() { # OUTPUT-FLAG URL
	"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$OUT/chrome-profile-$$" --enable-logging=stderr --v=0 --window-size=1200,900 \
		"$@" 2>>"$OUT/chrome.log"
}
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
exit 0
