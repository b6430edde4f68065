#!/usr/bin/env python3
"""Check tests/search/qrels/qrels.tsv against the shared corpus texts.

Usage: python3 check_qrels.py [qrels.tsv] [--shared /work/shared] [--dump DIR]

Checks: the file parses (query line `ID<TAB>kind<TAB>query`, judgment line `<TAB>grade<TAB>file<TAB>substring`,
`#` comments, blank lines), query IDs are unique, kinds are listed in the header comment, grades are 1..3,
every query has at least one judgment, every judgment's file exists under the shared folder
(`seeds/…` -> seeds/, `revisions/…` or `data/revisions/…` -> data/revisions/, `real/…` -> data/real/), it is not a
FORMAT-ONLY or excluded binary format, and the substring occurs in that file's extracted text once all
whitespace is removed from both (so line breaks and pdftotext spaces do not matter).

Text extraction: .txt as UTF-8; .html by dropping <script>/<style> and tags and unescaping entities; .docx from
word/document.xml (w:t runs joined per w:p) plus, when present, the HTML altChunk word/afchunk.mht
(quoted-printable) that the law DOCX files use for their body.
--dump DIR writes each corpus file's extracted text (one paragraph per line) to DIR for grepping.
"""
import html
import os
import quopri
import re
import sys
import zipfile
from collections import Counter

EXCLUDED_EXT = (".pdf", ".doc", ".wps", ".ofd")

BLOCK_TAGS = r"p|div|br|tr|li|h[1-6]|table|section|article|td|th|dd|dt|ul|ol|blockquote|pre"


def html_to_text(src):
    src = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", "", src)
    src = re.sub(r"(?s)<!--.*?-->", "", src)
    src = re.sub(r"(?i)<\s*/?\s*(%s)\b[^>]*>" % BLOCK_TAGS, "\n", src)
    src = re.sub(r"(?s)<[^>]+>", "", src)
    src = html.unescape(src).replace("\u00a0", " ").replace("\u3000", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in src.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def docx_to_text(path):
    parts = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if "word/document.xml" in names:
            xml = z.read("word/document.xml").decode("utf-8", "replace")
            for para in re.findall(r"(?s)<w:p[ >].*?</w:p>", xml):
                runs = re.findall(r"(?s)<w:t(?:\s[^>]*)?>(.*?)</w:t>", para)
                text = html.unescape("".join(runs)).strip()
                if text:
                    parts.append(text)
        for name in names:
            if name.lower().endswith((".mht", ".mhtml")):
                raw = z.read(name)
                body = raw.split(b"\r\n\r\n", 1)[-1] if b"\r\n\r\n" in raw else raw
                # MIME part: find the quoted-printable html after its part headers
                m = re.search(rb"Content-Transfer-Encoding:\s*quoted-printable.*?\r?\n\r?\n(.*)", raw, re.S | re.I)
                data = quopri.decodestring(m.group(1)) if m else body
                parts.append(html_to_text(data.decode("utf-8", "replace")))
    return "\n".join(parts)


def extract(path):
    low = path.lower()
    if low.endswith(".txt"):
        with open(path, encoding="utf-8") as f:
            return f.read()
    if low.endswith((".html", ".htm")):
        with open(path, encoding="utf-8", errors="replace") as f:
            return html_to_text(f.read())
    if low.endswith(".docx"):
        return docx_to_text(path)
    raise ValueError("not a corpus format: " + path)


def resolve(shared, suffix):
    if suffix.startswith("seeds/"):
        return os.path.join(shared, suffix)
    if suffix.startswith("data/"):
        return os.path.join(shared, suffix)
    if suffix.startswith("revisions/") or suffix.startswith("real/"):
        return os.path.join(shared, "data", suffix)
    return None


def corpus_files(shared):
    out = []
    for sub in ("seeds", "data/revisions", "data/real"):
        d = os.path.join(shared, sub)
        for name in sorted(os.listdir(d)):
            if name == "README.md" or "FORMAT-ONLY" in name or name.lower().endswith(EXCLUDED_EXT):
                continue
            if sub == "seeds" and not name.endswith(".txt"):
                continue
            out.append(os.path.join(d, name))
    return out


def nows(s):
    return re.sub(r"\s+", "", s)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    qrels = os.path.join(here, "qrels.tsv")
    shared = "/work/shared"
    dump = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--shared":
            shared = args.pop(0)
        elif a == "--dump":
            dump = args.pop(0)
        else:
            qrels = a

    if dump:
        os.makedirs(dump, exist_ok=True)
        for p in corpus_files(shared):
            rel = os.path.relpath(p, shared).replace("data/", "", 1).replace("/", "__")
            with open(os.path.join(dump, rel + ".txt"), "w", encoding="utf-8") as f:
                f.write(extract(p))
        print("dumped to", dump)
        return 0

    problems = []
    cache = {}
    kinds_declared = None
    ids = Counter()
    kinds = Counter()
    nquery = njudg = 0
    current = None
    judged = Counter()
    with open(qrels, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.search(r"kinds:\s*(.*)$", line)
            if m and kinds_declared is None:
                kinds_declared = {k.strip() for k in m.group(1).split(",") if k.strip()}
            continue
        cols = line.split("\t")
        if not line.startswith("\t"):
            if len(cols) != 3 or not all(c.strip() for c in cols):
                problems.append("%d: query line needs ID<TAB>kind<TAB>query: %r" % (n, line))
                continue
            qid, kind, query = cols
            if not re.fullmatch(r"Q\d+", qid):
                problems.append("%d: bad query id %r" % (n, qid))
            ids[qid] += 1
            kinds[kind] += 1
            if kinds_declared is not None and kind not in kinds_declared:
                problems.append("%d: kind %r is not listed in the header" % (n, kind))
            if query != query.strip():
                problems.append("%d: query has leading/trailing spaces" % n)
            current = qid
            nquery += 1
            continue
        if len(cols) != 4 or cols[0] != "":
            problems.append("%d: judgment line needs <TAB>grade<TAB>file<TAB>substring: %r" % (n, line))
            continue
        _, grade, suffix, sub = cols
        njudg += 1
        if current is None:
            problems.append("%d: judgment before any query" % n)
        else:
            judged[current] += 1
        if grade not in ("1", "2", "3"):
            problems.append("%d: grade %r not in 1..3" % (n, grade))
        if "FORMAT-ONLY" in suffix or suffix.lower().endswith(EXCLUDED_EXT):
            problems.append("%d: %s is not part of the searchable corpus" % (n, suffix))
            continue
        path = resolve(shared, suffix)
        if path is None or not os.path.isfile(path):
            problems.append("%d: no such file under %s: %s" % (n, shared, suffix))
            continue
        if not sub.strip():
            problems.append("%d: empty substring" % n)
            continue
        if path not in cache:
            cache[path] = nows(extract(path))
        if nows(sub) not in cache[path]:
            problems.append("%d: substring not found in %s: %s" % (n, suffix, sub))
    for qid, c in ids.items():
        if c > 1:
            problems.append("duplicate query id %s (%d times)" % (qid, c))
    for qid in ids:
        if judged[qid] == 0:
            problems.append("query %s has no judgments" % qid)
    nums = sorted(int(q[1:]) for q in ids if re.fullmatch(r"Q\d+", q))
    if nums and nums != list(range(nums[0], nums[0] + len(nums))):
        problems.append("query ids are not consecutive")

    print("%d queries, %d judgments" % (nquery, njudg))
    print("by kind: " + ", ".join("%s %d" % (k, kinds[k]) for k in sorted(kinds)))
    for p in problems:
        print("PROBLEM " + p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
