"""Names that agree (issue 15): every name of tests/data/names/names.tsv, real
organizations of France, Quebec, Belgium, Switzerland, Canada, the US and
the UK, rendered through tests/data/names/probe.xml, which uses every form
of a name, in every French locale and in English, with its grammar given and
without.

With the grammar given (article, gender, number), every form must be the
expected one.  Without it, the library either gets every form right or warns
that it guessed, naming the attributes to give: it is never silently wrong."""
import os
import re
from xml.sax.saxutils import escape, quoteattr

import pytest

import clausier

SRC = os.environ.get("CLAUSIER_SRCDIR", ".")
DATA = os.path.join(SRC, "tests/data/names")
FR_LOCALES = ("fr-FR", "fr-CA", "fr-CH", "fr-BE")
EN_LOCALES = ("en-US", "en-CA", "en-GB")


def rows():
    with open(os.path.join(DATA, "names.tsv"), encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    assert lines[0][0] == "lang"
    return lines[1:]


ROWS = rows()


@pytest.fixture(scope="module")
def probe():
    with clausier.Catalog(os.path.join(DATA, "probe.xml")) as cat:
        yield cat


def forms(cat, name, attrs, locale):
    a = "".join(" %s=%s" % (k, quoteattr(v)) for k, v in attrs.items())
    xml = ('<profile xmlns="https://clausier.org/ns/1" version="1">\n'
           '  <value name="org"%s>%s</value>\n</profile>' % (a, escape(name)))
    with clausier.Policy(cat, clausier.Profile(xml=xml, name="names.xml")) as pol:
        got = dict(re.findall(r"(\w+)=\[([^\]]*)\]", pol.render(locale)))
        return got, pol.warnings()


def expected(row):
    lang, _name, _art, _g, number, _el, initial, de, a, que, title, agree = row[:12]
    if lang == "fr":
        return {"title": title, "initial": initial, "de": de, "a": a, "que": que, "agree": agree}
    return {"title": title, "initial": initial, "poss": de, "at": "at " + a, "that": "that " + que, "agree": agree}


def in_locale(want, locale):
    """en-GB spells the probe's verb with -ise (the library's spelling table)."""
    if locale != "en-GB":
        return want
    return {k: v.replace("recognize", "recognise") for k, v in want.items()}


def given(row):
    lang, _name, art, gender, number = row[:5]
    attrs = {"article": art, "number": "plural" if number == "p" else "singular"}
    if lang == "fr":
        attrs["gender"] = gender
    return attrs


def test_the_list_is_large_and_of_both_languages():
    assert len(ROWS) >= 50
    assert sum(r[0] == "fr" for r in ROWS) >= 25 and sum(r[0] == "en" for r in ROWS) >= 25
    assert len({(r[0], r[1]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r[0] + ":" + r[1] for r in ROWS])
def test_forms_with_the_grammar_given(probe, row):
    want = expected(row)
    for locale in FR_LOCALES if row[0] == "fr" else EN_LOCALES:
        got, warnings = forms(probe, row[1], given(row), locale)
        assert {k: got.get(k) for k in want} == in_locale(want, locale), locale
        if row[0] == "fr":
            assert [w for w in warnings if "French" in w[1]] == []


@pytest.mark.parametrize("row", ROWS, ids=[r[0] + ":" + r[1] for r in ROWS])
def test_forms_inferred_are_right_or_warned(probe, row):
    want = expected(row)
    lang = "French" if row[0] == "fr" else "English"
    for locale in FR_LOCALES if row[0] == "fr" else EN_LOCALES:
        got, warnings = forms(probe, row[1], {}, locale)
        mine = [w for _, w in warnings if w.startswith("value of “org”: the %s grammar" % lang)]
        if {k: got.get(k) for k in want} != in_locale(want, locale):
            assert mine, "silently wrong in %s: %r" % (locale, got)
            assert re.search(r"give the attributes (article|gender|number|elision)", mine[0])


def test_most_names_are_inferred_without_a_guess(probe):
    """The lists settle most of the list: a guess (a warning) for fewer
    than a third of the names."""
    guessed = 0
    for row in ROWS:
        lang = "French" if row[0] == "fr" else "English"
        _, warnings = forms(probe, row[1], {}, "fr-FR" if row[0] == "fr" else "en-US")
        guessed += any(w.startswith("value of “org”: the %s grammar" % lang) for _, w in warnings)
    assert guessed < len(ROWS) / 3, guessed


def test_a_name_plural_in_form_asks_its_number_whatever_article_is_given(probe):
    for attrs in ({}, {"article": "the"}, {"article": "none"}):
        got, warnings = forms(probe, "Toronto Maple Leafs", attrs, "en-CA")
        english = [w for _, w in warnings if w.startswith("value of “org”: the English grammar")]
        assert english and "number" in english[0].rsplit("give the attributes ", 1)[1], (attrs, warnings)
    got, warnings = forms(probe, "Toronto Maple Leafs", {"article": "the", "number": "plural"}, "en-CA")
    assert got["agree"] == "The Toronto Maple Leafs recognize"
    assert [w for _, w in warnings if "English grammar" in w] == []


def test_an_article_that_contradicts_the_names_own_is_a_warning(probe):
    got, warnings = forms(probe, "Le Monde", {"article": "la"}, "fr-FR")
    assert got["de"] == "du Monde" and got["title"] == "Le Monde"
    assert [w for _, w in warnings] == [
        "value of “org”: “Le Monde” starts with its own article “Le”, which the attribute article=\"la\" "
        "contradicts: the name’s own article is used"]
    got, warnings = forms(probe, "L’Oréal", {"article": "la", "gender": "m"}, "fr-FR")
    assert got["de"] == "de L’Oréal" and not [w for _, w in warnings if "contradicts" in w]
