#!/bin/sh
# clausier check on PO files: each file of tests/po-check holds one class of
# mistake and must give exactly NAME.out (GNU file:line: severity: message),
# with status 1 when there are errors; clean files, and the project's own
# catalog translations, give nothing.
. "$top_srcdir/tests/lib.sh"
n=$(ls "$top_srcdir"/tests/po-check/*.po | wc -l)
plan $((n + 2))
cd "$top_srcdir/tests/po-check" || exit 99
for f in *.po; do
	name=${f%.po}
	run examples/clausier check "$f"
	cat "$OUT/stderr" >>"$OUT/stdout"
	want=0
	grep -q ": error: " "$name.out" && want=1
	check "$f: exactly its findings, status $want" eval 'expect_status $want && same "$name.out" "$OUT/stdout"'
done
cd "$top_srcdir" || exit 99
run examples/clausier check po/catalogs/smp/fr.po po/catalogs/smp/fr_CA.po po/catalogs/charte/en.po
check "the project's catalog translations pass clean" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ]'
run examples/clausier check
check "check without files is a usage error" eval 'expect_status 2 && grep -q "check needs PO files" "$OUT/stderr"'
exit 0
