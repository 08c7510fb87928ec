"""Checks an edition of tests/data/hostile-catalog.xml: the renderer's own
elements and attributes only, and every catalog text and profile value
present as literal text.  Usage: check-hostile.py html|cmark|docbook FILE"""
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

TITLE = 'Policy <script>alert(1)</script> *not emphasis*'
# Straight quotes come out typographic (the typography pass), nothing else changes.
ORG = '<img src=x onerror=“alert(1)”> **Acme** [x](http://evil) &lt; #1'
SECTION = '# not a heading & [not a link](javascript:alert(1))'
HEADING = '1. not a list </h3><h1>'
BODY = ('Value: ' + ORG + '. Text: <b onclick=“x()”>bold</b> _under_ `code` \\ | a | b | '
        '~~del~~ <!-- c --> &amp; “q” “curly” ’')
EXPECTED = [TITLE, ORG, SECTION, HEADING, BODY]

def fail(msg):
    print('# ' + msg)
    sys.exit(1)

def check_texts(texts):
    for want in EXPECTED:
        # the element holding it may add the clause number, nothing else
        if not any(t == want or t == '1. ' + want for t in texts):
            fail('missing literal text: %r\n# got: %r' % (want, texts))

kind, path = sys.argv[1], sys.argv[2]
if kind == 'html':
    allowed = {'html': {'lang'}, 'head': set(), 'meta': {'charset', 'name', 'content'},
               'title': set(), 'style': set(), 'body': set(), 'nav': {'class', 'aria-label'},
               'h1': set(), 'h2': {'lang'}, 'h3': set(), 'ul': set(), 'li': set(), 'a': {'href'},
               'article': {'class', 'lang'}, 'header': set(), 'p': {'class', 'lang'},
               'section': {'class', 'id', 'lang'}, 'span': {'class'}, 'div': {'class', 'lang'},
               'sup': set()}
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.texts, self.cur, self.stack = [], '', []
        def handle_starttag(self, tag, attrs):
            if tag not in allowed:
                fail('element <%s> was not written by the renderer' % tag)
            for k, v in attrs:
                if k not in allowed[tag]:
                    fail('attribute %s on <%s> was not written by the renderer' % (k, tag))
                if k == 'href' and not (v.startswith('#clause-') or v.startswith('#section-')):
                    fail('link to %r' % v)
            self.stack.append(tag)
            self.cur = ''
        def handle_endtag(self, tag):
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()
            self.texts.append(self.cur.strip())
            self.cur = ''
        def handle_data(self, d):
            self.cur += d
        def handle_comment(self, d):
            fail('a comment made it into the HTML: %r' % d)
    p = P()
    p.feed(open(path, encoding='utf-8').read())
    check_texts(p.texts)
else:
    root = ET.parse(path).getroot()
    ns = root.tag.split('}')[0] + '}' if root.tag.startswith('{') else ''
    if kind == 'cmark':
        allowed = {'document', 'heading', 'paragraph', 'text', 'strong'}
    else:
        allowed = {'article', 'info', 'title', 'subtitle', 'releaseinfo', 'section', 'para', 'superscript'}
    texts = []
    for el in root.iter():
        name = el.tag[len(ns):]
        if name not in allowed:
            fail('element <%s> was not written by the renderer' % name)
        texts.append(''.join(el.itertext()).strip())
    check_texts(texts)
print('# ok')
