#!/bin/sh
# The thread stress test (tests/stress.c) over the built default catalogs.
# Under CLAUSIER_VALGRIND it is skipped: make check-tsan runs it under
# ThreadSanitizer, and valgrind would take minutes over it.
: "${top_builddir:=.}" "${top_srcdir:=.}"
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	echo "1..0 # SKIP the stress test runs under ThreadSanitizer (make check-tsan), not valgrind"
	exit 0
fi
exec "$top_builddir/tests/stress" "$top_builddir/uninstalled/catalogs/smp.xml" \
	"$top_builddir/uninstalled/catalogs/charte.xml" "$top_srcdir/data/samples" "${STRESS_EDITIONS:-250}"
