using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Tests;

public class CompilationParserTest
{
    private static readonly Lazy<PolicyDocument> Guide = new(() => SharedFiles.ParseFile("seeds/002_cca9f5f056f4d656.txt"));

    [Fact]
    public void Parse_SplitsEveryCard()
    {
        // why: the 政策导引 says 共 145 条政策应用指南卡片
        Assert.Equal(DocType.Compilation, Guide.Value.DocType);
        Assert.Equal(145, Guide.Value.Parts.Count);
        Assert.Equal("北京市产业政策导引（市级版）", Guide.Value.Title);
    }

    [Fact]
    public void Parse_ReadsCardFields()
    {
        var card = Guide.Value.Parts[0];
        Assert.Equal("北京市老旧厂房改造项目促进产业高质量发展", card.Title);
        Assert.Equal("京发改规〔2023〕12号", card.DocNumber);
        Assert.Equal("北京市发展和改革委员会", card.Issuer);
        Assert.Equal(new DateOnly(2023, 9, 26), card.IssuedOn);
        Assert.Equal("资金支持", card.Fields!["工具分类"]);           // why: two fields share one line
        Assert.Equal("全市范围", card.Fields["服务对象"]);
        var content = card.Clauses.Single(c => c.Id == "content");
        Assert.Equal(ClauseKind.CardField, content.Kind);
        Assert.Equal(["服务内容", "1.", "（2）"], card.Clauses.Single(c => c.Id == "content/n1/q2").Path); // why: inner numbering kept
    }

    [Fact]
    public void Parse_CardWithoutNumberHasNullDocNumber()
    {
        // why: 发文字号 / means there is none
        var card = Guide.Value.Parts[2];
        Assert.Equal("北京市持续强化创新和产业补链强链", card.Title);
        Assert.Null(card.DocNumber);
    }

    [Fact]
    public void Parse_EveryCardHasItsCoreFields()
    {
        Assert.All(Guide.Value.Parts, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.Title));
            Assert.NotNull(p.Issuer);
            Assert.NotNull(p.IssuedOn);
        });
    }
}
