using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// The Lucene clause index on a real SQLite catalogue and a real NIOFSDirectory: versions stored in the catalogue only,
/// the index following its change log (catching up before each search), searched through <see cref="ISearchIndex"/>.
/// </summary>
[Collection(SegmenterFixture.Collection)]
public sealed class LuceneSearchIndexTest : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private readonly TempDir _dir = new("policyingest-lucene-");
    private readonly CatalogueStore _catalogue;
    private readonly LuceneClauseIndex _index;
    private readonly LuceneSearchIndex _search;

    public LuceneSearchIndexTest(SegmenterFixture fixture)
    {
        _catalogue = new CatalogueStore(_dir.File("catalogue.db"));
        _index = LuceneClauseIndex.Open(_dir.File("lucene"), new ClauseAnalyzer(fixture.Segmenter), withSmartCn: true);
        _search = new LuceneSearchIndex(_catalogue, _index, new LuceneQueryBuilder(_index, LuceneEngine.All));
        Save(Doc("a1", "怀柔区促进先进制造业高质量发展扶持办法", "北京市怀柔区", "怀经信发〔2025〕35号",
        [
            Clause("art1", "第一条", "对首次获得北京市“专精特新”中小企业认定的企业，给予一次性奖励30万元。"),
            Clause("art2", "第二条", "对企业购买首台（套）重大技术装备的，按实际投保费用的80%给予保费补贴。"),
            Clause("art3", "第三条", "对企业贷款给予贴息支持，贴息比例不超过贷款利息的50%，单个企业年度贴息金额不超过\n500万元。"),
            Clause("art4", "第四条", "对新引进企业给予房屋租金补贴，补贴期限不超过3年。"),
        ]));
        Save(Doc("b1", "朝阳区支持企业研发投入若干措施", "北京市朝阳区", "朝政发〔2024〕8号",
        [
            Clause("art1", "第一条", "企业研发费\n用加计扣除后，按研发投入给予最高100万元补贴。"),
            Clause("art2", "第二条", "对首台套产品推广应用的企业给予奖励。"),
        ]));
    }

    private SearchResult Search(string query, ClauseFilter? filter = null) =>
        _search.Search(new SearchRequest { Query = query, Filter = filter ?? new ClauseFilter { AsOf = Today } });

    private static string Key(SearchHit h) => h.DocNumber + "/" + h.ClauseId;

    public static TheoryData<string, string[]> Queries => new()
    {
        { "贴息", ["怀经信发〔2025〕35号/art3"] },                                         // why: a 2-character term
        { "首台套", ["怀经信发〔2025〕35号/art2", "朝政发〔2024〕8号/art2"] },               // why: 首台（套） unbracketed by IndexText on both sides
        { "研发费用", ["朝政发〔2024〕8号/art1"] },                                       // why: split by a PDF line break in the clause
        { "专精特新 奖励", ["怀经信发〔2025〕35号/art1"] },                                // why: AND of two words
        { "\"贷款贴息\"", [] },                                                            // why: exact phrase: art3 has 贷款 and 贴息 apart
        { "租金 OR 保费补贴", ["怀经信发〔2025〕35号/art2", "怀经信发〔2025〕35号/art4"] }, // why: OR
        { "补贴 -租金", ["怀经信发〔2025〕35号/art2", "朝政发〔2024〕8号/art1"] },          // why: exclusion
        { "500万元", ["怀经信发〔2025〕35号/art3"] },                                      // why: an amount across a line break
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_FindsExactlyTheRelevantClauses(string query, string[] expected)
    {
        var result = Search(query);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Hits.Where(h => !h.Partial).Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, result.Total);
        Assert.False(result.Relaxed);
    }

    public static TheoryData<string, int, string[], string[]> PageFills => new()
    {
        // One clause has both words; the page is filled with those that have one of them, after it.
        { "专精特新 奖励", 20, ["怀经信发〔2025〕35号/art1"], ["朝政发〔2024〕8号/art2"] },
        // Three words: all but one is two of them, and no other clause has two (b1/art2 has only 奖励).
        { "专精特新 奖励 一次性", 20, ["怀经信发〔2025〕35号/art1"], [] },
        // Three words, found with the fill in one pass: b1/art2 has 企业 and 奖励, not 一次性; clauses with 企业 alone stay out.
        { "企业 奖励 一次性", 20, ["怀经信发〔2025〕35号/art1"], ["朝政发〔2024〕8号/art2"] },
    };

    /// <summary>Fewer clauses with every term than the page holds: the page is filled with clauses that have all but one, flagged, after them.</summary>
    [Theory]
    [MemberData(nameof(PageFills))]
    public void Search_FillsAShortPageWithClausesMissingOneTerm(string query, int limit, string[] complete, string[] partial)
    {
        var result = _search.Search(new SearchRequest { Query = query, Filter = new ClauseFilter { AsOf = Today }, Limit = limit });
        var firstPartial = result.Hits.ToList().FindIndex(h => h.Partial);
        Assert.Equal(complete, result.Hits.Where(h => !h.Partial).Select(Key));
        Assert.Equal(partial.Order(StringComparer.Ordinal), result.Hits.Where(h => h.Partial).Select(Key).Order(StringComparer.Ordinal));
        if (firstPartial >= 0) Assert.All(result.Hits.Skip(firstPartial), h => Assert.True(h.Partial));   // after every complete one
        Assert.False(result.Relaxed);
        // The count and the facets are those of the complete matches only.
        Assert.Equal(complete.Length, result.Total);
        Assert.Equal(complete.Length, result.Facets["status"].Values.Sum());
    }

    /// <summary>As many clauses have every term as the page holds (several have 企业 and 补贴, the page holds one): nothing is added.</summary>
    [Fact]
    public void Search_LeavesAFullPageAlone()
    {
        var result = _search.Search(new SearchRequest { Query = "企业 补贴", Filter = new ClauseFilter { AsOf = Today }, Limit = 1 });
        Assert.True(result.Total >= 2);
        Assert.Single(result.Hits);
        Assert.DoesNotContain(result.Hits, h => h.Partial);
    }

    [Fact]
    public void Search_RelaxesWhenNoClauseHasEveryTerm()
    {
        var result = Search("第三条 租金");
        Assert.True(result.Relaxed);
        Assert.Equal(["怀经信发〔2025〕35号/art3", "怀经信发〔2025〕35号/art4"], result.Hits.Select(Key).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string[]> RelaxedLevels => new()
    {
        // art1 holds 3 of the 6 terms, art3 2, art4 1: all but three (level 3) answers, with art1 alone.
        { "专精特新 奖励 一次性 贷款 扣除 飞机", ["怀经信发〔2025〕35号/art1"] },
        // Nothing holds more than one term: the lowest level answers, with every clause holding one.
        { "租金 扣除 飞机 轮船", ["怀经信发〔2025〕35号/art4", "朝政发〔2024〕8号/art1"] },
        // Two of three: all but one, the first level tried.
        { "保费补贴 首台 飞机", ["怀经信发〔2025〕35号/art2"] },
    };

    /// <summary>
    /// The relaxed search answers at the highest level with matches, however deep (one counting pass from a floor, lower floors
    /// only when nothing reaches it), and counts and facets only the clauses at that level.
    /// </summary>
    [Theory]
    [MemberData(nameof(RelaxedLevels))]
    public void Search_RelaxedAnswersAtTheHighestLevelWithMatches(string query, string[] expected)
    {
        var result = Search(query);
        Assert.True(result.Relaxed);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Hits.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, result.Total);
        Assert.Equal(expected.Length, result.Facets["status"].Values.Sum());
    }

    /// <summary>An amount typed in Arabic numerals finds it written in Chinese ones, and back (laws write fines so).</summary>
    [Theory]
    [InlineData("500万元")]
    [InlineData("五百万元")]
    public void Search_AmountFindsItsOtherSpelling(string query)
    {
        Save(Doc("g1", "中华人民共和国反垄断法", "", "主席令第一一六号",
        [
            Clause("art56", "第五十六条", "经营者违反本法规定，达成并实施垄断协议的，上一年度没有销售额的，处五百万元以下的罚款。"),
        ]));
        var hits = Search(query).Hits;
        Assert.Contains("<em>五百万元</em>", hits.Single(h => Key(h) == "主席令第一一六号/art56").Snippet);
        Assert.Contains("<em>500万元</em>", hits.Single(h => Key(h) == "怀经信发〔2025〕35号/art3").Snippet);   // after a line break
    }

    public static TheoryData<string> OnePassQueries => new()
    {
        "企业 奖励 一次性",                      // one complete, one missing a group
        "企业 给予 补贴",                        // several complete
        "企业 补贴 给予 -租金",                  // an exclusion
        "首台套 企业 奖励",                      // complete and partial across both documents
        "专精特新 奖励 一次性 贷款 扣除 飞机",    // none complete, none at all but one
        "保费补贴 首台 飞机",                    // none complete, answered at all but one
        "怀柔区 企业 补贴",                      // a word of the policy's head
    };

    /// <summary>
    /// The one all-but-one pass (queries of three groups or more) gives what the strict search and then the all-but-one
    /// search gave: the page, the count and the facets of the complete matches, the page filled after them, or the
    /// relaxed answer at all but one; with the shipped engine (head join), with and without a sparse filter, at several
    /// page sizes.
    /// </summary>
    [Theory]
    [MemberData(nameof(OnePassQueries))]
    public void OnePass_GivesWhatTheStrictSearchAndItsFillGave(string text)
    {
        Search("企业");   // the index catches up with the catalogue
        var builder = new LuceneQueryBuilder(_index, LuceneEngine.JiebaAndBigrams, headBoost: 0.2f);
        var query = SearchQuery.Parse(text);
        var groups = builder.Groups(query);
        Assert.True(groups.Count >= 3);
        foreach (var filter in new[] { null, LuceneFilter.Of(new ClauseFilter { AsOf = Today, Region = "北京市怀柔区" }) })
        foreach (var max in new[] { 1, 2, 20 })
        {
            var strict = _index.Search(builder.Build(query, groups, groups.Count)!, filter, max, Today);
            var fill = _index.Search(builder.Build(query, groups, groups.Count - 1)!, filter, max, Today);
            var (complete, allButOne) = _index.SearchWithFill(builder.Build(query, groups, groups.Count - 1)!, groups.Count, filter, max, Today);
            Assert.Equal(strict.Total, complete.Total);
            if (strict.Total > 0)
            {
                Assert.Equal(strict.Rows.Select(r => r.RowId), complete.Rows.Select(r => r.RowId));
                Assert.Equal(Flat(strict.Facets), Flat(complete.Facets));
                var oldPage = strict.Rows.Select(r => r.RowId).Concat(fill.Rows.Select(r => r.RowId).Except(strict.Rows.Select(r => r.RowId))).Take(max);
                var newPage = complete.Rows.Select(r => r.RowId).Concat(allButOne.Rows.Select(r => r.RowId)).Take(max);
                Assert.Equal(oldPage, newPage);
            }
            else
            {
                // Nothing complete: the all-but-one search was the relaxed answer, counted and faceted at that level.
                Assert.Equal(fill.Total, allButOne.Total);
                Assert.Equal(fill.Rows.Select(r => r.RowId), allButOne.Rows.Select(r => r.RowId));
                Assert.Equal(Flat(fill.Facets), Flat(allButOne.Facets));
            }
        }
    }

    private static string Flat(Dictionary<string, Dictionary<string, int>>? facets) =>
        facets is null ? "" : string.Join("; ", facets.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + string.Join(",", f.Value.Where(v => v.Value > 0).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + ":" + v.Value))));

    [Fact]
    public void Search_RegionFilterAndFacets()
    {
        var result = Search("补贴", new ClauseFilter { AsOf = Today, Region = "朝阳" });
        Assert.Equal(["朝政发〔2024〕8号/art1"], result.Hits.Select(Key));
        Assert.Equal(1, result.Facets["region"]["北京市朝阳区"]);
        Assert.Contains("<em>", result.Hits[0].Snippet, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Snippets => new()
    {
        { "首台套", "怀经信发〔2025〕35号/art2", "对企业购买<em>首台（套）</em>重大技术装备的，按实际投保费用的80%给予保费补贴。" },  // why: the bracket the index text dropped is inside the mark
        { "研发费用", "朝政发〔2024〕8号/art1", "企业<em>研发费 用</em>加计扣除后，按<em>研发</em>投入给予最高100万元补贴。" },  // why: marked across the PDF line break; the jieba word 研发 matched too
        { "\"保费补贴\"", "怀经信发〔2025〕35号/art2", "对企业购买首台（套）重大技术装备的，按实际投保费用的80%给予<em>保费补贴</em>。" }, // why: a phrase is marked only where its bigrams stand in a row (not 保费 of 投保费用)
        { "专精特新 奖励", "怀经信发〔2025〕35号/art1", "对首次获得北京市“<em>专精特新</em>”中小企业认定的企业，给予一次性<em>奖励</em>30万元。" }, // why: two separate marks, not one from the first to the last
        { "500万元", "怀经信发〔2025〕35号/art3", "对企业贷款给予贴息支持，贴息比例不超过贷款利息的50%，单个企业年度贴息金额不超过 <em>500万元</em>。" }, // why: an amount after a line break
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_MarksWhatTheLuceneQueryMatched_OnTheOriginalText(string query, string key, string expected)
    {
        var hit = Search(query).Hits.Single(h => Key(h) == key);
        Assert.Equal(expected, hit.Snippet);
    }

    [Fact]
    public void Snippet_OfALongClause_IsTheWindowAroundTheMatch()
    {
        var filler = string.Concat(Enumerable.Repeat("本市统筹安排产业发展资金，支持重点产业项目建设。", 8));
        Save(Doc("d1", "门头沟区产业发展资金管理办法", "北京市门头沟区", "门政发〔2025〕2号",
            [Clause("art1", "第一条", filler + "对获评国家级绿色工厂的企业，给予一次性奖励100万元。" + filler)]));
        var snippet = Search("绿色工厂").Hits.Single().Snippet;
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("获评国家级<em>绿色工厂</em>的企业", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Replace("<em>", "").Replace("</em>", "").Length, 60, 200);
    }

    [Fact]
    public void Rebuild_FromTheCatalogue_GivesTheSameHits()
    {
        var before = Search("企业 补贴").Hits.Select(Key).Order(StringComparer.Ordinal).ToList();
        var rebuilt = _index.Rebuild(new CatalogueClauseFeed(_catalogue));
        Assert.True(rebuilt.Rebuilt);
        Assert.Equal(6, _index.Count);
        Assert.NotEmpty(before);
        Assert.Equal(before, Search("企业 补贴").Hits.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rebuild_Cancelled_LeavesTheIndexAsItWas()
    {
        var before = Search("企业 补贴").Hits.Select(Key).Order(StringComparer.Ordinal).ToList();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        // The clearing is held by the writer until the first batch commits: disposing it would commit an empty index
        // that still reads as current.
        Assert.ThrowsAny<OperationCanceledException>(() => _index.Rebuild(new CatalogueClauseFeed(_catalogue), cancellationToken: cancelled.Token));
        Assert.Equal(6, _index.Count);
        Assert.Equal(before, Search("企业 补贴").Hits.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_CatchesUpWithVersionsStoredSinceTheLastSearch()
    {
        Assert.Single(Search("贴息").Hits);
        var feed = new CatalogueClauseFeed(_catalogue);
        var before = feed.Position().LatestChange;
        Save(Doc("c1", "顺义区贷款贴息管理办法", "北京市顺义区", "顺政发〔2025〕3号", [Clause("art1", "第一条", "贴息期限最长不超过2年。")]));
        Assert.Equal(before + 1, feed.Position().LatestChange);
        Assert.False(_index.IsCurrent(feed.Position()));
        Assert.Equal(["怀经信发〔2025〕35号/art3", "顺政发〔2025〕3号/art1"], Search("贴息").Hits.Select(Key).Order(StringComparer.Ordinal));
        Assert.True(_index.IsCurrent(feed.Position()));
        Assert.Equal(7, _index.Count);
    }

    [Fact]
    public void StatusChange_IsAChangeTheIndexApplies_AndTheFilterReadsIt()
    {
        var feed = new CatalogueClauseFeed(_catalogue);
        Search("贴息");
        var old = _catalogue.FindVersionBySha(Doc("a1", "", "", "", []).Sha256)!;
        var repeal = Doc("r1", "关于废止部分规范性文件的决定", "北京市怀柔区", "怀政发〔2026〕1号", [Clause("art1", "第一条", "决定废止本区部分文件。")]);
        var latest = feed.Position().LatestChange;
        _catalogue.SaveVersion(repeal, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, w => w.SetRepealedBy(old.Id, w.VersionId, "测试废止"));
        var changes = feed.ChangesAfter(latest, 10);
        Assert.Equal(["stored", "updated"], changes.Select(c => c.Kind).Order(StringComparer.Ordinal));
        Assert.Contains(changes, c => c.VersionId == old.Id && c.Kind == "updated");
        var repealed = Search("贴息", new ClauseFilter { AsOf = Today, Status = "repealed" });
        Assert.Equal(["怀经信发〔2025〕35号/art3"], repealed.Hits.Select(Key));
        Assert.Empty(Search("贴息", new ClauseFilter { AsOf = Today, Status = "in_force" }).Hits);
        Assert.Equal(7, _index.Count);   // the repealed version's four clauses re-written once, not added again
    }

    [Fact]
    public void SparseFilter_OnSegmentsWithDeletedDocuments_MatchesOnlyLiveOnes()
    {
        // Twelve districts, so one district's filter lets through under a quarter of a segment (read by jumping to the
        // filter's documents, where deletions must be honoured by the filter itself).
        foreach (var (district, i) in new[] { "东城", "西城", "海淀", "丰台", "石景山", "门头沟", "房山", "通州", "顺义", "昌平", "大兴", "平谷" }.Select((d, i) => (d, i)))
            Save(Doc($"e{i:D2}", $"{district}区贴息办法", $"北京市{district}区", $"{district[..1]}政发〔2025〕{i + 1}号", [Clause("art1", "第一条", "对企业贷款给予贴息。")]));
        Save(Doc("y1", "延庆区贴息办法", "北京市延庆区", "延政发〔2025〕9号", [Clause("art1", "第一条", "对民宿贷款给予贴息。")]));
        var yanqing = new ClauseFilter { AsOf = Today, Region = "延庆" };
        Assert.Equal(1, Search("贴息", yanqing).Total);
        var old = _catalogue.FindVersionBySha(Doc("y1", "", "", "", []).Sha256)!;
        _catalogue.SaveVersion(Doc("y2", "关于废止部分文件的决定", "北京市密云区", "密政发〔2026〕1号", [Clause("art1", "第一条", "决定废止部分文件。")]),
            PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, w => w.SetRepealedBy(old.Id, w.VersionId, "测试废止"));
        var found = Search("贴息", yanqing with { AllVersions = true });
        Assert.Equal(1, found.Total);   // the clause re-written with its new status, not its deleted copy beside it
        Assert.Equal("repealed", Search("贴息", yanqing with { Status = "repealed" }).Hits.Single().Status);
    }

    [Fact]
    public void AbsorbedPart_LeavesTheIndex()
    {
        Save(Doc("n1", "关于印发贷款贴息办法的通知", "北京市怀柔区", "怀经信发〔2025〕36号", [Clause("p1", "一、", "现将贷款贴息办法印发给你们。")]));
        Assert.Equal(2, Search("贴息").Total);
        var part = _catalogue.FindVersionBySha(Doc("n1", "", "", "", []).Sha256)!;
        _catalogue.SaveVersion(Doc("w1", "贷款贴息办法", "北京市怀柔区", "怀经信发〔2025〕36号", [Clause("art1", "第一条", "设立专项资金。")]),
            PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, w => w.AbsorbPart(part.Id));
        Assert.Equal(["怀经信发〔2025〕35号/art3"], Search("贴息").Hits.Select(Key));
        Assert.Equal(7, _index.Count);
    }

    [Fact]
    public void IndexLeftBesideANewCatalogue_IsRebuiltForIt()
    {
        Search("贴息");
        using var other = new CatalogueStore(_dir.File("other.db"));
        other.SaveVersion(Doc("x1", "延庆区文旅扶持办法", "北京市延庆区", "延政发〔2025〕2号", [Clause("art1", "第一条", "对新开业民宿给予一次性补贴。")]),
            PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch);
        var caughtUp = _index.CatchUp(new CatalogueClauseFeed(other));
        Assert.True(caughtUp.Rebuilt);
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public void IndexWrittenWithAnEarlierLayout_IsRebuiltWhenOpened()
    {
        Search("贴息");
        var feed = new CatalogueClauseFeed(_catalogue);
        // What an index of the previous layout holds: the position it applied, no layout key.
        var (catalogueId, applied) = _index.Applied;
        using (var directory = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(_dir.File("lucene"))))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory,
                   new Lucene.Net.Index.IndexWriterConfig(LuceneClauseIndex.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string>
            {
                ["catalogue.seq"] = applied.ToString(System.Globalization.CultureInfo.InvariantCulture), ["catalogue.id"] = catalogueId!,
            });
            writer.Commit();
        }
        // As the next process opens it.
        using var reopened = LuceneClauseIndex.Open(_dir.File("lucene"), _index.ClauseAnalyzer);
        Assert.Equal((catalogueId, applied), reopened.Applied);
        Assert.False(reopened.IsCurrent(feed.Position()));
        var caughtUp = reopened.EnsureCurrent(feed);
        Assert.NotNull(caughtUp);
        Assert.True(caughtUp.Rebuilt);
        Assert.Equal(6, reopened.Count);
        Assert.True(reopened.IsCurrent(feed.Position()));
        Assert.Null(reopened.EnsureCurrent(feed));
    }

    [Fact]
    public void TwoIndexesOnOneFolder_FindEachOthersWork()
    {
        Search("贴息");
        Save(Doc("c2", "密云区贴息办法", "北京市密云区", "密政发〔2025〕4号", [Clause("art1", "第一条", "贴息资金按季度拨付。")]));
        using var second = LuceneClauseIndex.Open(_dir.File("lucene"), _index.ClauseAnalyzer);
        var feed = new CatalogueClauseFeed(_catalogue);
        Assert.NotNull(second.EnsureCurrent(feed));
        Assert.True(_index.IsCurrent(feed.Position()));   // applied by the other one: nothing left to do here
        Assert.Null(_index.EnsureCurrent(feed));
        Assert.Equal(7, _index.Count);
    }

    [Fact]
    public void LoneCharacter_TypedIsAPrefix_CutFromAQuestionIsAWord()
    {
        var builder = new LuceneQueryBuilder(_index, LuceneEngine.JiebaAndBigrams, headBoost: 0.2f);
        static IEnumerable<Lucene.Net.Search.Query> All(Lucene.Net.Search.Query q) => q switch
        {
            Lucene.Net.Search.BooleanQuery b => b.Clauses.SelectMany(c => All(c.Query)).Prepend(q),
            HeadJoinQuery h => All(h.Head).Prepend(q),
            _ => [q],
        };
        var typed = All(builder.Term(new QueryTerm("贴", Phrase: false))!).ToList();
        var cut = All(builder.Term(new QueryTerm("贴", Phrase: false) { Word = true })!).ToList();
        Assert.Contains(typed, q => q is Lucene.Net.Search.PrefixQuery);
        Assert.DoesNotContain(cut, q => q is Lucene.Net.Search.PrefixQuery);
        Assert.Contains(cut, q => q is Lucene.Net.Search.TermQuery t && t.Term.Text == "贴");
    }

    [Fact]
    public void HeadFields_LetAQueryNameThePolicy()
    {
        var plain = Search("先进制造业 贴息");
        var withHead = new LuceneSearchIndex(_catalogue, _index, new LuceneQueryBuilder(_index, LuceneEngine.JiebaAndBigrams, headBoost: 0.2f))
            .Search(new SearchRequest { Query = "先进制造业 贴息", Filter = new ClauseFilter { AsOf = Today } });
        Assert.True(plain.Relaxed);
        Assert.False(withHead.Relaxed);
        Assert.Equal(["怀经信发〔2025〕35号/art3"], withHead.Hits.Where(h => !h.Partial).Select(Key));
    }

    [Fact]
    public void CancelledSearch_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            _search.Search(new SearchRequest { Query = "企业", Filter = new ClauseFilter { AsOf = Today } }, cancelled.Token));
        Assert.NotEmpty(Search("企业").Hits);   // the index is not left in a bad state
    }

    private void Save(PolicyDocument doc) => _catalogue.SaveVersion(doc, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch);

    private static PolicyDocument Doc(string key, string title, string region, string docNumber, Clause[] clauses) => new()
    {
        Source = key + ".txt", Sha256 = (key + new string('0', 64))[..64], Format = SourceFormat.Txt, DocType = DocType.Policy,
        Title = title, Region = region, DocNumber = docNumber, IssuedOn = new DateOnly(2025, 1, 1), Clauses = clauses,
    };

    private static Clause Clause(string id, string label, string text) =>
        new() { Id = id, Kind = ClauseKind.Article, Label = label, Path = [label], Text = text };

    public void Dispose()
    {
        _index.Dispose();
        _catalogue.Dispose();
        _dir.Dispose();
    }
}
