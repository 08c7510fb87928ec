"""Checks the typography of golden editions character by character, by the
locale in each file's name (NAME.LOCALE.EXT; bilingual files are skipped):
French: U+00A0 before every ':' that ends a phrase, U+202F (France,
Belgium, Switzerland) or nothing (Quebec) before ; ! ?, the locale's space
inside « »; English: no U+202F, no « », no space before : ; ! ?.  No straight
apostrophe or double quote in prose anywhere.  Numbers, both languages: no
plain space between a number (15, 3 000, 1er, 2nd) and the word after it,
between a month and its number (« février 2027 », "January 4"), after
« nº », « art. », "No." before a number; never « n° » (the degree sign);
"Month D, YYYY" with a comma after the year when the sentence goes on;
HTML and DocBook: French ordinals (1er, 2e, XXIe) with their letters in
<sup> / <superscript>.  Bilingual editions (NAME.L1+L2.EXT): the numbers of
both languages.  URLs, e-mail addresses and markup are left out of
the check.
Usage: check-typography.py FILE..."""
import html
import re
import sys

NBSP, NNBSP = '\u00a0', '\u202f'
errors = []

MONTHS = {
    'fr': 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'en': 'January February March April May June July August September October November December',
}
SUFFIX = r'(?:ers|res|ndes|nds|nde|nd|er|re|es|e|st|rd|th)'
# a number that opens a word (not in a code: v2, A-12, 1.2.3-rc)
NUMBER = r'(?<![\w\-/.,@#:=+])\d+(?:[.,]\d+|[\u202f\u00a0\u2009]\d{3})*' + SUFFIX + r'?(?![\w\-/@])'

def ordinals(text, loc, name):
    """French ordinals outside <sup>/<superscript> in HTML or DocBook."""
    if not loc.startswith('fr'):
        return
    t = re.sub(r'<style>.*?</style>|<title>[^<]*</title>(?=\s*<style>)', ' ', text, flags=re.S)
    t = re.sub(r'<(sup|superscript)>', '\x01', t)
    t = re.sub(r'<[^>]+>', ' ', t)
    t = re.sub(r'(https?://|www\.)[^\s;,)]+|[^\s;,(]+@[^\s;,)]+\.\w+', 'URL', html.unescape(t))
    m = re.search(r'(?<![\w\-/.,@#:=+\x01])(?:\d+|[IVXLCDM]{2,}|[IVX])(?:ers|res|ndes|nds|nde|nd|er|re|es|e)(?![\w\-/@])', t)
    if m:
        errors.append('an ordinal without <sup> in %s: %r' % (name, t[max(0, m.start() - 25):m.end() + 25]))

def numbers(t, loc, where):
    lang = loc[:2]
    m = re.search(NUMBER + r' (?=[^\W\d_])', t)
    if m:
        errors.append('a plain space after the number %r in %s' % (m.group(0), where(m.start())))
    m = re.search(r'\b(?:%s)\.? (?=\d)' % '|'.join(MONTHS[lang].split()), t)
    if m:
        errors.append('a plain space after the month in %s' % where(m.start()))
    m = re.search(r'(?<!\w)(?:nº|Nº|art\.|al\.|p\.|No\.) (?=\d)', t)
    if m:
        errors.append('a plain space after %r in %s' % (m.group(0), where(m.start())))
    m = re.search(r'(?<!\w)[nN]°', t)
    if m:
        errors.append('the degree sign for numéro in %s' % where(m.start()))
    if lang == 'en':
        m = re.search(r'\b(?:%s)[ \u00a0]\d{1,2},[ \u00a0]\d{4}[ \u00a0](?=[^\W_])' % '|'.join(MONTHS['en'].split()), t)
        if m:
            errors.append('no comma after the year in %s' % where(m.start()))

def prose(text, ext):
    if ext in ('html', 'xml', 'dbk.xml'):
        text = re.sub(r'<style>.*?</style>', ' ', text, flags=re.S)
        text = re.sub(r'</?(sup|superscript)>', '', text)
        text = re.sub(r'<[^>]+>', ' ', text)
        text = html.unescape(text)
    if ext == 'md':
        text = text.replace('\\', '')
    text = re.sub(r'(https?://|www\.)[^\s;,)]+|[^\s;,(]+@[^\s;,)]+\.\w+', 'URL', text)
    return text

for path in sys.argv[1:]:
    name = path.rsplit('/', 1)[-1]
    m = re.match(r'[^.]+\.([a-z]{2}(?:-[A-Z]{2})?)\.(.+)$', name)
    bi = re.match(r'[^.]+\.([a-z]{2}(?:-[A-Z]{2})?)\+([a-z]{2}(?:-[A-Z]{2})?)\.(.+)$', name)
    if bi:
        # a bilingual edition: the numbers of both languages
        t = prose(open(path, encoding='utf-8').read(), bi.group(3))
        where = lambda i: '%s: %r' % (name, t[max(0, i - 25):i + 25])
        for loc in (bi.group(1), bi.group(2)):
            numbers(t, loc, where)
        continue
    if not m:
        continue
    loc, ext = m.group(1), m.group(2)
    raw = open(path, encoding='utf-8').read()
    t = prose(raw, ext)
    where = lambda i: '%s: %r' % (name, t[max(0, i - 25):i + 25])
    numbers(t, loc, where)
    if ext in ('html', 'dbk.xml'):
        ordinals(raw, loc, name)
    if re.search(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]", t):
        errors.append('straight apostrophe in ' + where(re.search(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]", t).start()))
    if loc.startswith('en'):
        for bad in (NNBSP, '«', '»'):
            if bad in t:
                errors.append('%r in English: %s' % (bad, where(t.index(bad))))
        m = re.search('[ %s%s][:;!?]' % (NBSP, NNBSP), t)
        if m:
            errors.append('a space before %r in English: %s' % (m.group(0)[-1], where(m.start())))
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
