using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

/// <summary>What a query term becomes in clause_fts(words, grams).</summary>
[Collection(SegmenterFixture.Collection)]
public sealed class FtsExpressionTest(SegmenterFixture fixture)
{
    private readonly FtsExpression _expression = new(new ClauseAnalyzer(fixture.Segmenter), SearchOptions.Default);

    public static TheoryData<string, string> Terms => new()
    {
        // why: one word — the word, or its bigram
        { "贴息", "(words : \"贴息\" OR grams : \"贴息\")" },
        // why: 的 is dropped from the words' AND (bm25 weight nil, its posting list is half the index); the bigram phrase keeps the exact text
        { "认缴的出资额", "(words : (\"认缴\" AND \"出资额\") OR grams : \"认缴 缴的 的出 出资 资额\")" },
        // why: a term of function words only keeps them (nothing else could match)
        { "的", "(words : \"的\" OR grams : \"的\"*)" },
        // why: a lone Han character matches as a prefix of the bigrams it starts
        { "息", "(words : \"息\" OR grams : \"息\"*)" },
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void Term_BecomesWordsOrBigrams(string text, string expected) =>
        Assert.Equal(expected, _expression.Term(new QueryTerm(text, Phrase: false)));

    [Fact]
    public void Phrase_KeepsFunctionWordsInItsBigrams() =>
        Assert.Equal("grams : \"认缴 缴的 的出 出资 资额\"", _expression.Term(new QueryTerm("认缴的出资额", Phrase: true)));

    [Fact]
    public void Any_NamesEachGroupOnce_AndKeepsTheExclusions()
    {
        var query = SearchQuery.Parse("贴息 租金 奖励 -楼宇");
        string T(string text) => _expression.Term(new QueryTerm(text, Phrase: false))!;

        var any = _expression.Any(query)!;

        // why: bm25 scans each phrase's postings once per occurrence in the expression, so each term stands once
        Assert.Equal($"(({T("贴息")} OR {T("租金")} OR {T("奖励")})) NOT {T("楼宇")}", any);
        Assert.Equal(1, Count(any, "grams : \"租金\""));
    }

    private static int Count(string s, string part) => (s.Length - s.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
