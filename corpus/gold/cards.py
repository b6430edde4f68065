import re,json,sys,os
raw=[l.strip() for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..','shared','seeds','002_cca9f5f056f4d656.txt'),encoding='utf-8')]
lines=[l for l in raw if l and not re.fullmatch(r'\d{1,3}|[IVX]+',l)]
FN=['依据文件','发文机构','发文字号','发布日期','发文时间','工具分类','服务对象','服务内容','条件要求','服务流程','办理流程','时间/频度','联络方式']
m=[]
i=0
while i<len(lines):
    if i+1<len(lines) and lines[i]+lines[i+1] in FN: m.append(lines[i]+lines[i+1]); i+=2
    else: m.append(lines[i]); i+=1
lines=m
anch=[i for i,l in enumerate(lines) if l.startswith('依据文件')]
print(len(anch))
FIELDS=['依据文件','发文机构','发文字号','发布日期','发文时间','工具分类','服务对象','服务内容','条件要求','服务流程','办理流程','时间/频度','联络方式']
out=[]
for k,a in enumerate(anch):
    h=a-1
    while not re.match(r'^\d{1,3}\s*[.．]\s*[^\d\s]',lines[h]) or h==a: h-=1
    head=lines[h:a]
    end=anch[k+1] if k+1<len(anch) else len(lines)
    f={}
    cur=None
    for l in lines[a:end]:
        m=re.match(r'^('+'|'.join(re.escape(x) for x in FIELDS)+r')(\s+|$)(.*)$',l)
        if m:
            cur=m.group(1); f[cur]=m.group(3).strip()
            m2=re.search(r'\s(服务对象)\s*(.*)$',f[cur])
            if m2 and cur=='工具分类':
                f[cur]=f[cur][:m2.start()].strip(); cur='服务对象'; f[cur]=m2.group(2).strip()
        elif cur in ('依据文件','服务对象','发文机构') and not re.match(r'^(\d|（)',l):
            f[cur]+=l
    out.append(dict(k=k,head=head,f={x:f.get(x) for x in ['发文机构','发文字号','发布日期','发文时间','工具分类','服务对象']}))
json.dump(out,open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'cards.json'),'w'),ensure_ascii=False,indent=0)
for o in out:
    if o['k']<25 or o['k']%5==0: print(o['k'],' || '.join(o['head']),'#',o['f'])
