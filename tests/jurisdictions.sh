#!/bin/sh
# Every default catalog in every jurisdiction, sector, risk tolerance and
# locale (tests/jurisdictions.py, through the Python binding): each edition
# cites only its jurisdiction's law, is spelled as its region spells, and says
# which version prevails when it is a translation.  Under valgrind it runs on
# the binding's own tests (tests/python.sh) instead: 2,100 editions under
# memcheck would take an hour.
. "$top_srcdir/tests/lib.sh"
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	echo "1..0 # SKIP under valgrind (python.sh runs the binding under memcheck)"
	exit 0
fi
CLAUSIER_LIBRARY=$top_builddir/lib/.libs/libclausier.so.0
export CLAUSIER_LIBRARY
exec python3 "$top_srcdir/tests/jurisdictions.py" "$top_builddir/uninstalled/catalogs"
