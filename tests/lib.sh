# TAP helpers for the shell tests.  Sourced; expects top_srcdir and
# top_builddir in the environment (the test harness sets them).
: "${top_srcdir:=.}" "${top_builddir:=.}"
top_srcdir=$(cd "$top_srcdir" && pwd) || exit 99
top_builddir=$(cd "$top_builddir" && pwd) || exit 99
T_n=0
T_failed=0
OUT=$top_builddir/tests/out/$(basename "$0" .sh)
rm -rf "$OUT" && mkdir -p "$OUT" || exit 99

plan() { echo "1..$1"; }
ok() {
	T_n=$((T_n + 1))
	echo "ok $T_n - $1"
}
not_ok() {
	T_n=$((T_n + 1))
	T_failed=$((T_failed + 1))
	echo "not ok $T_n - $1"
}
# check NAME COMMAND...: one test point, passing when COMMAND succeeds.
check() {
	T_name=$1
	shift
	if "$@"; then ok "$T_name"; else not_ok "$T_name"; fi
}
# same FILE1 FILE2: files are identical (a diff on failure, as TAP comments).
same() {
	if cmp -s "$1" "$2"; then
		return 0
	fi
	diff -u "$1" "$2" | sed 's/^/# /' | head -n 40
	return 1
}

# run PROGRAM ARGS...: runs a program of the build tree with stdout in
# $OUT/stdout, stderr in $OUT/stderr and the exit status in $status; under
# CLAUSIER_VALGRIND=1, through valgrind, which makes any memory error or
# definite leak an exit status of 99.
run() {
	prog=$1
	shift
	if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
		# ICU's caches live until exit ("possibly lost"): only definite
		# leaks count.  valgrind writes to its own log, not the program's
		# stderr, which the tests compare.
		"$top_builddir/libtool" --mode=execute "${VALGRIND:-valgrind}" -q \
			--leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
			--log-file="$OUT/valgrind.log" \
			"$top_builddir/$prog" "$@" >"$OUT/stdout" 2>"$OUT/stderr"
	else
		"$top_builddir/$prog" "$@" >"$OUT/stdout" 2>"$OUT/stderr"
	fi
	status=$?
	if [ "$status" -eq 99 ]; then
		sed 's/^/# valgrind: /' "$OUT/valgrind.log" >&2
	fi
	return 0
}

# expect STATUS: the last run ended with that exit status.
expect_status() {
	if [ "$status" -eq "$1" ]; then
		return 0
	fi
	echo "# exit status $status, expected $1"
	sed 's/^/# stderr: /' "$OUT/stderr" | head -n 5
	return 1
}

