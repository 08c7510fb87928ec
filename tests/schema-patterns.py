#!/usr/bin/env python3
"""The pattern facets of data/schemas/ and the table lib/xml.c checks them
with (S_pattern_rules): the library validates against its schemas without
their patterns and checks in C every attribute a pattern constrains, so an
attribute given a pattern in a schema (directly or through a define) and
missing from the table would go unchecked.  Prints TAP.

Usage: schema-patterns.py SRCDIR"""
import re
import sys
import xml.etree.ElementTree as ET

RNG = "{http://relaxng.org/ns/structure/1.0}"
SCHEMAS = ["catalog", "profile", "policy", "genre", "crosswalk", "jurisdiction"]
PATTERNS = {  # the C matchers of lib/xml.c, by the regular expression they implement
    r"[A-Za-z]{2,3}([\-_][A-Za-z0-9]{1,8})*": "S_P_LANG",
    r"[a-z0-9]+(-[a-z0-9]+)*": "S_P_ID",
    r"[a-z][a-z0-9_]*": "S_P_NAME",
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}": "S_P_DATE",
}


def patterns_in(node, defines, seen=()):
    """(pattern, in a list) of every pattern facet under node, refs followed"""
    out = set()
    def walk(n, in_list):
        if n.tag == RNG + "param" and n.get("name") == "pattern":
            out.add((n.text, in_list))
        if n.tag == RNG + "ref" and n.get("name") not in seen:
            for d in defines.get(n.get("name"), []):
                out.update(patterns_in(d, defines, seen + (n.get("name"),)) if not in_list else
                           {(p, True) for p, _ in patterns_in(d, defines, seen + (n.get("name"),))})
        for c in n:
            walk(c, in_list or n.tag == RNG + "list")
    walk(node, False)
    return out


def main():
    src = sys.argv[1]
    want = set()
    for i, name in enumerate(SCHEMAS):
        root = ET.parse(f"{src}/data/schemas/{name}.rng").getroot()
        defines = {}
        for d in root.iter(RNG + "define"):
            defines.setdefault(d.get("name"), []).append(d)
        for a in root.iter(RNG + "attribute"):
            for pat, in_list in patterns_in(a, defines):
                kind = "S_P_WORDS" if in_list and pat == "[a-z0-9_]+" else PATTERNS.get(pat, "unknown " + pat)
                want.add((i, a.get("name"), kind))
    text = open(f"{src}/lib/xml.c", encoding="utf-8").read()
    table = text[text.index("S_pattern_rules[] = {"):]
    table = table[:table.index("};")]
    have = set()
    for bits, attr, kind in re.findall(r'\{ ([0-9 |]+), "([^"]+)", (S_P_[A-Z]+) \}', table):
        mask = eval(bits)
        for i in range(len(SCHEMAS)):
            if mask & (1 << i):
                have.add((i, attr, kind))
    print("1..2")
    missing = sorted(want - have)
    extra = sorted(have - want)
    def show(s):
        return ", ".join(f"{SCHEMAS[i]}.rng {a} {k}" for i, a, k in s)
    print(("ok" if not missing else "not ok") + " 1 - every patterned attribute of the schemas is checked by lib/xml.c"
          + (f" # missing: {show(missing)}" if missing else ""))
    print(("ok" if not extra else "not ok") + " 2 - lib/xml.c checks no attribute the schemas leave free"
          + (f" # extra: {show(extra)}" if extra else ""))


main()
