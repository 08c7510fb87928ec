"""The translators' checks from Python: what `clausier check` and `clausier
stats` say of the same files (tests/po-check), as objects."""
import json
import os
import subprocess

import pytest

import clausier

SRC = os.environ.get("CLAUSIER_SRCDIR", ".")
BUILD = os.environ.get("CLAUSIER_BUILDDIR", ".")
POCHECK = os.path.join(SRC, "tests/po-check")


def cli_json(*args):
    # The program itself, not libtool's wrapper script: under valgrind
    # (tests/python.sh traces children) the wrapper's sed would be traced too.
    exe = os.path.join(BUILD, "src/.libs/clausier")
    if not os.path.exists(exe):
        exe = os.path.join(BUILD, "src/clausier")
    libdir = os.path.dirname(os.environ.get("CLAUSIER_LIBRARY", os.path.join(BUILD, "lib/.libs/x")))
    env = dict(os.environ, CLAUSIER_DATA_PATH="%s/uninstalled:%s/data" % (BUILD, SRC),
               LD_LIBRARY_PATH=libdir + os.pathsep + os.environ.get("LD_LIBRARY_PATH", ""))
    out = subprocess.run([exe] + list(args), cwd=POCHECK, env=env, capture_output=True, check=False).stdout
    return json.loads(out)


def test_check_gives_what_the_command_gives():
    for name in ("syntax.po", "typography.po", "untranslated.po", "fuzzy.po", "escape-invalid.po"):
        found = clausier.check(os.path.join(POCHECK, name))
        want = cli_json("check", "--format=json", name)
        assert [(f.line, f.column, f.severity, f.rule, f.message) for f in found] == \
            [(w["line"], w.get("column", 0), w["severity"], w["rule"], w["message"]) for w in want], name
        assert all(f.file.endswith(name) for f in found)


def test_check_with_a_glossary_and_its_folding():
    with clausier.Glossary(os.path.join(POCHECK, "test-glossary.tsv")) as g:
        assert len(g) == 6
        found = clausier.check(os.path.join(POCHECK, "glossary.po"), glossary=g)
    rules = [f.rule for f in found]
    assert rules.count("glossary") == 2, found
    # « Équipe » and « RENSEIGNEMENTS DE SANTÉ » are the glossary's terms
    assert not any("équipe" in f.message or "santé" in f.message for f in found)
    with pytest.raises(ValueError):
        len(g)


def test_a_bad_glossary_is_an_error_naming_its_line():
    with pytest.raises(clausier.Error) as e:
        clausier.Glossary(os.path.join(POCHECK, "bad-glossary.tsv"))
    assert e.value.line == 1 and "four tab-separated fields" in e.value.message


def test_check_a_catalog_and_memory():
    found = clausier.check(os.path.join(POCHECK, "catalog-mismatch.xml"))
    assert found and all(f.lang for f in found)
    with clausier.Catalog(os.path.join(POCHECK, "catalog-mismatch.xml")) as cat:
        assert [f.message for f in clausier.check(cat)] == [f.message for f in found]
    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
          'msgid "Hello {org}."\nmsgstr "Bonjour."\n')
    found = clausier.check("mine.po", data=po)
    assert [(f.file, f.line, f.rule) for f in found] == [("mine.po", 7, "argument-missing")]


def test_check_a_missing_file_raises():
    with pytest.raises(clausier.Error) as e:
        clausier.check("/nonexistent/x.po")
    assert "cannot open" in e.value.message


def test_stats():
    st = clausier.stats(os.path.join(POCHECK, "fuzzy.po"))
    want = cli_json("stats", "--format=json", "fuzzy.po")[0]
    assert st.language == want["language"]
    assert st.messages == want["messages"] and st.words == want["source_words"]


def test_fix_typography():
    with open(os.path.join(POCHECK, "typography-multiline.po"), "rb") as f:
        data = f.read()
    fixed, applied = clausier.fix_typography(data, "typography-multiline.po")
    assert applied == 2 and fixed != data
    assert not [f for f in clausier.check("x.po", data=fixed) if f.rule == "typography"]
    assert clausier.fix_typography(fixed) == (None, 0)
    with pytest.raises(clausier.Error):
        clausier.fix_typography(b"not a PO file\n")
