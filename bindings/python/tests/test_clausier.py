"""The Python binding, against the build tree (tests/python.sh sets
CLAUSIER_LIBRARY, CLAUSIER_SRCDIR and CLAUSIER_BUILDDIR)."""
import gc
import os
import subprocess
import sys
import threading

import pytest

import clausier

SRC = os.environ.get("CLAUSIER_SRCDIR", ".")
BUILD = os.environ.get("CLAUSIER_BUILDDIR", ".")
SAMPLE_CATALOG = os.path.join(SRC, "data/samples/sample-catalog.xml")
SAMPLE_PROFILE = os.path.join(SRC, "data/samples/sample-profile.xml")
GOLDEN = os.path.join(SRC, "tests/golden")


def golden(name):
    with open(os.path.join(GOLDEN, name), encoding="utf-8") as f:
        return f.read()


def test_renders_the_golden_editions():
    with clausier.Catalog(SAMPLE_CATALOG) as cat, clausier.Profile(SAMPLE_PROFILE) as prof:
        with clausier.Policy(cat, prof) as pol:
            assert pol.render("fr-CA") == golden("sample.fr-CA.txt")
            assert pol.render("en-US", format="html") == golden("sample.en-US.html")
            assert pol.render("fr-CA", bilingual="en-CA") == golden("sample.fr-CA+en-CA.txt")
            assert pol.render("fr-CA", width=50) == golden("sample.fr-CA.w50.txt")
            assert len(pol) == 7


def test_clauses_and_variants_by_jurisdiction():
    cat = clausier.Catalog(os.path.join(BUILD, "uninstalled/catalogs/charte.xml"))
    j = cat.clause_jurisdictions()
    assert j["sanctions"][0] == "FR" and j["objet"] == (None, [])
    xml = ("<catalog xmlns='https://clausier.org/ns/1' version='1' id='t' genre='smp' xml:lang='en'>"
           "<title><text>T</text></title><clause id='c' topic='purpose'><heading><text>H</text></heading>"
           "<body><text>b</text></body><body jurisdictions='CA-QC'><text>q</text></body>"
           "<body jurisdictions='US' risk='strict'><text>u</text></body></clause></catalog>")
    with clausier.Catalog(xml=xml) as c:
        assert c.clause_jurisdictions() == {"c": (None, [("CA-QC", "balanced"), ("US", "strict")])}
        prof = clausier.Profile(xml="<profile xmlns='https://clausier.org/ns/1' version='1' jurisdiction='CA-QC'/>")
        assert "\nq\n" in clausier.Policy(c, prof).render("en-CA")


def test_clauses_a_boolean_selects():
    xml = ("<catalog xmlns='https://clausier.org/ns/1' version='1' id='t' genre='smp' xml:lang='en'>"
           "<title><text>T</text></title><param name='charity' type='boolean' default='false'/>"
           "<clause id='c' topic='purpose'><heading><text>H</text></heading><body><text>b</text></body></clause>"
           "<clause id='d' topic='political-activity' when='charity'><heading><text>No campaigns</text></heading>"
           "<body><text>n</text></body></clause></catalog>")
    with clausier.Catalog(xml=xml) as c:
        assert c.clause_conditions() == {"d": "charity"}
        ns = "xmlns='https://clausier.org/ns/1' version='1'"
        plain = clausier.Profile(xml="<profile %s/>" % ns)
        charity = clausier.Profile(xml="<profile %s><value name='charity'>true</value></profile>" % ns)
        assert "No Campaigns" not in clausier.Policy(c, plain).render("en-US")
        assert "No Campaigns" in clausier.Policy(c, charity).render("en-US")


def test_default_catalog_and_policy_document_round_trip():
    cat = clausier.Catalog(os.path.join(BUILD, "uninstalled/catalogs/smp.xml"))
    assert cat.id == "smp" and cat.source_language == "en"
    assert "confidentiality-patients" in cat.clause_ids()
    pol = clausier.Policy(cat, clausier.Profile(os.path.join(SRC, "data/samples/hospital-qc.xml")))
    doc = pol.write()
    assert doc.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<policy')
    path = os.path.join(BUILD, "tests/out/python-policy.xml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
    again = clausier.Policy(cat, path=path)
    assert again.render("fr-CA") == golden("hospital-qc.fr-CA.txt")


def test_errors_carry_code_source_line_and_column():
    with pytest.raises(clausier.Error) as e:
        clausier.Catalog(os.path.join(SRC, "tests/bad/malformed.xml"))
    assert e.value.code == -4  # CLAUSIER_EPARSE
    assert e.value.source.endswith("malformed.xml")
    assert (e.value.line, e.value.column) == (7, 99)
    assert "malformed XML" in e.value.message
    with pytest.raises(clausier.Error) as e:
        clausier.Catalog(xml="<catalog/>", name="inline.xml")
    assert e.value.source == "inline.xml" and e.value.code == -5
    with clausier.Catalog(SAMPLE_CATALOG) as cat, clausier.Profile(SAMPLE_PROFILE) as prof:
        with pytest.raises(clausier.Error) as e:
            clausier.Policy(cat, prof).render("de-DE")
        assert e.value.code == -8  # CLAUSIER_ELOCALE


def test_str_in_and_out_with_hostile_values():
    prof = clausier.Profile(xml='<profile xmlns="https://clausier.org/ns/1" version="1">'
                                '<value name="org">&lt;b&gt;Acme «Ltée»</value>'
                                '<value name="effective">2027-01-15</value>'
                                '<value name="contact">a@b.ca</value><value name="days">30</value></profile>')
    with clausier.Catalog(SAMPLE_CATALOG) as cat:
        html = clausier.Policy(cat, prof).render("fr-CA", format="html")
    assert "&lt;b&gt;Acme" in html and "<b>" not in html


def test_closed_objects_refuse_use_and_garbage_is_collected():
    cat = clausier.Catalog(SAMPLE_CATALOG)
    cat.close()
    cat.close()  # twice is fine
    with pytest.raises(ValueError):
        cat.clause_ids()
    for _ in range(200):  # freed by the garbage collector, not by close()
        clausier.Policy(clausier.Catalog(SAMPLE_CATALOG), clausier.Profile(SAMPLE_PROFILE))
    gc.collect()


def test_negotiate_check_and_typeset():
    with clausier.Catalog(SAMPLE_CATALOG) as cat:
        locale, chain, why = clausier.negotiate("fr-BE, fr;q=0.9, en;q=0.5", cat)
    assert (locale, chain) == ("fr-BE", ["fr-BE", "fr", "en"]) and "first choice" in why
    # Among a Quebec organization's editions, Chromium's default request gets Canadian English.
    assert clausier.negotiate("en-US,en;q=0.9", offered=["fr-CA", "en-CA"])[0] == "en-CA"
    assert clausier.negotiate("de", offered="fr-CA en-CA")[0] == "fr-CA"
    with pytest.raises(clausier.Error, match="de-DE"):
        clausier.negotiate("fr", offered="fr-CA de-DE")
    found = clausier.check_translation("Send it to {contact}.", "en", "Envoyez-la: merci.", "fr-CA")
    assert ("error", 0, "argument {contact} of the source is missing") in found
    assert any(sev == "warning" and "typography" in msg for sev, _, msg in found)
    assert clausier.typeset('Attention: "ceci"!', "fr-FR") == "Attention\u00a0: «\u202fceci\u202f»\u202f!"
    assert clausier.version().count(".") == 2


def test_renders_from_threads():
    with clausier.Catalog(SAMPLE_CATALOG) as cat, clausier.Profile(SAMPLE_PROFILE) as prof:
        pol = clausier.Policy(cat, prof)
        want = pol.render("fr-CA")
        results = []

        def work():
            results.extend(pol.render("fr-CA") == want for _ in range(20))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results and all(results)


def test_names_agree_and_a_guessed_grammar_is_warned():
    cat = clausier.Catalog(SAMPLE_CATALOG)
    xml = ('<profile xmlns="https://clausier.org/ns/1" version="1">\n'
           '  <value name="org">Hôpital Sainte-Anne</value>\n'
           '  <value name="effective">2027-01-15</value>\n'
           '  <value name="contact">com@example.org</value>\n'
           '  <value name="days">30</value>\n'
           '</profile>')
    pol = clausier.Policy(cat, clausier.Profile(xml=xml, name="p.xml"))
    assert "sur un compte officiel de l’Hôpital Sainte-Anne ou" in pol.render("fr-CA")
    assert "qui s’en prend à l’Hôpital Sainte-Anne ou à son personnel" in pol.render("fr-CA")
    # the lists settle « Hôpital »: nothing to warn about
    assert pol.warnings() == []
    guess = clausier.Policy(cat, clausier.Profile(xml=xml.replace("Hôpital Sainte-Anne", "Vidéotron"), name="p.xml"))
    warnings = guess.warnings()
    assert [line for line, _ in warnings] == [2]
    assert warnings[0][1] == ("value of “org”: the French grammar of “Vidéotron” is a guess: « Vidéotron », "
                              "« de Vidéotron », masculine singular; if that is wrong, give the attributes article, gender")
    assert guess.notes() == warnings
    given = clausier.Policy(cat, clausier.Profile(xml=xml.replace("Hôpital Sainte-Anne", "Vidéotron")
                                                  .replace('name="org"', 'name="org" gender="f"')))
    assert given.warnings() == []


def test_map_lint_and_crosswalk():
    merged = os.path.join(BUILD, "uninstalled/catalogs")
    smp = clausier.Catalog(os.path.join(merged, "smp.xml"))
    charte = clausier.Catalog(os.path.join(merged, "charte.xml"))
    genre = clausier.Genre(os.path.join(SRC, "data/genres/charte.xml"))
    cw = clausier.Crosswalk(os.path.join(SRC, "data/crosswalk/smp-charte.xml"))
    cw.verify(smp, charte)
    rows = cw.entries()
    assert {"topic": False, "from": "labor-law-rights", "to": "droit-expression", "relation": "related"}.items() \
        <= next(r for r in rows if r["from"] == "labor-law-rights" and r["to"] == "droit-expression").items()
    assert "Table de correspondance" in cw.render(smp, charte, "fr-FR")
    pol = clausier.Policy(smp, clausier.Profile(os.path.join(SRC, "data/samples/hospital-qc.xml")))
    mapped, report = pol.map(charte, genre, cw)
    del smp, charte, genre, cw  # the report and the policy keep what they borrow
    gc.collect()
    gaps = report.gaps()
    assert len(mapped) == 19
    assert {g["status"] for g in gaps} == {"mapped", "approximated", "decision", "dropped"}
    assert next(g for g in gaps if g["to"] == "conseil-questions")["needs"] == ["dpo_contact"]
    assert report.write("json").startswith('{\n  "from": "smp",\n  "to": "charte",\n')
    assert "Rapport de conversion" in report.render("fr-CA")
    assert '<!-- needs a value: <value name="dpo_contact">' in mapped.write()
    with pytest.raises(clausier.Error) as e:
        mapped.render("fr-CA")
    assert e.value.code == -7 and "“dpo_contact”" in str(e.value)
    assert pol.lint() == []
    seeded = os.path.join(SRC, "tests/lint")
    us = clausier.Policy(clausier.Catalog(os.path.join(seeded, "catalogs/seeded-us.xml")),
                         path=os.path.join(seeded, "us.xml"), draft=True)
    found = us.lint(clausier.Genre(os.path.join(SRC, "data/genres/smp.xml")))
    assert [(f["severity"], f["clause"], f["rule"]) for f in found] == [
        ("error", None, "genre-protected-activity"),
        ("error", None, "genre-reporting-to-authorities"),
        ("error", "no-disparagement", "us-nlrb-non-disparagement"),
        ("error", "pay-secret", "us-nlrb-pay-confidentiality"),
        ("error", "media-ban", "us-nlrb-media-ban"),
        ("error", "agencies", "us-nlrb-agency-ban"),
        ("warning", "goals", "policy-not-strategy")]
    assert found[4]["reference"].startswith("Stericycle, Inc., 372 NLRB No. 113 (2023)")
    assert "not legal advice" in clausier.disclaimer()


# Ownership: a C object borrowed by another (a policy's catalog, a report's
# catalogs, genre and crosswalk) is freed only when its last borrower is; an
# object closed itself refuses use with ValueError.  On the old binding these
# read freed memory: valgrind (make check-valgrind) reports them.

SMP = os.path.join(BUILD, "uninstalled/catalogs/smp.xml")
CHARTE = os.path.join(BUILD, "uninstalled/catalogs/charte.xml")
HOSPITAL = os.path.join(SRC, "data/samples/hospital-qc.xml")
CHARTE_GENRE = os.path.join(SRC, "data/genres/charte.xml")
CROSSWALK = os.path.join(SRC, "data/crosswalk/smp-charte.xml")


def test_readme_example_policy_outlives_the_with_block():
    # README.md's Python section, as written: the policy is used after the
    # with block has closed its catalog and profile.
    with clausier.Catalog(SMP) as cat, clausier.Profile(HOSPITAL) as prof:
        policy = clausier.Policy(cat, prof)
        locale, chain, why = clausier.negotiate("fr-BE, fr;q=0.9, en;q=0.5", cat)
    assert policy.render("fr-CA") == golden("hospital-qc.fr-CA.txt")
    assert "<h1" in policy.render(locale, format="html")
    assert len(policy) > 0 and policy.write().startswith("<?xml")
    assert policy.lint() == []
    charte = clausier.Catalog(CHARTE)
    mapped, report = policy.map(charte, clausier.Genre(CHARTE_GENRE), clausier.Crosswalk(CROSSWALK))
    assert len(mapped) == 19 and report.gaps()
    with pytest.raises(ValueError, match="Catalog is closed"):
        cat.clause_ids()
    with pytest.raises(ValueError, match="Profile is closed"):
        clausier.Policy(charte, prof)


def test_close_then_render():
    cat, prof = clausier.Catalog(SAMPLE_CATALOG), clausier.Profile(SAMPLE_PROFILE)
    pol = clausier.Policy(cat, prof)
    cat.close()
    prof.close()
    assert pol.render("fr-CA") == golden("sample.fr-CA.txt")
    assert pol.render("en-US", format="html") == golden("sample.en-US.html")
    for use in (cat.clause_ids, lambda: cat.id, lambda: clausier.Policy(cat, path=SAMPLE_PROFILE),
                lambda: clausier.negotiate("fr", cat)):
        with pytest.raises(ValueError, match="Catalog is closed"):
            use()
    pol.close()
    for use in (pol.render, pol.write, pol.warnings, pol.notes, pol.lint, lambda: len(pol)):
        with pytest.raises(ValueError, match="Policy is closed"):
            use()


def test_a_closed_catalog_is_freed_with_its_last_policy():
    cat, prof = clausier.Catalog(SAMPLE_CATALOG), clausier.Profile(SAMPLE_PROFILE)
    pol, other = clausier.Policy(cat, prof), clausier.Policy(cat, prof)
    kept = cat._ref  # the C catalog: ptr is None once freed
    cat.close()
    pol.close()
    assert kept.ptr is not None  # other still borrows it
    assert other.render("fr-CA") == golden("sample.fr-CA.txt")
    del other
    gc.collect()
    assert kept.ptr is None


def test_close_is_idempotent_in_any_order_and_with_blocks():
    cat = clausier.Catalog(SAMPLE_CATALOG)
    with clausier.Policy(cat, clausier.Profile(SAMPLE_PROFILE)) as pol:
        pol.close()
        pol.close()
    pol.close()
    cat.close()
    cat.close()
    with cat:  # a closed object can still be left by a with block
        pass
    pol.__del__()
    cat.__del__()
    cat2 = clausier.Catalog(SAMPLE_CATALOG)
    pol2 = clausier.Policy(cat2, clausier.Profile(SAMPLE_PROFILE))
    cat2.close()
    cat2.close()  # twice: still only the owner's reference, the policy's stands
    assert pol2.render("fr-CA") == golden("sample.fr-CA.txt")


def test_map_report_and_mapped_policy_outlive_their_inputs():
    with clausier.Catalog(SMP) as smp, clausier.Catalog(CHARTE) as charte, \
            clausier.Genre(CHARTE_GENRE) as genre, clausier.Crosswalk(CROSSWALK) as cw, \
            clausier.Profile(HOSPITAL) as prof, clausier.Policy(smp, prof) as pol:
        mapped, report = pol.map(charte, genre, cw)
    gc.collect()
    gaps = report.gaps()
    assert {g["status"] for g in gaps} == {"mapped", "approximated", "decision", "dropped"}
    assert next(g for g in gaps if g["to"] == "conseil-questions")["needs"] == ["dpo_contact"]
    assert all(g["why_en"] and g["why_fr"] for g in gaps)  # borrowed from the crosswalk
    assert "confidentiality-patients" in {g["from"] for g in gaps}  # from smp
    assert report.write("json").startswith('{\n  "from": "smp",\n  "to": "charte",\n')
    assert report.write("xml").startswith("<?xml")
    assert "Rapport de conversion" in report.render("fr-CA")
    assert '<!-- needs a value: <value name="dpo_contact">' in mapped.write()
    with pytest.raises(clausier.Error):
        mapped.render("fr-CA")
    assert len(mapped) == 19
    mapped.lint()
    back_cw = clausier.Crosswalk(CROSSWALK)
    with pytest.raises(ValueError, match="Catalog is closed"):
        mapped.map(smp, clausier.Genre(os.path.join(SRC, "data/genres/smp.xml")), back_cw)
    for use in (lambda: pol.map(charte, genre, cw), lambda: mapped.lint(genre), cw.entries,
                lambda: back_cw.render(smp, charte), lambda: genre.title("fr")):
        with pytest.raises(ValueError, match="is closed"):
            use()
    report.close()
    with pytest.raises(ValueError, match="MapReport is closed"):
        report.gaps()


def test_closing_while_other_threads_render():
    cat, prof = clausier.Catalog(SAMPLE_CATALOG), clausier.Profile(SAMPLE_PROFILE)
    pol = clausier.Policy(cat, prof)
    want = pol.render("fr-CA")
    started, outcomes = threading.Barrier(5), []

    def work():
        started.wait()
        for _ in range(30):
            try:
                outcomes.append(pol.render("fr-CA") == want)
            except ValueError:
                outcomes.append("closed")
            except Exception as e:  # garbage read from freed memory
                outcomes.append(repr(e))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    started.wait()
    cat.close()
    pol.close()  # a render in flight keeps the policy until it returns
    for t in threads:
        t.join()
    assert outcomes and set(outcomes) <= {True, "closed"}


def test_objects_left_open_at_interpreter_shutdown():
    # Globals, a reference cycle, a report and a policy whose catalog was
    # closed: all left for the interpreter's shutdown, in whatever order it
    # finalises them.  Nothing may be printed ("Exception ignored in").
    code = """if True:
        import clausier
        cat = clausier.Catalog(%r)
        pol = clausier.Policy(cat, clausier.Profile(%r))
        cat.close()
        cycle = [pol, clausier.Catalog(%r)]
        cycle.append(cycle)
        smp = clausier.Catalog(%r)
        mapped, report = clausier.Policy(smp, clausier.Profile(%r)).map(
            clausier.Catalog(%r), clausier.Genre(%r), clausier.Crosswalk(%r))
        smp.close()
        del smp
    """ % (SAMPLE_CATALOG, SAMPLE_PROFILE, SAMPLE_CATALOG, SMP, HOSPITAL, CHARTE, CHARTE_GENRE, CROSSWALK)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert (done.returncode, done.stderr) == (0, "")


# ---- packaging (issue 14): the version, the loader, the data, the README ----

def test_version_is_the_librarys_and_the_packages():
    # The package's version is the C library's (clausier_version(), the
    # PACKAGE_VERSION of configure.ac), and pyproject.toml takes it from
    # __version__: one number for the three.
    tomllib = pytest.importorskip("tomllib")  # Python 3.11
    assert clausier.__version__ == clausier.version() == os.environ.get("CLAUSIER_PACKAGE_VERSION",
                                                                          clausier.version())
    with open(os.path.join(SRC, "bindings/python/pyproject.toml"), "rb") as f:
        project = tomllib.load(f)
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "clausier.__version__"}


def test_a_library_not_found_names_every_place_tried(tmp_path):
    # Every dlopen fails (whatever the machine has installed): the error
    # says what was tried, in order, and what to do.
    code = """if True:
        import ctypes, ctypes.util
        def refuse(name, *a, **k):
            raise OSError(name + ": cannot open shared object file")
        ctypes.CDLL = refuse
        ctypes.util.find_library = lambda name: None
        try:
            import clausier
        except ImportError as e:
            print(e)
    """
    env = dict(os.environ, CLAUSIER_LIBRARY=str(tmp_path / "nowhere.so"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == (
        "libclausier was not found; tried %s (CLAUSIER_LIBRARY): %s: cannot open shared object file; "
        "ctypes.util.find_library(\"clausier\"): nothing; libclausier.so.0 (the loader's search (LD_LIBRARY_PATH, "
        "ld.so.cache)): libclausier.so.0: cannot open shared object file. Install libclausier (make install, then "
        "ldconfig), or set CLAUSIER_LIBRARY to the path of libclausier.so.0\n"
        % (tmp_path / "nowhere.so", tmp_path / "nowhere.so"))


def test_data_files_along_clausier_data_path(tmp_path, monkeypatch):
    # tests/python.sh sets CLAUSIER_DATA_PATH to the build tree's data, as
    # for the program; the first folder that has the file wins.
    assert os.path.samefile(clausier.data_file("catalogs/smp.xml"), os.path.join(BUILD, "uninstalled/catalogs/smp.xml"))
    assert os.path.samefile(clausier.data_file("samples/hospital-qc.xml"), HOSPITAL)
    monkeypatch.setenv("CLAUSIER_DATA_PATH", "%s::%s" % (tmp_path / "a", tmp_path / "b"))
    with pytest.raises(FileNotFoundError) as e:
        clausier.data_file("catalogs/smp.xml")
    assert str(e.value) == ("clausier's data file catalogs/smp.xml is in none of %s, %s (set CLAUSIER_DATA_PATH "
                            "to the folder that holds catalogs/, genres/, samples/)" % (tmp_path / "a", tmp_path / "b"))
    # Without it: the installed data folders (XDG_DATA_DIRS/clausier).
    monkeypatch.delenv("CLAUSIER_DATA_PATH")
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path))
    (tmp_path / "clausier/samples").mkdir(parents=True)
    (tmp_path / "clausier/samples/p.xml").write_text("<profile/>")
    assert clausier.data_file("samples/p.xml") == str(tmp_path / "clausier/samples/p.xml")


def test_the_readme_python_example_runs_as_printed():
    # README.md's Python section, its code blocks one after the other, as a
    # reader would paste them; the line it prints is the one written in its
    # comment.
    import re
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme[readme.index("\n## Python\n"):]
    section = section[:section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 2
    code = "".join(blocks)
    printed = re.search(r"^print\(.*\)\s+# (.*)$", code, re.M).group(1)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                          cwd=os.path.join(BUILD, "tests/out"))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == printed + "\n"
