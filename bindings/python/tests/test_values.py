"""Values without XML (clausier.Values, Policy(values=...), Policy.with_values):
the profile's checks and errors, and byte for byte the profile's editions."""
import datetime
import os
import threading
from xml.sax.saxutils import escape, quoteattr

import pytest

import clausier

SRC = os.environ.get("CLAUSIER_SRCDIR", ".")
SAMPLE_CATALOG = os.path.join(SRC, "data/samples/sample-catalog.xml")
NS = "xmlns='https://clausier.org/ns/1'"

CATALOG = (
    "<catalog " + NS + " version='1' id='v' genre='smp' xml:lang='en'>"
    "<title><text>Policy of {org}</text><text xml:lang='fr'>Politique {org_du}</text></title>"
    "<dateline><text>Effective {effective, date, long}</text>"
    "<text xml:lang='fr'>En vigueur le {effective, date, long}</text></dateline>"
    "<param name='org' type='name'/><param name='effective' type='date'/><param name='contact' type='email'/>"
    "<param name='site' type='url'/><param name='days' type='number'/>"
    "<param name='wait' type='duration' unit='day'/><param name='fine' type='money'/>"
    "<param name='union' type='choice' choices='cse none'/><param name='breaks' type='boolean'/>"
    "<param name='platforms' type='list'/><param name='motto' type='text'/>"
    "<param name='hours' type='number' default='24'/>"
    "<param name='emergency_number' type='text' from='jurisdiction'/>"
    "<clause id='who' topic='scope'><heading><text>{org_The}</text><text xml:lang='fr'>{org_Le}</text></heading>"
    "<body><text>This is {org_s} policy; {org_the} wrote it. Write to {contact} or see {site}. "
    "Within {days, plural, one {# day} other {# days}} and {wait, number} more days, up to "
    "{fine, number, currency}. {union, select, cse {Ask the CSE.} other {Ask HR.}} "
    "{breaks, select, true {Breaks are free.} other {No use.}} On {platforms}. “{motto}” {hours} hours.</text>"
    "<text xml:lang='fr'>Voici la politique {org_du}, ouverte {org_au} public ; {org_le} l’a écrite. "
    "Écrivez à {contact} ou voyez {site}. Sous {days, plural, one {# jour} other {# jours}} et {wait, number} "
    "jours de plus, au plus {fine, number, currency}. {union, select, cse {Consultez le CSE.} other {Les RH.}} "
    "{breaks, select, true {Pauses libres.} other {Aucun usage.}} Sur {platforms}. « {motto} » {hours} heures.</text>"
    "</body></clause></catalog>")

REST = {"effective": "2027-01-15", "contact": "communications@bibliomonde.ca", "site": "https://bibliomonde.ca/p",
        "days": "30", "wait": "2.5", "fine": "1500 CAD", "union": "cse", "breaks": "true",
        "platforms": ["Facebook", "X", "LinkedIn"], "motto": "Lire, c’est grandir"}


@pytest.fixture(scope="module")
def cat():
    with clausier.Catalog(xml=CATALOG, name="v.xml") as c:
        yield c


def profile_xml(values, attrs=""):
    """values: a list of (name, lang, value, grammar dict)."""
    out = ["<profile " + NS + " version='1' " + attrs + ">"]
    for name, lang, value, grammar in values:
        a = " name=" + quoteattr(name)
        if lang:
            a += " xml:lang=" + quoteattr(lang)
        for k, v in grammar.items():
            a += " %s=%s" % (k, quoteattr(v))
        if isinstance(value, list):
            body = "".join("<item>" + escape(i) + "</item>" for i in value)
        else:
            body = escape(value)
        out.append("<value" + a + ">" + body + "</value>")
    return "".join(out) + "</profile>"


def editions(policy):
    return [policy.render(loc, format=f) for loc in ("fr-CA", "en-CA", "fr-FR", "en-US")
            for f in ("text", "html", "markdown", "docbook")]


def same_both_ways(cat, values, attrs=""):
    """values: (name, lang, value, grammar); every route gives the profile's editions."""
    want = editions(clausier.Policy(cat, clausier.Profile(xml=profile_xml(values, attrs))))
    base = clausier.Profile(xml=profile_xml([], attrs))
    vs = clausier.Values(cat)
    for name, lang, value, grammar in values:
        vs.set(name, value, lang, **grammar)
    assert editions(clausier.Policy(cat, base, values=vs)) == want
    draft = clausier.Policy(cat, base, draft=True)
    assert editions(draft.with_values(vs)) == want
    if all(lang is None and not grammar for _, lang, _, grammar in values):
        plain = {name: value for name, _, value, _ in values}
        assert editions(draft.with_values(plain)) == want
        assert editions(clausier.Policy(cat, base, values=plain)) == want
    return want


def plain(org="Acme", **more):
    d = dict(REST, org=org, **more)
    return [(k, None, v, {}) for k, v in d.items()]


def test_every_type_the_same_as_a_profile(cat):
    same_both_ways(cat, plain("Bibliomonde"), "sector='nonprofit' jurisdiction='CA-QC'")
    same_both_ways(cat, plain("Hôpital d’Ottawa", effective="2031-12-31", site="http://intranet.example/p?a=1&b=2",
                              days="1", wait="0", fine="250.50 EUR", union="none", breaks="false",
                              platforms=["Mastodon"], hours="48"), "risk='strict' jurisdiction='FR'")


def test_name_grammar_the_same_both_ways(cat):
    rest = [(k, None, v, {}) for k, v in REST.items()]
    want = same_both_ways(cat, [("org", "fr", "Le Monde", {}), ("org", "en", "Ottawa Hospital", {"article": "the"})]
                          + rest)
    assert "Voici la politique du Monde, ouverte au Monde public; Le Monde l’a écrite." in want[0]
    assert "This is the Ottawa Hospital’s policy; the Ottawa Hospital wrote it." in want[4]
    same_both_ways(cat, [("org", None, "Services Sociaux Unis", {"article": "les", "gender": "m", "number": "plural"})]
                   + rest)
    same_both_ways(cat, [("org", None, "Harmonie Mutuelle", {"article": "none", "gender": "f", "elision": "yes"})]
                   + rest)


def test_hostile_values_the_same_both_ways(cat):
    same_both_ways(cat, plain("<b>Acme</b> & \"Fils\" 'SA'", motto="  <script>alert(1)</script>\n\tline\r\n two "))
    same_both_ways(cat, plain("مكتبة الإسكندرية", motto="שלום 世界 😀"))
    same_both_ways(cat, plain("Acme", motto="Z" + "abcdefghij " * 9091))


def profile_error(cat, name, value, lang=None, grammar=None):
    values = [(k, None, v, {}) for k, v in dict(REST, org="Acme").items() if k != name]
    values.append((name, lang, value, grammar or {}))
    with pytest.raises(clausier.Error) as e:
        clausier.Policy(cat, clausier.Profile(xml=profile_xml(values)))
    return e.value


BAD = [("effective", "2027-02-30"), ("effective", "15/01/2027"), ("contact", "communications at bibliomonde"),
       ("site", "ftp://example.org"), ("days", "thirty"), ("wait", "3 days"), ("fine", "1500"),
       ("fine", "1500 XXX"), ("fine", "1500 FRF"), ("union", "maybe"), ("breaks", "yes"), ("motto", ""),
       ("org", ""), ("platforms", ["a", "", "b"]), ("dayz", "30"), ("emergency_number", "911"),
       ("org", "Acme\u202e Corp"), ("org", "Ac\u200eme"), ("motto", "a\u2066b"), ("Org", "Acme")]


@pytest.mark.parametrize("name,value", BAD)
def test_refused_with_the_profiles_words(cat, name, value):
    want = profile_error(cat, name, value)
    vs = clausier.Values(cat, {"org": "Kept"})
    with pytest.raises(clausier.Error) as e:
        vs.set(name, value)
    assert (e.value.code, e.value.message) == (want.code, want.message)
    assert (e.value.source, e.value.line) == ("", 0)
    assert len(vs) == 1  # unchanged
    with pytest.raises(clausier.Error) as e:
        clausier.Policy(cat, values={name: value})
    assert e.value.message == want.message


@pytest.mark.parametrize("grammar,lang", [({"article": "un"}, None), ({"gender": "feminine"}, None),
                                          ({"number": "many"}, None), ({"elision": "oui"}, None),
                                          ({}, "fr_CA"), ({}, "fr-")])
def test_grammar_and_language_refused_with_the_profiles_words(cat, grammar, lang):
    want = profile_error(cat, "org", "Acme", lang, grammar)
    with pytest.raises(clausier.Error) as e:
        clausier.Values(cat).set("org", "Acme", lang, **grammar)
    assert (e.value.code, e.value.message) == (want.code, want.message) == (-5, want.message)


def test_python_types_and_hostile_strings(cat):
    vs = clausier.Values(cat, dict(REST, org="Acme"))
    vs.set("effective", datetime.date(2028, 2, 29))
    vs.set("days", 7)
    vs.set("wait", 1.5)
    vs.set("breaks", False)
    vs.set("platforms", ("A", "B"))
    text = clausier.Policy(cat, values=vs).render("en-US")
    assert "February\u00a029,\u00a02028" in text and "7\u00a0days and 1.5\u00a0more days" in text and "No use." in text
    with pytest.raises(TypeError):
        vs.set("days", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vs.set("platforms", ["a"], article="the")
    with pytest.raises(UnicodeEncodeError):  # no invalid UTF-8 reaches the library
        vs.set("motto", "bad \udcff")
    with pytest.raises(clausier.Error) as e:
        vs.set("platforms", [])
    assert e.value.message == "value of “platforms”: a list item is empty"


def test_one_base_fresh_values_every_edition_and_threads(cat):
    prof = clausier.Profile(xml="<profile " + NS + " version='1' sector='health' jurisdiction='CA-ON'/>")
    base = clausier.Policy(cat, prof, draft=True)
    with pytest.raises(clausier.Error) as e:
        base.with_values()
    assert e.value.code == -7 and "“org”" in e.value.message
    orgs = ["Ottawa Hospital", "Le Monde", "Acme", "Société de transport de Montréal"]
    want = {o: clausier.Policy(cat, clausier.Profile(xml=profile_xml(plain(o), "sector='health' jurisdiction='CA-ON'")))
            .render("fr-CA", format="html") for o in orgs}
    vs = clausier.Values(cat)
    for o in orgs * 2:
        vs.clear()
        assert len(vs) == 0
        vs.update(dict(REST, org=o))
        with base.with_values(vs) as pol:
            assert pol.render("fr-CA", format="html") == want[o]
    failures = []

    def work(i):  # the base is shared, a Values object is each thread's own
        mine = clausier.Values(cat)
        for k in range(20):
            o = orgs[(i + k) % 4]
            mine.clear()
            mine.update(dict(REST, org=o))
            if base.with_values(mine).render("fr-CA", format="html") != want[o]:
                failures.append(o)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_values_keep_their_catalog_and_refuse_another(cat):
    c = clausier.Catalog(xml=CATALOG)
    vs = clausier.Values(c, dict(REST, org="Acme"))
    c.close()  # the values keep it
    with pytest.raises(clausier.Error) as e:
        clausier.Policy(cat, values=vs)
    assert e.value.code == -10  # CLAUSIER_EARG: values of another catalog
    with pytest.raises(TypeError):
        clausier.Policy(cat, values=vs, draft=True)
    with pytest.raises(TypeError):
        clausier.Policy(cat, values=["org"])  # type: ignore[arg-type]
    vs.close()
    with pytest.raises(ValueError):
        vs.set("org", "x")


def test_sample_catalog_dict_shorthand():
    with clausier.Catalog(SAMPLE_CATALOG) as cat:
        prof = clausier.Profile(os.path.join(SRC, "data/samples/sample-profile.xml"))
        want = clausier.Policy(cat, prof).render("en-CA")
        pol = clausier.Policy(cat, prof).with_values({"org": "Bibliomonde"})
        assert pol.render("en-CA") == want
        other = clausier.Policy(cat, prof, values={"contact": "rh@example.org"}).render("en-CA")
        assert "rh@example.org" in other and "communications@bibliomonde.ca" not in other
