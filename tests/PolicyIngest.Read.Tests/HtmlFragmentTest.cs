using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Tests;

/// <summary>Real HTML fragments (no &lt;html&gt;/&lt;head&gt;): read as HTML, so no raw tag reaches a block or the title.</summary>
public class HtmlFragmentTest
{
    public static TheoryData<string, string> Fragments => new()
    {
        // why: <p align> first, "@@" paragraph markers, javascript: links, two fee tables
        { "59_zhejiang-chengshi-daolu-zhandao-wajue-shoufei-2007.html", "浙江省物价局、省财政厅关于城市道路占道、挖掘收费有关问题的通知" },
        // why: <div style> first; `file` calls it Unicode text
        { "60_ningbo-shangmao-liutong-pingjia-jiangli-2007.html", "完成目标得基本分" },
        // why: body only, <p> with indentation whitespace
        { "61_zizhiqu-renshe-xingzheng-chufa-cailiang-guize-2014.html", "第一条为规范行政执法行为" },
        // why: TRS editor div with <strong><span> title
        { "62_shisiwu-lenglian-wuliu-fazhan-guihua-2021.html", "“十四五”冷链物流发展规划" },
        // why: every number in its own <span>
        { "63_chongqing-putong-gaoxiao-zhaosheng-banfa-2020.html", "为认真做好我市2020年普通高等学校招生工作" },
        // why: 2.9 MB on one line, the 文号 split over five spans
        { "64_chongqing-jiaotong-xingzheng-chufa-cailiang-jizhun-2024.html", "渝交规〔2024〕2号" },
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public void Fragment_IsReadAsHtmlWithoutRawTags(string file, string expected)
    {
        var text = RealFiles.Read(file);
        Assert.Equal(SourceFormat.Html, text.Format);
        Assert.Contains(text.Blocks, b => b.Text.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(text.Blocks, b => b.Text.Contains("<p", StringComparison.OrdinalIgnoreCase)
                                                || b.Text.Contains("<div", StringComparison.OrdinalIgnoreCase)
                                                || b.Text.Contains("<span", StringComparison.OrdinalIgnoreCase)
                                                || b.Text.Contains("</", StringComparison.Ordinal));
        Assert.False(text.TitleHint?.Contains('<') ?? false);
    }
}
