#!/bin/sh
# Regenerates every golden edition in tests/golden from the built tree, as
# the tests render them (see DEVELOPERS.md); then read `git diff tests/golden`:
# every change must be one you meant.  Run from the top of a built tree.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -e
top=${top_srcdir:-.}
c=src/clausier
g=$top/tests/golden
s=$top/data/samples
CLAUSIER_DATA_PATH=${CLAUSIER_DATA_PATH:-$PWD/uninstalled:$top/data}
export CLAUSIER_DATA_PATH
cat=$s/sample-catalog.xml
prof=$s/sample-profile.xml
for l in fr-FR fr-CH fr-CA fr-BE fr en-US en-GB en-CA en; do
	$c render -l $l -p "$prof" "$cat" >"$g/sample.$l.txt"
done
for l in fr-FR fr-CA en-CA en-US; do
	$c render -f markdown -l $l -p "$prof" "$cat" >"$g/sample.$l.md"
	$c render -f html -l $l -p "$prof" "$cat" >"$g/sample.$l.html"
	$c render -f docbook -l $l -p "$prof" "$cat" >"$g/sample.$l.dbk.xml"
done
$c render -w 50 -l fr-CA -p "$prof" "$cat" >"$g/sample.fr-CA.w50.txt"
$c render --bilingual fr-CA,en-CA -p "$prof" "$cat" >"$g/sample.fr-CA+en-CA.txt"
for pl in hospital-qc:fr-CA hospital-qc:en-CA company-fr:fr-FR company-fr:en-US nonprofit-us:en-US nonprofit-us:fr-FR agency-ca:en-CA agency-ca:fr-CA intercommunalite-fr:fr-FR intercommunalite-fr:en-GB city-us:en-US city-us:fr-FR listed-fr:fr-FR listed-fr:en-US; do
	$c render -p "$s/${pl%%:*}.xml" -l "${pl#*:}" >"$g/${pl%%:*}.${pl#*:}.txt"
done
$c render -f html --standalone -p "$s/hospital-qc.xml" -l fr-CA >"$g/hospital-qc.fr-CA.page.html"
$c render --bilingual fr-FR,en-US -f html --standalone -p "$s/company-fr.xml" >"$g/company-fr.fr-FR+en-US.page.html"
$c crosswalk -l fr-FR >"$g/crosswalk.fr-FR.txt"
tmp=$(mktemp -d)
$c map --to charte -p "$s/hospital-qc.xml" --report "$g/map.hospital-qc.fr-CA.txt" -l fr-CA -o "$tmp/h.xml" 2>/dev/null
rm -rf "$tmp"
git -C "$top" diff --stat -- tests/golden
