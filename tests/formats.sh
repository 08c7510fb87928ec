#!/bin/sh
# Markdown, HTML and DocBook editions: exact output, validity, and nothing a
# catalog or a profile says becomes markup.
. "$top_srcdir/tests/lib.sh"
plan 35
cat=$top_srcdir/data/samples/sample-catalog.xml
prof=$top_srcdir/data/samples/sample-profile.xml
golden=$top_srcdir/tests/golden
DOCBOOK_RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng

for loc in fr-FR fr-CA en-CA en-US; do
	for f in markdown:md html:html docbook:dbk.xml; do
		run src/clausier render -f "${f%%:*}" -l "$loc" -p "$prof" "$cat"
		check "${f%%:*} edition in $loc is its golden file" \
			eval 'expect_status 0 && same "$golden/sample.$loc.${f#*:}" "$OUT/stdout"'
	done
done

run src/clausier render -f html --standalone -p "$top_srcdir/data/samples/hospital-qc.xml" -l fr-CA
check "a standalone page with sections and a table of contents is its golden file" \
	eval 'expect_status 0 && same "$golden/hospital-qc.fr-CA.page.html" "$OUT/stdout"'

if [ -f "$DOCBOOK_RNG" ]; then
	# with <superscript> in titles and paragraphs (« 1er »), none in a revision's <date>
	src/clausier render -f docbook -p "$top_srcdir/data/samples/hospital-qc.xml" -l fr-CA >"$OUT/revised.dbk.xml"
	run src/clausier render -f docbook -p "$top_srcdir/data/samples/company-fr.xml" -l fr-FR
	check "DocBook editions are valid DocBook 5" \
		eval 'grep -q "<superscript>er</superscript>" "$OUT/stdout" "$OUT/revised.dbk.xml" && grep -q "<date>[^<]*1er" "$OUT/revised.dbk.xml" && xmllint --noout --relaxng "$DOCBOOK_RNG" "$OUT/stdout" "$OUT/revised.dbk.xml" "$golden/sample.fr-CA.dbk.xml" 2>"$OUT/xmllint.err" || { sed "s/^/# /" "$OUT/xmllint.err" | head -5; false; }'
else
	ok "DocBook editions are valid DocBook 5 # SKIP docbook5-xml is not installed"
fi

# The hostile catalog, in each format.
hc=$top_srcdir/tests/data/hostile-catalog.xml
hp=$top_srcdir/tests/data/hostile-profile.xml
run src/clausier render -f html --standalone -p "$hp" "$hc"
cp "$OUT/stdout" "$OUT/hostile.html"
check "HTML: only the renderer's elements and attributes, every text literal" \
	python3 "$top_srcdir/tests/check-hostile.py" html "$OUT/hostile.html"
run src/clausier render -f markdown -p "$hp" "$hc"
cp "$OUT/stdout" "$OUT/hostile.md"
if command -v cmark >/dev/null 2>&1; then
	cmark --to xml "$OUT/hostile.md" >"$OUT/hostile.cmark.xml"
	check "Markdown: CommonMark reads back plain text in the renderer's structure" \
		python3 "$top_srcdir/tests/check-hostile.py" cmark "$OUT/hostile.cmark.xml"
else
	ok "Markdown: CommonMark reads back plain text # SKIP cmark is not installed"
fi
run src/clausier render -f html -p "$top_srcdir/data/samples/hospital-qc.xml"
cp "$OUT/stdout" "$OUT/hqc.html"
run src/clausier render -f markdown -p "$top_srcdir/data/samples/hospital-qc.xml"
if command -v cmark >/dev/null 2>&1; then
	cmark --to xml "$OUT/stdout" >"$OUT/hqc.cmark.xml"
	check "Markdown of the default policy reads back with its structure: sections, clauses, paragraphs" \
		eval '[ "$(grep -c "<heading level=\"2\">" "$OUT/hqc.cmark.xml")" = "$(grep -c "class=\"clausier-section\"" "$OUT/hqc.html")" ] && [ "$(grep -c "<heading level=\"3\">" "$OUT/hqc.cmark.xml")" = "$(grep -c "class=\"clausier-clause\"" "$OUT/hqc.html")" ] && [ "$(grep -c "<paragraph>" "$OUT/hqc.cmark.xml")" = "$(grep -c "^<p" "$OUT/hqc.html")" ]'
else
	ok "Markdown of the default policy reads back with its structure # SKIP cmark is not installed"
fi
run src/clausier render -f docbook -p "$hp" "$hc"
cp "$OUT/stdout" "$OUT/hostile.dbk.xml"
check "DocBook: only the renderer's elements, every text literal" \
	python3 "$top_srcdir/tests/check-hostile.py" docbook "$OUT/hostile.dbk.xml"
if [ -f "$DOCBOOK_RNG" ]; then
	check "DocBook: still valid with hostile text" xmllint --noout --relaxng "$DOCBOOK_RNG" "$OUT/hostile.dbk.xml"
else
	ok "DocBook: still valid with hostile text # SKIP docbook5-xml is not installed"
fi
# Wrapped text.
for pl in company-fr:fr-FR:60 hospital-qc:fr-CA:40 nonprofit-us:en-US:72; do
	p=${pl%%:*}
	rest=${pl#*:}
	l=${rest%%:*}
	w=${rest#*:}
	run src/clausier render -w "$w" -l "$l" -p "$top_srcdir/data/samples/$p.xml"
	check "$p in $l wrapped at $w: widths, no-break spaces and hanging indents hold" \
		eval 'expect_status 0 && python3 "$top_srcdir/tests/check-wrap.py" "$w" "$OUT/stdout"'
done
run src/clausier render -w 50 -l fr-CA -p "$prof" "$cat"
check "text wrapped at 50 in fr-CA is its golden file" \
	eval 'expect_status 0 && same "$golden/sample.fr-CA.w50.txt" "$OUT/stdout"'
run src/clausier render -w 50 -l fr-CA -p "$prof" "$cat"
cp "$OUT/stdout" "$OUT/wrapped.txt"
run src/clausier render -l fr-CA -p "$prof" "$cat"
check "wrapping changes only where lines break" \
	python3 "$top_srcdir/tests/check-wrap.py" same "$OUT/wrapped.txt" "$OUT/stdout"
run src/clausier render -w 10 "$cat"
check "a width below 20 is a usage error" eval 'expect_status 2 && grep -q "takes a number of columns from 20 to 1000" "$OUT/stderr"'
run src/clausier render -w 60 -f html "$cat"
check "--width with another format is a usage error" eval 'expect_status 2 && grep -q "width goes with the text format" "$OUT/stderr"'

# Bilingual editions.
run src/clausier render --bilingual fr-CA,en-CA -p "$prof" "$cat"
check "bilingual text edition is its golden file" \
	eval 'expect_status 0 && same "$golden/sample.fr-CA+en-CA.txt" "$OUT/stdout"'
run src/clausier render --bilingual fr-FR,en-US -f html --standalone -p "$top_srcdir/data/samples/company-fr.xml"
check "bilingual HTML page is its golden file" \
	eval 'expect_status 0 && same "$golden/company-fr.fr-FR+en-US.page.html" "$OUT/stdout"'
check "bilingual HTML: every clause pairs the two languages, in order" \
	eval '[ "$(grep -c "^<div lang=\"fr-FR\">" "$OUT/stdout")" = "$(grep -c "^<div lang=\"en-US\">" "$OUT/stdout")" ] && [ "$(grep -c "class=\"clausier-clause\"" "$OUT/stdout")" -ge 30 ]'
run src/clausier render --bilingual fr-CA,en-CA --fallback -f html --standalone -p "$hp" "$hc"
cp "$OUT/stdout" "$OUT/hostile2.html"
check "bilingual HTML: only the renderer's elements and attributes, every text literal" \
	python3 "$top_srcdir/tests/check-hostile.py" html "$OUT/hostile2.html"
run src/clausier render --bilingual fr-CA,en-CA -f docbook "$cat"
check "a bilingual DocBook edition is a usage error" eval 'expect_status 2 && grep -q "bilingual edition is written in text or HTML" "$OUT/stderr"'
run src/clausier render --bilingual fr-CA "$cat"
check "--bilingual needs two locales" eval 'expect_status 2 && grep -q "takes two locales" "$OUT/stderr"'
run src/clausier render --bilingual fr-CA,de-DE "$cat"
check "--bilingual checks its second locale" eval 'expect_status 2 && grep -q "unsupported locale .de-DE." "$OUT/stderr"'

check "every golden edition's typography, character by character" \
	python3 "$top_srcdir/tests/check-typography.py" "$golden"/*

run src/clausier render -f pdf "$cat"
check "an unknown format is a usage error" eval 'expect_status 2 && grep -q "unknown format .pdf. (text, markdown, html, docbook)" "$OUT/stderr"'
exit 0
