#!/bin/sh
# Benchmark: `clausier check` against Translate Toolkit's pofilter on the same
# generated 10,000-message PO file (bench/gen-po.py), and check's linearity,
# T(10n)/T(n), each measured in the same run and printed as a ratio, one a
# line.  Wall clock of whole runs (start-up included), best of 3.
#
# Usage: bench-check.sh CLAUSIER [N]   (CLAUSIER: the program; N: 10000)
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu
prog=$1
n=${2:-10000}
here=$(dirname "$0")
tmp=${TMPDIR:-/tmp}/bench-check.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen-po.py" "$n" >"$tmp/big.po"
python3 "$here/gen-po.py" $((n / 10)) >"$tmp/small.po"

# best wall time of 3 runs of "$@", in seconds
best() {
	b=
	for i in 1 2 3; do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || :
		t1=$(date +%s.%N)
		b=$(echo "$t0 $t1 ${b:-}" | awk '{ t = $2 - $1; if ($3 != "" && $3 < t) t = $3; printf "%.6f", t }')
	done
	echo "$b"
}

t_big=$(best "$prog" check "$tmp/big.po")
t_small=$(best "$prog" check "$tmp/small.po")
echo "$t_big $t_small $n" | awk '{ printf "check linear: T(%d messages)/T(%d messages) = %.2f (%.3f s / %.3f s; <= 12 is linear)\n", $3, $3 / 10, $1 / $2, $1, $2 }'
if command -v pofilter >/dev/null 2>&1; then
	t_pf=$(best pofilter "$tmp/big.po" -o "$tmp/pofilter.po")
	echo "$t_big $t_pf $n" | awk '{ printf "check %d messages: %.3f s; pofilter %.3f s: clausier check is %.1f x pofilter\n", $3, $1, $2, $2 / $1 }'
else
	echo "check $n messages: $t_big s; the pofilter comparison was skipped: pofilter not installed (Debian package translate-toolkit)"
fi
