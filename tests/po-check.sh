#!/bin/sh
# clausier check on PO files: each file of tests/po-check holds one class of
# mistake and must give exactly NAME.out (GNU file:line: severity: message,
# in valid UTF-8), with status 1 when there are errors; clean files, and the
# project's own catalog translations, give nothing.
. "$top_srcdir/tests/lib.sh"
n=$(ls "$top_srcdir"/tests/po-check/*.po | wc -l)
plan $((n + 25))
cd "$top_srcdir/tests/po-check" || exit 99
for f in *.po; do
	name=${f%.po}
	run src/clausier check "$f"
	cat "$OUT/stderr" >>"$OUT/stdout"
	want=0
	grep -q ": error: " "$name.out" && want=1
	check "$f: exactly its findings in valid UTF-8, status $want" \
		eval 'expect_status $want && same "$name.out" "$OUT/stdout" && iconv -f UTF-8 -t UTF-8 "$OUT/stdout" >/dev/null'
done
run src/clausier stats clean.po fuzzy.po untranslated.po
check "stats counts messages and source words by state" eval 'expect_status 0 && same stats.txt.expected "$OUT/stdout"'
run src/clausier stats --format=json clean.po fuzzy.po
check "stats --format=json is JSON with the same counts" \
	eval 'expect_status 0 && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[1][\"messages\"]==dict(translated=1,fuzzy=1,untranslated=0), d; assert d[1][\"source_words\"][\"fuzzy\"]==2, d" "$OUT/stdout"'
cp untranslated.po "$OUT/<b>x.po"
run src/clausier stats --format=html "$OUT/<b>x.po"
check "stats --format=html escapes what it shows" \
	eval 'expect_status 0 && grep -q "&lt;b&gt;x.po" "$OUT/stdout" && ! grep -q "<b>x" "$OUT/stdout"'
# Under a French locale (made here: Debian's locales package has the
# sources), whose decimal separator is a comma, the CSS keeps its decimal
# points; the page's lang is the language its words are in (French once
# installed, as installcheck shows; English in the build tree).
mkdir -p "$OUT/locale"
localedef -i fr_FR -f UTF-8 "$OUT/locale/fr_FR.UTF-8" 2>/dev/null
if [ -d "$OUT/locale/fr_FR.UTF-8" ]; then
	( cd "$OUT" && LOCPATH=$OUT/locale LC_ALL=fr_FR.UTF-8 LANGUAGE=fr "$top_builddir/src/clausier" stats --format=html \
		"$top_srcdir/tests/po-check/clean.po" "$top_srcdir/tests/po-check/fuzzy.po" >"$OUT/stats-fr.html" )
	check "stats --format=html under a French locale: CSS widths with a decimal point, lang that of its words" \
		eval 'grep -q "width:50.0%" "$OUT/stats-fr.html" && ! grep -q "width:[0-9]*,[0-9]" "$OUT/stats-fr.html" && { grep -q "^<html lang=\"fr\">" "$OUT/stats-fr.html" && grep -q "<title>État des traductions" "$OUT/stats-fr.html" || grep -q "^<html lang=\"en\">" "$OUT/stats-fr.html" && grep -q "<title>Translation status" "$OUT/stats-fr.html"; }'
else
	T_n=$((T_n + 1)); echo "ok $T_n - stats --format=html under a French locale # SKIP localedef cannot make fr_FR.UTF-8 (Debian: locales)"
fi
run src/clausier stats --format=html clean.po
check "stats --format=html in English: lang=en, CSS for a narrow window (fixed table layout, file names that wrap)" \
	eval 'expect_status 0 && grep -q "^<html lang=\"en\">" "$OUT/stdout" && grep -q "width:100.0%" "$OUT/stdout" && grep -q "table-layout:fixed" "$OUT/stdout" && grep -q "overflow-wrap:anywhere" "$OUT/stdout"'
run src/clausier check --glossary=test-glossary.tsv glossary.po
check "--glossary warns where a term is not translated as required, plural or not" \
	eval 'expect_status 0 && same glossary.expected "$OUT/stdout"'
run src/clausier check --glossary=bad-glossary.tsv glossary.po
check "a malformed glossary is an error naming its line" \
	eval 'expect_status 2 && grep -q "bad-glossary.tsv:1: a glossary line has four tab-separated fields" "$OUT/stderr"'
printf 'en\tfr CA\tteam\téquipe\n' >"$OUT/lang-glossary.tsv"
run src/clausier check --glossary="$OUT/lang-glossary.tsv" glossary.po
check "a glossary language that is not a tag is an error naming its line and field" \
	eval 'expect_status 2 && grep -q "lang-glossary.tsv:1: field 2 is not a language tag" "$OUT/stderr" && [ ! -s "$OUT/stdout" ]'
run src/clausier check --glossary="$top_srcdir/data/glossary/clausier.tsv" "$top_srcdir/po/catalogs/smp/fr.po"
check "the France translation of the policy follows the glossary" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ]'

# Multilingual catalogs: every translation against its source text.
run src/clausier check catalog-mismatch.xml
check "a catalog's translations are checked against their source, at their lines" \
	eval 'expect_status 1 && same catalog-mismatch.expected "$OUT/stdout"'
run src/clausier check "$top_srcdir/tests/bad/plural-few.xml"
check "a catalog that does not load is one located error" \
	eval 'expect_status 1 && grep -q "plural-few.xml:10: error: clause “scope”, text in “fr”: argument {days}" "$OUT/stdout"'
run src/clausier check --fix catalog-mismatch.xml
check "--fix on a catalog says that catalogs are fixed in their PO files" \
	eval 'expect_status 1 && grep -q "fixed in its PO files" "$OUT/stderr"'

# --fix: typography set right in place, nothing else changed.
for f in typography.po typography-multiline.po quebec.po english.po syntax.po; do cp "$f" "$OUT/$f"; done
cp typography-multiline.po "$OUT/orig.po"
cp syntax.po "$OUT/syntax.orig"
run src/clausier check --fix "$OUT/typography.po" "$OUT/typography-multiline.po" "$OUT/quebec.po" "$OUT/english.po" "$OUT/syntax.po"
check "--fix rewrites the files and reports what it set" \
	eval 'grep -q "typography-multiline.po: 2 translations set in the typography of fr" "$OUT/stderr" && grep -q "quebec.po: 1 translation set in the typography of fr-CA" "$OUT/stderr"'
check "--fix changes only the lines of the strings it fixed, across continuation lines" \
	eval 'diff "$OUT/orig.po" "$OUT/typography-multiline.po" > "$OUT/fix.diff"; [ "$(grep -c "^[<>]" "$OUT/fix.diff")" = 6 ] && ! grep "^[<>]" "$OUT/fix.diff" | grep -v -e "^[<>] msgstr \"" -e "^[<>] \"" | grep .'
run src/clausier check "$OUT/typography.po" "$OUT/typography-multiline.po" "$OUT/quebec.po" "$OUT/english.po"
check "after --fix no typography finding is left, and msgfmt -c accepts the files" \
	eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && msgfmt -c -o /dev/null "$OUT/typography-multiline.po" 2>/dev/null && msgfmt -c -o /dev/null "$OUT/quebec.po" 2>/dev/null'
check "--fix leaves a translation with errors as it was" same "$OUT/syntax.orig" "$OUT/syntax.po"

# --fix on translations over more than 512 lines (one whose last line is
# short, one of 650 lines fixed after its 600th), and on escapes: exactly the
# expected file, which gettext's own msgfmt reads as the old one with only
# the fixed texts changed.  A translation it cannot split over its lines is
# left as it was and not counted.
for f in long-msgstr escapes unaligned; do cp "$f.po" "$OUT/$f.po"; done
run src/clausier check --fix "$OUT/long-msgstr.po" "$OUT/escapes.po" "$OUT/unaligned.po"
check "--fix reports exactly the translations it changed" \
	eval 'grep -q "long-msgstr.po: 2 translations set in the typography of fr" "$OUT/stderr" && grep -q "escapes.po: 3 translations set in the typography of fr" "$OUT/stderr" && grep -q "unaligned.po: 1 translation set in the typography of fr" "$OUT/stderr"'
check "--fix leaves a translation it cannot align as it was, and its warning" \
	eval 'same unaligned.fixed "$OUT/unaligned.po" && grep -q "unaligned.po:16: warning: typography" "$OUT/stdout"'
check "--fix on msgstrs of 513 and 652 lines changes only their fixed lines" same long-msgstr.fixed "$OUT/long-msgstr.po"
check "msgfmt -c reads the fixed long msgstrs as exactly the fixed texts" \
	python3 "$top_srcdir/tests/po-fixed.py" long-msgstr.po "$OUT/long-msgstr.po" '"Remarque: "' '"Remarque\u00a0: "' '"voir: "' '"voir\u00a0: "'
check "--fix keeps escapes as they were written" same escapes.fixed "$OUT/escapes.po"
check "msgfmt -c reads the fixed escapes as exactly the fixed texts" \
	python3 "$top_srcdir/tests/po-fixed.py" escapes.po "$OUT/escapes.po" '"Remarque: "' '"Remarque\u00a0: "' \
	'"\"cité\""' '"«\u202fcité\u202f»"'
run src/clausier check --fix "$OUT/long-msgstr.po" "$OUT/escapes.po"
check "--fix again finds nothing more to set" eval '! grep -q "set in the typography" "$OUT/stderr" && same long-msgstr.fixed "$OUT/long-msgstr.po"'

cd "$top_srcdir" || exit 99
run src/clausier check po/catalogs/smp/fr.po po/catalogs/smp/fr_CA.po po/catalogs/charte/en.po \
	"$top_builddir/uninstalled/catalogs/smp.xml" "$top_builddir/uninstalled/catalogs/charte.xml"
check "the project's catalog translations and built catalogs pass clean" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ]'
run src/clausier check
check "check without files is a usage error" eval 'expect_status 2 && grep -q "check needs PO files" "$OUT/stderr"'
exit 0
