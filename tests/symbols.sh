#!/bin/sh
# Only the public clausier_* API is exported, exactly the list in
# tests/exported-symbols.txt (add to it on purpose, never by accident).
. "$top_srcdir/tests/lib.sh"
so=$top_builddir/lib/.libs/libclausier.so
if [ ! -f "$so" ]; then
	echo "1..0 # SKIP no shared library built"
	exit 0
fi
plan 5
nm -D --defined-only "$so" | awk '$2 ~ /^[TDRBVW]$/ { print $3 }' | sort >"$OUT/exported"
check "every exported symbol starts with clausier_" eval '! grep -v "^clausier_" "$OUT/exported" | sed "s/^/# unexpected: /" | grep .'
check "exported symbols match tests/exported-symbols.txt" same "$top_srcdir/tests/exported-symbols.txt" "$OUT/exported"
nm -D --undefined-only "$so" | awk '{ print $2 }' | sed 's/@.*//' | sort -u >"$OUT/imported"
check "the library never calls setlocale, textdomain or the process-wide cleanups" \
	eval '! grep -x -E "setlocale|textdomain|xmlCleanupParser|u_cleanup(_[0-9]+)?|uselocale" "$OUT/imported" | sed "s/^/# imports /" | grep .'
check "a static library is built too" test -f "$top_builddir/lib/.libs/libclausier.a"

# The library's files are layers: a file calls the clausier__ functions of
# files below it, never of one above (doc/design.md, "Layout").  One edge
# "caller callee" per object file's use of another's function; tsort
# finds a cycle.
for o in "$top_builddir"/lib/.libs/libclausier_la-*.o; do
	nm --defined-only "$o" | awk -v f="$(basename "$o" .o)" '$2 == "T" && $3 ~ /^clausier__/ { print $3, f }'
done | sort >"$OUT/defined"
for o in "$top_builddir"/lib/.libs/libclausier_la-*.o; do
	nm --undefined-only "$o" | awk -v f="$(basename "$o" .o)" '$2 ~ /^clausier__/ { print $2, f }'
done | sort >"$OUT/used"
join "$OUT/used" "$OUT/defined" | awk '$2 != $3 { print $3, $2 }' | sed 's/libclausier_la-//g' | sort -u >"$OUT/layers"
check "no two files of the library borrow from each other, directly or through others" \
	eval '[ -s "$OUT/layers" ] && { tsort "$OUT/layers" >/dev/null 2>"$OUT/tsort"; ! sed "s/^/# /" "$OUT/tsort" | grep .; }'
exit 0
