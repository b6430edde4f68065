using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class PolicyFactsTest
{
    private static readonly DateOnly Issued = new(2025, 7, 10);

    [Theory]
    [InlineData("本办法自印发之日起施行。", "2025-07-10")]            // why: 自印发之日起施行 means issuedOn
    [InlineData("本规定自公布之日起施行。", "2025-07-10")]            // why: 公布 is the same as 印发
    [InlineData("本办法自发布之日起实施。", "2025-07-10")]            // why: 实施 is a synonym of 施行
    [InlineData("本办法自2026年1月1日起施行。", "2026-01-01")]        // why: explicit start date
    [InlineData("本意见自2019年1月1日起执行，暂定三年。", "2019-01-01")] // why: 执行 and a validity in one sentence (柳河)
    [InlineData("本办法自2012年2月1日至2017年1月31日施行。", "2012-02-01")] // why: a range gives the start (新余)
    [InlineData("本条例自 2020 年 9 月 1 日起施行。", "2020-09-01")] // why: spaced digits
    public void EffectiveFrom_ReadsEveryForm(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), PolicyFacts.EffectiveFrom(text, Issued));

    [Theory]
    [InlineData("经2025年7月1日常务会研究同意，现予印发。")]   // why: a date in a sentence that says nothing about 施行
    [InlineData("企业应自取得证书之日起三十日内申报。")]        // why: 自…之日起 without 施行
    [InlineData("")]                                            // why: nothing stated
    public void EffectiveFrom_FindsNothing(string text) => Assert.Null(PolicyFacts.EffectiveFrom(text, Issued));

    [Theory]
    [InlineData("本办法自印发之日起施行，有效期5年。", "2025-07-10", "2030-07-10")]     // why: 有效期N年 = effectiveFrom + N years
    [InlineData("有效期 2 年。", "2025-07-10", "2027-07-10")]                          // why: spaced number
    [InlineData("本办法有效期至2028年12月31日。", "2025-07-10", "2028-12-31")]         // why: explicit end date
    [InlineData("自2019年1月1日起执行，暂定三年。", "2019-01-01", "2022-01-01")]       // why: 暂定三年 in Chinese numerals
    [InlineData("本办法自2012年2月1日至2017年1月31日施行。", "2012-02-01", "2017-01-31")] // why: a range gives the end
    [InlineData("试行期为两年。", "2025-07-10", "2027-07-10")]                           // why: 两 is two
    public void ExpiresOn_ReadsEveryForm(string text, string from, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), PolicyFacts.ExpiresOn(text, DateOnly.Parse(from)));

    [Theory]
    [InlineData("企业连续三年保持规模以上。")]                 // why: 三年 without 有效期 is not a validity
    [InlineData("本办法自印发之日起施行。")]                   // why: no end stated
    [InlineData("对获得有效期内证书的企业给予支持。")]         // why: 有效期 without a length
    public void ExpiresOn_FindsNothing(string text) => Assert.Null(PolicyFacts.ExpiresOn(text, Issued));

    [Fact]
    public void Repeals_ReadTitleAndNumber()
    {
        // why: the standard repeal sentence names the old document and its 发文字号
        var r = Assert.Single(PolicyFacts.Repeals("本办法自印发之日起施行，《昌平区促进产业发展办法》（昌政办发〔2024〕5号）同时废止。"));
        Assert.Equal("昌平区促进产业发展办法", r.Title);
        Assert.Equal("昌政办发〔2024〕5号", r.DocNumber);
    }

    [Fact]
    public void Repeals_KeepGenericRepeals()
    {
        // why: a generic repeal names nothing but must still be recorded with its sentence
        var r = Assert.Single(PolicyFacts.Repeals("本办法施行后，以前出台的相关政策与本办法不一致的同时废止。"));
        Assert.Null(r.Title);
        Assert.Null(r.DocNumber);
        Assert.Contains("同时废止", r.Text);
    }

    [Theory]
    [InlineData("国务院有权改变或者撤销不适当的规章，修改或者废止不适当的决定。")] // why: the power to repeal is not a repeal
    [InlineData("本办法自印发之日起施行。")]                                        // why: nothing repealed
    public void Repeals_FindNothing(string text) => Assert.Empty(PolicyFacts.Repeals(text));

    [Fact]
    public void References_ReadTheBasisWithItsNumber()
    {
        // why: seed 000 cites its basis with 依托 and 的通知 between the title and the number
        var r = Assert.Single(PolicyFacts.References("依托《怀柔区促进区域经济高质量发展指导意见》的通知（怀政发〔2024〕16号），制定本办法。"));
        Assert.Equal("怀柔区促进区域经济高质量发展指导意见", r.Title);
        Assert.Equal("怀政发〔2024〕16号", r.DocNumber);
    }

    [Fact]
    public void References_StopAtTheVerb()
    {
        // why: 《Y》 after 制定 is what is being made, not a basis (seed 001)
        var refs = PolicyFacts.References("根据《指导意见》文件精神，特制定《扶持办法》。");
        Assert.Equal(["指导意见"], refs.Select(r => r.Title));
    }

    [Fact]
    public void References_VerbBeforeTrigger_ScopeStartsAtTrigger()
    {
        // Regression (real file 64, 渝交规〔2024〕2号): 制定 before 依据 made the basis span negative and crashed the parse.
        var refs = PolicyFacts.References("各单位制定的裁量基准，依据《中华人民共和国行政处罚法》等法律法规制定本基准。");
        Assert.Equal("中华人民共和国行政处罚法", Assert.Single(refs).Title);
    }

    [Theory]
    [InlineData("违反本法规定，依照《中华人民共和国行政处罚法》处罚。")] // why: 依照 a law for a penalty is not a basis for making the document
    [InlineData("现将《扶持办法》印发，请遵照执行。")]                    // why: the notice issues the policy; it does not cite it
    public void References_FindNothing(string text) => Assert.Empty(PolicyFacts.References(text));
}
