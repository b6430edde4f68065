using PolicyIngest.Classify.Model;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Classify.Tests;

/// <summary>The committed model (models/classify.model.bin.gz) on clauses nobody labelled, written for these tests.</summary>
public class TrainedClassifierTest
{
    private static readonly Lazy<TrainedClauseClassifier> Classifier = new(() =>
        ClassifierModels.TryLoad(Repo.Models, () => TrainerTest.Segmenter.Value) ?? throw new InvalidOperationException("models/classify.model.bin.gz missing: run policyingest train"));

    private static ClauseLabels Predict(string text, string? heading = null, string? chapter = null, string kind = "article", double position = 0.5) =>
        Classifier.Value.Model.Predict(new ClauseInput(text, heading, chapter, kind, position));

    public static TheoryData<string, string?, string?, string> CategoryRows => new()
    {
        { "为加快培育壮大战略性新兴产业，根据《某市促进产业发展条例》，结合本区实际，制定本办法。", null, "总则", "purpose" }, // why: 为…制定本办法
        { "本办法适用于注册地、税收户管地和统计关系均在本区的企业。", null, "总则", "scope" },                              // why: 适用于
        { "对新认定的国家级专精特新“小巨人”企业，给予一次性50万元奖励。", "支持企业做强", "支持措施", "support" },          // why: gives money
        { "申报单位应按照申报通知要求，通过线上平台提交申报材料，区主管部门组织专家评审。", null, "申报程序", "procedure" }, // why: how to apply
        { "对弄虚作假、骗取扶持资金的企业，追回已拨付资金，并纳入信用记录。", null, "监督管理", "supervision" },           // why: clawback
        { "本办法自2026年1月1日起施行，有效期三年。", null, "附则", "final" },                                          // why: effective date
    };

    [Theory, MemberData(nameof(CategoryRows))]
    public void Category_ObviousClauses(string text, string? heading, string? chapter, string category) =>
        Assert.Equal(category, Predict(text, heading, chapter).Category);

    public static TheoryData<string, string> InstrumentRows => new()
    {
        { "对企业实际支付的贷款利息，按照50%的比例给予贴息支持，每年最高100万元。", "interest_subsidy" }, // why: 贴息
        { "对获得市级以上称号认定的企业给予20万元一次性资金支持。", "grant" },                          // why: money paid out
        { "对租用园区办公用房的初创企业，给予最高50%的房租补贴。", "rent_space" },                       // why: rent
    };

    [Theory, MemberData(nameof(InstrumentRows))]
    public void Instruments_ObviousSupportClauses(string text, string instrument)
    {
        var p = Predict(text, null, "支持措施");
        Assert.Equal("support", p.Category);
        Assert.Contains(instrument, p.Instruments);
    }

    [Theory]
    [InlineData("支持游戏电竞产业发展。对获得游戏版号并上线运营的游戏企业给予奖励。", "助推主导产业发展", "article", "culture_games")]      // why: the text names the sector
    [InlineData("对符合条件的升级改造项目给予资金支持。", "北京市支持商业步行街高质量发展项目", "card-field", "commerce_services")] // why: the guide card's title (chapter) names it
    [InlineData("对新获批的药品注册批件给予200万元资金支持。", null, "article", "biomedicine")]                                   // why: 药品, a sector learnt from the synthetic policies too
    public void Industries_NamedSector(string text, string? chapter, string kind, string industry) =>
        Assert.Contains(industry, Predict(text, null, chapter, kind, kind == "card-field" ? 0 : 0.5).Industries);

    [Fact]
    public void Classify_Document_LabelsUnitsAndTheirItems()
    {
        Clause C(string id, ClauseKind kind, string label, string[] path, string text, string? heading = null) =>
            new() { Id = id, Kind = kind, Label = label, Path = path, Text = text, Heading = heading };
        var clauses = new[]
        {
            C("ch1", ClauseKind.Chapter, "第一章", ["第一章"], "", "支持措施"),
            C("ch1/art1", ClauseKind.Article, "第一条", ["第一章", "第一条"], "对符合条件的企业给予下列支持："),
            C("ch1/art1/i1", ClauseKind.Item, "（一）", ["第一章", "第一条", "（一）"], "一次性奖励30万元；"),
            C("ch2", ClauseKind.Chapter, "第二章", ["第二章"], "", "附则"),
            C("ch2/art2", ClauseKind.Article, "第二条", ["第二章", "第二条"], "本办法自印发之日起施行。"),
        };
        var document = new PolicyDocument
        {
            Source = "t.txt", Sha256 = new string('0', 64), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = "某区扶持办法", Clauses = clauses,
        };
        var labelled = Classifier.Value.Classify(document, clauses);
        Assert.Null(labelled[0].Category);                        // chapters carry no category
        Assert.Equal("support", labelled[1].Category);
        Assert.Equal(labelled[1].Category, labelled[2].Category); // the item takes its article's labels
        Assert.Equal(labelled[1].Instruments, labelled[2].Instruments);
        Assert.Equal("final", labelled[4].Category);
        Assert.InRange(labelled[4].CategoryConfidence!.Value, 0.0, 1.0);
    }
}
