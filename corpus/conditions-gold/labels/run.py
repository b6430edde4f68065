import glob,sys
from lab import *
for f in sorted(glob.glob('b*.py')):
    exec(open(f).read())
OUT.sort(key=lambda r:r['_i'])
ids=[r['_i'] for r in OUT]; assert len(ids)==len(set(ids)),'dup'
save('/work/main/corpus/conditions-gold/gold.jsonl')
