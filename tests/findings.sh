#!/bin/sh
# Machine-readable findings: clausier lint and clausier check with
# --format=json (an array of findings) and --format=sarif (a SARIF 2.1.0
# log), each holding exactly what the text form says; every SARIF log
# validated against the OASIS schema (tests/sarif-validate.py).
. "$top_srcdir/tests/lib.sh"
plan 12
lint=$top_srcdir/tests/lint
pocheck=$top_srcdir/tests/po-check
schema=$top_srcdir/tests/data/sarif-schema-2.1.0.json
# Debian's python3 has python3-jsonschema (bootstrap installs it).
jsonschema_py=
for py in /usr/bin/python3 python3; do
	if "$py" -c 'import jsonschema' 2>/dev/null; then jsonschema_py=$py; break; fi
done
validate() {
	"$jsonschema_py" "$top_srcdir/tests/sarif-validate.py" "$schema" "$@" >"$OUT/validate.out" 2>&1
	v=$?
	sed 's/^/# /' "$OUT/validate.out"
	return $v
}
# check_sarif NAME COMMAND...: a check that needs the validator; a skip,
# said, without it.
check_sarif() {
	if [ -n "$jsonschema_py" ]; then
		check "$@"
	else
		T_n=$((T_n + 1))
		echo "ok $T_n - $1 # SKIP python3-jsonschema is not installed"
	fi
}
# The seeded lint corpus reads its catalogs from tests/lint.
CLAUSIER_DATA_PATH=$lint:$CLAUSIER_DATA_PATH
export CLAUSIER_DATA_PATH

cd "$lint" || exit 99
run src/clausier lint us.xml
cp "$OUT/stdout" "$OUT/lint.txt"
run src/clausier lint --format=json us.xml
cp "$OUT/stdout" "$OUT/lint.json"
check "lint --format=json: status 1 as in text, one object per finding line, the same messages" \
	eval 'expect_status 1 && python3 - "$OUT/lint.json" "$OUT/lint.txt" <<"PY"
import json, sys
findings = json.load(open(sys.argv[1]))
lines = [l for l in open(sys.argv[2], encoding="utf-8").read().splitlines() if l]
assert len(findings) == len(lines), (len(findings), len(lines))
for f, l in zip(findings, lines):
    assert f["file"] == "us.xml", f
    assert f["message"] in l, (f, l)
    if f["severity"] != "note":
        assert "[" + f["rule"] + "]" in l, (f, l)
        assert l.startswith("us.xml: " + f["severity"] + ": "), (f, l)
    if f.get("clause"):
        assert "clause “" + f["clause"] + "”" in l, (f, l)
    if f.get("reference"):
        assert "(" + f["reference"] + ")" in l, (f, l)
PY'
run src/clausier lint --format=sarif us.xml
cp "$OUT/stdout" "$OUT/lint.sarif"
check_sarif "lint --format=sarif: a SARIF 2.1.0 log the schema accepts" eval 'expect_status 1 && validate "$OUT/lint.sarif"'
check "lint's SARIF: every result has its rule, level, message and the policy file; rules listed once" \
	eval 'python3 - "$OUT/lint.sarif" "$OUT/lint.json" <<"PY"
import json, sys
log = json.load(open(sys.argv[1])); findings = json.load(open(sys.argv[2]))
run = log["runs"][0]
assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "clausier lint"
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert len(rules) == len(set(rules)), rules
assert len(run["results"]) == len(findings)
for r, f in zip(run["results"], findings):
    assert r["level"] == f["severity"] and r["message"]["text"] == f["message"], (r, f)
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "us.xml"
    if f["severity"] != "note":
        assert rules[r["ruleIndex"]] == r["ruleId"] == f["rule"], r
    if f.get("clause"):
        assert r["locations"][0]["logicalLocations"][0]["name"] == f["clause"]
PY'
run src/clausier lint --format=sarif --profile "$top_srcdir/data/samples/hospital-qc.xml"
check_sarif "lint --format=sarif of a policy without findings: a valid log with no result, status 0" \
	eval 'expect_status 0 && validate "$OUT/stdout" && python3 -c "import json,sys; assert json.load(open(sys.argv[1]))[\"runs\"][0][\"results\"] == []" "$OUT/stdout"'
run src/clausier lint --format=xml us.xml
check "lint --format: an unknown value names the choices" \
	eval 'expect_status 2 && grep -q "unknown format .xml. (text, json, sarif)" "$OUT/stderr" && [ ! -s "$OUT/stdout" ]'

cd "$pocheck" || exit 99
files="syntax.po typography.po untranslated.po glossary.po escape-invalid.po catalog-mismatch.xml"
run src/clausier check --glossary=test-glossary.tsv $files
cp "$OUT/stdout" "$OUT/check.txt"
run src/clausier check --glossary=test-glossary.tsv --format=json $files
cp "$OUT/stdout" "$OUT/check.json"
check "check --format=json: the findings of the text form, file, line and severity each" \
	eval 'expect_status 1 && python3 - "$OUT/check.json" "$OUT/check.txt" <<"PY"
import json, sys
findings = json.load(open(sys.argv[1]))
lines = [l for l in open(sys.argv[2], encoding="utf-8").read().splitlines() if l]
assert len(findings) == len(lines) > 5, (len(findings), len(lines))
for f, l in zip(findings, lines):
    assert l == "%s:%d: %s: %s" % (f["file"], f["line"], f["severity"], f["message"]), (f, l)
    assert f["rule"], f
assert {"po-syntax", "untranslated", "glossary", "typography"} <= {f["rule"] for f in findings}, findings
PY'
run src/clausier check --glossary=test-glossary.tsv --format=sarif $files
cp "$OUT/stdout" "$OUT/check.sarif"
check_sarif "check --format=sarif: valid SARIF 2.1.0" eval 'expect_status 1 && validate "$OUT/check.sarif"'
check "check's SARIF: each result at its file, line and column, as the JSON says" \
	eval 'python3 - "$OUT/check.sarif" "$OUT/check.json" <<"PY"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]; findings = json.load(open(sys.argv[2]))
assert run["columnKind"] == "unicodeCodePoints"
assert len(run["results"]) == len(findings)
for r, f in zip(run["results"], findings):
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == f["file"], (loc, f)
    assert loc["region"]["startLine"] == f["line"], (loc, f)
    assert loc["region"].get("startColumn", 0) == f.get("column", 0), (loc, f)
    assert r["ruleId"] == f["rule"] and r["level"] == f["severity"], (r, f)
PY'
cp clean.po "$OUT/with space é.po"
run src/clausier check --format=sarif untranslated.po "$OUT/with space é.po"
check_sarif "a file name with spaces and accents is a percent-encoded URI in SARIF" \
	eval 'validate "$OUT/stdout" && ! grep -q "with space" "$OUT/stdout"'
bad=$(printf 'bad\377name.po')
cp untranslated.po "$OUT/$bad"
run src/clausier check --format=json "$OUT/$bad"
cp "$OUT/stdout" "$OUT/bad.json"
run src/clausier check --format=sarif "$OUT/$bad"
check "a file name that is not UTF-8: JSON with U+FFFD in its place, SARIF with the byte percent-encoded" \
	eval 'python3 -c "import json,sys; d=json.load(open(sys.argv[1], encoding=\"utf-8\")); assert d and d[0][\"file\"].endswith(\"bad\ufffdname.po\"), d" "$OUT/bad.json" && grep -q "bad%FFname.po" "$OUT/stdout"'
run src/clausier check --format=json clean.po
check "check --format=json of a clean file: an empty array, status 0" \
	eval 'expect_status 0 && [ "$(tr -d " \n" <"$OUT/stdout")" = "[]" ]'
check_sarif "the validator rejects an invalid log (the check can fail)" \
	eval '! validate "$top_srcdir/tests/data/sarif-invalid.sarif" && validate "$top_srcdir/tests/data/sarif-valid.sarif"'
