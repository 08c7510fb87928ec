#!/usr/bin/python3
"""po-fixed.py ORIG.po FIXED.po OLD NEW [OLD NEW]...: what `clausier check
--fix` made of ORIG.po, read by gettext's own tools rather than clausier's
reader: msgfmt -c accepts FIXED.po, and its messages are ORIG.po's with each
OLD replaced by NEW in every translation, nothing else (OLD and NEW are
Python string literals, as "Remarque\\u00a0: ")."""
import ast
import gettext
import os
import subprocess
import sys
import tempfile


def catalog(po, check):
    with tempfile.TemporaryDirectory() as tmp:
        mo = os.path.join(tmp, "m.mo")
        args = ["msgfmt"] + (["-c"] if check else []) + ["-o", mo, po]
        r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit("msgfmt%s refuses %s:\n%s" % (" -c" if check else "", po, r.stderr))
        with open(mo, "rb") as f:
            return gettext.GNUTranslations(f)._catalog


def main():
    orig, fixed = sys.argv[1], sys.argv[2]
    pairs = [ast.literal_eval(a) for a in sys.argv[3:]]
    want = {}
    for key, text in catalog(orig, False).items():
        if key != "":  # the header
            for old, new in zip(pairs[::2], pairs[1::2]):
                text = text.replace(old, new)
        want[key] = text
    got = catalog(fixed, True)
    if got != want:
        for key in sorted(set(want) | set(got)):
            if want.get(key) != got.get(key):
                print("%r:\n  want %r\n  got  %r" % (key, want.get(key), got.get(key)))
        sys.exit(1)


main()
