#!/usr/bin/env python3
"""Pathological input, as cmark's pathological_tests: each case is made at a
size n and at 10n, run in a subprocess with a time limit, and must give its
exit status and, for refused input, a located error (file:line: ...).  A case
fails when it times out, crashes, or when T(10n)/T(n) exceeds RATIO: linear
work gives about 10, quadratic 100.  T is the processor time the program
used (user and system, from the kernel's accounting of the child), not the
time on the clock, so that other tests running beside this one (make -j,
distcheck) do not make a linear case look quadratic.  The times are not
asserted otherwise: only the ratio of two runs of the same machine, same
moment, counts.

Prints TAP.  Usage: pathological.py BUILDDIR [CASE...]
"""
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

RATIO = 15
LIMIT = 60  # seconds per run: a hang fails, it does not stall the suite
FLOOR = 0.2  # seconds: below this, T(n) is mostly the start of the program
NS = "https://clausier.org/ns/1"


def catalog(params="", clauses="", extra=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<catalog xmlns="{NS}" version="1" id="patho" genre="smp" xml:lang="en">\n'
            f'  <title><text xml:lang="en">Policy</text><text xml:lang="fr">Politique</text></title>\n'
            f'{extra}{params}{clauses}</catalog>\n')


def clause(cid, body_en, body_fr=None):
    fr = f'<text xml:lang="fr">{body_fr}</text>' if body_fr is not None else ""
    return (f'  <clause id="{cid}" topic="personal-responsibility">\n'
            f'    <heading><text xml:lang="en">Heading</text><text xml:lang="fr">Titre</text></heading>\n'
            f'    <body>\n      <text xml:lang="en">{body_en}</text>{fr}\n    </body>\n  </clause>\n')


def profile(values="", attrs='sector="nonprofit" jurisdiction="CA-QC" risk="balanced"'):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<profile xmlns="{NS}" version="1" {attrs}>\n{values}</profile>\n')


def po(msgid, msgstr_lines, lang="fr"):
    head = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Language: {lang}\\n"\n\n')
    body = "".join(f'"{line}"\n' for line in msgstr_lines)
    return head + f'msgctxt "c"\nmsgid "{msgid}"\nmsgstr ""\n{body}'


def nested(depth, leading):
    """depth levels of select; leading > 0 puts 2 × leading literal } first
    (two braces open each level)"""
    return "}" * (2 * leading) + "{a, select, other {" * depth + "x" + "}}" * depth


# Each case: name, generator(n, dir) -> (argv, expected status, stderr regex
# or None), and n.  Files are written into dir; argv[0] is a program of the
# build tree.
def c_nesting_leading(n, d):
    """depth n behind n literal } (ICU reads a top-level } as text)"""
    path = os.path.join(d, "nest.xml")
    with open(path, "w") as f:
        f.write(catalog('  <param name="a" type="text"/>\n', clause("deep", nested(n, n))))
    return (["src/clausier", "check", path], 1,
            r"nest\.xml:\d+: error: clause “deep”.*nested deeper than 8 levels")


def c_nesting_render(n, d):
    """the same pattern given to render: refused at load, never reaches ICU"""
    path = os.path.join(d, "nest.xml")
    with open(path, "w") as f:
        f.write(catalog('  <param name="a" type="text"/>\n', clause("deep", nested(n, n))))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile('  <value name="a">v</value>\n'))
    return (["src/clausier", "render", "-p", prof, path], 1,
            r"nest\.xml:\d+: clause “deep”.*nested deeper than 8 levels")


def c_nesting_plain(n, d):
    """depth n, no leading }"""
    path = os.path.join(d, "nest.xml")
    with open(path, "w") as f:
        f.write(catalog('  <param name="a" type="text"/>\n', clause("deep", nested(n, 0))))
    return (["src/clausier", "check", path], 1,
            r"nest\.xml:\d+: error: clause “deep”.*nested deeper than 8 levels")


def c_nesting_po(n, d):
    """a PO translation nested n deep behind n }"""
    path = os.path.join(d, "nest.po")
    with open(path, "w") as f:
        f.write(po("{a}", [nested(n, n)]))
    return (["src/clausier", "check", path], 1,
            r"nest\.po:\d+: error: .*nested deeper than 8 levels")


def c_nesting_stats(n, d):
    """clausier stats on a PO file whose source is nested n deep behind n }"""
    path = os.path.join(d, "nest.po")
    with open(path, "w") as f:
        f.write(po(nested(n, n), ["x"]))
    return (["src/clausier", "stats", path], 0, r"nest\.po \(fr\): 1 of 1 messages translated")


def c_at_value(n, d):
    """a value of n × « a@b» » (e-mail telltales between French quotes)"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog('  <param name="a" type="text"/>\n', clause("c", "Text {a} end.", "Texte {a} fin.")))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile(f'  <value name="a">{"a@b»" * n}</value>\n'))
    return (["src/clausier", "render", "-l", "fr-FR", "-p", prof, cat], 0, None)


def c_url_text(n, d):
    """a catalog text of n × « x://» www.» » checked as a catalog"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", clause("c", "Text " + "x://» www.» a@» " * n, "Texte " + "x://» www.» a@» " * n)))
    return (["src/clausier", "check", cat], 0, None)


def c_url_render(n, d):
    """the same text rendered"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", clause("c", "Text " + "x://» www.» a@» " * n, "Texte " + "x://» www.» a@» " * n)))
    return (["src/clausier", "render", "-l", "fr-CA", cat], 0, None)


def c_params(n, d):
    """n parameters, each given a value and used by a clause"""
    params = "".join(f'  <param name="p{i}" type="text"/>\n' for i in range(n))
    clauses = "".join(clause(f"c{i}", f"Value {{p{i}}}.") for i in range(n // 100))
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog(params, clauses))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile("".join(f'  <value name="p{i}">v{i}</value>\n' for i in range(n))))
    return (["src/clausier", "render", "-l", "en", "-p", prof, cat], 0, None)


def c_clauses(n, d):
    """n clauses"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", "".join(clause(f"c{i}", f"Clause {i}.") for i in range(n))))
    return (["src/clausier", "render", "-l", "en", cat], 0, None)


def c_arguments(n, d):
    """one message with n arguments, half direct and half through ICU"""
    params = "".join(f'  <param name="p{i}" type="text"/>\n' for i in range(n))
    cat = os.path.join(d, "c.xml")
    body = " ".join(f"{{p{i}}}" for i in range(n))
    with open(cat, "w") as f:
        f.write(catalog(params, clause("c", body)))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile("".join(f'  <value name="p{i}">v</value>\n' for i in range(n))))
    return (["src/clausier", "render", "-l", "en", "-p", prof, cat], 0, None)


def c_arguments_icu(n, d):
    """one message with n number arguments, formatted by ICU"""
    params = "".join(f'  <param name="p{i}" type="number"/>\n' for i in range(n))
    cat = os.path.join(d, "c.xml")
    body = " ".join(f"{{p{i}, number}}" for i in range(n))
    with open(cat, "w") as f:
        f.write(catalog(params, clause("c", body, body)))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile("".join(f'  <value name="p{i}">{i}</value>\n' for i in range(n))))
    return (["src/clausier", "render", "-l", "fr-FR", "-p", prof, cat], 0, None)


def c_arguments_fr(n, d):
    """one French message of n × « que {pN} », each eliding as its value goes in"""
    params = "".join(f'  <param name="p{i}" type="text"/>\n' for i in range(n))
    cat = os.path.join(d, "c.xml")
    fr = " ".join(f"que {{p{i}}}" for i in range(n))
    with open(cat, "w") as f:
        f.write(catalog(params, clause("c", "x", fr)))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile("".join(f'  <value name="p{i}">Acme{i}</value>\n' for i in range(n))))
    return (["src/clausier", "render", "-l", "fr-CA", "-p", prof, cat], 0, None)


def c_arguments_fr_icu(n, d):
    """one French message through ICU of n × « que {pN} », each eliding"""
    params = "".join(f'  <param name="p{i}" type="text"/>\n' for i in range(n)) + '  <param name="k" type="number"/>\n'
    cat = os.path.join(d, "c.xml")
    fr = " ".join(f"que {{p{i}}}" for i in range(n)) + " {k, plural, one {# jour} other {# jours}}"
    with open(cat, "w") as f:
        f.write(catalog(params, clause("c", "x", fr)))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile("".join(f'  <value name="p{i}">Acme{i}</value>\n' for i in range(n)) +
                        '  <value name="k">2</value>\n'))
    return (["src/clausier", "render", "-l", "fr-CA", "-p", prof, cat], 0, None)


def c_sections(n, d):
    """n sections of one clause each"""
    secs = "".join(f'  <section id="s{i}"><title><text xml:lang="en">S{i}</text></title></section>\n'
                   for i in range(n))
    clauses = "".join(clause(f"c{i}", f"Clause {i}.").replace('topic=', f'section="s{i}" topic=')
                      for i in range(n))
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", clauses, secs))
    return (["src/clausier", "render", "-l", "en", cat], 0, None)


def c_long_value(n, d):
    """one value of n French words with quotes, colons and apostrophes"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog('  <param name="a" type="text"/>\n', clause("c", "{a}", "Voir : {a}")))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile(f'  <value name="a">{"l’usage : &quot;oui&quot; ; à voir ! " * n}</value>\n'))
    return (["src/clausier", "render", "-l", "fr-FR", "-p", prof, cat], 0, None)


def c_many_texts(n, d):
    """one heading in n languages (private-use tags)"""
    texts = "".join(f'<text xml:lang="en-x-t{i}">H{i}</text>' for i in range(n))
    body = (f'  <clause id="c" topic="personal-responsibility">\n'
            f'    <heading><text xml:lang="en">H</text>{texts}</heading>\n'
            f'    <body><text xml:lang="en">Body.</text></body>\n  </clause>\n')
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", body))
    return (["src/clausier", "render", "-l", "en", cat], 0, None)


def c_check_catalog(n, d):
    """clausier check on a catalog of n clauses in two languages"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", "".join(clause(f"c{i}", f"Clause {i}: ok.", f"Clause {i} : oui.") for i in range(n))))
    return (["src/clausier", "check", cat], 0, None)


def c_profile_choices(n, d):
    """a profile that excludes every other clause of n, assembled"""
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog("", "".join(clause(f"c{i}", f"Clause {i}.") for i in range(n))))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile("".join(f'  <exclude clause="c{i}"/>\n' for i in range(0, n, 2))))
    return (["src/clausier", "assemble", "-p", prof, "-o", os.path.join(d, "policy.xml"), cat], 0, None)


def c_choice_words(n, d):
    """a choice parameter of n choices, and n texts each with its xml:lang and
    id checked against the schema's patterns"""
    words = " ".join(f"w{i}" for i in range(n))
    params = (f'  <param name="a" type="text"/>\n'
              f'  <param name="mode" type="choice" choices="{words}" default="w0"/>\n')
    clauses = "".join(clause(f"c-{i}", f"Clause {{a}} {i}.", f"Clause {{a}} {i}.") for i in range(n // 10))
    cat = os.path.join(d, "c.xml")
    with open(cat, "w") as f:
        f.write(catalog(params, clauses))
    prof = os.path.join(d, "p.xml")
    with open(prof, "w") as f:
        f.write(profile('  <value name="a">v</value>\n'))
    return (["src/clausier", "render", "-l", "fr", "-p", prof, cat], 0, None)


def c_po_long(n, d):
    """a msgstr over n lines, fixed by check --fix"""
    path = os.path.join(d, "long.po")
    lines = [f"Ligne {i} : texte. " for i in range(n)]
    with open(path, "w") as f:
        f.write(po("Line: text.", lines))
    return (["src/clausier", "check", "--fix", path], 0, None)


def c_po_many(n, d):
    """a PO file of n messages"""
    path = os.path.join(d, "many.po")
    head = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n')
    with open(path, "w") as f:
        f.write(head + "".join(f'msgctxt "c{i}"\nmsgid "Text {i}."\nmsgstr "Texte {i}."\n\n' for i in range(n)))
    return (["src/clausier", "check", path], 0, None)


CASES = [
    ("nesting behind leading }, check", c_nesting_leading, 3000),
    ("nesting behind leading }, render", c_nesting_render, 3000),
    ("nesting without leading }", c_nesting_plain, 3000),
    ("nesting in a PO translation", c_nesting_po, 3000),
    ("nesting in a PO source, stats", c_nesting_stats, 3000),
    ("@ and » in a value", c_at_value, 3000),
    ("://, www. and » in a text, check", c_url_text, 1500),
    ("://, www. and » in a text, render", c_url_render, 1500),
    ("many parameters", c_params, 10000),
    ("many clauses", c_clauses, 3000),
    ("one message, many arguments", c_arguments, 5000),
    ("one message, many ICU arguments", c_arguments_icu, 2000),
    ("one French message, many elisions", c_arguments_fr, 5000),
    ("one French message through ICU, many elisions", c_arguments_fr_icu, 3000),
    ("many sections", c_sections, 2000),
    ("a long value set in French typography", c_long_value, 3000),
    ("one message in many languages", c_many_texts, 1000),
    ("check on a catalog of many clauses", c_check_catalog, 2000),
    ("a profile of many choices", c_profile_choices, 3000),
    ("a choice of many words, many patterned attributes", c_choice_words, 10000),
    ("long msgstr, check --fix", c_po_long, 600),
    ("many PO messages", c_po_many, 10000),
]


def run(build, argv, status, pattern, env):
    prog = os.path.join(build, argv[0])
    def cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime
    t0 = cpu()
    try:
        p = subprocess.run([prog] + argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=LIMIT, env=env)
    except subprocess.TimeoutExpired:
        return None, f"no answer within {LIMIT} s"
    dt = cpu() - t0
    err = p.stdout.decode("utf-8", "replace")
    if p.returncode < 0:
        return None, f"killed by signal {-p.returncode}"
    if p.returncode != status:
        return None, f"exit status {p.returncode}, expected {status}: {err.strip()[:300]}"
    if pattern and not re.search(pattern, err):
        return None, f"no located error matching /{pattern}/ in: {err.strip()[:300]}"
    try:
        p.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the output is not UTF-8"
    return dt, None


def main():
    build = sys.argv[1]
    only = sys.argv[2:]
    cases = [c for c in CASES if not only or c[0] in only]
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    print(f"1..{len(cases)}")
    failed = 0
    for i, (name, gen, n) in enumerate(cases, 1):
        times = []
        why = None
        for size in (n, 10 * n):
            with tempfile.TemporaryDirectory() as d:
                argv, status, pattern = gen(size, d)
                # The better of two runs: another process on the machine
                # must not make a linear case look quadratic.
                dt, why = run(build, argv, status, pattern, env)
                if not why:
                    dt2, why = run(build, argv, status, pattern, env)
                    dt = min(dt, dt2) if not why else dt
                if why:
                    why = f"n={size}: {why}"
                    break
                # Nothing left behind beside the inputs (no temporary file).
                left = [f for f in os.listdir(d) if ".tmp" in f]
                if left:
                    why = f"n={size}: left {left}"
                    break
                times.append(dt)
        if not why:
            ratio = times[1] / max(times[0], FLOOR)
            if ratio > RATIO:
                why = f"T(10n)/T(n) = {times[1]:.2f}/{times[0]:.2f} s = {ratio:.1f} > {RATIO}"
        if why:
            failed += 1
            print(f"not ok {i} - {name}: {why}")
        else:
            print(f"ok {i} - {name} (n={n}: {times[0]:.2f} s, 10n: {times[1]:.2f} s, ×{times[1] / max(times[0], FLOOR):.1f})")
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
