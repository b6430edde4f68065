using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

public sealed class IndexTextTest
{
    public static TheoryData<string, string> Views => new()
    {
        { "研发费\n用加计扣除", "研发费用加计扣除" },   // why: pdftotext breaks lines inside words every ~37 characters
        { "奖励 30 万元", "奖励30万元" },              // why: pdftotext's inserted spaces between CJK and digits
        { "首台（套）重大技术装备", "首台套重大技术装备" }, // why: 首台（套） and 首台套 must index alike
        { "machine learning 芯片", "machine learning芯片" }, // why: a space between two ASCII words is kept
        { "（一）支持企业", "（一）支持企业" },          // why: a bracketed label at the start is not after a Han character: kept
        { "办法（试行）", "办法试行" },                  // why: two Han characters in brackets after a Han character: same rule as 首台（套）
        { "办法（暂行规定）", "办法（暂行规定）" },      // why: longer bracketed text is a real parenthesis: kept
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void Of_NormalisesForTheIndexOnly(string original, string expected)
    {
        var view = IndexText.Of(original);
        Assert.Equal(expected, view.Text);
        for (var i = 0; i < view.Text.Length; i++) Assert.Equal(view.Text[i], original[view.OriginalStart(i)]);
    }

    public static TheoryData<string> Unchanged => new()
    {
        "〔2025〕35号",     // why: 发文字号 brackets hold digits, not Han
        "第十二条",          // why: nothing to drop
        "（三）",            // why: nothing before the bracket
    };

    [Theory]
    [MemberData(nameof(Unchanged))]
    public void Of_LeavesTextAlone(string original) => Assert.Equal(original, IndexText.Of(original).Text);
}
