#!/usr/bin/env python3
"""Throw-away cutter: input structural readings -> clause units (no labels).

Unit rules (models/README.md "all 条-level units and outline equivalents"):
- law/regulation style documents: one unit per 第X条, its paragraphs and items joined in order;
- outline documents: one unit per numbered item (（一） level) with everything under it joined; a section
  that has no numbered items is one unit; paragraphs of a section standing outside its items are units of
  their own; a few per-document overrides (below) split header-only items into their titled 1. measures;
- Q&A pages: one unit per answer, the question as heading;
- wrapper notice lines (notice title, 文号, addressee, 现予印发 sentence, signature, date) are paragraph units;
  the policy's own repeated title, exact duplicate lines, 公开方式 lines, 目录 lines and attachments are left out.
Text is the input's clause text; joined children keep their own label (（一）, 1.) in front, lines joined by \n.
"""
import json, glob, os

IN = '/work/labelling/real-classify/inputs'
OUT = '/work/labelling/real-classify/units.jsonl'

# doc number -> config
#   mode: articles | outline | qa
#   wrapper: top-level paragraph ids kept as units (in document order)
#   split: ids of header items whose children become the units
#   alone: ids that become units of their own even though inside another unit
#   skip: id prefixes left out entirely
DOCS = {
    '16': dict(mode='articles', wrapper=['p1', 'p2', 'p4', 'p5', 'p6', 'p7']),
    '26': dict(mode='articles', wrapper=['p1', 'p2', 'p4', 'p5', 'p6', 'p7']),
    '29': dict(mode='articles', wrapper=['p1', 'p2', 'p3', 'p4', 'p5', 'p6']),
    '31': dict(mode='articles', wrapper=['p1', 'p2', 'p4', 'p5', 'p6', 'p7']),
    '32': dict(mode='articles', wrapper=['p2', 'p3', 'p4', 'p5', 'p6']),
    '51': dict(mode='articles', wrapper=[]),
    '27': dict(mode='outline', wrapper=['p2']),
    '60': dict(mode='outline', wrapper=['p1', 'p2', 'p3', 'p4', 'p5', 'p7'],
               alone=['i4/n17/p1', 'i6/p2', 'i6/p3', 'i6/p4', 'i6/p5', 'i6/p6', 'i6/p7']),
    '12': dict(mode='outline', wrapper=['p1', 'p2', 'p3', 'p4'], split=['s1/i1'], alone=['s1/i1/n6/p1']),
    '07': dict(mode='outline', wrapper=['p1', 'p2', 'p3', 'p4', 'p5', 'p7', 'p8', 'p9', 'p11'],
               split=['s2/i1', 's2/i2', 's2/i3', 's2/i4'], skip=['s3/i3/']),
    '62': dict(mode='outline', wrapper=['p2'], skip=['s11/i5/p2', 's11/i5/p3']),
    '15': dict(mode='qa', wrapper=[]),
    '17': dict(mode='qa', wrapper=[], skip=['s16/n3/p1']),
}


def parent(cid):
    return cid.rsplit('/', 1)[0] if '/' in cid else None


def under(cid, root):
    return cid == root or cid.startswith(root + '/')


def lab(c):
    return c['label'] if c['kind'] in ('item', 'subitem') and c['label'] else ''


def join(clauses, root_id, alone, skip):
    lines = []
    for c in clauses:
        if not under(c['id'], root_id) or skipped(c['id'], skip):
            continue
        if any(under(c['id'], a) and a != root_id for a in alone):
            continue
        if not c['text']:
            if c['id'] != root_id and c['kind'] in ('item', 'subitem') and c['heading']:
                lines.append(lab(c) + c['heading'])
            continue
        lines.append((lab(c) if c['id'] != root_id else '') + c['text'])
    return '\n'.join(lines)


def skipped(cid, skip):
    return any(cid == s or cid.startswith(s) for s in skip)


def cut(num, cfg):
    fn = glob.glob(f'{IN}/{num}_*.json')[0]
    d = json.load(open(fn))
    cl = d['clauses']
    byid = {c['id']: c for c in cl}
    alone = cfg.get('alone', [])
    skip = cfg.get('skip', [])
    split = cfg.get('split', [])
    wrapper = set(cfg.get('wrapper', []))
    units = []  # (root_id, kind, label, chapter, heading)

    def chapter_of(c):
        # nearest chapter/section heading above the unit (or the header item for split items)
        p = parent(c['id'])
        while p:
            pc = byid.get(p)
            if pc and (pc['kind'] in ('chapter', 'section') or p in split):
                if d.get('docType') == 'law' or cfg['mode'] == 'articles':
                    # law: the chapter (not the 节)
                    if pc['kind'] == 'section' and pc['label'].startswith('第') and pc['label'].endswith('节'):
                        p = parent(p)
                        continue
                return pc['heading'] or pc['text'] or None
            p = parent(p)
        return None

    for c in cl:
        cid = c['id']
        if skipped(cid, skip):
            continue
        if '/' not in cid and c['kind'] == 'paragraph':
            if cid in wrapper:
                units.append((cid, 'paragraph', '', None, None))
            continue
        if cid in alone:
            units.append((cid, 'paragraph', '', chapter_of(c), None))
            continue
        if cfg['mode'] == 'articles':
            if c['kind'] == 'article':
                units.append((cid, 'article', c['label'], chapter_of(c), c['heading']))
            continue
        if cfg['mode'] == 'qa':
            if c['kind'] == 'section':
                q = c['heading'] or c['text']
                units.append((cid, 'paragraph', c['label'], None, q))
            continue
        # outline
        if any(under(cid, u[0]) for u in units if u[0] not in alone):
            continue
        if cid in split:
            continue
        if c['kind'] == 'section':
            has_items = any(x['id'].startswith(cid + '/') and x['kind'] in ('item', 'subitem') for x in cl)
            if not has_items:
                units.append((cid, 'paragraph', c['label'], None, c['heading']))
            continue
        if c['kind'] in ('item', 'subitem'):
            units.append((cid, 'item', c['label'], chapter_of(c), c['heading']))
            continue
        if c['kind'] == 'paragraph':
            units.append((cid, 'paragraph', '', chapter_of(c), None))

    out = []
    n = len(units)
    src = 'data/real/' + os.path.basename(d['source'])
    for i, (rid, kind, label, chap, head) in enumerate(units):
        if cfg['mode'] == 'qa':
            # the answer: everything under the section except the section's own text when it is the question
            text = '\n'.join((lab(x) + x['text']) for x in cl
                             if x['id'].startswith(rid + '/') and x['text'] and not skipped(x['id'], skip))
        elif byid[rid]['kind'] == 'paragraph' and '/' not in rid:
            text = byid[rid]['text']
        elif rid in alone:
            text = byid[rid]['text']
        else:
            text = join(cl, rid, alone, skip)
        out.append(dict(id=f'R{num}-{i + 1:04d}', source=src, group=f'r{num}', kind=kind, label=label,
                        chapter=chap, heading=head, position=round(i / (n - 1), 3) if n > 1 else 0.0,
                        text=text))
    return out


if __name__ == '__main__':
    allu = []
    for num in sorted(DOCS, key=int):
        u = cut(num, DOCS[num])
        print(num, len(u))
        allu += u
    with open(OUT, 'w') as f:
        for u in allu:
            f.write(json.dumps(u, ensure_ascii=False) + '\n')
    print('total', len(allu))
