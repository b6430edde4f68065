using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

/// <summary>Questions typed without spaces are cut into content-word groups for the relaxed search; other queries are left alone.</summary>
[Collection(SegmenterFixture.Collection)]
public sealed class QuestionTermsTest(SegmenterFixture fixture)
{
    private readonly ClauseAnalyzer _analyzer = new(fixture.Segmenter);

    public static TheoryData<string, string[], string[]> Cut => new()
    {
        // query, words that must be groups, words that must not be
        { "用人单位违法解除劳动合同要支付多少赔偿金", ["用人单位", "违法", "解除", "劳动合同", "支付", "赔偿金"], ["多少", "要"] },
        { "纳税人逾期缴纳税款每天加收多少滞纳金", ["纳税人", "逾期", "滞纳金"], ["多少"] },
        { "领取失业保险金期间还需要自己缴纳医疗保险吗", ["失业", "保险金", "医疗保险"], ["吗", "需要", "还"] },
        { "企业 长期护理保险失能评估费用由谁承担", ["企业", "失能", "评估"], ["谁"] },
    };

    [Theory]
    [MemberData(nameof(Cut))]
    public void LongUnspacedQuestion_BecomesWordGroups(string input, string[] present, string[] absent)
    {
        var split = QuestionTerms.Split(SearchQuery.Parse(input), _analyzer);
        var groups = split.Groups.Select(g => Assert.Single(g).Text).ToList();
        Assert.True(groups.Count >= QuestionTerms.MinimumWords);
        foreach (var w in present) Assert.Contains(w, groups);
        foreach (var w in absent) Assert.DoesNotContain(w, groups);
        Assert.All(split.Groups.SelectMany(g => g), t => Assert.False(t.Phrase));
        // Each cut word is marked (a lone 不 is then a word, not a prefix); a term typed as it is stays a typed term.
        var typed = SearchQuery.Parse(input).Groups.SelectMany(g => g).Select(t => t.Text).ToHashSet();
        Assert.All(split.Groups.SelectMany(g => g).Where(t => !typed.Contains(t.Text)), t => Assert.True(t.Word));
        Assert.All(SearchQuery.Parse(input).Groups.SelectMany(g => g).Where(t => t.Text.Length < QuestionTerms.MinimumLength),
            t => Assert.Contains(split.Groups.SelectMany(g => g), s => s.Text == t.Text && !s.Word));
    }

    [Theory]
    [InlineData("专精特新")]                         // why: one word
    [InlineData("不存在的词")]                       // why: short: a term, not a question
    [InlineData("贷款贴息")]                         // why: two words are still one term
    [InlineData("\"用人单位违法解除劳动合同\"")]    // why: a quoted phrase stays exact
    [InlineData("劳动合同解除赔偿金 OR 经济补偿")]   // why: a term inside an OR group keeps its group
    [InlineData("租金 补贴 -违法解除劳动合同赔偿")]   // why: exclusions are not cut (and the positive terms are short)
    public void OtherQueries_AreLeftAlone(string input)
    {
        var query = SearchQuery.Parse(input);
        Assert.Same(query, QuestionTerms.Split(query, _analyzer));
    }
}
