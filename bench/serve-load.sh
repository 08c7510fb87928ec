#!/bin/sh
# Load run of the intranet server example on 127.0.0.1 with wrk (2 threads,
# 16 connections, 5 s a measure, so bounded): requests per second and
# latency percentiles of the policy page in fr-CA and en-CA, beside a
# baseline measured in the same run: the same server answering 404, i.e.
# its HTTP cost without rendering.
# Usage: bench/serve-load.sh [BUILDDIR] [SRCDIR]
b=${1:-.}
s=${2:-.}
port=$((30000 + $$ % 20000))
"$b/examples/clausier-serve" "$b/uninstalled/catalogs/smp.xml" "$s/data/samples/hospital-qc.xml" "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
printf 'page: %s bytes\n' "$(curl -s -H 'Accept-Language: fr-CA' "http://127.0.0.1:$port/" | wc -c)"
run() { # NAME PATH [LANG]
	wrk -t2 -c16 -d5s --latency ${3:+-H "Accept-Language: $3"} "http://127.0.0.1:$port$2" >/tmp/wrk.$$ 2>&1
	rps=$(sed -n 's/^Requests\/sec: *//p' /tmp/wrk.$$)
	printf '%-22s %10s req/s  p50 %-8s p90 %-8s p99 %-8s %s\n' "$1" "$rps" \
		"$(awk '$1 == "50%" {print $2}' /tmp/wrk.$$)" "$(awk '$1 == "90%" {print $2}' /tmp/wrk.$$)" \
		"$(awk '$1 == "99%" {print $2}' /tmp/wrk.$$)" "$(grep -E 'Non-2xx|Socket errors' /tmp/wrk.$$ | tr -s ' ')"
	rm -f /tmp/wrk.$$
	eval "rps_$4=$rps"
}
run "baseline: 404" /nope "" base
run "policy page, fr-CA" / fr-CA fr
run "policy page, en-CA" / en-CA en
awk -v b="$rps_base" -v f="$rps_fr" -v e="$rps_en" 'BEGIN {
	printf "a page costs %.1f x a 404 in fr-CA, %.1f x in en-CA\n", b / f, b / e }'
