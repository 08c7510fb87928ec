#!/bin/sh
# The README's commands run as written: each line of the first sh block of
# "The `clausier` command", in a fresh folder holding the source's data/ as
# a new user's clone would, with clausier the program of this build tree.
. "$top_srcdir/tests/lib.sh"
awk '/^## The `clausier` command/ { s = 1 } s && /^```sh$/ { b = 1; next } b && /^```$/ { exit } b' \
	"$top_srcdir/README.md" | sed 's/[[:space:]]*#.*$//' | grep . >"$OUT/commands"
n=$(wc -l <"$OUT/commands")
plan $((n + 1))
check "the README has a command block (found $n commands)" [ "$n" -ge 10 ]
mkdir -p "$OUT/clone" && ln -s "$top_srcdir/data" "$OUT/clone/data" || exit 99
# as a new user: no CLAUSIER_DATA_PATH, the build tree's data found by the program
unset CLAUSIER_DATA_PATH
clausier() { "$top_builddir/src/clausier" "$@"; }
while IFS= read -r line; do
	( cd "$OUT/clone" && eval "$line" ) >"$OUT/stdout" 2>"$OUT/stderr" </dev/null
	st=$?
	check "README: $line (status $st)" [ "$st" -eq 0 ]
	[ "$st" -eq 0 ] || sed 's/^/# /' "$OUT/stderr" | head -n 5
done <"$OUT/commands"
