#!/bin/sh
# Genres: lint against the rules of a genre and a jurisdiction (a seeded
# corpus in tests/lint), the crosswalk, and conversion to the other genre
# with its gap report.
. "$top_srcdir/tests/lib.sh"
lint=$top_srcdir/tests/lint
golden=$top_srcdir/tests/golden
samples=$top_srcdir/data/samples
data_path=$CLAUSIER_DATA_PATH

plan 53

# ---- lint: every seeded clause is found, with its reference; the lawful
# counterparts (pay-free, courtesy, spokespeople, usage-raisonnable, the
# lawful-* clauses of seeded-nlrb) are not; the law of another jurisdiction
# (seeded-jurisdictions) in policies of each jurisdiction.
CLAUSIER_DATA_PATH=$lint:$data_path
export CLAUSIER_DATA_PATH
for p in us:1 ca-public:1 fr:1 fr-monitoring:1 us-nlrb:1 jurisdiction-us:1 jurisdiction-fr:1 jurisdiction-ca:1 jurisdiction-ca-qc:1 jurisdiction-ca-on:1; do
	name=${p%:*}
	cd "$lint" && run src/clausier lint "$name.xml" && cd "$top_builddir" || exit 99
	check "lint $name.xml: the seeded findings, each with its rule and reference" \
		eval 'expect_status ${p#*:} && same "$lint/$name.out" "$OUT/stdout" && [ ! -s "$OUT/stderr" ]'
done
# issue 13: each overbroad form of the NLRB corpus is found, no lawful one
check "lint us-nlrb.xml: every overbroad-* clause found, no lawful-* clause" \
	eval '[ "$(grep -o "clause id=\"overbroad-[a-z0-9-]*\"" "$lint/catalogs/seeded-nlrb.xml" | sort -u | wc -l)" -eq "$(grep -o "clause “overbroad-[a-z0-9-]*”" "$lint/us-nlrb.out" | sort -u | wc -l)" ] && ! grep -q "clause “lawful-" "$lint/us-nlrb.out"'
CLAUSIER_DATA_PATH=$data_path

for s in hospital-qc nonprofit-us company-fr agency-ca listed-fr intercommunalite-fr city-us; do
	run src/clausier lint -p "$samples/$s.xml"
	check "lint: the sample $s has no finding" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ]'
done

# ---- the crosswalk
run src/clausier crosswalk -l fr-FR
check "crosswalk: covers every topic and clause of both catalogs, rendered in French" \
	eval 'expect_status 0 && same "$golden/crosswalk.fr-FR.txt" "$OUT/stdout"'
run src/clausier crosswalk
check "crosswalk: US non-disparagement is narrower than the French duty of loyalty" \
	eval 'expect_status 0 && grep -A2 "^[0-9]*\. Your reputation and the organization’s → Loyalty and Discretion\$" "$OUT/stdout" | grep -q "^Narrower: the policy’s clause covers less than the charte’s (skos:broadMatch). The US policy has no non-disparagement clause"'
run src/clausier crosswalk --format html --standalone
check "crosswalk --format html --standalone: a page, one section per topic, entries as headings" \
	eval 'expect_status 0 && grep -q "^<html lang=\"en\">\$" "$OUT/stdout" && [ "$(grep -c "<section class=\"clausier-section\"" "$OUT/stdout")" -eq 44 ] && grep -q "^<h3><span class=\"clausier-number\">43.</span> Your reputation and the organization’s → Loyalty and Discretion</h3>\$" "$OUT/stdout"'
mkdir -p "$OUT/cw/crosswalk"
awk '/<match from="written-acknowledgement"/{skip=1} skip&&/<\/match>/{skip=0;next} !skip' \
	"$top_srcdir/data/crosswalk/smp-charte.xml" >"$OUT/cw/crosswalk/smp-charte.xml"
CLAUSIER_DATA_PATH=$OUT/cw:$data_path run src/clausier crosswalk
check "crosswalk: a clause without a relation is an error naming it" \
	eval 'expect_status 1 && grep -q "clause “written-acknowledgement” of catalog “smp” has no relation" "$OUT/stderr"'
sed 's|<why xml:lang="en">|<why xml:lang="en">\xe2\x80\xae|' "$top_srcdir/data/crosswalk/smp-charte.xml" >"$OUT/cw/crosswalk/smp-charte.xml"
CLAUSIER_DATA_PATH=$OUT/cw:$data_path run src/clausier crosswalk
check "crosswalk: a bidi override in a rationale is refused with its line" \
	eval 'expect_status 1 && grep -q "smp-charte.xml:[0-9]*: <why xml:lang=\"en\">: character 1 is U+202E" "$OUT/stderr"'
printf '<?xml version="1.0"?>\n<!DOCTYPE genre [<!ENTITY a "aaaa">]>\n<genre/>\n' >"$OUT/cw/charte.xml"
mkdir -p "$OUT/cw/genres" && mv "$OUT/cw/charte.xml" "$OUT/cw/genres/charte.xml"
CLAUSIER_DATA_PATH=$OUT/cw:$data_path run src/clausier lint -p "$samples/company-fr.xml"
check "a genre file with a DOCTYPE is refused" \
	eval 'expect_status 1 && grep -q "genres/charte.xml:2:.*DOCTYPE" "$OUT/stderr"'

# ---- conversion there and back
for s in hospital-qc nonprofit-us company-fr; do
	case $s in company-fr) to=smp back=charte ;; *) to=charte back=smp ;; esac
	run src/clausier assemble -p "$samples/$s.xml" -o "$OUT/$s.xml"
	run src/clausier map --to $to "$OUT/$s.xml" -o "$OUT/$s.$to.xml" --report "$OUT/$s.$to.report.xml" --report-format xml
	check "map $s to $to: a policy document and an XML report that follows report.rng" \
		eval 'expect_status 0 && xmllint --noout --relaxng "$top_srcdir/data/schemas/policy.rng" "$OUT/$s.$to.xml" 2>/dev/null && xmllint --noout --relaxng "$top_srcdir/data/schemas/report.rng" "$OUT/$s.$to.report.xml" 2>/dev/null'
	run src/clausier map --to $back "$OUT/$s.$to.xml" -o "$OUT/$s.back.xml" --report "$OUT/$s.back.report.xml" --report-format xml
	check "map $s back to $back: every clause came back or a report says why" \
		eval 'expect_status 0 && python3 "$top_srcdir/tests/roundtrip.py" "$OUT/$s.xml" "$OUT/$s.$to.report.xml" "$OUT/$s.$to.xml" "$OUT/$s.back.report.xml" "$OUT/$s.back.xml"'
	run src/clausier render --policy "$OUT/$s.back.xml" -l fr-CA
	check "map $s there and back: every value kept, and the policy renders again" \
		eval 'expect_status 0 && xmllint --noout --relaxng "$top_srcdir/data/schemas/policy.rng" "$OUT/$s.back.xml" 2>/dev/null'
done
check "the charte of a French company, converted and back, names the règlement intérieur formalities" \
	eval 'for f in cse-consultation labor-inspectorate tribunal-registry-filing publicity monitoring-information data-breach-register; do grep -q "status=\"formality\" element=\"$f\"" "$OUT/company-fr.back.report.xml" || { echo "# no $f"; exit 1; }; done'
check "its policy version names the acknowledgement that an American reader expects" \
	eval 'grep -q "status=\"formality\" element=\"written-acknowledgement\"" "$OUT/company-fr.smp.report.xml"'
check "a Quebec health policy, converted and back, names the harassment policy the Act respecting labour standards requires" \
	eval 'grep -q "status=\"formality\" element=\"harassment-policy-qc\"" "$OUT/hospital-qc.back.report.xml"'

run src/clausier map --to charte -p "$samples/hospital-qc.xml" --report "$OUT/r.txt" -l fr-CA -o "$OUT/h.xml"
check "map --report: the gap report as a French document" \
	eval 'expect_status 0 && same "$golden/map.hospital-qc.fr-CA.txt" "$OUT/r.txt"'
check "map: a summary on standard error" \
	eval 'grep -q "^clausier: clauses in the new policy: 19; report: carried over 18, approximated 4, added 0, to decide 29, kept aside 3, formalities 0\$" "$OUT/stderr"'
check "map: the policy document marks the value still needed" \
	eval 'grep -q "<!-- needs a value: <value name=\"dpo_contact\"> (type email), used by clause conseil-questions -->" "$OUT/h.xml"'
run src/clausier render --policy "$OUT/h.xml"
check "rendering a converted policy before its values are given names the value" \
	eval 'expect_status 1 && grep -q "missing value for parameter “dpo_contact” (email)" "$OUT/stderr"'
run src/clausier lint "$OUT/h.xml"
check "lint reads a converted policy that still lacks values" eval 'expect_status 0'
run src/clausier map --to charte -p "$samples/hospital-qc.xml" --report "$OUT/r.json" --report-format json -o "$OUT/h2.xml"
check "map --report-format json: JSON that a parser reads, one gap per line of the XML report" \
	eval 'expect_status 0 && [ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"gaps\"]))" "$OUT/r.json")" -eq "$(grep -c "<gap" "$OUT/hospital-qc.charte.report.xml")" ]'
run src/clausier map --to charte -p "$samples/hospital-qc.xml" --report "$OUT/r.html" --report-format html -l en-CA -o "$OUT/h3.xml"
check "map --report-format html: an article with a section per status present" \
	eval 'expect_status 0 && grep -q "^<article class=\"clausier-edition\" lang=\"en-CA\">\$" "$OUT/r.html" && [ "$(grep "^<h2>" "$OUT/r.html" | tr "\n" "|")" = "<h2>Carried over</h2>|<h2>Carried over approximately</h2>|<h2>Needing a decision</h2>|<h2>Kept aside: no equivalent</h2>|" ]'
run src/clausier map --to charte -p "$samples/hospital-qc.xml" --report "$OUT/r2.html" --report-format html --standalone -l fr-CA -o "$OUT/h4.xml"
check "map --standalone: the report as a whole French page" \
	eval 'expect_status 0 && grep -q "^<html lang=\"fr-CA\"" "$OUT/r2.html" && grep -q "<title>Rapport de conversion — Politique d’utilisation des médias sociaux → Charte d’usage des réseaux sociaux</title>" "$OUT/r2.html"'
run src/clausier map --to charte --standalone "$OUT/h.xml"
check "map --standalone without HTML is a usage error" \
	eval 'expect_status 2 && grep -q "standalone goes with --report-format=html" "$OUT/stderr"'

run src/clausier map --to charte -p "$samples/hospital-qc.xml" -l fr-CA -o "$OUT/h5.xml"
check "map --output without --report: the report on standard output" \
	eval 'expect_status 0 && same "$golden/map.hospital-qc.fr-CA.txt" "$OUT/stdout" && same "$OUT/h.xml" "$OUT/h5.xml"'

# ---- missing or broken data files
CLAUSIER_DATA_PATH=$top_builddir/uninstalled run src/clausier lint -p "$samples/hospital-qc.xml"
check "lint without the genre files says which is missing" \
	eval 'expect_status 1 && [ "$(cat "$OUT/stderr")" = "clausier: the genre description smp.xml is not installed" ]'
mkdir -p "$OUT/nocw" && cp -r "$top_srcdir/data/genres" "$OUT/nocw/"
CLAUSIER_DATA_PATH=$OUT/nocw:$top_builddir/uninstalled run src/clausier map --to charte -p "$samples/hospital-qc.xml"
check "map without the crosswalk says it is missing, and writes nothing" \
	eval 'expect_status 1 && [ "$(cat "$OUT/stderr")" = "clausier: the crosswalk smp-charte.xml is not installed" ] && [ ! -s "$OUT/stdout" ]'
mkdir -p "$OUT/badcw/crosswalk"
sed '0,/relation="close"/s//relation="same"/' "$top_srcdir/data/crosswalk/smp-charte.xml" >"$OUT/badcw/crosswalk/smp-charte.xml"
line=$(grep -n 'relation="same"' "$OUT/badcw/crosswalk/smp-charte.xml" | cut -d: -f1)
CLAUSIER_DATA_PATH=$OUT/badcw:$data_path run src/clausier map --to charte -p "$samples/hospital-qc.xml" -o "$OUT/never.xml"
check "map: a crosswalk against its schema is refused with its file and line" \
	eval 'expect_status 1 && grep -q "^clausier: .*/crosswalk/smp-charte.xml:$line:[0-9]*: .*“same”" "$OUT/stderr" && [ ! -e "$OUT/never.xml" ]'

# ---- usage
run src/clausier map "$OUT/h.xml"
check "map without --to is a usage error" eval 'expect_status 2 && grep -q "map needs --to=CATALOG" "$OUT/stderr"'
run src/clausier map --to smp --report-format pdf "$OUT/h.xml"
check "map: an unknown report format is a usage error" eval 'expect_status 2 && grep -q "unknown report format .pdf." "$OUT/stderr"'
run src/clausier map --to charte "$OUT/h.xml"
check "map to the policy's own catalog is an error" eval 'expect_status 1 && grep -q "already drawn from catalog .charte." "$OUT/stderr"'
run src/clausier crosswalk extra
check "crosswalk takes no operand" eval 'expect_status 2'
exit 0
