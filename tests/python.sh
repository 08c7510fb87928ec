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
CLAUSIER_PACKAGE_VERSION=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
PYTHONPATH=$top_srcdir/bindings/python
export CLAUSIER_LIBRARY CLAUSIER_SRCDIR CLAUSIER_BUILDDIR CLAUSIER_PACKAGE_VERSION PYTHONPATH
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
# After pytest's points and its exit status: valgrind's, or the $packaging
# points of the package as pip and make install make it (not C code: not
# under valgrind).
packaging=5
if [ -n "${CLAUSIER_VALGRIND:-}" ]; then echo "1..$((n + 2))"; else echo "1..$((n + 1 + packaging))"; fi
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
	exit 0
fi

# ---- the package as pip and make install make it -----------------------------
T_n=$((n + 1))
V=$CLAUSIER_PACKAGE_VERSION
unset PYTHONPATH
# pip builds in the folder it is given (build/, clausier.egg-info): a copy,
# the source tree staying clean (and read-only under distcheck).
mkdir -p "$OUT/src" && cp -R "$top_srcdir/bindings/python/pyproject.toml" "$top_srcdir/bindings/python/README.md" \
	"$top_srcdir/bindings/python/clausier" "$OUT/src/" && chmod -R u+w "$OUT/src" || exit 99
rm -rf "$OUT/src/clausier/__pycache__"
pip() {
	"$PY" -m pip --disable-pip-version-check --no-input --no-cache-dir "$@" >>"$OUT/pip.log" 2>&1 ||
		{ sed 's/^/# pip: /' "$OUT/pip.log" | tail -n 20 >&2; return 1; }
}

# What pip installs with --target imports, names the library with
# CLAUSIER_LIBRARY (pip writes no _paths.py), renders, and is the version.
target_renders() {
	pip install --no-build-isolation --no-deps --target "$OUT/target" "$OUT/src" || return 1
	test -f "$OUT/target/clausier/py.typed" && test ! -e "$OUT/target/clausier/_paths.py" || return 1
	PYTHONPATH=$OUT/target "$PY" -c "import clausier, importlib.metadata as m, sys
sys.stdout.write('%s %s %s\n' % (clausier.__version__, m.version('clausier'), clausier.__file__))
c = clausier.Catalog(clausier.data_file('samples/sample-catalog.xml'))
p = clausier.Profile(clausier.data_file('samples/sample-profile.xml'))
sys.stdout.write(clausier.Policy(c, p).render('fr-CA'))" \
		>"$OUT/target.out" 2>"$OUT/target.err" || { sed 's/^/# /' "$OUT/target.err" >&2; return 1; }
	{ echo "$V $V $OUT/target/clausier/__init__.py"; cat "$top_srcdir/tests/golden/sample.fr-CA.txt"; } >"$OUT/target.exp"
	same "$OUT/target.exp" "$OUT/target.out"
}
check "pip install --no-build-isolation --target: the package imports, renders, is version $V" target_renders

# As the README says: a venv that sees Debian's setuptools and wheel.
venv() {
	"$PY" -m venv --system-site-packages "$OUT/venv" >"$OUT/venv.log" 2>&1 ||
		{ sed 's/^/# /' "$OUT/venv.log"; return 1; }
	PY=$OUT/venv/bin/python pip install --no-build-isolation "$OUT/src" || return 1
	"$OUT/venv/bin/python" -c 'import clausier; print(clausier.__file__, clausier.__version__, clausier.version())' \
		>"$OUT/venv.out" 2>&1
	purelib=$("$OUT/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
	echo "$purelib/clausier/__init__.py $V $V" | same - "$OUT/venv.out"
}
check "pip install --no-build-isolation in a venv --system-site-packages (the README's)" venv

# A wheel, of the package and its py.typed only; a clone's .gitignore hides
# what pip leaves in bindings/python.
wheel() {
	pip wheel --no-build-isolation --no-deps -w "$OUT/wheel" "$OUT/src" || return 1
	"$PY" -c "import sys, zipfile
print('\n'.join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))" "$OUT/wheel/clausier-$V-py3-none-any.whl" \
		>"$OUT/wheel.out" || return 1
	printf '%s\n' clausier-$V.dist-info/METADATA clausier-$V.dist-info/RECORD clausier-$V.dist-info/WHEEL \
		clausier-$V.dist-info/top_level.txt clausier/__init__.py clausier/py.typed clausier/translators.py >"$OUT/wheel.exp"
	same "$OUT/wheel.exp" "$OUT/wheel.out" || return 1
	if git -C "$top_srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		for f in build/x clausier.egg-info/x dist/x _paths.py; do
			git -C "$top_srcdir" check-ignore -q "bindings/python/$f" || { echo "# not in .gitignore: $f"; return 1; }
		done
	fi
}
check "pip wheel --no-build-isolation: clausier-$V-py3-none-any.whl, the package and py.typed" wheel

# The types: mypy --strict passes the package, and reads the installed one's
# (py.typed): a program's type error is found.
T_n=$((T_n + 1))
if "$PY" -m mypy --version >/dev/null 2>&1; then
	printf '%s\n' 'import clausier' 'v: int = clausier.version()' 's: str = clausier.typeset("a", "fr")' >"$OUT/user.py"
	printf '%s%s\n' 'user.py:2: error: Incompatible types in assignment (expression has type "str", ' \
		'variable has type "int")  [assignment]' >"$OUT/mypy.exp"
	printf '%s\n' \
		'Found 1 error in 1 file (checked 1 source file)' >>"$OUT/mypy.exp"
	(cd "$top_srcdir/bindings/python" && "$PY" -m mypy --strict --cache-dir=/dev/null clausier) >"$OUT/mypy-pkg.out" 2>&1
	pkg=$?
	(cd "$OUT" && PYTHONPATH=$OUT/target "$PY" -m mypy --strict --cache-dir=/dev/null user.py) >"$OUT/mypy.out" 2>&1
	user=$?
	if [ "$pkg" -eq 0 ] && [ "$user" -eq 1 ] && same "$OUT/mypy.exp" "$OUT/mypy.out"; then
		echo "ok $T_n - mypy --strict: the package is typed, and a program using it is checked (py.typed)"
	else
		sed 's/^/# mypy: /' "$OUT/mypy-pkg.out" >&2
		echo "not ok $T_n - mypy --strict: the package is typed, and a program using it is checked (py.typed)"
	fi
else
	echo "ok $T_n # SKIP mypy is not installed (Debian: python3-mypy)"
fi

# make install puts the package where Debian's python3 reads it for the
# prefix (site.getsitepackages(): /usr/lib/python3/dist-packages,
# /usr/local/lib/python3.X/dist-packages), and it imports from there.
installed() {
	dest=$OUT/destdir
	make -s -C "$top_builddir" install-dist_clausierpyPYTHON install-nodist_clausierpyPYTHON \
		install-dist_clausierpyDATA DESTDIR="$dest" >"$OUT/install.log" 2>&1 ||
		{ sed 's/^/# /' "$OUT/install.log" >&2; return 1; }
	init=$(cd "$dest" && find . -path '*/clausier/__init__.py') && dir=${init#.} && dir=${dir%/clausier/__init__.py}
	prefix=$(printf 'p:\n\t@echo $(prefix)\n' | make -s --no-print-directory -C "$top_builddir" -f Makefile -f - p)
	echo "# prefix $prefix: the package in $dir"
	test -f "$dest$dir/clausier/py.typed" && test -f "$dest$dir/clausier/_paths.py" || return 1
	PYTHONPATH=$dest$dir "$PY" -c 'import clausier; print(clausier.__file__)' >"$OUT/installed.out" 2>&1 &&
		echo "$dest$dir/clausier/__init__.py" | same - "$OUT/installed.out" || return 1
	case $prefix in
	/usr | /usr/local)
		"$PY" -c "import site, sys; sys.exit(sys.argv[1] not in site.getsitepackages())" "$dir" ||
			{ echo "# $dir is not in $("$PY" -c 'import site; print(site.getsitepackages())')"; return 1; } ;;
	*) echo "# prefix $prefix (distcheck's?): Debian's python3 reads no folder of it; PYTHONPATH=$dir" ;;
	esac
}
check "make install: the package where Debian's python3 reads it for the prefix, and it imports" installed
exit 0
