#!/bin/sh
# A genre's title is its catalog's: the map report names both genres as
# their editions do, in every locale (text) and in English and French (XML,
# JSON); and the charte has one English name everywhere the project ships text.
. "$top_srcdir/tests/lib.sh"
samples=$top_srcdir/data/samples
locales="fr-FR fr-CA fr-CH fr-BE fr en-US en-CA en-GB en"
plan 8

# The title of an edition of catalog G (smp or charte) in locale L: the
# first line of a sample profile's edition whose catalog is G.
title() {
	for t_p in "$samples"/*.xml; do
		grep -q " catalog=\"$1\"" "$t_p" || continue
		"$top_builddir/src/clausier" render -l "$2" -p "$t_p" | head -n 1
		return
	done
}
other() { [ "$1" = smp ] && echo charte || echo smp; }

bad=
for g in smp charte; do
	p=
	for f in "$samples"/*.xml; do grep -q " catalog=\"$g\"" "$f" && p=$f && break; done
	o=$(other $g)
	for l in $locales; do
		run src/clausier map --to="$o" -p "$p" -o "$OUT/policy.xml" -r "$OUT/report.txt" -l "$l"
		want="$(title $g "$l") → $(title $o "$l")"
		got=$(sed -n 2p "$OUT/report.txt")
		[ "$got" = "$want" ] || { echo "# $g → $o in $l: “$got”, the editions say “$want”"; bad="$bad $g:$l"; }
	done
done
check "the text report names both genres by their editions' titles, in every locale" eval '[ -z "$bad" ]'

p=
for f in "$samples"/*.xml; do grep -q ' catalog="smp"' "$f" && p=$f && break; done
run src/clausier map --to=charte -p "$p" -o "$OUT/policy.xml" -r "$OUT/report.xml" -f xml
cp "$OUT/report.xml" "$OUT/r.xml"
run src/clausier map --to=charte -p "$p" -o "$OUT/policy.xml" -r "$OUT/report.json" -f json
xml_title() { sed -n "s|.*<title of=\"$1\" xml:lang=\"$2\">\(.*\)</title>.*|\1|p" "$OUT/r.xml"; }
json_title() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]][sys.argv[3]])' "$OUT/report.json" "$1_title" "$2"; }
bad=
for l in en fr; do
	[ "$(xml_title from $l)" = "$(title smp $l)" ] || bad="$bad xml:from:$l"
	[ "$(xml_title to $l)" = "$(title charte $l)" ] || bad="$bad xml:to:$l"
	[ "$(json_title from $l)" = "$(title smp $l)" ] || bad="$bad json:from:$l"
	[ "$(json_title to $l)" = "$(title charte $l)" ] || bad="$bad json:to:$l"
done
check "the XML and JSON reports give both genres' titles in English and French as their editions do" \
	eval '[ -z "$bad" ] || { echo "# differ:$bad"; false; }'
check "the XML report with titles is valid against report.rng" \
	xmllint --noout --relaxng "$top_srcdir/data/schemas/report.rng" "$OUT/r.xml"

# The charte's English name: its catalog's English title.
name=$(title charte en)
check "the charte's English name is its catalog's: $name" eval '[ -n "$name" ] && [ "$name" != "$(title charte fr)" ]'
check "the charte's genre description has the same English title" \
	grep -qF "<title xml:lang=\"en\">$name</title>" "$top_srcdir/data/genres/charte.xml"
check "the charte's English translation has the same title" \
	eval 'grep -A1 "^msgid \"Charte d’usage des réseaux sociaux\"" "$top_srcdir/po/catalogs/charte/en.po" | grep -qF "msgstr \"$name\""'
run src/clausier map --to=smp -p "$samples/company-fr.xml" -o "$OUT/policy.xml" -r "$OUT/report.txt" -l en-CA
check "the English map report names the charte so" eval 'sed -n 2p "$OUT/report.txt" | grep -qF "$name →"'
# No other English name of the charte in what the project ships: the program
# and library's text, documentation, data and translations.
cd "$top_srcdir" || exit 99
files=$(ls README.md NEWS doc/*.md doc/*.in data/genres/*.xml data/catalogs/*.xml data/samples/*.xml \
	data/crosswalk/*.xml po/*.po po/catalogs/*/*.po src/*.c lib/*.c lib/*.cpp include/clausier/*.h \
	bindings/python/clausier/*.py bindings/python/README.md examples/*.c 2>/dev/null)
other_names='(social[ -]media|media|use|usage|acceptable|internet|computer|it|network|online) (use )?charter|charter (of|for) (the )?(use|social|good)'
check "no other English name of the charte (… Use Charter, Social Media Charter …) in shipped text" \
	eval '! grep -n -i -E "$other_names" $files | grep -v -i "human rights\|French language\|Rights and Freedoms" | sed "s/^/# /" | grep .'
exit 0
