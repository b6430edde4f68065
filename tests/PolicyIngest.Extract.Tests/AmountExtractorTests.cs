using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Amounts;

namespace PolicyIngest.Extract.Tests;

/// <summary>The extractor over clause lists: which article each finding belongs to, and clause ids.</summary>
public sealed class AmountExtractorTests
{
    private static Clause C(string id, ClauseKind kind, string label, string[] path, string text) =>
        new() { Id = id, Kind = kind, Label = label, Path = path, Text = text };

    [Fact]
    public void Extract_ArticleTextAndItsSubclauses_GetTheArticleLabel()
    {
        var clauses = new[]
        {
            C("ch2", ClauseKind.Chapter, "第二章", ["第二章"], ""),
            C("ch2/art5", ClauseKind.Article, "第五条", ["第二章", "第五条"], "支持企业升规。给予一次性20万元资金支持。"),
            C("ch2/art5/p2", ClauseKind.Paragraph, "", ["第二章", "第五条"], "再给予一次性10万元资金支持。"),
            C("ch2/art5/i1", ClauseKind.Item, "（一）", ["第二章", "第五条", "（一）"], "获得国家级认定的，给予不超过50万元资金支持；"),
        };
        var found = new AmountExtractor().Extract(clauses);
        Assert.Equal(["第五条", "第五条", "第五条"], found.Amounts.Select(a => a.Article));
        Assert.Equal(["ch2/art5", "ch2/art5/p2", "ch2/art5/i1"], found.Amounts.Select(a => a.ClauseId));
        Assert.Equal([200000m, 100000m, 500000m], found.Amounts.Select(a => a.Yuan));
    }

    [Fact]
    public void Extract_OutlineDocument_JoinsThePathWithSlashes()
    {
        var clauses = new[]
        {
            C("s2", ClauseKind.Item, "二", ["二"], "支持方式"),
            C("s2/i8", ClauseKind.Item, "（八）", ["二", "（八）"], "支持新能源、新材料应用"),
            C("s2/i8/p1", ClauseKind.Paragraph, "", ["二", "（八）"], "每个项目给予企业一次性20万元资金支持。"),
        };
        var amount = Assert.Single(new AmountExtractor().Extract(clauses).Amounts);
        Assert.Equal("二/（八）", amount.Article);
        Assert.Equal(AmountRole.Fixed, amount.Role);
        Assert.Equal("project", amount.Per);
    }

    [Fact]
    public void Extract_ArticleOfAnotherBranch_IsNotAnAncestor()
    {
        // why: a paragraph after 第五条 but under 第三章 must not borrow 第五条's label.
        var clauses = new[]
        {
            C("ch2/art5", ClauseKind.Article, "第五条", ["第二章", "第五条"], "给予30万元奖励。"),
            C("ch3", ClauseKind.Chapter, "第三章", ["第三章"], ""),
            C("ch3/p1", ClauseKind.Paragraph, "", ["第三章"], "年度支持资金总额不超过100万元。"),
        };
        var found = new AmountExtractor().Extract(clauses).Amounts;
        Assert.Equal(["第五条", "第三章"], found.Select(a => a.Article));
    }

    [Fact]
    public void Extract_UnnumberedParagraph_HasEmptyArticle()
    {
        var clauses = new[] { C("p1", ClauseKind.Paragraph, "", [], "给予不超过50万元资金支持") };
        var amount = Assert.Single(new AmountExtractor().Extract(clauses).Amounts);
        Assert.Equal("", amount.Article);
        Assert.Equal(AmountRole.Cap, amount.Role);
        Assert.Equal("不超过50万元", amount.Text);
    }

    [Fact]
    public void Extract_CardField_UsesTheFieldPath()
    {
        var clauses = new[]
        {
            C("f1", ClauseKind.CardField, "服务内容", ["服务内容"], ""),
            C("f1/i2", ClauseKind.Item, "2.", ["服务内容", "2."], "支持方式和标准"),
            C("f1/i2/s1", ClauseKind.Subitem, "（1）", ["服务内容", "2.", "（1）"], "按照固定资产投资总额 30%的比例安排补助资金，最高不超过 5000万元。"),
        };
        var found = new AmountExtractor().Extract(clauses);
        var amount = Assert.Single(found.Amounts);
        Assert.Equal("服务内容/2./（1）", amount.Article);
        Assert.Equal(50000000m, amount.Yuan);
        var rate = Assert.Single(found.Rates);
        Assert.Equal(RateRole.Rate, rate.Role);
        Assert.Equal("固定资产投资总额", rate.Base);
    }

    [Fact]
    public void Extract_ClausesWithoutMoney_FindNothing()
    {
        var clauses = new[] { C("art1", ClauseKind.Article, "第一条", ["第一条"], "为贯彻落实……，依托《指导意见》（怀政发〔2024〕16号），制定本办法。") };
        var found = new AmountExtractor().Extract(clauses);
        Assert.Empty(found.Amounts);
        Assert.Empty(found.Rates);
    }
}
