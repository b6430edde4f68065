using PolicyIngest.Cli.Commands;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Cli.Tests;

/// <summary>`show`'s text view: the whole tree of a long law, a cut list of an attachment said to be cut, a heading never hiding the text.</summary>
public sealed class DocumentPrinterTest
{
    private static Clause Article(int n, string text, string? heading = null) =>
        new() { Id = $"art{n}", Kind = ClauseKind.Article, Label = $"第{n}条", Path = [$"第{n}条"], Text = text, Heading = heading };

    private static PolicyDocument Doc(IReadOnlyList<Clause> clauses, IReadOnlyList<PolicyDocument>? parts = null) => new()
    {
        Source = "law.txt", Sha256 = new string('0', 64), Format = SourceFormat.Txt, DocType = DocType.Law, Title = "某某法",
        Clauses = clauses, Parts = parts ?? [],
    };

    private static string Print(PolicyDocument d)
    {
        var o = new StringWriter();
        DocumentPrinter.Print(o, d);
        return o.ToString();
    }

    [Fact]
    public void MainDocument_PrintsEveryArticle()
    {
        // why: 民法典 (1,260 articles) and 公司法 (266) were cut after 400 lines with nothing saying so
        var text = Print(Doc([.. Enumerable.Range(1, 1260).Select(n => Article(n, $"条文{n}。"))]));
        Assert.Contains("第1260条 条文1260。", text);
        Assert.DoesNotContain("未列出", text);
    }

    [Fact]
    public void Attachment_CutList_SaysHowManyMore()
    {
        var part = Doc([.. Enumerable.Range(1, 55).Select(n => Article(n, $"附件条文{n}。"))]) with { Title = "附件1" };
        var text = Print(Doc([Article(1, "正文。")], [part]));
        Assert.Contains("第40条 附件条文40。", text);
        Assert.DoesNotContain("第41条 附件条文41。", text);
        Assert.Contains("另有 15 条未列出", text);
    }

    [Theory]
    [InlineData("十八周岁以上的自然人为成年人", "十八周岁以上的自然人为成年人。不满十八周岁的自然人为未成年人。", "第1条 十八周岁以上的自然人为成年人。不满十八周岁的自然人为未成年人。")] // why: 民法典 第十七条 printed as its first sentence only
    [InlineData("支持中小企业融资", "对首次贷款的中小微企业给予贴息支持。", "第1条 支持中小企业融资 对首次贷款的中小微企业给予贴息支持。")]                           // why: a heading apart from the text leads it
    public void Heading_NeverHidesTheText(string heading, string body, string expected)
    {
        Assert.Contains(expected, Print(Doc([Article(1, body, heading)])));
    }
}
