"""Checks the typography of golden editions character by character, by the
locale in each file's name (NAME.LOCALE.EXT; bilingual files are skipped):
French: U+00A0 before every ':' that ends a phrase, U+202F (France,
Belgium, Switzerland) or nothing (Quebec) before ; ! ?, the locale's space
inside « »; English: no U+00A0 or U+202F at all, no « ».  No straight
apostrophe or double quote in prose anywhere.  URLs, e-mail addresses and
markup are left out of the check.
Usage: check-typography.py FILE..."""
import html
import re
import sys

NBSP, NNBSP = '\u00a0', '\u202f'
errors = []

def prose(text, ext):
    if ext in ('html', 'xml', 'dbk.xml'):
        text = re.sub(r'<style>.*?</style>', ' ', text, flags=re.S)
        text = re.sub(r'<[^>]+>', ' ', text)
        text = html.unescape(text)
    if ext == 'md':
        text = text.replace('\\', '')
    text = re.sub(r'(https?://|www\.)[^\s;,)]+|[^\s;,(]+@[^\s;,)]+\.\w+', 'URL', text)
    return text

for path in sys.argv[1:]:
    name = path.rsplit('/', 1)[-1]
    m = re.match(r'[^.]+\.([a-z]{2}(?:-[A-Z]{2})?)\.(.+)$', name)
    if not m:
        continue
    loc, ext = m.group(1), m.group(2)
    t = prose(open(path, encoding='utf-8').read(), ext)
    where = lambda i: '%s: %r' % (name, t[max(0, i - 25):i + 25])
    if re.search(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]", t):
        errors.append('straight apostrophe in ' + where(re.search(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]", t).start()))
    if loc.startswith('en'):
        for bad in (NBSP, NNBSP, '«', '»'):
            if bad in t:
                errors.append('%r in English: %s' % (bad, where(t.index(bad))))
        continue
    ca = loc == 'fr-CA'
    inside = NBSP if ca else NNBSP
    for mm in re.finditer(r'(.)([:;!?])(?=\s|$)', t):
        before, mark = mm.group(1), mm.group(2)
        want = NBSP if mark == ':' else ('' if ca else NNBSP)
        if want and before != want:
            errors.append('%r before %r in %s' % (before, mark, where(mm.start())))
        if not want and before in (' ', NBSP, NNBSP):
            errors.append('a space before %r in Quebec: %s' % (mark, where(mm.start())))
    for mm in re.finditer('«(.)', t):
        if mm.group(1) != inside:
            errors.append('%r after « in %s' % (mm.group(1), where(mm.start())))
    for mm in re.finditer('(.)»', t):
        if mm.group(1) != inside:
            errors.append('%r before » in %s' % (mm.group(1), where(mm.start())))
for e in errors[:20]:
    print('# ' + e)
sys.exit(1 if errors else 0)
