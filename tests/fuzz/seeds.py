#!/usr/bin/python3
"""seeds.py SAMPLE-CATALOG CATALOG-CORPUS PO-CORPUS...: long and deep seeds
for make fuzz, which the hand-written corpora lack: PO files with a msgstr
over thousands of continuation lines, one of 300 KB on one line, thousands
of entries, deep ICU nesting (also behind thousands of literal }) and every
escape; catalogs with a 200 KB text, with select nested past the limit (also
behind literal }), with thousands of arguments and of URL telltales."""
import os
import sys

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'


def nested(depth):
    return "{a, select, x {" * depth + "y: z" + "} other {w}}" * depth


def po_seeds():
    lines = "".join('"ligne %d: voir \\"ceci\\" ! "\n' % i for i in range(3000))
    yield "long-lines.po", HEADER + 'msgid "Note: long."\nmsgstr ""\n' + lines
    one = "Remarque: lisez ceci ; " * 13000
    yield "long-line.po", HEADER + 'msgid "One line."\nmsgstr "%s"\n' % one
    many = "".join('msgctxt "c%d"\nmsgid "Note %d: it."\nmsgstr "Remarque %d: x !"\n\n' % (i, i, i)
                   for i in range(5000))
    yield "many-entries.po", HEADER + many
    for depth in (7, 9, 40):
        yield "deep-%d.po" % depth, HEADER + 'msgid "%s"\nmsgstr "%s"\n' % (nested(depth), nested(depth))
    behind = "}" * 8000 + nested(4000)
    yield "deep-behind-braces.po", HEADER + 'msgid "{a}"\nmsgstr "%s"\n' % behind
    yield "escapes-all.po", HEADER + (
        'msgid "Esc: a."\nmsgstr ""\n"\\a\\b\\f\\v\\t\\r\\n\\\\\\"\\1\\12\\123\\1234\\x4\\x41\\x0041g"\n'
        '"Remarque\\072 \\x3a: \\303\\251t\\xc3\\xa9"\n\n'
        '#~ msgid "Old: one."\n#~ msgstr ""\n#~ "Ancien: un"\n\n'
        'msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "Un: x"\n"suite: y"\nmsgstr[1] "Deux"\n"suite"\n')


def catalog_seeds(sample):
    with open(sample, encoding="utf-8") as f:
        xml = f.read()
    long_text = "Lorem ipsum: dolor \"sit\" amet ! " * 6000
    yield "long-text.xml", xml.replace("</text>", long_text + "</text>", 1)
    for depth in (7, 9):
        yield "deep-%d.xml" % depth, xml.replace("</text>", nested(depth) + "</text>", 1)
    # ICU reads a top-level } as text: leading ones must not buy depth.
    for depth in (9, 4000):
        yield "deep-behind-braces-%d.xml" % depth, xml.replace(
            "</text>", "}" * (2 * depth) + nested(depth) + "</text>", 1)
    # Many arguments in one message, many URL telltales in one word.
    yield "many-args.xml", xml.replace("</text>", " ".join(["{org}"] * 5000) + "</text>", 1)
    yield "telltales.xml", xml.replace("</text>", "a@b»x://»www.»" * 4000 + "</text>", 1)


def main():
    sample, catalogs, pos = sys.argv[1], sys.argv[2], sys.argv[3:]
    for name, text in catalog_seeds(sample):
        with open(os.path.join(catalogs, name), "w", encoding="utf-8") as f:
            f.write(text)
    for corpus in pos:
        for name, text in po_seeds():
            with open(os.path.join(corpus, name), "w", encoding="utf-8") as f:
                f.write(text)


main()
