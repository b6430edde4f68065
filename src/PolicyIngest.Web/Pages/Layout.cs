using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>The page chrome every page shares: header with the search box, navigation, footer. No JavaScript.</summary>
public static class Layout
{
    public static Markup Page(string title, Markup body, string? query = null) => H($"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} · 政策库</title>
        <style>{Raw(Css)}</style>
        </head>
        <body>
        <header class="top">
          <a class="brand" href="/">政策库</a>
          <form class="topsearch" action="/search" method="get" role="search">
            <input type="search" name="q" value="{query ?? ""}" placeholder="检索条款，如 专精特新 贴息" aria-label="检索词">
            <button type="submit">检索</button>
          </form>
          <nav><a href="/search">检索</a><a href="/changes">变更</a><a href="/match">政策匹配</a><a href="/export">导出</a></nav>
        </header>
        <main>
        {body}
        </main>
        <footer>PolicyIngest · 数据来自本地政策目录</footer>
        </body>
        </html>
        """);

    public static Markup StatusBadge(string status) => H($"""<span class="badge st-{status}">{Labels.Status(status)}</span>""");

    public static Markup Chip(string text, string kind = "") => H($"""<span class="chip {kind}">{text}</span>""");

    public static Markup AmountChip(decimal yuan, decimal? yuanHigh, string unit, string role, string? title = null) =>
        H($"""<span class="chip amt role-{role}" title="{title ?? ""}">{Money.Format(yuan, yuanHigh, unit)}<small>{Labels.AmountRole(role)}</small></span>""");

    public static Markup Message(string heading, string text) => H($"""<section class="message"><h1>{heading}</h1><p>{text}</p></section>""");

    private const string Css = """
        :root{--ink:#1f2328;--muted:#5b636e;--line:#d8dee4;--bg:#f6f8fa;--accent:#b3261e;--link:#0b57d0}
        *{box-sizing:border-box}
        body{margin:0;color:var(--ink);background:#fff;font:16px/1.7 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;overflow-wrap:anywhere}
        a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
        header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1rem;background:var(--accent);color:#fff}
        header.top a{color:#fff}.brand{font-weight:700;font-size:1.25rem;letter-spacing:.1em}
        .topsearch{display:flex;flex:1 1 16rem;max-width:36rem;gap:.3rem}
        .topsearch input{flex:1;min-width:0;padding:.35rem .6rem;border:0;border-radius:4px;font:inherit}
        main .topsearch input{border:1px solid var(--line)}main .topsearch{margin:.5rem 0}
        button,.button{padding:.35rem .9rem;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--ink);font:inherit;cursor:pointer;white-space:nowrap}
        header.top nav{display:flex;gap:1rem}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        footer{max-width:72rem;margin:2rem auto 1rem;padding:0 1rem;color:var(--muted);font-size:.85rem}
        h1{font-size:1.5rem;line-height:1.4;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
        h3{font-size:1.05rem;margin:1rem 0 .3rem}
        .muted{color:var(--muted)}.small{font-size:.85rem}
        .badge{display:inline-block;padding:0 .5rem;border-radius:3px;font-size:.85rem;white-space:nowrap;border:1px solid}
        .st-in_force{color:#1a7f37;border-color:#1a7f37;background:#dafbe1}.st-repealed{color:#a40e26;border-color:#a40e26;background:#ffebe9}
        .st-expired{color:#6e7781;border-color:#6e7781;background:#f0f0f0}.st-amended{color:#9a6700;border-color:#9a6700;background:#fff8c5}
        .st-not_yet_effective{color:#0550ae;border-color:#0550ae;background:#ddf4ff}
        .chip{display:inline-flex;align-items:baseline;gap:.25rem;margin:.1rem .2rem .1rem 0;padding:0 .45rem;border-radius:1rem;background:var(--bg);border:1px solid var(--line);font-size:.85rem;white-space:nowrap}
        .chip.amt{background:#fff4e5;border-color:#f0b35b}.chip.review{background:#fdecea;border-color:#e57373}.chip small{color:var(--muted)}
        .status{margin:.5rem 0 1rem;padding:.5rem .75rem;background:var(--bg);border-left:4px solid var(--line)}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
        dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
        @media (max-width:40rem){dl.meta{grid-template-columns:1fr}dl.meta dd{margin-bottom:.4rem}}
        .tablewrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:var(--bg);white-space:nowrap}td.num{text-align:right;white-space:nowrap}
        .clause{margin:.3rem 0;padding:.2rem 0 .2rem .6rem;border-left:2px solid transparent}
        .clause:target{border-left-color:var(--accent);background:#fff8f0}
        .clause .label{font-weight:700;margin-right:.4rem}.clause.k-article>.head,.clause.k-item>.head,.clause.k-subitem>.head{display:inline}
        .clause.k-article>.text,.clause.k-item>.text,.clause.k-subitem>.text{display:inline}.clause .tags{margin-top:.1rem}.clause .heading{font-weight:700}
        .clause.k-chapter>.head,.clause.k-section>.head{font-size:1.1rem;margin-top:.8rem}
        .d1{margin-left:1.2rem}.d2{margin-left:2.4rem}.d3{margin-left:3.6rem}.d4{margin-left:4.8rem}
        @media (max-width:40rem){.d1,.d2,.d3,.d4{margin-left:.6rem}}
        .timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}
        .timeline li{position:relative;margin:0 0 .8rem;padding-left:1rem}
        .timeline li::before{content:"";position:absolute;left:-.42rem;top:.55rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--line)}
        .timeline li.current::before{background:var(--accent)}
        .hits{list-style:none;padding:0;margin:0}.hit{padding:.7rem 0;border-bottom:1px solid var(--line)}
        .hit .title{font-size:1.05rem;font-weight:700}.hit p{margin:.2rem 0}
        mark{background:#ffe58f;color:inherit;padding:0 .05em}
        .layout{display:grid;grid-template-columns:15rem 1fr;gap:1.5rem}
        @media (max-width:48rem){.layout{grid-template-columns:1fr}}
        .filters label{display:block;margin:.4rem 0 .1rem;color:var(--muted);font-size:.85rem}
        .filters input,.filters select{width:100%;padding:.3rem;font:inherit;border:1px solid var(--line);border-radius:4px}
        .facet ul{list-style:none;padding:0;margin:.2rem 0 .6rem}.facet li{display:flex;justify-content:space-between;gap:.5rem;font-size:.9rem}
        .pager{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;align-items:center}
        details{margin:.5rem 0}summary{cursor:pointer;font-weight:700}
        .message{padding:2rem 0}
        .diff td{width:50%}.diff td div{white-space:pre-line}.badge.chg{color:var(--muted);border-color:var(--line)}.badge.partial{color:var(--muted);border-color:var(--line);border-style:dashed}.diff del{background:#ffd7d5;text-decoration:line-through}.diff ins{background:#ccffd8;text-decoration:none}
        .ch-added{background:#f0fff4}.ch-removed{background:#fff5f5}
        @media (max-width:40rem){.diff thead{display:none}.diff td{display:block;width:100%}.diff td:first-child{border-bottom:0;background:#fafafa}
          .diff td:first-child::before{content:"旧版本";font-size:.8rem;color:var(--muted)}.diff td:last-child::before{content:"新版本";font-size:.8rem;color:var(--muted)}}
        .consolidated h2.ch{text-align:center;border:0;margin:1.2rem 0 .4rem}.consolidated h2.part{margin-top:2rem}
        .consolidated p.c{margin:.3rem 0}.consolidated p.k-article,.consolidated p.k-paragraph{text-indent:2em}.consolidated p.k-item,.consolidated p.k-subitem{padding-left:2em}.consolidated .about p{margin:.1rem 0}
        .note{margin:.1rem 0 .9rem 1.2rem;padding:.15rem .6rem;border-left:3px solid #b08800;background:#fdf6e3;color:#6b5200;font-size:.9rem}
        .consolidated .old{margin:0 0 .8rem 1.2rem}
        @page{size:A4;margin:18mm 16mm}
        @media print{header.top,footer,.pager,.filters,.noprint{display:none}main{max-width:none;padding:0}body{font-size:11pt}
          .note{background:none;break-before:avoid}.consolidated h2{break-after:avoid}}
        """;
}
