#!/bin/sh
# The Python binding's pytest suite, against the build tree, as TAP: one test
# point per pytest test.  Debian's python3 with python3-pytest (bootstrap
# installs them).
. "$top_srcdir/tests/lib.sh"
for py in /usr/bin/python3 python3; do
	if "$py" -c "import pytest" 2>/dev/null; then
		PY=$py
		break
	fi
done
if [ -z "${PY:-}" ]; then
	echo "1..1"
	echo "not ok 1 - python3 with pytest (Debian: python3-pytest) is needed"
	exit 0
fi
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	echo "1..0 # SKIP the interpreter is not valgrind-clean; the C tests cover the library"
	exit 0
fi
CLAUSIER_LIBRARY=$top_builddir/lib/.libs/libclausier.so.0
CLAUSIER_SRCDIR=$top_srcdir
CLAUSIER_BUILDDIR=$top_builddir
PYTHONPATH=$top_srcdir/bindings/python
export CLAUSIER_LIBRARY CLAUSIER_SRCDIR CLAUSIER_BUILDDIR PYTHONPATH
"$PY" -m pytest -v -p no:cacheprovider "$top_srcdir/bindings/python/tests" >"$OUT/pytest.log" 2>&1
status=$?
sed 's/^/# /' "$OUT/pytest.log" | grep -v "^# *$" | tail -n 40 >&2
n=$(grep -c -E '::[a-z_]+ (PASSED|FAILED|ERROR)' "$OUT/pytest.log")
echo "1..$((n + 1))"
grep -E '::[a-z_]+ (PASSED|FAILED|ERROR)' "$OUT/pytest.log" | awk '{
	name = $1; sub(/.*::/, "", name)
	printf "%s %d - %s\n", ($2 == "PASSED" ? "ok" : "not ok"), NR, name
}'
if [ "$status" -eq 0 ]; then echo "ok $((n + 1)) - pytest exits 0"; else echo "not ok $((n + 1)) - pytest exits $status"; fi
exit 0
