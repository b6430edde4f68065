using Lucene.Net.Search;
using PolicyIngest.Index.Search;
using Term = Lucene.Net.Index.Term;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// Snippets from the matched Lucene query on clause texts: words the analyzer kept whole (an amount, a count, a 发文字号)
/// are marked where they are printed, also when a Han character of theirs runs on into the next word.
/// </summary>
[Collection(SegmenterFixture.Collection)]
public sealed class LuceneSnippetsTest(SegmenterFixture fixture)
{
    public static TheoryData<string[], string, string> Marks => new()
    {
        // why: 5家 runs on into 企业 (the bigrams are 5, 家企, 企业), so it is not the phrase of its own bigrams
        { ["5家", "奖励"], "对当年新认定的5家企业分别给予奖励。", "对当年新认定的<em>5家</em>企业分别给予<em>奖励</em>。" },
        // why: a kept-whole 发文字号 whose last character runs on into 文件
        { ["〔2020〕1号", "废止"], "京政发〔2020〕1号文件同时废止。", "京政发<em>〔2020〕1号</em>文件同时<em>废止</em>。" },
        // why: an amount broken by a PDF line break is one mark
        { ["500万元", "贴息"], "年度贴息金额不超过\n500万元。", "年度<em>贴息</em>金额不超过 <em>500万元</em>。" },
        // why: a word inside a longer one is marked where it stands
        { ["专精特新", "奖励"], "对“专精特新”中小企业给予奖励。", "对“<em>专精特新</em>”中小企业给予<em>奖励</em>。" },
    };

    [Theory]
    [MemberData(nameof(Marks))]
    public void Snippet_MarksKeptWholeWordsWhereTheyArePrinted(string[] words, string text, string expected)
    {
        var query = new BooleanQuery();
        foreach (var w in words) query.Add(new TermQuery(new Term(LuceneFields.Jieba, w)), Occur.MUST);
        var analyzer = new ClauseAnalyzer(fixture.Segmenter);
        var snippets = new LuceneSnippets(query, new Highlighter(analyzer));
        Assert.Equal(expected, snippets.Snippet(text, SearchQuery.Parse(string.Join(' ', words))));
    }
}
