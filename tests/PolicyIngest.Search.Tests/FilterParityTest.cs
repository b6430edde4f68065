using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// Lucene's filters and facets mean what the catalogue's SQL means: one catalogue, indexed by FTS5 (in the unit of work)
/// and by Lucene (following the change log), and every filter of a grid gives the same matches, totals and facets.
/// </summary>
[Collection(SegmenterFixture.Collection)]
public sealed class FilterParityTest : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private readonly TempDir _dir = new("policyingest-parity-");
    private readonly CatalogueStore _catalogue;
    private readonly LuceneClauseIndex _index;
    private readonly Fts5SearchIndex _fts5;
    private readonly LuceneSearchIndex _lucene;

    public FilterParityTest(SegmenterFixture fixture)
    {
        var analyzer = new ClauseAnalyzer(fixture.Segmenter);
        _catalogue = new CatalogueStore(_dir.File("catalogue.db"));
        var fts = new ClauseIndexer(analyzer);
        void Save(PolicyDocument d, Action<IVersionWrite>? also = null) =>
            _catalogue.SaveVersion(d, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, w => { fts.IndexVersion(w, d); also?.Invoke(w); });

        Save(Doc("a", "怀柔区先进制造业扶持办法", "北京市怀柔区", "怀柔区经济和信息化局", new(2025, 3, 1), null, null,
        [
            Support("a1", "对首次认定的专精特新企业给予奖励30万元。", "enterprise_support", ["award"], ["manufacturing"], 300_000m),
            Support("a2", "对企业贷款给予贴息支持，年度贴息金额不超过500万元。", "finance", ["interest_subsidy"], ["manufacturing"], 5_000_000m),
            Support("a3", "对新引进企业给予房屋租金补贴。", "space", ["rent_subsidy"], [], null),
        ]));
        Save(Doc("b", "朝阳区支持企业研发若干措施", "北京市朝阳区", "朝阳区科学技术委员会", new(2024, 5, 10), new(2024, 6, 1), new(2025, 12, 31),
        [
            Support("b1", "按研发投入给予最高100万元补贴，支持企业贷款贴息。", "innovation", ["grant", "interest_subsidy"], ["software"], 1_000_000m),
            Support("b2", "对企业购买首台套装备给予保费补贴。", "enterprise_support", ["insurance_subsidy"], ["manufacturing", "software"], null),
        ]));
        Save(Doc("c", "顺义区租金补贴实施细则", "北京市顺义区", "顺义区商务局", new(2026, 1, 5), new(2026, 9, 1), null,
        [
            Support("c1", "租金补贴标准为每平方米每天1.5元，贴息另行规定。", "space", ["rent_subsidy"], [], 1.5m),
        ]));
        var repealed = Doc("d", "怀柔区贴息管理办法", "北京市怀柔区", "怀柔区财政局", new(2020, 1, 1), null, null,
            [Support("d1", "贴息比例不超过贷款利息的50%，单个企业不超过200万元。", "finance", ["interest_subsidy"], [], 2_000_000m)]);
        Save(repealed);
        var old = _catalogue.FindVersionBySha(repealed.Sha256)!;
        Save(Doc("e", "关于废止怀柔区贴息管理办法的决定", "北京市怀柔区", "怀柔区人民政府", new(2026, 2, 1), null, null,
            [Support("e1", "废止怀柔区贴息管理办法，贴息事项按新办法执行。", "other", [], [], null)]),
            w => w.SetRepealedBy(old.Id, w.VersionId, "测试废止"));
        var v1 = Doc("f", "密云区文旅扶持办法", "北京市密云区", "密云区文化和旅游局", new(2023, 1, 1), null, null,
            [Support("f1", "对新开业民宿给予一次性补贴10万元，贴息不超过3年。", "culture", ["grant"], ["tourism"], 100_000m)]);
        Save(v1);
        var first = _catalogue.FindVersionBySha(v1.Sha256)!;
        Save(Doc("g", "密云区文旅扶持办法", "北京市密云区", "密云区文化和旅游局", new(2025, 1, 1), null, null,
            [Support("g1", "对新开业民宿给予一次性补贴20万元，贴息不超过3年。", "culture", ["grant"], ["tourism"], 200_000m)]),
            w => w.SetSupersededBy(first.Id, w.VersionId, "测试修订"));

        _index = LuceneClauseIndex.Open(_dir.File("lucene"), analyzer);
        _fts5 = new Fts5SearchIndex(_catalogue, analyzer);
        _lucene = new LuceneSearchIndex(_catalogue, _index, new LuceneQueryBuilder(_index, LuceneEngine.JiebaAndBigrams));
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "贴息", "" },
        { "贴息", "all" },
        { "补贴", "region=怀柔" },
        { "补贴", "issuer=科学技术" },
        { "贴息", "category=finance" },
        { "补贴", "instrument=rent_subsidy" },
        { "补贴 OR 贴息", "industry=software" },
        { "贴息", "status=repealed all" },
        { "贴息", "status=amended all" },
        { "补贴", "status=expired" },
        { "补贴", "status=not_yet_effective" },
        { "贴息 OR 补贴", "status=in_force" },
        { "贴息 OR 补贴", "status=bogus" },
        { "贴息 OR 补贴", "from=2025-01-01" },
        { "贴息 OR 补贴", "from=2024-01-01 to=2025-06-30" },
        { "贴息 OR 补贴", "min=1000000" },
        { "贴息 OR 补贴", "min=1.5 all" },
        { "企业", "region=北京 category=enterprise_support min=0" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void LuceneAndFts5_AgreeOnMatchesTotalsAndFacets(string query, string filterText)
    {
        var filter = Parse(filterText);
        var request = new SearchRequest { Query = query, Filter = filter, Limit = 100 };
        var expected = _fts5.Search(request);
        var actual = _lucene.Search(request);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(Keys(expected), Keys(actual));
        Assert.Equal(Flatten(expected.Facets), Flatten(actual.Facets));
        Assert.Equal(_fts5.MatchIds(query, filter).Order(), _lucene.MatchIds(query, filter, 100).Order());
    }

    [Fact]
    public void LuceneAndFts5_AgreeOnEveryFilterInTurn_WithConditionsKeptFromTheFiltersBefore()
    {
        // One index for the whole grid, twice over: each filter's conditions (current versions, a region, an amount…) are
        // kept as bits on their own and met again in later combinations.
        foreach (var row in Filters.Concat(Filters.Reverse()))
        {
            var (query, filter) = ((string)row[0], Parse((string)row[1]));
            Assert.Equal(_fts5.MatchIds(query, filter).Order(), _lucene.MatchIds(query, filter, 100).Order());
        }
    }

    [Fact]
    public void TheGridIsNotTrivial()
    {
        var counts = Filters.Select(row => _fts5.Search(new SearchRequest { Query = (string)row[0], Filter = Parse((string)row[1]), Limit = 100 }).Total).ToList();
        Assert.Contains(counts, c => c == 0);
        Assert.True(counts.Count(c => c > 0) >= 14, string.Join(",", counts));
        Assert.True(counts.Distinct().Count() >= 5, string.Join(",", counts));
    }

    private static ClauseFilter Parse(string text)
    {
        var filter = new ClauseFilter { AsOf = Today };
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.Contains('=') ? (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]) : (part, "");
            filter = key switch
            {
                "all" => filter with { AllVersions = true },
                "region" => filter with { Region = value },
                "issuer" => filter with { Issuer = value },
                "category" => filter with { Category = value },
                "instrument" => filter with { Instrument = value },
                "industry" => filter with { Industry = value },
                "status" => filter with { Status = value },
                "from" => filter with { From = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "to" => filter with { To = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "min" => filter with { MinYuan = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException(part),
            };
        }
        return filter;
    }

    private static List<string> Keys(SearchResult r) => r.Hits.Select(h => h.VersionId + "/" + h.ClauseId).Order(StringComparer.Ordinal).ToList();

    private static List<string> Flatten(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> facets) =>
        facets.SelectMany(f => f.Value.Select(v => $"{f.Key}:{v.Key}={v.Value}")).Order(StringComparer.Ordinal).ToList();

    private static PolicyDocument Doc(string key, string title, string region, string issuer, DateOnly issued, DateOnly? effective, DateOnly? expires,
        (Clause Clause, MonetaryAmount? Amount)[] clauses) => new()
    {
        Source = key + ".txt", Sha256 = (key + new string('0', 64))[..64], Format = SourceFormat.Txt, DocType = DocType.Policy,
        Title = title, Region = region, Issuer = issuer, IssuedOn = issued, EffectiveFrom = effective, ExpiresOn = expires,
        Clauses = clauses.Select(c => c.Clause).ToList(),
        Amounts = clauses.Where(c => c.Amount is not null).Select(c => c.Amount!).ToList(),
    };

    private static (Clause, MonetaryAmount?) Support(string id, string text, string category, string[] instruments, string[] industries, decimal? yuan) =>
        (new Clause
        {
            Id = id, Kind = ClauseKind.Article, Label = "第" + id + "条", Path = [id], Text = text,
            Category = category, Instruments = instruments, Industries = industries,
        },
        yuan is { } y ? new MonetaryAmount { ClauseId = id, Article = id, Text = y + "元", Yuan = y, Role = AmountRole.Cap } : null);

    public void Dispose()
    {
        _index.Dispose();
        _catalogue.Dispose();
        _dir.Dispose();
    }
}
