"""Compares a wrapped text edition with the unwrapped one: every URL (a
scheme, www., or a bare host.tld) and e-mail address of the unwrapped edition is whole on one line of the wrapped
one, as many times; and, in French, no line broken after a hyphen starts
with an enclitic pronoun (« dites-⏎le », « a-t-⏎il »).
Usage: check-links.py WRAPPED UNWRAPPED [fr]"""
import re
import sys

URL = re.compile(r'(?:\b[A-Za-z][A-Za-z0-9+.-]*://|(?<![\w./@-])www\.)[^\s«»"<>“”„‹›‘’`]+')
LABEL = r'[^\W_](?:[\w-]*[^\W_])?'
HOST = re.compile(r'(?<![\w@./:%+-])' + LABEL + r'(?:\.' + LABEL + r')*\.[^\W\d_]{2,}(?![\w-])(?:/[^\s«»"<>“”„‹›‘’`]*)?')
EMAIL = re.compile(r'[\w.%+-]+@[\w-]+(?:\.[\w-]+)+')
ENCLITIC = re.compile(r'(moi|toi|lui|elles?|nous|vous|le|la|les|leurs?|en|y|ils?|on|ce|t|ci|là)(?!\w)', re.I)

def trim(link):
    while True:
        if link and link[-1] in '.,;:!?…':
            link = link[:-1]
        elif link and link[-1] in ')]}' and link.count('([{'[')]}'.index(link[-1])]) < link.count(link[-1]):
            link = link[:-1]
        else:
            return link

wrapped = open(sys.argv[1], encoding='utf-8').read()
unwrapped = open(sys.argv[2], encoding='utf-8').read()
french = len(sys.argv) > 3 and sys.argv[3] == 'fr'
links = {trim(m.group(0)) for m in URL.finditer(unwrapped)} | {trim(m.group(0)) for m in EMAIL.finditer(unwrapped)}\
    | {trim(m.group(0)) for m in HOST.finditer(unwrapped)}
lines = wrapped.split('\n')
failed = 0
for link in sorted(links):
    want = unwrapped.count(link)
    got = sum(line.count(link) for line in lines)
    if got != want:
        print('# %r: %d times unwrapped, whole on a line %d times' % (link, want, got))
        failed = 1
if french:
    for n in range(1, len(lines)):
        if lines[n - 1].endswith(('-', '\u2010')) and ENCLITIC.match(lines[n].lstrip()):
            print('# line %d starts with an enclitic: %r / %r' % (n + 1, lines[n - 1], lines[n]))
            failed = 1
print('# %d links' % len(links))
if not links and not french:
    print('# nothing checked')
sys.exit(failed)
