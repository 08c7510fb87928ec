#!/usr/bin/env python3
"""The law follows the jurisdiction (issue 13), checked on the editions.

Every default catalog is assembled for every jurisdiction, sector and risk
tolerance, with values of the right type for every parameter a profile may
give, and rendered in every supported locale.  Each edition must:
- render (a clause that needs a fact its jurisdiction lacks fails here);
- cite the law and authorities of its own jurisdiction only: no marker of
  another jurisdiction's law (a region may cite its country's);
- in en-CA and en-GB, outside a US policy (whose facts are US names),
  have no US spelling;
- when it is a translation (its language is not the prevailing one, or
  not the catalog's own), say which version prevails.
Prints TAP.  Usage: jurisdictions.py CATALOG_DIR   (the built catalogs)."""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "bindings", "python"))
import clausier  # noqa: E402

NS = "https://clausier.org/ns/1"
JURISDICTIONS = ["US", "CA", "CA-QC", "CA-ON", "FR"]
SECTORS = ["health", "education", "nonprofit", "public", "private"]
RISKS = ["strict", "balanced", "open"]
LOCALES = ["en-US", "en-CA", "en-GB", "fr-FR", "fr-CA", "fr-CH", "fr-BE"]
PREVAILING = {"US": "en", "CA": "equal", "CA-QC": "fr", "CA-ON": "en", "FR": "fr"}

# What cites the law of a jurisdiction (case-sensitive, on the edition).
MARKERS = {
    "US": [r"\bNLRA\b", r"National Labor Relations", r"\bNLRB\b", r"Federal Trade Commission",
           r"\bFTC\b", r"\bHIPAA\b", r"\bFERPA\b", r"Title VII", r"\bat[- ]will\b", r"16 CFR",
           r"United States law", r"droit (des États-Unis|américain)", r"\b29 U\.S\.C\."],
    "FR": [r"\bL\d{4}-\d", r"\bCNIL\b", r"\bRGPD\b", r"\bGDPR\b", r"Sapin", r"Code pénal",
           r"\bCSE\b", r"règlement intérieur", r"Défenseur des droits", r"\b112\b",
           r"conseil de prud", r"Code de la consommation", r"Code général de la fonction publique"],
    "CA-QC": [r"Loi 25", r"Law 25", r"Commission d’accès à l’information", r"Commission d.access",
              r"Charte de la langue française", r"Charter of the French language",
              r"Charte des droits et libertés de la personne", r"Charter of human rights and freedoms",
              r"\bLRSSS\b", r"\bLSSSS\b", r"Qu[ée]bec"],
    "CA": [r"\bPIPEDA\b", r"\bLPRPDE\b", r"Competition Act", r"Loi sur la concurrence",
           r"Canada Labour Code", r"Code canadien du travail", r"Privacy Commissioner of Canada",
           r"Commissariat à la protection de la vie privée", r"Canadian Human Rights Act",
           r"Loi canadienne sur les droits de la personne"],
    "CA-ON": [r"Ontario"],
}
US_SPELLINGS = r"\b(labor|labors|color|colors|behavior|behaviors|offense|offenses|center|centers|defense|favor|honor|neighbor|catalog)\b"
GB_ONLY = r"\b(programs?|[a-z]+iz(e|es|ed|ing|ation|ations))\b"
GB_KEEP = {"size", "sizes", "sized", "seize", "seized", "seizes", "prize", "prizes"}
STATEMENT = r"prevails|equally authoritative|is authoritative|prévaut|fait foi|font également foi"


def covers(policy_j, cited_j):
    """Whether a policy of policy_j may cite cited_j's law."""
    return policy_j == cited_j or policy_j.split("-")[0] == cited_j


def values_for(catalog_path):
    """<value> elements for every parameter a profile may give."""
    root = ET.parse(catalog_path).getroot()
    out = []
    for p in root.findall(f"{{{NS}}}param"):
        if p.get("from") == "jurisdiction":
            continue
        name, t = p.get("name"), p.get("type")
        v = {"text": "Acme", "name": "Acme", "email": "someone@example.org", "url": "https://example.org/p",
             "date": "2027-03-01", "number": "30", "duration": "24", "money": "100 CAD",
             "boolean": "true"}.get(t)
        if t == "choice":
            v = p.get("choices").split()[0]
        if t == "list":
            out.append(f'<value name="{name}"><item>LinkedIn</item><item>Facebook</item></value>')
        elif t == "name":
            out.append(f'<value name="{name}" article="none" gender="f">{v}</value>')
        else:
            out.append(f'<value name="{name}">{v}</value>')
    return "".join(out)


def main():
    catdir = sys.argv[1]
    results = []
    for cid in ("smp", "charte"):
        path = os.path.join(catdir, cid + ".xml")
        cat = clausier.Catalog(path)
        source = cat.source_language
        values = values_for(path)
        for j in JURISDICTIONS:
            problems = []
            count = 0
            for sector in SECTORS:
                for risk in RISKS:
                    xml = (f'<profile xmlns="{NS}" version="1" catalog="{cid}" sector="{sector}" '
                           f'jurisdiction="{j}" risk="{risk}">{values}</profile>')
                    where = f"{cid} {j} {sector} {risk}"
                    try:
                        prof = clausier.Profile(xml=xml, name=where)
                        pol = clausier.Policy(cat, prof)
                    except clausier.Error as e:
                        problems.append(f"{where}: {e}")
                        continue
                    for loc in LOCALES:
                        count += 1
                        try:
                            ed = pol.render(loc, fallback=True)
                        except clausier.Error as e:
                            problems.append(f"{where} {loc}: {e}")
                            continue
                        for other, pats in MARKERS.items():
                            if covers(j, other):
                                continue
                            for pat in pats:
                                m = re.search(pat, ed)
                                if m:
                                    line = ed[max(0, m.start() - 60):m.end() + 30].replace("\n", " ")
                                    problems.append(f"{where} {loc}: cites {other} law ({m.group(0)}): …{line}…")
                        if loc in ("en-CA", "en-GB") and j != "US":
                            for m in re.finditer(US_SPELLINGS, ed, re.I):
                                problems.append(f"{where} {loc}: US spelling “{m.group(0)}”")
                            if loc == "en-GB":
                                for m in re.finditer(GB_ONLY, ed):
                                    if m.group(0).lower() not in GB_KEEP and not m.group(0).startswith("Acme"):
                                        problems.append(f"{where} {loc}: not British spelling “{m.group(0)}”")
                        lang = loc[:2]
                        prev = PREVAILING[j]
                        translated = (prev != "equal" and lang != prev) or lang != source
                        if translated and not re.search(STATEMENT, ed.split("\n\n")[0]):
                            problems.append(f"{where} {loc}: a translated edition that does not say which version prevails")
            results.append((f"{cid} for {j}: {count} editions cite only their jurisdiction’s law, spelled as there, "
                            "and say which version prevails", problems))
    print(f"1..{len(results)}")
    for i, (what, problems) in enumerate(results, 1):
        print(f"{'ok' if not problems else 'not ok'} {i} - {what}")
        seen = set()
        for p in problems:
            key = re.sub(r"^(\S+ \S+) \S+ \S+", r"\1", p)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > 25:
                print(f"# … {len(problems)} problems in all")
                break
            print(f"# {p}")


if __name__ == "__main__":
    main()
