#!/bin/sh
# Pathological input (tests/pathological.py): each case at n and 10n in a
# subprocess with a time limit; fails on a crash, a hang, a wrong exit
# status or error, a temporary file left behind, or T(10n)/T(n) > 15.
# Timing means nothing under valgrind: there the bad-input corpus and the
# fuzzers' crash files stand in.
. "$top_srcdir/tests/lib.sh"
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	echo "1..0 # SKIP ratios of times are not measured under valgrind"
	exit 0
fi
exec python3 "$top_srcdir/tests/pathological.py" "$top_builddir"
