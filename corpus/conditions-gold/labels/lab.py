import json,re,sys
from decimal import Decimal
L=[json.loads(l) for l in open('/work/main/corpus/conditions-gold/units.jsonl')]
IDX={u['id']:u for u in L}
MUL={'元':1,'万元':10**4,'亿元':10**8,'千元':1000,'万':10**4,'亿':10**8}
def num(v,unit):
    if unit in MUL:
        d=Decimal(v)*MUL[unit]
        return format(d.quantize(Decimal(1)) if d==d.to_integral() else d.normalize(),'f')
    if unit=='%': 
        d=Decimal(v)/100; s=format(d.normalize(),'f'); return s
    return v
def R(text,place,aspect='any',**k):
    d={'type':'region','text':text,'place':place}
    if isinstance(aspect,list): d['aspect']='any'; d['aspects']=aspect
    else: d['aspect']=aspect
    d.update(k); return d
def I(text,sectors,**k): d={'type':'industry','text':text,'sectors':sectors}; d.update(k); return d
def T(text,title,**k): d={'type':'title','text':text,'title':title}; d.update(k); return d
def N(text,title,**k): d={'type':'newTitle','text':text,'title':title}; d.update(k); return d
OPS={'>=','>','<=','<','=='}
def H(text,metric,op,value,unit,**k):
    assert op in OPS
    d={'type':'threshold','text':text,'metric':metric,'op':op,'value':value,'unit':unit,'normalized':num(value,unit)}
    d.update(k); return d
def W(text,frm=None,to=None,rel=None,**k): d={'type':'timeWindow','text':text,'from':frm,'to':to,'relative':rel}; d.update(k); return d
def X(text,rule,**k):
    assert rule in ('notIncluded','noDoubleSupport','highestOnly','disqualifier')
    d={'type':'exclusion','text':text,'rule':rule}; d.update(k); return d
def O(text,**k): d={'type':'other','text':text}; d.update(k); return d
def y(v,unit='万元'):
    return num(v,unit) if v is not None else None
def A(kind,text,min=None,max=None,rate=None,base=None,tiers=None,unit='万元'):
    return {'kind':kind,'text':text,'min':y(min,unit) if min is not None else None,'max':y(max,unit) if max is not None else None,
            'rate':rate,'base':base,'tiers':tiers}
def cap(text,mx,unit='万元'): return A('cap',text,max=mx,unit=unit)
def fixed(text,v,unit='万元'): return A('fixed',text,min=v,max=v,unit=unit)
def rate(text,r,base,mx=None,unit='万元'): return A('rate',text,rate=r,base=base,max=mx,unit=unit)
def tiers(text,ts,min=None,max=None,unit='万元',kind='tiers'): return A(kind,text,min=min,max=max,tiers=[{'condition':c,'amount':a} for c,a in ts],unit=unit)
def mixed(text,ts,min=None,max=None,unit='万元'): return tiers(text,ts,min,max,unit,kind='mixed')
OUT=[]
def U(i, conds=(), amount=None, note=''):
    uid=L[i]['id']
    OUT.append({'id':uid,'conditions':list(conds),'amount':amount,'note':note,'_i':i})
def check():
    bad=0
    for r in OUT:
        t=IDX[r['id']]['text']
        for c in r['conditions']:
            if c['text'] not in t: print('MISMATCH',r['_i'],r['id'],repr(c['text'])); bad+=1
        if r['amount'] and r['amount']['text'] not in t: print('AMT MISMATCH',r['_i'],r['id'],repr(r['amount']['text'])); bad+=1
    return bad
def save(path):
    if check(): sys.exit('fix mismatches')
    with open(path,'w') as f:
        for r in OUT:
            r=dict(r); r.pop('_i'); f.write(json.dumps(r,ensure_ascii=False)+'\n')
    print('saved',len(OUT),path)
