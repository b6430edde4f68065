#!/usr/bin/env python3
"""Validate gold.jsonl against units.jsonl: same ids/order, every condition/amount text is an
exact substring of the unit text, typed fields present and well-formed. Prints counts per type."""
import json, re, sys, collections, os
here = os.path.dirname(os.path.abspath(__file__))
units = [json.loads(l) for l in open(os.path.join(here, 'units.jsonl'), encoding='utf-8')]
gold = [json.loads(l) for l in open(os.path.join(here, 'gold.jsonl'), encoding='utf-8')]
errs = []
if [g['id'] for g in gold] != [u['id'] for u in units][:len(gold)]:
    errs.append('id order differs from units.jsonl')
REQ = {'region': ['place', 'aspect'], 'industry': ['sectors'], 'title': ['title'], 'newTitle': ['title'],
       'threshold': ['metric', 'op', 'value', 'unit', 'normalized'], 'timeWindow': ['from', 'to', 'relative'],
       'exclusion': ['rule'], 'other': []}
RULES = {'notIncluded', 'noDoubleSupport', 'highestOnly', 'disqualifier'}
cnt = collections.Counter()
for g, u in zip(gold, units):
    t = u['text']
    for c in g['conditions']:
        ty = c.get('type')
        if ty not in REQ: errs.append(f"{g['id']}: bad type {ty}"); continue
        cnt[ty] += 1
        if c['text'] not in t: errs.append(f"{g['id']}: text not in unit: {c['text']!r}")
        for k in REQ[ty]:
            if k not in c: errs.append(f"{g['id']}: {ty} missing {k}")
        if ty == 'threshold':
            if c['op'] not in ('>=', '>', '<=', '<', '=='): errs.append(f"{g['id']}: bad op {c['op']}")
            if not re.fullmatch(r'\d+(\.\d+)?', c['normalized']): errs.append(f"{g['id']}: bad normalized {c['normalized']}")
        if ty == 'exclusion' and c['rule'] not in RULES: errs.append(f"{g['id']}: bad rule {c['rule']}")
        if ty == 'timeWindow':
            for k in ('from', 'to'):
                if c[k] is not None and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', c[k]): errs.append(f"{g['id']}: bad date {c[k]}")
    a = g['amount']
    if a is not None:
        if a['kind'] not in ('fixed', 'cap', 'rate', 'tiers', 'mixed'): errs.append(f"{g['id']}: bad kind")
        if a['text'] not in t: errs.append(f"{g['id']}: amount text not in unit: {a['text']!r}")
        for k in ('min', 'max'):
            if a[k] is not None and not re.fullmatch(r'\d+(\.\d+)?', a[k]): errs.append(f"{g['id']}: bad amount {k} {a[k]}")
        cnt['amount:' + a['kind']] += 1
for e in errs: print('ERROR', e)
print('units labelled:', len(gold), 'of', len(units))
print('units with >=1 condition:', sum(1 for g in gold if g['conditions']))
print('conditions:', sum(v for k, v in cnt.items() if not k.startswith('amount:')))
for k, v in sorted(cnt.items(), key=lambda kv: (kv[0].startswith('amount:'), -kv[1])): print(f'  {k}: {v}')
sys.exit(1 if errs else 0)
