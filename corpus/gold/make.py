import re,json,os
HERE=os.path.dirname(os.path.abspath(__file__))
SH=os.path.join(HERE,'..','..','..','shared')+'/'
OUT=HERE+'/'
os.makedirs(OUT,exist_ok=True)
CN='〇一二三四五六七八九'
def cn(n):
    if n<10: return CN[n]
    if n<20: return '十'+(CN[n%10] if n%10 else '')
    if n<100: return CN[n//10]+'十'+(CN[n%10] if n%10 else '')
    h=CN[n//100]+'百'; r=n%100
    if r==0: return h
    if r<10: return h+'零'+CN[r]
    return h+CN[r//10]+'十'+(CN[r%10] if r%10 else '')
def val(s):
    m={c:i for i,c in enumerate(CN)}; m['零']=0
    if s.isdigit(): return int(s)
    t=0;cur=0
    for c in s:
        if c in m: cur=m[c]
        elif c=='十': t+= (cur or 1)*10; cur=0
        elif c=='百': t+= cur*100; cur=0
    return t+cur
def raw(f): return [l.strip().strip('\u3000') for l in open(SH+f,encoding='utf-8') if l.strip()]
def articles(lines):
    out=[]
    for l in lines:
        m=re.match(r'^第([一二三四五六七八九十百零〇]+)条(?=[\s\u3000])',l)
        if m: out.append('第'+m.group(1)+'条')
    nums=[val(a[1:-1]) for a in out]
    assert nums==list(range(1,len(nums)+1)), (nums[:5], [ (i,n) for i,n in enumerate(nums) if n!=i+1][:3])
    assert all(cn(n)==a[1:-1] for n,a in zip(nums,out))
    return out
def outline(lines):
    out=[];stack=[]
    pats=[(1,r'^([一二三四五六七八九十]+)、'),(2,r'^（([一二三四五六七八九十]+)）'),(3,r'^(\d+)[.．]'),(4,r'^（(\d+)）')]
    for l in lines:
        for lv,p in pats:
            m=re.match(p,l)
            if m:
                lab={1:m.group(1),2:'（'+m.group(1)+'）' if lv==2 else None,3:m.group(1)+'.',4:'（'+m.group(1)+'）'}[lv]
                stack=[x for x in stack if x[0]<lv]+[(lv,lab)]
                out.append('/'.join(x[1] for x in stack)); break
    return out
def dump(name,obj):
    json.dump(obj,open(OUT+name+'.structure.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)

# ---- seed 000 (metadata typed by hand from reading the text)
L=raw('seeds/000_cf5a06cb7cce2435.txt')
ai=L.index('附件'); ri=L.index('相关解读')
X='怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法'
dump('000_cf5a06cb7cce2435',{
 "from":"seeds/000_cf5a06cb7cce2435.txt",
 "title":X,
 "noticeTitle":"北京市怀柔区经济和信息化局关于印发《"+X+"》的通知",
 "docNumber":"怀经信发〔2025〕35号","issuer":"北京市怀柔区经济和信息化局","region":"北京市怀柔区",
 "issuedOn":"2025-07-10","effectiveFrom":"2025-07-10","expiresOn":None,"docType":"policy","interprets":None,
 "repeals":[],"references":[{"title":"怀柔区促进区域经济高质量发展指导意见","docNumber":"怀政发〔2024〕16号"}],
 "labels":articles(L[:ai]),
 "parts":[{"title":X+"实施指南","docNumber":None,"issuer":"北京市怀柔区经济和信息化局","region":"北京市怀柔区",
   "issuedOn":"2025-07-10","effectiveFrom":"2025-07-10","expiresOn":None,"docType":"policy",
   "references":[{"title":"怀柔区促进区域经济高质量发展指导意见","docNumber":"怀政发〔2024〕16号"},{"title":X,"docNumber":None}],
   "labels":outline(L[ai:ri])}]})
# ---- seed 001: the interpretation states no title of its own: title is not scored
L=raw('seeds/001_b6577d9982b2cb39.txt')
dump('001_b6577d9982b2cb39',{"from":"seeds/001_b6577d9982b2cb39.txt","docNumber":None,"issuer":None,"region":"北京市怀柔区",
 "issuedOn":None,"effectiveFrom":None,"expiresOn":None,"docType":"interpretation","interprets":X,"repeals":[],
 "references":[{"title":"怀柔区促进区域经济高质量发展指导意见","docNumber":"怀政发〔2024〕16号"}],"labels":outline(L)})

# ---- revisions: metadata typed by hand, article labels listed by the regex above (checked 1..N)
R={
'03_liuhe-lvyou-fazhan-ruogan-yijian_2019':dict(title="",docNumber=None,issuer=None,region=None,issuedOn=None,effectiveFrom="2019-01-01",expiresOn="2021-12-31",docType="policy",repeals=[],references=[{"title":"国务院办公厅关于促进全域旅游发展的指导意见","docNumber":"国办发〔2018〕15号"}]),
'06_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2020':dict(title="保障中小企业款项支付条例",docNumber=None,issuer=None,region=None,issuedOn=None,effectiveFrom="2020-09-01",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国中小企业促进法","docNumber":None}]),
'07_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2025':dict(title="保障中小企业款项支付条例",docNumber="中华人民共和国国务院令第802号",issuer="国务院",region="全国",issuedOn="2025-03-17",effectiveFrom="2025-06-01",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国中小企业促进法","docNumber":None}]),
'08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018':dict(title="国务院关于经营者集中申报标准的规定",docNumber="国务院令第529号",issuer="国务院",region="全国",issuedOn="2008-08-03",effectiveFrom="2008-08-03",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国反垄断法","docNumber":None}]),
'09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024':dict(title="国务院关于经营者集中申报标准的规定",docNumber="中华人民共和国国务院令第773号",issuer="国务院",region="全国",issuedOn="2024-01-22",effectiveFrom="2024-01-22",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国反垄断法","docNumber":None}]),
'12_pair-E_shanghai-kexue-jishu-jinbu-tiaoli_2010':dict(title="上海市科学技术进步条例",docNumber=None,issuer=None,region="上海市",issuedOn=None,effectiveFrom="2010-11-01",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国科学技术进步法","docNumber":None}]),
'13_pair-E_shanghai-kexue-jishu-jinbu-tiaoli_2024':dict(title="上海市科学技术进步条例",docNumber=None,issuer="上海市人民代表大会常务委员会",region="上海市",issuedOn="2024-05-10",effectiveFrom="2024-06-01",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国科学技术进步法","docNumber":None}]),
'14_pair-F_shanghai-nongye-keji-jinbu-ruogan-guiding_2007':dict(title="上海市促进农业科技进步若干规定",docNumber=None,issuer=None,region="上海市",issuedOn=None,effectiveFrom="2007-12-01",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国农业法","docNumber":None},{"title":"中华人民共和国科学技术进步法","docNumber":None},{"title":"中华人民共和国促进科技成果转化法","docNumber":None}]),
'15_pair-F_shanghai-nongye-keji-jinbu-ruogan-guiding_2024':dict(title="上海市促进农业科技进步若干规定",docNumber=None,issuer="上海市人民代表大会常务委员会",region="上海市",issuedOn="2024-11-28",effectiveFrom="2025-01-01",expiresOn=None,docType="law",repeals=[],references=[{"title":"中华人民共和国农业法","docNumber":None},{"title":"中华人民共和国科学技术进步法","docNumber":None},{"title":"中华人民共和国促进科技成果转化法","docNumber":None}]),
'16_pair-G_fanlongduan-fa_2007':dict(title="中华人民共和国反垄断法",docNumber=None,issuer="全国人民代表大会常务委员会",region="全国",issuedOn="2007-08-30",effectiveFrom="2008-08-01",expiresOn=None,docType="law",repeals=[],references=[]),
'17_pair-G_fanlongduan-fa_2022':dict(title="中华人民共和国反垄断法",docNumber=None,issuer="全国人民代表大会常务委员会",region="全国",issuedOn="2022-06-24",effectiveFrom="2008-08-01",expiresOn=None,docType="law",repeals=[],references=[]),
'18_shanghai-lingang-shuangte-ruogan-yijian_2016':dict(title="上海市人民政府关于深化完善“双特”政策支持临港地区新一轮发展的若干意见",docNumber=None,issuer="上海市人民政府",region="上海市",issuedOn=None,effectiveFrom=None,expiresOn="2018-12-31",docType="policy",repeals=[],references=[]),
'19_xinyu-lvse-jianzhu-guanli-banfa_2012':dict(title="新余市绿色建筑管理办法",noticeTitle="新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知",docNumber="余府发〔2012〕3号",issuer="新余市人民政府办公室",region="新余市",issuedOn="2012-01-09",effectiveFrom="2012-02-01",expiresOn="2017-01-31",docType="policy",repeals=[],references=[{"title":"中华人民共和国节约能源法","docNumber":None},{"title":"公共机构节能条例","docNumber":None},{"title":"民用建筑节能条例","docNumber":None}]),
'23_pair-I_kuaiji-fa_2017':dict(title="中华人民共和国会计法",docNumber=None,issuer="全国人民代表大会常务委员会",region="全国",issuedOn="2017-11-04",effectiveFrom="2000-07-01",expiresOn=None,docType="law",repeals=[],references=[]),
'24_pair-I_kuaiji-fa_2024':dict(title="中华人民共和国会计法",docNumber=None,issuer="全国人民代表大会常务委员会",region="全国",issuedOn="2024-06-28",effectiveFrom="2000-07-01",expiresOn=None,docType="law",repeals=[],references=[]),
'25_pair-J_gongsi-fa_2018':dict(title="中华人民共和国公司法",docNumber=None,issuer="全国人民代表大会常务委员会",region="全国",issuedOn="2018-10-26",effectiveFrom="2006-01-01",expiresOn=None,docType="law",repeals=[],references=[]),
'26_pair-J_gongsi-fa_2023':dict(title="中华人民共和国公司法",docNumber=None,issuer="全国人民代表大会常务委员会",region="全国",issuedOn="2023-12-29",effectiveFrom="2024-07-01",expiresOn=None,docType="law",repeals=[],references=[]),
}
for stem,meta in R.items():
    L=raw('data/revisions/'+stem+'.txt')[1:]
    labels=outline(L) if stem[:2] in ('03','18') else articles(L)
    dump(stem,dict({"from":"data/revisions/"+stem+".txt"},**meta,labels=labels))
    print(stem,len(labels))

# ---- seed 002: card fields listed by cards.py (run it first) (a separate reading of the raw text), checked by eye;
# titles broken over two lines (cards 21 and 41) re-joined by hand.
C=json.load(open(os.path.join(HERE,'cards.json')))
sel=list(range(25))+list(range(25,145,5))
cards=[]
for k in sel:
    c=C[k]; f=c['f']; h=c['head']
    title=re.sub(r'^\d+\s*[.．]\s*','',h[0])+(h[1] if len(h)>2 else '')
    num=f['发文字号']; num=None if num in (None,'/','') else re.sub(r'\s','',num)
    date=f['发布日期'] or f['发文时间']
    d=re.match(r'(\d{4})-(\d{1,2})-(\d{1,2})',date)
    card={"index":k,"title":title,"docNumber":num,"issuer":f['发文机构'],"issuedOn":f"{d.group(1)}-{int(d.group(2)):02d}-{int(d.group(3)):02d}"}
    fields={}
    if f['工具分类'] is not None: fields['工具分类']=f['工具分类']
    if f['服务对象'] is not None: fields['服务对象']=f['服务对象']
    if k==85: fields['工具分类']='资金支持'  # by hand: the cell breaks 资金 / 支持 over two lines
    if fields: card['fields']=fields
    cards.append(card)
dump('002_cca9f5f056f4d656',{"from":"seeds/002_cca9f5f056f4d656.txt","title":"北京市产业政策导引（市级版）","docType":"compilation","region":"北京市","cardCount":145,"cards":cards})
print('cards',len(cards))
