#!/bin/sh
# examples/minimal.c, the program the README quotes, works as promised.
. "$top_srcdir/tests/lib.sh"
plan 3
run examples/minimal "$top_srcdir/data/samples/sample-catalog.xml" \
	"$top_srcdir/data/samples/sample-profile.xml" fr-CA
check "minimal renders the fr-CA edition" \
	eval 'expect_status 0 && same "$top_srcdir/tests/golden/sample.fr-CA.txt" "$OUT/stdout"'
run examples/minimal "$top_srcdir/tests/bad/doctype-xxe.xml" \
	"$top_srcdir/data/samples/sample-profile.xml" en-CA
check "minimal reports a refused catalog in one line" \
	eval 'expect_status 1 && grep -q "doctype-xxe.xml:2: a DOCTYPE declaration is not allowed\$" "$OUT/stderr"'
check "the README quotes examples/minimal.c as it is" \
	eval 'sed -n "/^<!-- minimal.c -->/,/^\`\`\`\$/p" "$top_srcdir/README.md" | sed "1,2d;\$d" > "$OUT/quoted.c" && same "$top_srcdir/examples/minimal.c" "$OUT/quoted.c"'
exit 0
