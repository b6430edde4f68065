using System.Net;
using System.Text;

namespace PolicyIngest.CorpusBuilder;

/// <summary>A government-style article page (navigation, breadcrumb, share bar, attachments, related links, footer) in GBK.</summary>
public static class HtmlPageWriter
{
    public static void Write(string path, SourceText source, string declaredCharset, Encoding encoding)
    {
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset={declaredCharset}" />
            <title>{e(source.Title)}_政策文件_北京市怀柔区人民政府网站</title>
            <link rel="stylesheet" href="/images/common.css" />
            <script type="text/javascript">var _hmt = _hmt || []; /* 统计代码 */</script>
            </head>
            <body>
            <div class="top"><div class="w1200"><span>欢迎访问北京市怀柔区人民政府网站</span><a href="/wza/">无障碍浏览</a> <a href="/english/">English</a></div></div>
            <div class="header"><img src="/images/logo.png" alt="北京市怀柔区人民政府" />
            <div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字" /><button>搜索</button></form></div></div>
            <div class="nav"><ul>
            <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
            <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjhr/">走进怀柔</a></li><li><a href="/ztzl/">专题专栏</a></li>
            </ul></div>
            <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
            <div class="main w1200">
            <div class="article">
            <h1 class="title">{e(source.Title)}</h1>
            <div class="info"><span>发布时间：2025-07-10</span><span>来源：区经济和信息化局</span><span>字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>
            <div class="share bdsharebuttonbox">分享到：<a class="bds_weixin" title="分享到微信">微信</a><a class="bds_tsina" title="分享到新浪微博">微博</a><a class="bds_qzone">QQ空间</a></div>
            <div class="TRS_Editor" id="zoom">

            """);
        foreach (var p in source.Paragraphs.Skip(1))
        {
            var centred = p.Length < 40 && (p.StartsWith("第") && p.Contains('章') || p.EndsWith("号"));
            html.Append(centred ? $"<p style=\"text-align:center\">{e(p)}</p>\n" : $"<p style=\"text-indent:2em\">{e(p)}</p>\n");
        }
        html.Append($"""
            </div>
            <div class="fujian"><p>附件下载：</p><ul>
            <li><a href="/attach/0/{Uri.EscapeDataString("扶持办法")}.pdf" target="_blank">怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法.pdf</a></li>
            <li><a href="../../attach/0/shishizhinan.docx">实施指南.docx</a></li>
            <li><a href="https://www.bjhr.gov.cn/attach/0/shenbaobiao.doc">申报表.doc</a></li>
            </ul></div>
            <div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
            </div>
            <div class="related"><h3>相关文件</h3><ul>
            <li><a href="/zwgk/zcjd/202507/t20250711_1.html">《怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法》政策解读</a></li>
            <li><a href="/zwgk/zcwj/202406/t20240601_2.html">怀柔区促进区域经济高质量发展指导意见</a></li>
            </ul></div>
            </div>
            <div class="footer"><p>主办单位：北京市怀柔区人民政府办公室　承办单位：北京市怀柔区政务服务和数据管理局</p>
            <p>地址：北京市怀柔区府前街9号　邮编：101400　京ICP备05060935号　京公网安备11011602000005号　网站标识码：1101160001</p></div>
            </body>
            </html>

            """);
        File.WriteAllBytes(path, encoding.GetBytes(html.ToString()));
    }
}
