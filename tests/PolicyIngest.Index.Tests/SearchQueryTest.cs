using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

public sealed class SearchQueryTest
{
    public static TheoryData<string, string> Parses => new()
    {
        { "贷款贴息 专精特新", "[贷款贴息] [专精特新]" },          // why: words are ANDed groups
        { "\"研发费用\" 补贴", "[\"研发费用\"] [补贴]" },           // why: quoted phrase
        { "“首台（套）”", "[\"首台（套）\"]" },                     // why: Chinese quotes as typed on a Chinese keyboard
        { "北京 OR 天津 补贴", "[北京|天津] [补贴]" },             // why: OR joins the neighbours into one group
        { "租金 | 房租", "[租金|房租]" },                          // why: | is OR too
        { "补贴 -废止 -\"暂行办法\"", "[补贴] -废止 -\"暂行办法\"" }, // why: exclusions, word and phrase
        { "补贴　奖励", "[补贴] [奖励]" },                          // why: ideographic space separates terms
        { "OR 补贴", "[补贴]" },                                   // why: a leading OR has nothing to join
        { "0.5% 贴息", "[0.5%] [贴息]" },                          // why: a hyphen-free number is a term, not an exclusion
    };

    [Theory]
    [MemberData(nameof(Parses))]
    public void Parse_Table(string input, string expected)
    {
        var q = SearchQuery.Parse(input);
        var text = string.Join(' ', q.Groups.Select(g => "[" + string.Join('|', g.Select(Show)) + "]"))
                   + string.Concat(q.Excluded.Select(t => " -" + Show(t)));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("")]       // why: empty input
    [InlineData("   ")]    // why: blanks only
    [InlineData("\"\"")]   // why: an empty phrase
    [InlineData("-补贴")]  // why: only an exclusion: nothing to search for
    public void Parse_NothingToMatch(string input) => Assert.True(SearchQuery.Parse(input).IsEmpty);

    private static string Show(QueryTerm t) => t.Phrase ? "\"" + t.Text + "\"" : t.Text;
}
