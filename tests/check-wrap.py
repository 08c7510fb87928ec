"""Checks a text edition wrapped at WIDTH: no line longer than WIDTH
columns (unless a single word is), none starting or ending with a
no-break space, none starting with punctuation that a no-break space ties
to the word before, and clause text hanging under its number.
Usage: check-wrap.py WIDTH FILE
       check-wrap.py same WRAPPED UNWRAPPED  (the same words, in the same order)"""
import re
import sys
import unicodedata

def columns(line):
    """What a terminal shows: combining marks and format characters take no
    column, East Asian wide ones two."""
    return sum(0 if unicodedata.category(c) in ('Mn', 'Me', 'Cf') else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line)

def words(path):
    t = open(path, encoding='utf-8').read()
    t = re.sub(r'\n=+\n', '\n', t)           # section underlines
    t = re.sub(r'-\n *', '-', t)               # a line broken after a hyphen
    t = re.sub(r'(?<=[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef])\n *(?=[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef])',
               '', t)                           # between two ideographs
    return re.sub(r'[ \n]+', ' ', t).strip()

if sys.argv[1] == 'same':
    a, b = words(sys.argv[2]), words(sys.argv[3])
    if a != b:
        i = next(i for i in range(min(len(a), len(b))) if a[i] != b[i])
        sys.exit('# differ at %d: %r / %r' % (i, a[i - 30:i + 30], b[i - 30:i + 30]))
    print('# ok')
    sys.exit(0)

width, path = int(sys.argv[1]), sys.argv[2]
lines = open(path, encoding='utf-8').read().split('\n')
hang = 0
for n, line in enumerate(lines, 1):
    if columns(line) > width and ' ' in line.strip():
        sys.exit('# line %d is %d columns long: %r' % (n, columns(line), line))
    if line and (line[0] in '\u00a0\u202f' or line[-1] in '\u00a0\u202f'):
        sys.exit('# line %d starts or ends with a no-break space: %r' % (n, line))
    if line.strip()[:1] in (':', ';', '!', '?', '»') and line.strip():
        sys.exit('# line %d starts with punctuation: %r' % (n, line))
    m = re.match(r'(\d+\. )', line)
    if m:
        hang = len(m.group(1))
    if line and hang and not m and line.startswith(' ') and not line.startswith(' ' * hang):
        sys.exit('# line %d does not hang under its clause number: %r' % (n, line))
print('# ok')
