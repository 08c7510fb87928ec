#!/usr/bin/env python3
"""Round trip of a policy through the other genre: every clause of the
original policy is in the policy mapped back, or one of the two gap reports
says why not (approximated, to decide, kept aside).
Usage: roundtrip.py A.xml REPORT1.xml B.xml REPORT2.xml A2.xml"""
import sys
import xml.etree.ElementTree as ET

NS = '{https://clausier.org/ns/1}'
a, r1, b, r2, a2 = (ET.parse(p).getroot() for p in sys.argv[1:6])
refs = lambda p: [c.get('ref') for c in p.iter(NS + 'clause')]
gaps = lambda r: list(r.iter(NS + 'gap'))
back = set(refs(a2))
why_not = {'approximated', 'decision', 'dropped'}
bad = 0
kept = reported = 0
for c in refs(a):
    if c in back:
        kept += 1
        continue
    targets = [g.get('to') for g in gaps(r1) if g.get('from') == c]
    if any(g.get('from') == c and g.get('status') in why_not for g in gaps(r1)) or \
       any(g.get('from') in targets and g.get('status') in why_not for g in gaps(r2)):
        reported += 1
        continue
    print('# clause %s neither came back nor was reported' % c)
    bad += 1
# Every clause of the original is in the first report.
for c in refs(a):
    if not any(g.get('from') == c for g in gaps(r1)):
        print('# clause %s is missing from the report' % c)
        bad += 1
# Every value of the original, given or kept, is in the policy mapped back:
# as a value if a clause there uses it, else kept.
def values(p):
    out = set()
    for el in list(p.iter(NS + 'value')) + list(p.iter(NS + 'kept')):
        items = [i.text or '' for i in el.iter(NS + 'item')]
        out.add((el.get('name'), el.get('{http://www.w3.org/XML/1998/namespace}lang'),
                 '\x1f'.join(items) if items else (el.text or '')))
    return out
for v in sorted(values(a) - values(a2), key=str):
    print('# value %s (%s) = %r was lost on the way' % v)
    bad += 1
print('# %d clauses: %d came back, %d reported' % (len(refs(a)), kept, reported))
sys.exit(1 if bad else 0)
