using PolicyIngest.Core.Model;
using PolicyIngest.Track.Renditions;

namespace PolicyIngest.Track.Tests;

/// <summary>
/// What two files of one text are to each other. Each row is a pair of documents written as clause texts
/// (a clause per string; "#label|text" gives a label) and the relation the judge must find.
/// </summary>
public sealed class RenditionJudgeTest
{
    private const string Notice = "北京市某区经济和信息化局关于印发《某区促进产业发展扶持办法》的通知";
    private const string A1 = "为促进本区产业高质量发展，制定本办法。";
    private const string A2 = "对首次获得国家级专精特新“小巨人”称号的企业，给予一次性奖励100万元。";
    private const string A3 = "对新迁入本区的规模以上工业企业，按照其上一年度营业收入的1%给予奖励，最高不超过500万元。";
    private const string A4 = "本办法自2025年7月10日起施行，有效期三年。";

    private static readonly string[] Whole = [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|" + A2, "#第三条|" + A3, "#第四条|" + A4];

    public static TheoryData<string, string[], string[], TextRelation> Rows => new()
    {
        // why: the same clauses, byte for byte — another file of the version.
        { "identical", Whole, Whole, TextRelation.SameText },
        // why: PDF line breaks and a clause cut in two by a reader (heading line + rest) do not change the words.
        { "re-flowed and cut elsewhere", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，\n请认真贯彻执行。", "#第一条|" + A1, "#第二条|对首次获得国家级专精特新“小巨人”称号的企业，", "给予一次性奖励100万元。", "#第三条|" + A3, "#第四条|" + A4], TextRelation.SameText },
        // why: half-width brackets and punctuation, spaces inside numbers, 〇/零 and Kangxi radical code points (⼀ from a PDF font) are cosmetic.
        { "width, spacing, variants", [Notice, "#第一条|" + A1, "#第二条|" + A2, "#第四条|本办法自二〇二五年七月十日起施行，有效期三年。"], [Notice, "#第一条|为促进本区产业高质量发展,制定本办法.", "#第二条|对首次获得国家级专精特新\"小巨人\"称号的企业,给予⼀次性奖励1 0 0万元。", "#第四条|本办法自二零二五年七月十日起施行，有效期三年。"], TextRelation.SameText },
        // why: a 目录 printed by one copy repeats the headings; it is navigation, not a change.
        { "table of contents", ["中华人民共和国某法", "#第一章|", "#第一条|" + A1, "#第二章|", "#第二条|" + A2], ["中华人民共和国某法", "目 录", "第一章 总则", "第二章 支持措施", "#第一章|", "#第一条|" + A1, "#第二章|", "#第二条|" + A2], TextRelation.SameText },
        // why: a page number between two lines of a PDF, inserted alone, is not a word of the text.
        { "page number", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|对首次获得国家级专精特新“小巨人”称号的企业，- 3 -给予一次性奖励100万元。", "#第三条|" + A3, "#第四条|" + A4], TextRelation.Rendition },
        // why: a page break in mid-sentence puts the printed page number (— 3 —, GB/T 9704's form) between a sum and its unit: still the same text.
        { "page number between a sum and its unit", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|对首次获得国家级专精特新“小巨人”称号的企业，给予一次性奖励100\n— 3 —\n万元。", "#第三条|" + A3, "#第四条|" + A4], TextRelation.Rendition },
        // why: the same with an office printer's 第3页 footer.
        { "第N页 footer in mid-sentence", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|对首次获得国家级专精特新“小巨人”称号的企业，给予一次性奖励100\n第 3 页\n万元。", "#第三条|" + A3, "#第四条|" + A4], TextRelation.Rendition },
        // why: a bare digit on its own line next to a sum may be a table cell or an edit (100万元 → 1003万元): a change.
        { "bare digit line next to a sum", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|对首次获得国家级专精特新“小巨人”称号的企业，给予一次性奖励100\n3\n万元。", "#第三条|" + A3, "#第四条|" + A4], TextRelation.Different },
        // why: a table label (条件要求) one reader prints inside a cell where the other keeps it as a field name it prints elsewhere.
        { "table label", ["#条件要求|在本区注册。", "#条件要求|依法纳税。", "#办理流程|网上申报。", "#第一条|" + A1 + "在本区注册的企业可以申报。"], ["#条件要求|在本区注册。", "#条件要求|依法纳税。", "#办理流程|网上申报。", "#第一条|" + A1 + "条件要求在本区注册的企业可以申报。"], TextRelation.Rendition },
        // why: a reader that puts a text box or table cell elsewhere moves a sentence; the words are all there.
        { "moved sentence", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第三条|" + A3, "#第二条|" + A2, "#第四条|" + A4], TextRelation.Rendition },
        // why: a changed award is a revision, however small against the whole text.
        { "changed amount", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|" + A2.Replace("100万元", "120万元"), "#第三条|" + A3, "#第四条|" + A4], TextRelation.Different },
        // why: a 0 inserted into a sum is a change, not a page number (digits around it, a unit after it).
        { "sum multiplied by ten", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|" + A2.Replace("100万元", "1000万元"), "#第三条|" + A3, "#第四条|" + A4], TextRelation.Different },
        // why: a percentage halved is a revision (a digit changed in place is never a page number).
        { "changed rate", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|" + A2, "#第三条|" + A3.Replace("1%", "0.5%"), "#第四条|" + A4], TextRelation.Different },
        // why: a deleted condition is a revision even though every other word is kept.
        { "deleted sentence", [Notice, "#第一条|" + A1, "#第二条|" + A2 + "已享受同类支持的，不重复支持。", "#第三条|" + A3, "#第四条|" + A4], [Notice, "#第一条|" + A1, "#第二条|" + A2, "#第三条|" + A3, "#第四条|" + A4], TextRelation.Different },
        // why: one word changed (首次 dropped) widens who can apply: a revision.
        { "changed word", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|" + A1, "#第二条|" + A2.Replace("首次", ""), "#第三条|" + A3, "#第四条|" + A4], TextRelation.Different },
        // why: the 印发 notice page alone (the attachment is another file) is a part of the version.
        { "notice page after the whole", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。"], TextRelation.PartOfCatalogued },
        // why: the same, arriving first: the whole contains it.
        { "whole after the notice page", [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。"], Whole, TextRelation.ContainsCatalogued },
        // why: a short document that shares a sentence with a long one is not a part of it (a title alone, a different notice).
        { "short unrelated", Whole, [Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》的解读发布如下，请参阅。"], TextRelation.Different },
        // why: an old version whose articles the new one keeps verbatim and then doubles in size is a revision, not a part:
        // without a shared 发文字号 or issue date the words alone cannot make it a part.
        { "revision that only adds", ["#第一条|" + A1, "#第二条|" + A2], ["#第一条|" + A1, "#第二条|" + A2, "#第三条|" + A3, "#第四条|" + A4, "#第五条|对获得市级以上奖项的企业，给予50万元奖励。", "#第六条|对租用区内办公用房的企业给予租金补贴，最高不超过200万元。"], TextRelation.Different },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Compare_FindsTheRelation(string why, string[] catalogued, string[] incoming, TextRelation expected)
    {
        var (a, b) = (Document(catalogued), Document(incoming));
        var verdict = Renditions.Renditions.Judge(a, RenditionText.Of(a), b, RenditionText.Of(b));
        Assert.True(expected == verdict.Relation, $"{why}: expected {expected}, got {verdict.Relation} ({string.Join(" ", verdict.Differences)})");
    }

    [Fact]
    public void Judge_SameWordsUnderANewDocNumber_IsANewVersion()
    {
        // why: a policy re-issued word for word under a new 发文字号 is a new version (its status and dates start again).
        var old = Document(Whole) with { DocNumber = "某经信发〔2022〕3号" };
        var reissued = Document(Whole) with { DocNumber = "某经信发〔2025〕35号" };
        Assert.Equal(TextRelation.Different, Renditions.Renditions.Judge(old, RenditionText.Of(old), reissued, RenditionText.Of(reissued)).Relation);
    }

    [Fact]
    public void Judge_OcrCopyWithMisreadCharacters_IsARendition()
    {
        // why: a scanned copy read by OCR carries recognition errors (候→侯, 。→，); without changed digits it is the same text.
        var whole = Document(Whole);
        var scanned = Document([Notice, "各有关单位：", "现将《某区促进产业发展扶持办法》印发给你们，请认真贯彻执行。", "#第一条|为促进本区产业高质量发展，制定本办浊。",
            "#第二条|" + A2, "#第三条|" + A3, "#第四条|" + A4]) with { Pages = [new PageInfo(1, PageEngines.Ocr)] };
        Assert.Equal(TextRelation.Rendition, Renditions.Renditions.Judge(whole, RenditionText.Of(whole), scanned, RenditionText.Of(scanned)).Relation);
        // The same misreading in a born-digital file is a change of wording.
        var typed = scanned with { Pages = [] };
        Assert.Equal(TextRelation.Different, Renditions.Renditions.Judge(whole, RenditionText.Of(whole), typed, RenditionText.Of(typed)).Relation);
    }

    [Fact]
    public void Key_IgnoresBreaksAndWidth_ButNotWords()
    {
        var a = RenditionText.Of(Document(["#第一条|对企业给予奖励(最高100万元)。"]));
        var b = RenditionText.Of(Document(["#第一条|对企业给予奖励\n（最高100万元）。"]));
        var c = RenditionText.Of(Document(["#第一条|对企业给予奖励（最高120万元）。"]));
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
    }

    /// <summary>A document of these clauses; one that opens with the 印发 notice carries its 发文字号 and date, as a real one does.</summary>
    private static PolicyDocument Document(string[] clauses) => new()
    {
        Source = "test", Sha256 = new string('0', 64), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = "某区促进产业发展扶持办法",
        DocNumber = clauses[0] == Notice ? "某经信发〔2025〕35号" : null,
        IssuedOn = clauses[0] == Notice ? new DateOnly(2025, 7, 10) : null,
        Clauses = clauses.Select((c, i) =>
        {
            var (label, text) = c.StartsWith('#') ? (c[1..c.IndexOf('|')], c[(c.IndexOf('|') + 1)..]) : ("", c);
            return new Clause { Id = $"c{i}", Kind = label.Length == 0 ? ClauseKind.Paragraph : ClauseKind.Article, Label = label, Path = label.Length == 0 ? [] : [label], Text = text };
        }).ToList(),
    };
}
