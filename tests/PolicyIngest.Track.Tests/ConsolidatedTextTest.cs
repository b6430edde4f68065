using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Consolidation;
using Xunit.Abstractions;

namespace PolicyIngest.Track.Tests;

/// <summary>The 整理版: 编注 found by walking each provision back through a chain of versions.</summary>
public class ConsolidatedTextTest(ITestOutputHelper output)
{
    private const string Title = "某区促进产业发展若干规定";

    // Three versions written so that every kind of history occurs once; the comments say what each revision did.
    private const string V2020 = $"""
        {Title}
        第一条 为了促进本区产业高质量发展，优化营商环境，根据有关法律法规，制定本规定。
        第二条 本规定适用于在本区注册并依法纳税的企业。
        第三条 对新认定的高新技术企业，给予一次性奖励30万元。
        第四条 对企业研发投入，按照年度研发费用的百分之十给予补贴，最高不超过100万元。
        第五条 对租赁办公用房的企业，给予三年租金补贴，每年补贴标准为每平方米每天1元。
        第六条 对企业引进的高层次人才，给予安家补贴，博士每人10万元。
        第七条 对企业引进的高层次人才，给予子女入学便利，由教育部门统筹安排学位。
        第八条 对参加国际展会的企业，按照展位费的百分之五十给予补贴，每家企业每年最高20万元。
        第九条 企业申报扶持资金，应当向区科技和经济信息化委员会提交申请材料。区科技和经济信息化委员会应当在二十个工作日内完成审核并公示审核结果。
        第十条 区财政部门负责扶持资金的预算安排和监督管理，审计部门依法开展审计监督。
        第十一条 本规定由区发展和改革委员会负责解释。
        第十二条 本规定自2020年1月1日起施行。
        """;

    // 2022: 第三条 only full-width digits; 第四条 100万 → 200万; 第六条 inserted; 第八条 (展会) 百分之五十 → 百分之六十 and
    // renumbered 第九条; 施行 date changed and renumbered 第十三条; the rest renumbered by one.
    private const string V2022 = $"""
        {Title}
        第一条 为了促进本区产业高质量发展，优化营商环境，根据有关法律法规，制定本规定。
        第二条 本规定适用于在本区注册并依法纳税的企业。
        第三条 对新认定的高新技术企业，给予一次性奖励３０万元。
        第四条 对企业研发投入，按照年度研发费用的百分之十给予补贴，最高不超过200万元。
        第五条 对租赁办公用房的企业，给予三年租金补贴，每年补贴标准为每平方米每天1元。
        第六条 对首次获评专精特新“小巨人”的企业，给予一次性奖励50万元，用于支持企业技术改造和市场开拓。
        第七条 对企业引进的高层次人才，给予安家补贴，博士每人10万元。
        第八条 对企业引进的高层次人才，给予子女入学便利，由教育部门统筹安排学位。
        第九条 对参加国际展会的企业，按照展位费的百分之六十给予补贴，每家企业每年最高20万元。
        第十条 企业申报扶持资金，应当向区科技和经济信息化委员会提交申请材料。区科技和经济信息化委员会应当在二十个工作日内完成审核并公示审核结果。
        第十一条 区财政部门负责扶持资金的预算安排和监督管理，审计部门依法开展审计监督。
        第十二条 本规定由区发展和改革委员会负责解释。
        第十三条 本规定自2022年3月1日起施行。
        """;

    // 2024: 第五条 (租金) deleted; 第七条 + 第八条 merged; 第十条 split in two; a new 第十条 inserted; 解释 changed.
    private const string V2024 = $"""
        {Title}
        第一条 为了促进本区产业高质量发展，优化营商环境，根据有关法律法规，制定本规定。
        第二条 本规定适用于在本区注册并依法纳税的企业。
        第三条 对新认定的高新技术企业，给予一次性奖励30万元。
        第四条 对企业研发投入，按照年度研发费用的百分之十给予补贴，最高不超过200万元。
        第五条 对首次获评专精特新“小巨人”的企业，给予一次性奖励50万元，用于支持企业技术改造和市场开拓。
        第六条 对企业引进的高层次人才，给予安家补贴，博士每人10万元，并给予子女入学便利，由教育部门统筹安排学位。
        第七条 对参加国际展会的企业，按照展位费的百分之六十给予补贴，每家企业每年最高20万元。
        第八条 企业申报扶持资金，应当向区科技和经济信息化委员会提交申请材料。
        第九条 区科技和经济信息化委员会应当在二十个工作日内完成审核并公示审核结果。
        第十条 对获得市级以上科学技术奖励的项目团队，按照奖励金额给予一比一配套奖励。
        第十一条 区财政部门负责扶持资金的预算安排和监督管理，审计部门依法开展审计监督。
        第十二条 本规定由区科技和经济信息化委员会负责解释。
        第十三条 本规定自2022年3月1日起施行。
        """;

    private const string R2022 = "2022年3月1日《某区促进产业发展若干规定》（区政发〔2022〕7号）";
    private const string R2024 = "2024年5月1日《某区促进产业发展若干规定》（区政发〔2024〕3号）";

    private static IReadOnlyList<ChainVersion> FixtureChain() =>
    [
        new("v2020", LawTextFixture.Parse(V2020, "2020.txt"), "区政发〔2020〕1号", new DateOnly(2020, 1, 1)),
        new("v2022", LawTextFixture.Parse(V2022, "2022.txt"), "区政发〔2022〕7号", new DateOnly(2022, 3, 1)),
        new("v2024", LawTextFixture.Parse(V2024, "2024.txt"), "区政发〔2024〕3号", new DateOnly(2024, 5, 1)),
    ];

    public static TheoryData<string, string?> FixtureNotes => new()
    {
        // why: the same text in all three versions.
        { "第一条", null },
        // why: ３０ → 30 is cosmetic (full-width digits) in both revisions: no note.
        { "第三条", null },
        // why: changed in 2022, untouched in 2024: the note names 2022, not the newest revision.
        { "第四条", $"本条根据{R2022}修改" },
        // why: inserted in 2022 as 第六条, renumbered 第五条 in 2024 when the old 第五条 was deleted.
        { "第五条", $"第六条根据{R2022}增加；原第六条，根据{R2024}改为本条" },
        // why: 2022's 第七条 and 第八条 (both on 高层次人才) became one article.
        { "第六条", $"本条根据{R2024}由原第七条、第八条合并" },
        // why: 2020's 第八条 changed and renumbered 第九条 in 2022, then renumbered again in 2024.
        { "第七条", $"原第八条，根据{R2022}修改后改为第九条；原第九条，根据{R2024}改为本条" },
        // why: 2022's 第十条 (申报 and 审核) was split into two articles.
        { "第八条", $"本条根据{R2024}由原第十条拆分" },
        { "第九条", $"本条根据{R2024}由原第十条拆分" },
        // why: new in 2024.
        { "第十条", $"本条根据{R2024}增加" },
        // why: text never changed; renumbered 第十条 → 第十一条 in 2022 and kept its number in 2024.
        { "第十一条", $"原第十条，根据{R2022}改为本条" },
        // why: 解释 moved from 发展和改革委员会 to 科技和经济信息化委员会 in 2024, same number.
        { "第十二条", $"本条根据{R2024}修改" },
        // why: the 2022 施行 date and number (第十二条 → 第十三条) kept in 2024.
        { "第十三条", $"原第十二条，根据{R2022}修改后改为本条" },
    };

    [Theory]
    [MemberData(nameof(FixtureNotes))]
    public void Build_FixtureChain_NotesTheLastRevisionThatChangedEachArticle(string label, string? expected)
    {
        var consolidated = ConsolidatedText.Build(FixtureChain());

        Assert.Equal(expected, NoteOf(consolidated, label)?.Text);
    }

    [Fact]
    public void Build_FixtureChain_ListsWhatTheLastRevisionDeleted()
    {
        var consolidated = ConsolidatedText.Build(FixtureChain());

        // why: 2022's 第五条 (租金补贴) has no successor in 2024; deletions of earlier revisions are not listed.
        var removed = Assert.Single(consolidated.Removed);
        Assert.Equal("第五条", removed.Label);
        Assert.Equal($"【编注】原第五条根据{R2024}删除", removed.Display);
        Assert.Equal(10, consolidated.Notes.Count());
        Assert.Equal(["v2022", "v2024"], consolidated.Revisions.Select(r => r.VersionId));
    }

    [Fact]
    public void Build_OneVersion_GivesTheTextWithoutNotes()
    {
        var only = FixtureChain()[0];

        var consolidated = ConsolidatedText.Build([only]);

        Assert.Empty(consolidated.Notes);
        Assert.Empty(consolidated.Removed);
        Assert.Equal(only.Document.Clauses.Count, consolidated.Clauses.Count);
    }

    [Fact]
    public void Build_NoteSitsOnTheLastClauseOfItsArticle()
    {
        var v1 = LawTextFixture.Parse($"{Title}\n第一条 企业可以申请下列补贴：\n（一）房租补贴；\n（二）人才补贴。\n", "a");
        var v2 = LawTextFixture.Parse($"{Title}\n第一条 企业可以申请下列补贴：\n（一）房租补贴；\n（二）人才补贴；\n（三）研发补贴。\n", "b");

        var consolidated = ConsolidatedText.Build([new("a", v1, null, null), new("b", v2, null, new DateOnly(2024, 1, 2))]);

        // why: the article with its items is one provision; its note follows the last item, where a reader finishes it.
        var noted = Assert.Single(consolidated.Clauses, c => c.Note is not null);
        Assert.Equal("（三）", noted.Clause.Label);
        Assert.Equal($"本条根据2024年1月2日《{Title}》修改", noted.Note!.Text);
    }

    public static TheoryData<NoteKind, string[], string, string, bool, string> Wordings => new()
    {
        // why: the common case of a law revised in place.
        { NoteKind.Modified, ["第五条"], "第五条", "第五条", false, "本条根据R修改" },
        // why: changed and renumbered by the same revision (反垄断法 第四十八条 → 第五十八条).
        { NoteKind.Modified, ["第四十八条"], "第五十八条", "第五十八条", false, "原第四十八条，根据R修改后改为本条" },
        // why: a 第15条 / 第十五条 label difference is not a renumbering.
        { NoteKind.Modified, ["第15条"], "第十五条", "第十五条", false, "本条根据R修改" },
        // why: the brief's merge wording.
        { NoteKind.Merged, ["第四十三条", "第四十四条"], "第四十一条", "第四十一条", false, "本条根据R由原第四十三条、第四十四条合并" },
        { NoteKind.Split, ["第十三条"], "第十七条", "第十七条", false, "本条根据R由原第十三条拆分" },
        // why: only the number changed: what it was called is the useful part.
        { NoteKind.Renumbered, ["第五条"], "第六条", "第六条", false, "原第五条，根据R改为本条" },
        // why: an outline item (（八）) is 本项, an unnumbered paragraph 本段.
        { NoteKind.Added, [], "（八）", "（八）", false, "本项根据R增加" },
        { NoteKind.Added, [], "", "", false, "本段根据R增加" },
        // why: renumbered by a later revision: the first sentence names the number it had then.
        { NoteKind.Added, [], "第六条", "第五条", true, "第六条根据R增加；原第六条，根据R2改为本条" },
    };

    [Theory]
    [MemberData(nameof(Wordings))]
    public void Compose_WordsEachKindOfHistory(NoteKind kind, string[] former, string labelThen, string labelNow, bool movedLater, string expected)
    {
        var r = new Revision("v1", null, "R", null);
        var later = movedLater ? new Renumbering(r with { Act = "R2" }, labelThen) : null;

        var text = EditorNoteText.Compose(kind, r with { Act = "R" }, former, labelThen, labelNow, later);

        Assert.Equal(expected, text.Replace("《R》", "R").Replace("《R2》", "R2"));
    }

    public static TheoryData<string[], string, string?> HistoryLines => new()
    {
        // why: a law amended by an NPC decision names it in its own history (反垄断法 2022).
        { ["中华人民共和国反垄断法", "2007年8月30日 第十届全国人民代表大会常务委员会第二十九次会议通过", "2022年6月24日 第十三届全国人民代表大会常务委员会第三十五次会议《关于修改〈中华人民共和国反垄断法〉的决定》修正）"],
            "2022-06-24", "关于修改〈中华人民共和国反垄断法〉的决定" },
        // why: a State Council order names no act: the 发文字号 says it.
        { ["保障中小企业款项支付条例", "2025年3月17日 中华人民共和国国务院令第802号修订）"], "2025-03-17", null },
        // why: the decision of another date is not this revision's (会计法 2024 keeps 2017's line).
        { ["中华人民共和国会计法", "2017年11月4日 第十二届全国人民代表大会常务委员会第三十次会议《关于修改〈中华人民共和国会计法〉等十一部法律的决定》第二次修正"], "2024-06-28", null },
    };

    [Theory]
    [MemberData(nameof(HistoryLines))]
    public void AmendingAct_ReadsTheHistoryLineOfTheRevisionDate(string[] header, string issuedOn, string? expected)
    {
        var document = LawTextFixture.Parse(string.Join("\n", header) + "\n第一条 为了规范管理，制定本法。\n", "x");

        Assert.Equal(expected, Revision.AmendingAct(document, DateOnly.Parse(issuedOn, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void PairG_ThroughThePipeline_NotesThe2022Revision()
    {
        var processor = TestServices.Instance.CreateProcessor();
        ChainVersion Read(string prefix, string id)
        {
            var path = LawTextFixture.RevisionPath(prefix);
            var doc = processor.Process(File.ReadAllBytes(path), path);
            return new ChainVersion(id, doc, doc.DocNumber, doc.IssuedOn);
        }

        var consolidated = ConsolidatedText.Build([Read("16_", "v2007"), Read("17_", "v2022")]);
        foreach (var note in consolidated.Notes) output.WriteLine(note.LabelAtRevision + " " + note.Display);

        const string r = "2022年6月24日《关于修改〈中华人民共和国反垄断法〉的决定》";
        // why: read side by side — 2007 第四十八条 (违法实施集中, 五十万元以下) became 第五十八条, which distinguishes
        // concentrations with and without anticompetitive effect (销售额百分之十 / 五百万元以下).
        var art58 = NoteOf(consolidated, "第五十八条")!;
        Assert.Equal(NoteKind.Modified, art58.Kind);
        Assert.Equal(["第四十八条"], art58.FormerLabels);
        Assert.Equal("v2022", art58.Revision.VersionId);
        Assert.Equal($"原第四十八条，根据{r}修改后改为本条", art58.Text);
        // why: 第一条 gained 鼓励创新 and kept its number.
        Assert.Equal($"本条根据{r}修改", NoteOf(consolidated, "第一条")?.Text);
        // why: 第五条 (公平竞争审查制度) is new in 2022.
        Assert.Equal($"本条根据{r}增加", NoteOf(consolidated, "第五条")?.Text);
        // why: 2007 第十三条's list became 第十七条 and its second paragraph (the definition) 第十六条.
        Assert.Equal($"本条根据{r}由原第十三条拆分", NoteOf(consolidated, "第十六条")?.Text);
        Assert.Equal($"本条根据{r}由原第十三条拆分", NoteOf(consolidated, "第十七条")?.Text);
        // why: 施行 (2008年8月1日) unchanged, only renumbered 第五十七条 → 第七十条.
        Assert.Equal($"原第五十七条，根据{r}改为本条", NoteOf(consolidated, "第七十条")?.Text);
        // why: 第二条 and 第三条 read the same in both texts.
        Assert.Null(NoteOf(consolidated, "第二条"));
        Assert.Null(NoteOf(consolidated, "第三条"));
        // why: every 2007 article has a successor (gold: deleted []); the header lines get no note.
        Assert.Empty(consolidated.Removed);
        Assert.All(consolidated.Clauses.Where(c => c.Note is not null), c => Assert.NotEqual("", c.Clause.Path.FirstOrDefault() ?? ""));
    }

    private static EditorNote? NoteOf(ConsolidatedDocument d, string articleLabel)
    {
        // A provision's note sits on its last clause; the clause's path names the article.
        var clauses = d.Clauses.Where(c => c.Clause.Label == articleLabel || c.Clause.Path.Contains(articleLabel)).ToList();
        Assert.NotEmpty(clauses);
        return clauses.Select(c => c.Note).LastOrDefault(n => n is not null);
    }
}
