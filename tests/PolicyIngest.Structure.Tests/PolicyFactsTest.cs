using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class PolicyFactsTest
{
    // Validity (施行, 有效期, 试行, 有效期调整): ValidityFactsTest.

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
