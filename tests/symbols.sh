#!/bin/sh
# Only the public clausier_* API is exported, exactly the list in
# tests/exported-symbols.txt (add to it on purpose, never by accident).
. "$top_srcdir/tests/lib.sh"
plan 4
so=$top_builddir/lib/.libs/libclausier.so
if [ ! -f "$so" ]; then
	echo "1..0 # SKIP no shared library built"
	nm -D --undefined-only "$so" | awk '{ print $2 }' | sed 's/@.*//' | sort -u >"$OUT/imported"
check "the library never calls setlocale, textdomain or the process-wide cleanups" \
	eval '! grep -x -E "setlocale|textdomain|xmlCleanupParser|u_cleanup(_[0-9]+)?|uselocale" "$OUT/imported" | sed "s/^/# imports /" | grep .'
check "a static library is built too" test -f "$top_builddir/lib/.libs/libclausier.a"
exit 0
fi
nm -D --defined-only "$so" | awk '$2 ~ /^[TDRBVW]$/ { print $3 }' | sort >"$OUT/exported"
check "every exported symbol starts with clausier_" eval '! grep -v "^clausier_" "$OUT/exported" | sed "s/^/# unexpected: /" | grep .'
check "exported symbols match tests/exported-symbols.txt" same "$top_srcdir/tests/exported-symbols.txt" "$OUT/exported"
nm -D --undefined-only "$so" | awk '{ print $2 }' | sed 's/@.*//' | sort -u >"$OUT/imported"
check "the library never calls setlocale, textdomain or the process-wide cleanups" \
	eval '! grep -x -E "setlocale|textdomain|xmlCleanupParser|u_cleanup(_[0-9]+)?|uselocale" "$OUT/imported" | sed "s/^/# imports /" | grep .'
check "a static library is built too" test -f "$top_builddir/lib/.libs/libclausier.a"
exit 0
