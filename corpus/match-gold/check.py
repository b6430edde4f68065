#!/usr/bin/env python3
"""Validate corpus/match-gold/gold.jsonl against the input documents and profiles.

Usage: python3 check.py [INPUT_DIR]
INPUT_DIR defaults to /work/labelling/match-gold/inputs (the JSON renditions,
one per source file, named <file>.json).
"""
import json, os, sys, re, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
INP = sys.argv[1] if len(sys.argv) > 1 else '/work/labelling/match-gold/inputs'

errors = []
def err(msg):
    errors.append(msg)

# documents: file -> list of {clauseId: clause} per part (0 = own clauses)
docs = {}
for f in sorted(os.listdir(INP)):
    if not f.endswith('.json'):
        continue
    d = json.load(open(os.path.join(INP, f)))
    docs[f[:-5]] = [{c['id']: c for c in d['clauses']}] + [{c['id']: c for c in p['clauses']} for p in d['parts']]

# profiles
profiles = {}
PROFILE_KEYS = {"name", "region", "industries", "titles", "newTitles", "figures", "founded", "employees"}
for f in sorted(os.listdir(os.path.join(HERE, 'profiles'))):
    if not f.endswith('.json'):
        continue
    try:
        p = json.load(open(os.path.join(HERE, 'profiles', f)))
    except Exception as e:
        err(f'profile {f}: does not parse: {e}'); continue
    extra = set(p) - PROFILE_KEYS
    if extra: err(f'profile {f}: unknown keys {extra}')
    for k in ('industries', 'titles', 'newTitles'):
        if k in p and not (isinstance(p[k], list) and all(isinstance(x, str) for x in p[k])):
            err(f'profile {f}: {k} must be a list of strings')
    for k, v in p.get('figures', {}).items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            err(f'profile {f}: figure {k} is not a number')
    if 'employees' in p and (isinstance(p['employees'], bool) or not isinstance(p['employees'], int)):
        err(f'profile {f}: employees not an integer')
    if 'founded' in p:
        try: datetime.date.fromisoformat(p['founded'])
        except Exception: err(f'profile {f}: founded not ISO date')
    profiles[f[:-5]] = p

def num_or_null(v):
    return v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))

def check_ref(pid, kind, i, e):
    where = f'{pid} {kind}[{i}]'
    for k in ('file', 'part', 'clauseId', 'min', 'max', 'why'):
        if k not in e: err(f'{where}: missing key {k}')
    f = e.get('file')
    if f not in docs:
        err(f'{where}: unknown file {f}'); return
    part = e.get('part')
    if not isinstance(part, int) or not (0 <= part < len(docs[f])):
        err(f'{where}: part {part} out of range for {f} (0..{len(docs[f])-1})'); return
    cl = docs[f][part].get(e.get('clauseId'))
    if cl is None:
        err(f'{where}: clauseId {e.get("clauseId")} not in {f} part {part}'); return
    if not cl['text'].strip():
        err(f'{where}: clause {f}#{part}/{e["clauseId"]} has empty text (name a clause that states the award)')
    for k in ('min', 'max'):
        if not num_or_null(e.get(k)): err(f'{where}: {k} is not a number/null: {e.get(k)!r}')
    if isinstance(e.get('min'), (int, float)) and isinstance(e.get('max'), (int, float)) and e['min'] > e['max']:
        err(f'{where}: min > max')
    if kind == 'almost' and not e.get('missing'):
        err(f'{where}: almost entry without "missing"')
    for a in e.get('alt', []):
        if a.get('file') not in docs or not (0 <= a.get('part', -1) < len(docs[a['file']])) \
                or a.get('clauseId') not in docs[a['file']][a['part']]:
            err(f'{where}: bad alt {a}')

n_m = n_a = 0
seen = set()
by_file = {}
for ln, line in enumerate(open(os.path.join(HERE, 'gold.jsonl')), 1):
    if not line.strip():
        continue
    try:
        g = json.loads(line)
    except Exception as e:
        err(f'gold.jsonl line {ln}: does not parse: {e}'); continue
    pid = g.get('profile')
    if pid not in profiles: err(f'line {ln}: profile {pid} has no profiles/{pid}.json')
    if pid in seen: err(f'line {ln}: duplicate profile {pid}')
    seen.add(pid)
    try: datetime.date.fromisoformat(g.get('asOf', ''))
    except Exception: err(f'{pid}: asOf not ISO date')
    if not g.get('note'): err(f'{pid}: missing note')
    keys = set()
    for kind in ('matches', 'almost'):
        for i, e in enumerate(g.get(kind, [])):
            check_ref(pid, kind, i, e)
            key = (e.get('file'), e.get('part'), e.get('clauseId'))
            if key in keys: err(f'{pid}: clause {key} listed twice')
            keys.add(key)
            if kind == 'matches':
                by_file[e.get('file')] = by_file.get(e.get('file'), 0) + 1
        if kind == 'matches': n_m += len(g.get(kind, []))
        else: n_a += len(g.get(kind, []))
for pid in profiles:
    if pid not in seen: err(f'profile {pid} has no gold line')

print(f'profiles: {len(profiles)}  gold lines: {len(seen)}  matches: {n_m}  almost: {n_a}')
for f, n in sorted(by_file.items()):
    print(f'  matches in {f}: {n}')
print(f'  profiles with no match: {sum(1 for l in open(os.path.join(HERE, "gold.jsonl")) if l.strip() and not json.loads(l)["matches"])}')
if errors:
    print(f'{len(errors)} ERROR(S):')
    for e in errors: print('  ' + e)
    sys.exit(1)
print('OK')
