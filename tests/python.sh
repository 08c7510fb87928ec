#!/bin/sh
# The Python binding's pytest suite, against the build tree, as TAP: one test
# point per pytest test.  Debian's python3 with python3-pytest (bootstrap
# installs them).
#
# Under CLAUSIER_VALGRIND=1 (make check-valgrind) the whole pytest run goes
# under memcheck, with PYTHONMALLOC=malloc so that every Python object is a
# malloc block valgrind can see: any error (an invalid read or write in
# libclausier through the binding, a use of uninitialised memory) or any
# definite leak fails the last test point, and the log is printed.  Debian
# 12's Python 3.11 reports nothing by itself, so there is no suppression
# file: a report is clausier's until shown otherwise.
. "$top_srcdir/tests/lib.sh"
case " ${CLAUSIER_WITHOUT:-} " in
*" python "*)
	echo "1..0 # SKIP the Python binding was left out (configure --without-python, or no python3)"
	exit 0
	;;
esac
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
CLAUSIER_LIBRARY=$top_builddir/lib/.libs/libclausier.so.0
CLAUSIER_SRCDIR=$top_srcdir
CLAUSIER_BUILDDIR=$top_builddir
PYTHONPATH=$top_srcdir/bindings/python
export CLAUSIER_LIBRARY CLAUSIER_SRCDIR CLAUSIER_BUILDDIR PYTHONPATH
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	# python3 is not a libtool wrapper: valgrind runs it directly, and
	# CLAUSIER_LIBRARY names the real shared object.  Possibly lost and
	# reachable blocks are the interpreter's caches at exit: only definite
	# leaks count, and only they are listed.  The interpreters the tests
	# start (shutdown with objects still open) are followed, one log each.
	PYTHONMALLOC=malloc "${VALGRIND:-valgrind}" --trace-children=yes --leak-check=full \
		--show-leak-kinds=definite --errors-for-leak-kinds=definite \
		--error-exitcode=99 --log-file="$OUT/valgrind.%p.log" \
		"$PY" -m pytest -v -p no:cacheprovider "$top_srcdir/bindings/python/tests" >"$OUT/pytest.log" 2>&1
else
	"$PY" -m pytest -v -p no:cacheprovider "$top_srcdir/bindings/python/tests" >"$OUT/pytest.log" 2>&1
fi
status=$?
sed 's/^/# /' "$OUT/pytest.log" | grep -v "^# *$" | tail -n 40 >&2
n=$(grep -c -E '::[a-z_]+ (PASSED|FAILED|ERROR)' "$OUT/pytest.log")
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then echo "1..$((n + 2))"; else echo "1..$((n + 1))"; fi
grep -E '::[a-z_]+ (PASSED|FAILED|ERROR)' "$OUT/pytest.log" | awk '{
	name = $1; sub(/.*::/, "", name)
	printf "%s %d - %s\n", ($2 == "PASSED" ? "ok" : "not ok"), NR, name
}'
# With errors valgrind exits 99 (pytest's own codes are 0 to 5) and pytest's
# status is lost: its summary line says then whether it passed.
vg=
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
	vg=ok
	bad=$(grep -l -E 'ERROR SUMMARY: [1-9]|are definitely lost|Invalid (read|write|free)|uninitialised' \
		"$OUT"/valgrind.*.log 2>/dev/null)
	if [ "$status" -eq 99 ] || [ -n "$bad" ]; then
		vg="not ok"
		for f in $bad; do
			# The first 200 lines, and the summary however long the log.
			grep -v -E '^==[0-9]+== *$' "$f" |
				sed -n -e '1,200{p;d;}' -e '/ERROR SUMMARY\|definitely lost:/p' |
				sed 's/^/# valgrind: /' >&2
		done
	fi
	if [ "$status" -eq 99 ]; then
		tail -n 1 "$OUT/pytest.log" | grep -q -E ' (failed|error)' && status=1 || status=0
	fi
fi
if [ "$status" -eq 0 ]; then echo "ok $((n + 1)) - pytest exits 0"; else echo "not ok $((n + 1)) - pytest exits $status"; fi
if [ -n "$vg" ]; then
	echo "$vg $((n + 2)) - valgrind: no memory error and no definite leak in the pytest run"
fi
exit 0
