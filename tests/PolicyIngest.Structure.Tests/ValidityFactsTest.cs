using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

/// <summary>
/// Validity with its basis. Rows marked real/NN or revisions/NN are sentences copied from that file of ../shared/data
/// (as the pipeline reads them); seeds/NNN from ../shared/seeds. Synthetic rows say why they exist.
/// </summary>
public class ValidityFactsTest
{
    private static readonly DateOnly Issued = new(2025, 7, 10);

    private static ValidityReading Read(string text, DateOnly? issued = null, string? title = null, string? printed = null) =>
        ValidityFacts.Read(ValidityFacts.Segments(text), issued ?? Issued, title, printed is null ? null : new TextSegment("p9", printed));

    [Theory]
    // effectiveFrom counted from the document's date
    [InlineData("本办法自印发之日起施行，有效期5年。", "自印发之日起施行", "2025-07-10", "有效期N年", "2030-07-09")]            // why: real/16 and real/30, the commonest form
    [InlineData("本通知自印发之日起施行，有效期5年。", "自印发之日起施行", "2025-07-10", "有效期N年", "2030-07-09")]            // why: real/28, 本通知 names the document
    [InlineData("本办法自印发之日起施行，有效期3年。", "自印发之日起施行", "2025-07-10", "有效期N年", "2028-07-09")]            // why: real/31, another term
    [InlineData("本实施办法自印发之日起实施，有效期5年。", "自印发之日起施行", "2025-07-10", "有效期N年", "2030-07-09")]        // why: real/27, 本实施办法 and 实施 for 施行
    [InlineData("第十五条 本办法自印发之日起施行，最终解释权归北京市怀柔区经济和信息化局所有。", "自印发之日起施行", "2025-07-10", null, null)] // why: seeds/000, an article label before the sentence, no end stated
    [InlineData("第五条 本规定自公布之日起施行。", "自公布之日起施行", "2025-07-10", null, null)]                                 // why: revisions/08, 公布 = the document's date
    [InlineData("本办法自发布之日起实施。", "自发布之日起施行", "2025-07-10", null, null)]                                         // why: 发布 (synthetic: no real file says 自发布之日起)
    [InlineData("本办法自发布之日起30日后施行，有效期2年。", "自发布之日起N日后施行", "2025-08-09", "有效期N年", "2027-08-08")]   // why: a delayed start seen on the web (pvmeng.com tag 自发布之日起30日后施行，有效期2年); not in the shared files
    // effectiveFrom stated as a date
    [InlineData("本通知自2019年7月1日起实施，有效期5年。", "自…起施行", "2019-07-01", "有效期N年", "2024-06-30")]               // why: real/10, 实施 and a term counted from the stated day
    [InlineData("本通知自2024年3月4日起施行，有效期5年。", "自…起施行", "2024-03-04", "有效期N年", "2029-03-03")]               // why: real/13
    [InlineData("本办法自2019年2月1日实施，有效期5年。", "自…起施行", "2019-02-01", "有效期N年", "2024-01-31")]                 // why: real/26, no 起 after the date
    [InlineData("本办法自2024年4月1日起实施，有效期5年。", "自…起施行", "2024-04-01", "有效期N年", "2029-03-31")]               // why: real/29
    [InlineData("本办法自2021年5月1日起施行。", "自…起施行", "2021-05-01", null, null)]                                           // why: real/32 article 19, no end
    [InlineData("七、本通知自2007年6月1日起执行。", "自…起施行", "2007-06-01", null, null)]                                      // why: real/59, 执行 and an outline label
    [InlineData("本规则和《裁量基准》自2014年4月1日起施行。", "自…起施行", "2014-04-01", null, null)]                           // why: real/61, the document names itself before a cited title
    [InlineData("《重庆市公路路政…裁量基准（2024年）》已经市交通运输委2024年第1次委主任办公会审议通过，现印发你们，自2024年6月1日起施行。", "自…起施行", "2024-06-01", null, null)] // why: real/64, the issuing notice states it (现印发你们)
    [InlineData("第五十七条 本法自2008年8月1日起施行。", "自…起施行", "2008-08-01", null, null)]                              // why: real/53 and every law of real/43–58
    [InlineData("本办法自2026年1月1日起施行。", "自…起施行", "2026-01-01", null, null)]                                             // why: a start after the issue date (kept from the old table)
    [InlineData("本条例自 2020 年 9 月 1 日起施行。", "自…起施行", "2020-09-01", null, null)]                                   // why: spaced digits (synthetic, kept from the old table)
    [InlineData("本意见由县旅游产业发展领导小组负责解释，自2019年1月1日起执行，暂定三年。", "自…起施行", "2019-01-01", "暂定N年", "2021-12-31")] // why: revisions/03, 暂定三年 after a comma in a 本意见 sentence
    [InlineData("第二十九条　本办法自2012年2月1日至2017年1月31日施行。", "自…至…施行", "2012-02-01", "自…至…施行", "2017-01-31")] // why: revisions/19, a range gives both ends
    [InlineData("本办法有效期自2021年1月1日起至2025年12月31日止。", "自…至…施行", "2021-01-01", "自…至…施行", "2025-12-31")]   // why: 有效期 introduces a range (synthetic)
    [InlineData("本措施自印发之日起施行，有效期至2027年12月31日。", "自印发之日起施行", "2025-07-10", "有效期至", "2027-12-31")]  // why: an explicit end (synthetic: no real file has 有效期至)
    [InlineData("自2019年1月1日起执行，暂定三年。", "自…起施行", "2019-01-01", "暂定N年", "2021-12-31")]                          // why: a sentence that opens with its start states it of the document
    [InlineData("为此，特制定本意见，政策期限为2016年至2018年。", null, null, "期限为…年至…年", "2018-12-31")]                  // why: revisions/18 双特 — a period in whole years ends with its last year
    [InlineData("本措施执行期限为2021—2025年。", null, null, "期限为…年至…年", "2025-12-31")]                                   // why: the same with a dash and one 年
    [InlineData("到2020年，基本建成国家新型工业化示范产业基地。", null, null, null, null)]                                      // why: a target year is no period
    [InlineData("申报项目实施期限为2021年至2023年。", null, null, null, null)]                                                   // why: a project's period, not said of the document
    [InlineData("本办法试行期为两年。", null, null, "试行期N年", null)]                                                             // why: a term with no start stays uncounted, never invented
    public void Read_GivesDatesWithTheRuleAndTheSentence(string text, string? startRule, string? start, string? endRule, string? end)
    {
        var r = Read(text);
        Assert.Equal(start, r.EffectiveFrom?.ToString("yyyy-MM-dd"));
        Assert.Equal(startRule, r.Validity.EffectiveFrom?.Rule);
        Assert.Equal(end, r.ExpiresOn?.ToString("yyyy-MM-dd"));
        Assert.Equal(endRule, r.Validity.ExpiresOn?.Rule);
        foreach (var basis in new[] { r.Validity.EffectiveFrom, r.Validity.ExpiresOn }.OfType<ValidityBasis>())
            Assert.Contains(basis.Sentence, text);   // why: the sentence is quoted as written, never normalised
    }

    [Theory]
    [InlineData("市民政部门每年委托第三方机构开展居家社区养老服务组织星级评定，结果有效期三年。")]                                  // why: real/30 article 36 — a rating's validity, which used to become the 办法's (2025 instead of 2027)
    [InlineData("符合申请条件的，其受理时间从出具《广州市居民家庭经济状况核对报告》之日起算（在领补贴对象的《广州市居民家庭经济状况核对（复核）报告》，有效期为1年）。")] // why: real/27 — a report's validity, before the 办法's own sentence
    [InlineData("服务协议有效期可为1年、2年或3年，并与医保政策实施周期相衔接。")]                                                 // why: real/07 — a contract's term
    [InlineData("第十三条 自本办法实施之日起申领、补办的本市老年人优待凭证设置2年有效期。")]                                      // why: real/32 — a card's validity, and 自本办法实施之日起 is not a start date
    [InlineData("广东省更新了“双通道”和单独支付药品范围，并于2025年1月1日起实施。")]                                             // why: real/09 — a news item's date, no 自 and no document named
    [InlineData("《广州市老年人优待办法》自2021年5月1日起施行以来，成效明显。")]                                                   // why: another document's start (synthetic)
    [InlineData("申报时间自2025年3月1日至2025年3月31日。")]                                                                        // why: an application window is not a validity range (synthetic)
    [InlineData("经2025年7月1日常务会研究同意，现予印发。")]                                                                       // why: a date in a sentence that says nothing about 施行 (kept from the old table)
    [InlineData("企业连续三年保持规模以上。")]                                                                                     // why: 三年 without 有效期 is not a validity (kept from the old table)
    [InlineData("企业应自取得证书之日起三十日内申报。")]                                                                           // why: 自…之日起 without 施行 (kept from the old table)
    [InlineData("对获得有效期内证书的企业给予支持。")]                                                                             // why: 有效期 without a length
    [InlineData("")]                                                                                                                 // why: nothing stated: null with no basis
    public void Read_FindsNothingInSentencesAboutSomethingElse(string text)
    {
        var r = Read(text);
        Assert.Null(r.EffectiveFrom);
        Assert.Null(r.ExpiresOn);
        Assert.Null(r.Validity.EffectiveFrom);
        Assert.Null(r.Validity.ExpiresOn);
    }

    [Fact]
    public void Read_自印发之日起施行_TakesThePrintedDateOfThe版记()
    {
        // why: real/30 — 成文日期 2022-09-06, 版记 "…2022年9月13日印发"; the document took effect the day it was 印发 (as real/28's page 实施日期 confirms for its own 版记)
        var r = Read("本办法自印发之日起施行，有效期5年。", new DateOnly(2022, 9, 6), printed: "广州市人民政府办公厅秘书处2022年9月13日印发");
        Assert.Equal(new DateOnly(2022, 9, 13), r.EffectiveFrom);
        Assert.Equal(new DateOnly(2027, 9, 12), r.ExpiresOn);
        Assert.Equal("按版记印发日期：广州市人民政府办公厅秘书处2022年9月13日印发", r.Validity.EffectiveFrom!.Note);
        Assert.Equal("自施行之日 2022-09-13 起算5年", r.Validity.ExpiresOn!.Note);
    }

    [Fact]
    public void Read_自公布之日起施行_IgnoresThe版记()
    {
        // why: the 版记 dates the 印发 only; 公布 is the document's own date
        var r = Read("本规定自公布之日起施行。", new DateOnly(2022, 9, 6), printed: "某某办公室2022年9月13日印发");
        Assert.Equal(new DateOnly(2022, 9, 6), r.EffectiveFrom);
    }

    [Fact]
    public void Read_自印发之日起施行_WithNoDate_KeepsTheBasisAndNoDate()
    {
        // why: real/27 has no 落款: the rule is stated, the date is unknown — the basis says so and nothing is invented
        var r = ValidityFacts.Read(ValidityFacts.Segments("本实施办法自印发之日起实施，有效期5年。"), null);
        Assert.Null(r.EffectiveFrom);
        Assert.Null(r.ExpiresOn);
        Assert.Equal("自印发之日起施行", r.Validity.EffectiveFrom!.Rule);
        Assert.Equal("施行日期不明，无法推算", r.Validity.ExpiresOn!.Note);
    }

    [Theory]
    // why: real/32 states the start twice (the 政府令 and article 19); the article that says 本办法 is quoted, with its clause id
    [InlineData("2021-01-29", "p4", "《广州市老年人优待办法》已经2021年1月8日市政府第15届130次常务会议通过，现予公布，自2021年5月1日起施行。",
        "art19", "本办法自2021年5月1日起施行。", "effectiveFrom", "2021-05-01")]
    // why: real/30 — 结果有效期三年 in article 36 came first and gave 2025-09-06; article 52's 有效期5年 is the 办法's
    [InlineData("2022-09-06", "ch5/art36/p2", "市民政部门每年委托第三方机构开展居家社区养老服务组织星级评定，结果有效期三年。",
        "ch7/art52", "本办法自印发之日起施行，有效期5年。", "expiresOn", "2027-09-05")]
    public void Read_QuotesTheClauseAboutTheDocument(string issued, string firstId, string first, string secondId, string second, string field, string date)
    {
        var r = ValidityFacts.Read([new TextSegment(firstId, first), new TextSegment(secondId, second)], DateOnly.Parse(issued));
        var (got, basis) = field == "effectiveFrom" ? (r.EffectiveFrom, r.Validity.EffectiveFrom) : (r.ExpiresOn, r.Validity.ExpiresOn);
        Assert.Equal(DateOnly.Parse(date), got);
        Assert.Equal(secondId, basis!.ClauseId);
        Assert.Equal(second, basis.Sentence);
    }

    [Fact]
    public void Read_LawHistory_公布施行()
    {
        // why: real/45 (宪法) states its start only in the history block: 1982年12月4日全国人民代表大会公告公布施行
        var r = Read("（1982年12月4日第五届全国人民代表大会第五次会议通过 1982年12月4日全国人民代表大会公告公布施行");
        Assert.Equal(new DateOnly(1982, 12, 4), r.EffectiveFrom);
        Assert.Equal("1982年12月4日全国人民代表大会公告公布施行", r.Validity.EffectiveFrom!.Sentence);
        // why: real/46 — the PDF runs the events together without spaces; the date right before 公布施行 is the one
        var pdf = Read("（1982年12月4日第五届全国人民代表大会第五次会议通过1982年12月4日全国人民代表大会公告公布施行根据1988年4月12日第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》");
        Assert.Equal("1982年12月4日全国人民代表大会公告公布施行", pdf.Validity.EffectiveFrom!.Sentence);
    }

    [Theory]
    [InlineData("广州市长期护理保险试行办法", "", "标题含试行")]                                            // why: real/31, 试行 in the title
    [InlineData("怀柔区科技创新扶持办法（试行）", "", "标题含试行")]                                        // why: （试行） in brackets (synthetic, as VersionCatalogueTest's title)
    [InlineData("某某区人才引进暂行办法", "", "标题含暂行")]                                                 // why: 暂行 is a trial measure too (synthetic)
    [InlineData("某某办法", "本办法自2024年1月1日起试行。", "正文称试行")]                                   // why: the text says the document is tried out (synthetic)
    [InlineData("某某办法", "试行期为两年。", "试行期N年")]                                                  // why: a 试行期 term (kept from the old table)
    public void Read_Trial(string title, string text, string rule) =>
        Assert.Equal(rule, Read(text, title: title).Validity.Trial?.Rule);

    [Theory]
    [InlineData("2025年，广州市企业职工基本养老金申领详解", "依据《人力资源社会保障部中共中央组织部财政部关于印发〈实施弹性退休制度暂行办法〉的通知》（人社部发〔2024〕94号）。")] // why: real/22 cites a 暂行办法: not a trial itself
    [InlineData("关于推出供应广州市2025年第一批户籍家庭公共租赁住房常态分配房源的通告", "我市2025年试行按季度实施户籍家庭公共租赁住房常态分配。")] // why: real/11 tries out a practice; the document is not a trial measure
    [InlineData("关于转发《某某暂行办法》的通知", "")]                                                       // why: 暂行 inside 《》 names another document (synthetic)
    public void Read_NotATrial(string title, string text) => Assert.Null(Read(text, title: title).Validity.Trial);

    [Fact]
    public void Read_ValidityChange_ByDate_NamesThePolicyAndItsNumber()
    {
        // why: 有效期调整 (synthetic: none of the shared files extends another policy) — the common wording 《X》（…号）有效期延长至…
        var r = Read("经市政府同意，《广州市就业见习基地管理办法》（穗人社规字〔2019〕6号）有效期延长至2027年12月31日。本通知自印发之日起施行。",
            title: "关于延长《广州市就业见习基地管理办法》有效期的通知");
        var c = Assert.Single(r.Validity.Changes);
        Assert.Equal("广州市就业见习基地管理办法", c.Title);
        Assert.Equal("穗人社规字〔2019〕6号", c.DocNumber);
        Assert.Equal(new DateOnly(2027, 12, 31), c.ExpiresOn);
        Assert.Null(c.ExtendMonths);
        Assert.Null(r.ExpiresOn);   // why: the extension is not the notice's own end
    }

    [Theory]
    [InlineData("关于延长《某某办法》有效期的通知", "《某某办法》有效期延长2年。", "某某办法", null, 24)]                    // why: a length, counted from the policy's own end
    [InlineData("关于延长某某区扶持办法有效期的通知", "该办法有效期延长至2026年6月30日。", "某某区扶持办法", "2026-06-30", null)] // why: no 《》 in the sentence: the title names the policy
    [InlineData("某某局关于有关政策的通知", "《某某措施》继续执行至2025年12月31日。", "某某措施", "2025-12-31", null)]     // why: 继续执行至 sets a new end
    [InlineData("关于调整《某某办法》有效期的通知", "《某某办法》的有效期调整为2028年3月31日。", "某某办法", "2028-03-31", null)] // why: 调整为 a date
    public void Read_ValidityChange(string title, string text, string target, string? to, int? months)
    {
        var c = Assert.Single(Read(text, title: title).Validity.Changes);
        Assert.Equal(target, c.Title);
        Assert.Equal(to, c.ExpiresOn?.ToString("yyyy-MM-dd"));
        Assert.Equal(months, c.ExtendMonths);
    }

    [Theory]
    [InlineData("某某办法", "本办法自印发之日起施行，有效期至2027年12月31日。")]    // why: the document's own end is not a change to another
    [InlineData("某某通知", "有效期延长至2027年12月31日。")]                        // why: names no policy, and the title names none either
    public void Read_NoValidityChange(string title, string text) => Assert.Empty(Read(text, title: title).Validity.Changes);

    [Fact]
    public void CountTerm_MovesTheEndWithTheStart()
    {
        // why: real/27 — the page's date becomes the start; 有效期5年 is counted again from it
        var basis = new ValidityBasis("有效期N年", "本实施办法自印发之日起实施，有效期5年。", "s9/p1");
        var (end, counted) = ValidityFacts.CountTerm(basis, new DateOnly(2022, 11, 16))!.Value;
        Assert.Equal(new DateOnly(2027, 11, 15), end);   // the last day in force: real/13's page counts 2024-03-04 + 5 years as 2029-03-03
        Assert.Equal("自施行之日 2022-11-16 起算5年", counted.Note);
        Assert.Null(ValidityFacts.CountTerm(basis with { Rule = "有效期至" }, new DateOnly(2022, 11, 16)));   // why: only terms count
    }
}
