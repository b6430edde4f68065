using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

/// <summary>Index and query a real SQLite catalogue file built from small hand-written policies.</summary>
[Collection(SegmenterFixture.Collection)]
public sealed class SearchIndexTest : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private readonly TempDir _dir = new("policyingest-search-");
    private readonly CatalogueStore _catalogue;
    private readonly Fts5SearchIndex _search;

    public SearchIndexTest(SegmenterFixture fixture)
    {
        var path = _dir.File("catalogue.db");
        _catalogue = new CatalogueStore(path);
        var analyzer = new ClauseAnalyzer(fixture.Segmenter);
        var indexer = new ClauseIndexer(analyzer);
        _search = new Fts5SearchIndex(_catalogue, analyzer);
        Save(indexer, Doc("a1", "怀柔区促进先进制造业高质量发展扶持办法", "北京市怀柔区", "怀经信发〔2025〕35号", new DateOnly(2025, 3, 1),
        [
            Clause("art1", "第一条", "对首次获得北京市“专精特新”中小企业认定的企业，给予一次性奖励30万元。", amount: (300000m, "30万元")),
            Clause("art2", "第二条", "对企业购买首台（套）重大技术装备的，按实际投保费用的80%给予保费补贴。"),
            Clause("art3", "第三条", "对企业贷款给予贴息支持，贴息比例不超过贷款利息的50%，单个企业年度贴息金额不超过\n500万元。", amount: (5000000m, "500万元")),
            Clause("art4", "第四条", "对新引进企业给予房屋租金补贴，补贴期限不超过3年。"),
        ]));
        Save(indexer, Doc("b1", "朝阳区支持企业研发投入若干措施", "北京市朝阳区", "朝政发〔2024〕8号", new DateOnly(2024, 5, 10),
        [
            Clause("art1", "第一条", "企业研发费\n用加计扣除后，按研发投入给予最高100万元补贴。", amount: (1000000m, "100万元")),
            Clause("art2", "第二条", "对首台套产品推广应用的企业给予奖励。"),
        ]));
        // An old version of policy b, superseded: only --all-versions finds it.
        var old = Save(indexer, Doc("b0", "朝阳区支持企业研发投入若干措施（旧）", "北京市朝阳区", "朝政发〔2020〕3号", new DateOnly(2020, 1, 1),
        [Clause("art1", "第一条", "对企业研发给予租金补贴和贷款贴息。")]));
        CatalogueFile.Execute(path, "UPDATE version SET superseded_by = 'x' WHERE id = $id", ("$id", old));
        // A compilation whose card (a part) carries its own title and 发文字号.
        Save(indexer, Doc("c1", "北京市产业政策导引", "北京市", null, new DateOnly(2023, 1, 1), [],
            parts: [Doc("c1-card", "北京市专精特新企业贷款贴息政策", "北京市", "京经信发〔2022〕9号", new DateOnly(2022, 2, 2),
                [Clause("p1", "", "服务内容：对专精特新企业给予贷款贴息，年度最高200万元。")])]));
    }

    private SearchResult Search(string query, ClauseFilter? filter = null) =>
        _search.Search(new SearchRequest { Query = query, Filter = filter ?? new ClauseFilter { AsOf = Today } });

    private static string Key(SearchHit h) => h.DocNumber + "/" + h.ClauseId;

    public static TheoryData<string, string[]> Queries => new()
    {
        { "贴息", ["怀经信发〔2025〕35号/art3", "京经信发〔2022〕9号/p1"] },                  // why: a 2-character term (trigram cannot)
        { "租金", ["怀经信发〔2025〕35号/art4"] },                                         // why: 2-character term; the superseded version is left out
        { "首台套", ["怀经信发〔2025〕35号/art2", "朝政发〔2024〕8号/art2"] },               // why: 首台（套） and 首台套 are one term
        { "首台（套）", ["怀经信发〔2025〕35号/art2", "朝政发〔2024〕8号/art2"] },           // why: the same, typed with brackets
        { "研发费用", ["朝政发〔2024〕8号/art1"] },                                       // why: the word is split by a PDF line break in the clause
        { "专精特新 奖励", ["怀经信发〔2025〕35号/art1"] },                                // why: AND of two words
        { "\"贷款贴息\"", ["京经信发〔2022〕9号/p1"] },                                    // why: exact phrase: art3 has 贷款 and 贴息 apart
        { "租金 OR 保费补贴", ["怀经信发〔2025〕35号/art2", "怀经信发〔2025〕35号/art4"] }, // why: OR
        { "贴息 -专精特新", ["怀经信发〔2025〕35号/art3"] },                                // why: exclusion
        { "500万元", ["怀经信发〔2025〕35号/art3"] },                                      // why: an amount kept whole, across the line break
        { "第二条 首台套", ["怀经信发〔2025〕35号/art2", "朝政发〔2024〕8号/art2"] },        // why: the label is indexed with the text (no clause text says 第二条)
        { "第三条 租金", ["怀经信发〔2025〕35号/art3", "怀经信发〔2025〕35号/art4"] },   // why: no clause has both: relaxed to clauses with either
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_FindsExactlyTheRelevantClauses(string query, string[] expected)
    {
        var result = Search(query);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Hits.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, result.Total);
    }

    [Fact]
    public void Search_RelaxesOnlyWhenNoClauseHasEveryTerm()
    {
        var relaxed = Search("第三条 租金");
        Assert.True(relaxed.Relaxed);
        // why: relaxed matches are still ranked by bm25 (scores > 0, best first), not left in row order
        Assert.All(relaxed.Hits, h => Assert.True(h.Score > 0));
        Assert.Equal(relaxed.Hits.Select(h => h.Score).OrderDescending(), relaxed.Hits.Select(h => h.Score));
        Assert.False(Search("专精特新 奖励").Relaxed);
        Assert.False(Search("不存在的词").Relaxed);   // a single term is never relaxed
        Assert.Equal(0, Search("不存在的词").Total);
    }

    [Fact]
    public void Search_Offset_PagesThroughTheSameRanking()
    {
        var all = _search.Search(new SearchRequest { Query = "贴息", Filter = new ClauseFilter { AsOf = Today, AllVersions = true } });
        Assert.True(all.Hits.Count >= 3);
        var second = _search.Search(new SearchRequest { Query = "贴息", Filter = new ClauseFilter { AsOf = Today, AllVersions = true }, Offset = 1, Limit = 1 });
        Assert.Equal(all.Hits[1].ClauseId + all.Hits[1].VersionId, second.Hits.Single().ClauseId + second.Hits.Single().VersionId);
        Assert.Equal(all.Total, second.Total);   // why: totals and facets count every match, not the page
        Assert.Equal(all.Facets["region"], second.Facets["region"]);
    }

    [Fact]
    public void Search_AllVersions_IncludesSupersededVersion()
    {
        var result = Search("租金", new ClauseFilter { AsOf = Today, AllVersions = true });
        Assert.Contains(result.Hits, h => h.DocNumber == "朝政发〔2020〕3号");
    }

    public static TheoryData<ClauseFilter, string[]> Filters => new()
    {
        { new ClauseFilter { AsOf = Today, Region = "怀柔" }, ["怀经信发〔2025〕35号/art3"] },                         // why: region contains
        { new ClauseFilter { AsOf = Today, MinYuan = 3000000m }, ["怀经信发〔2025〕35号/art3"] },                      // why: from the amount table
        { new ClauseFilter { AsOf = Today, From = new DateOnly(2023, 1, 1) }, ["怀经信发〔2025〕35号/art3"] },          // why: the card's own date (2022) counts
        { new ClauseFilter { AsOf = Today, To = new DateOnly(2022, 12, 31) }, ["京经信发〔2022〕9号/p1"] },              // why: upper bound
        { new ClauseFilter { AsOf = Today, Status = "in_force" }, ["怀经信发〔2025〕35号/art3", "京经信发〔2022〕9号/p1"] }, // why: status via StatusSql.Case
        { new ClauseFilter { AsOf = Today, Status = "repealed" }, [] },                                                   // why: nothing repealed
        { new ClauseFilter { AsOf = Today, Issuer = "不存在" }, [] },                                                    // why: no issuer matches
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Search_Filters(ClauseFilter filter, string[] expected)
    {
        var result = Search("贴息", filter);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Hits.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_Hit_CarriesCardTitleAmountsSnippetAndFacets()
    {
        var result = Search("贷款贴息 专精特新");
        var hit = Assert.Single(result.Hits);
        Assert.Equal("北京市专精特新企业贷款贴息政策", hit.Title);
        Assert.Equal("京经信发〔2022〕9号", hit.DocNumber);
        Assert.Equal("服务内容：对<em>专精特新</em>企业给予<em>贷款贴息</em>，年度最高200万元。", hit.Snippet);
        Assert.Equal(1, result.Facets["region"]["北京市"]);
        Assert.Equal(1, result.Facets["status"]["in_force"]);

        var amount = Search("专精特新 奖励").Hits.Single().Amounts.Single();
        Assert.Equal(new HitAmount(300000m, "fixed", "30万元"), amount);
    }

    [Fact]
    public void Snippet_HighlightsOriginalText_AcrossLineBreakAndBrackets()
    {
        Assert.Equal("企业<em>研发费\n用</em>加计扣除后，按研发投入给予最高100万元补贴。".Replace("\n", " "),
            Search("研发费用").Hits.Single().Snippet);
        Assert.Contains("购买<em>首台（套）</em>重大", Search("首台套").Hits.Single(h => h.DocNumber!.StartsWith("怀", StringComparison.Ordinal)).Snippet);
    }

    [Fact]
    public void Search_NothingSearchable_ReturnsEmpty()
    {
        Assert.Equal(0, Search("，。！").Total);
        Assert.Equal(0, Search("-贴息").Total);
    }

    private string Save(ClauseIndexer indexer, PolicyDocument doc) =>
        _catalogue.SaveVersion(doc, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, version => indexer.IndexVersion(version, doc)).Id;

    private static PolicyDocument Doc(string key, string title, string region, string? docNumber, DateOnly issued, Clause[] clauses,
        PolicyDocument[]? parts = null)
    {
        var amounts = clauses.SelectMany(c => AmountsOf.TryGetValue(c, out var a) ? [a] : Array.Empty<MonetaryAmount>()).ToArray();
        return new PolicyDocument
        {
            Source = key + ".txt", Sha256 = (key + new string('0', 64))[..64].Replace('-', '0'), Format = SourceFormat.Txt,
            DocType = parts is null ? DocType.Policy : DocType.Compilation, Title = title, Region = region, DocNumber = docNumber,
            IssuedOn = issued, Clauses = clauses, Amounts = amounts, Parts = parts ?? [],
        };
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Clause, MonetaryAmount> AmountsOf = new();

    private static Clause Clause(string id, string label, string text, (decimal Yuan, string Text)? amount = null)
    {
        var clause = new Clause { Id = id, Kind = ClauseKind.Article, Label = label, Path = label.Length == 0 ? [] : [label], Text = text };
        if (amount is { } a)
            AmountsOf.Add(clause, new MonetaryAmount { ClauseId = id, Article = label, Text = a.Text, Yuan = a.Yuan, Role = AmountRole.Fixed });
        return clause;
    }

    public void Dispose()
    {
        _catalogue.Dispose();
        _dir.Dispose();
    }
}
