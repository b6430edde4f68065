import json,sys
L=[json.loads(l) for l in open('/work/main/corpus/conditions-gold/units.jsonl')]
a,b=int(sys.argv[1]),int(sys.argv[2])
for i in range(a,min(b,len(L))):
    u=L[i]
    print(f"#### [{i}] {u['id']} | {u['chapter']} | {u['heading']} | {u['origin']}")
    print(u['text'])
