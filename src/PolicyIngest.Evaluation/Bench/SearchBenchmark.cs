using PolicyIngest.Core;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Search;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;
using PolicyIngest.Search;
using System.CommandLine;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// `bench search`: a synthetic catalogue of 200,000 clauses (or --clauses N) recombined from the corpus's clauses
/// (varied regions, issuers, amounts and dates), written through the catalogue and the FTS5 indexer as ingest writes
/// them, then the Lucene index built by following the catalogue's change log; prints each engine's build rate and size
/// and, side by side, the latency of the qrels queries (full search: filters, facets, snippets).
/// </summary>
public sealed partial class SearchBenchmark : IMeasurement
{
    private static readonly Option<int> ClausesOption = new("--clauses")
    {
        Description = "clauses in the synthetic catalogue (200,000 by default; the issue also asks 1,000,000)",
        DefaultValueFactory = _ => 200_000,
    };

    private static readonly Option<string> EnginesOption = new("--engines")
    {
        Description = "which engines' queries to measure: fts5,lucene (both, the default) or one of them",
        DefaultValueFactory = _ => "fts5,lucene",
    };

    private static readonly Option<string[]> QueryOption = new("--query")
    {
        Description = "time only this query (repeatable), 50 runs each, on an existing --db catalogue: for profiling one slow query",
    };

    public IReadOnlyList<Option> Options => [ClausesOption, EnginesOption, QueryOption];
    private const int ClausesPerDocument = 50;
    private const int Rounds = 5;

    /// <summary>Clients searching at once in the concurrency figure (#20: under 1 and under 8 concurrent clients).</summary>
    private const int ConcurrentClients = 8;

    private static readonly string[] Regions =
    [
        "北京市", "北京市怀柔区", "北京市朝阳区", "北京市海淀区", "北京市丰台区", "北京市昌平区", "北京市顺义区", "北京市大兴区", "北京市通州区",
        "北京市石景山区", "北京市门头沟区", "北京市房山区", "北京市平谷区", "北京市密云区", "北京市延庆区", "北京经济技术开发区",
        "上海市浦东新区", "天津市滨海新区", "深圳市南山区", "杭州市余杭区", "苏州工业园区", "广州市黄埔区", "成都高新区", "武汉东湖高新区",
    ];

    private static readonly string[] Issuers = ["经济和信息化局", "发展和改革委员会", "科学技术委员会", "财政局", "人民政府办公室", "商务局", "人力资源和社会保障局"];

    private static readonly string[] Kinds = ["促进先进制造业高质量发展扶持办法", "支持专精特新企业发展若干措施", "关于加快数字经济发展的实施意见", "科技创新资金管理办法", "产业政策导引", "稳增长若干措施"];

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s?万元")]
    private static partial Regex TenThousandYuan();

    public string Name => "search";
    public string Description => "synthetic 200,000-clause catalogue: FTS5 and Lucene build rate, size, qrels query latency p50/p95/p99 side by side";

    /// <summary>
    /// With the global --db PATH the synthetic catalogue is kept there, and a later run with the same PATH re-measures
    /// the queries without rebuilding it (the build figures are printed only when it is built).
    /// </summary>
    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var dir = Directory.CreateTempSubdirectory("policyingest-bench-search-").FullName;
        try
        {
            var analyzer = context.Services.Analyzer;
            var target = Math.Max(ClausesPerDocument, context.Parse.GetValue(ClausesOption));
            var dbPath = context.DbPathOrDefault(Path.Combine(dir, "bench.db"));
            var reuse = File.Exists(dbPath);
            using var catalogue = new CatalogueStore(dbPath);
            if (reuse && catalogue.Counts().Clauses < target)
            {
                context.Err.WriteLine($"bench search: {dbPath} exists but holds fewer than {target:N0} clauses; give a new path");
                return ExitCodes.Usage;
            }
            if (reuse) o.WriteLine($"reusing {dbPath}: {catalogue.Counts().Clauses:N0} clauses (not rebuilt)");
            else Build(context, catalogue, analyzer, dir, dbPath, target, cancellationToken);
            using var lucene = BuildLucene(context, catalogue, analyzer, cancellationToken);
            var engines = context.Parse.GetValue(EnginesOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            // A catalogue built by ingest since session 16 has no FTS5 rows: the baseline cannot be measured on it.
            if (engines.Contains("fts5") && ClauseSearchStore.CountIndexed(catalogue) == 0)
            {
                o.WriteLine("fts5: this catalogue has no FTS5 rows (ingest no longer writes them; bench search writes them when it builds): not measured");
                engines.Remove("fts5");
            }
            var fts5 = new Fts5SearchIndex(catalogue, analyzer);
            var luceneSearch = new LuceneSearchIndex(catalogue, lucene, PolicyIngestServices.ShippedQuery(lucene));
            if (context.Parse.GetValue(QueryOption) is { Length: > 0 } only)
            {
                foreach (var (name, search) in new (string, ISearchIndex)[] { ("fts5", fts5), ("lucene", luceneSearch) })
                {
                    if (engines.Contains(name)) MeasureOnly(o, name, search, only, new ClauseFilter { AsOf = context.Today });
                }
                return ExitCodes.Done;
            }
            foreach (var (name, search) in new (string, ISearchIndex)[] { ("fts5", fts5), ("lucene", luceneSearch) })
            {
                if (engines.Contains(name)) MeasureQueries(context, o, name, search);
            }
            var queries = Qrels.Load(SearchCorpus.QrelsPath(context)).Select(q => q.Query).ToList();
            foreach (var (name, searchOf) in new (string, Func<CatalogueStore, ISearchIndex>)[]
                     {
                         ("fts5", c => new Fts5SearchIndex(c, analyzer)),
                         ("lucene", c => new LuceneSearchIndex(c, lucene, PolicyIngestServices.ShippedQuery(lucene))),
                     })
            {
                if (!engines.Contains(name)) continue;
                o.WriteLine(SearchLoad.Describe(name, SearchLoad.Measure(() => new CatalogueStore(dbPath), searchOf, queries, context.Today,
                    ConcurrentClients, 2, cancellationToken)));
            }
            return ExitCodes.Done;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The Lucene index of the catalogue, caught up (built from its change log when new); prints rate and size.</summary>
    private static LuceneClauseIndex BuildLucene(CliContext context, CatalogueStore catalogue, ClauseAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var path = CatalogueLayout.SearchIndex(catalogue.Path);
        var lucene = LuceneClauseIndex.Open(path, analyzer);
        var clock = Stopwatch.StartNew();
        var result = lucene.CatchUp(new CatalogueClauseFeed(catalogue), null, cancellationToken);
        clock.Stop();
        var size = Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);
        if (result.DocumentsWritten > 0)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lucene build: {result.DocumentsWritten:N0} clauses in {clock.Elapsed.TotalSeconds:0.0} s = {result.DocumentsWritten / clock.Elapsed.TotalSeconds:N0} clauses/s (read from the catalogue, jieba + bigrams + head + facts, 2 threads; target ≥ 10,000)"));
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lucene index size: {size / 1048576.0:0.0} MiB ({size / (double)Math.Max(1, lucene.Count):0} bytes/clause) in {path}"));
        return lucene;
    }

    private static void Build(CliContext context, CatalogueStore catalogue, ClauseAnalyzer analyzer, string dir, string dbPath, int target, CancellationToken cancellationToken)
    {
        var o = context.Out;
        List<string> pool;
        using (var corpus = SearchCorpus.Build(context, Path.Combine(dir, "corpus.db"), context.Err))
            pool = ClauseSearchStore.ClauseSources(corpus).DistinctBy(c => c.RowId).Select(c => c.Text).Where(t => t.Length >= 8).ToList();
        o.WriteLine($"source: {pool.Count:N0} corpus clauses, recombined into {target:N0} synthetic clauses");

        var indexer = new ClauseIndexer(analyzer);
        var random = new Random(20260601);
        var documents = Enumerable.Range(0, target / ClausesPerDocument).Select(i => Synthetic(i, pool, random));
        var indexing = new Stopwatch();
        var build = Stopwatch.StartNew();
        foreach (var doc in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            catalogue.SaveVersion(doc, PolicyLink.NewPolicy(), context.Settings.Clock.GetUtcNow(), version =>
            {
                indexing.Start();
                indexer.IndexVersion(version, doc);
                indexing.Stop();
            });
        }
        build.Stop();
        ClauseSearchStore.Checkpoint(catalogue);
        var clauses = ClauseSearchStore.CountIndexed(catalogue);
        var size = new FileInfo(dbPath).Length;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build: {clauses:N0} clauses in {build.Elapsed.TotalSeconds:0.0} s = {clauses / build.Elapsed.TotalSeconds:N0} clauses/s (catalogue + FTS5 in the same transactions)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fts5 build: indexing alone (segment + bigrams + FTS5 insert): {indexing.Elapsed.TotalSeconds:0.0} s = {clauses / indexing.Elapsed.TotalSeconds:N0} clauses/s"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"db size: {size / 1048576.0:0.0} MiB ({size / (double)clauses:0} bytes/clause, catalogue + FTS5 index)"));
    }

    private static void MeasureQueries(CliContext context, TextWriter o, string engine, ISearchIndex search)
    {
        var queries = Qrels.Load(SearchCorpus.QrelsPath(context)).Select(q => q.Query).ToList();
        var filter = new ClauseFilter { AsOf = context.Today };
        var gc = GcCounts.Now();
        var runs = TimeRounds(search, queries, filter);
        var samples = runs.Values.SelectMany(r => r.Times).Order().ToList();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: query latency over {queries.Count} qrels queries × {Rounds} (top 20, facets, snippets): p50 {SearchLoad.Percentile(samples, 50):0.0} ms, p95 {SearchLoad.Percentile(samples, 95):0.0} ms, p99 {SearchLoad.Percentile(samples, 99):0.0} ms, max {samples[^1]:0.0} ms (target p95 ≤ 10 ms at 1M)"));
        o.WriteLine($"{engine}: garbage collections during those searches: {GcCounts.Now().Since(gc)}");
        var totals = runs.Values.Select(r => r.Total).Order().ToList();
        o.WriteLine($"{engine}: matches per query: median {totals[totals.Count / 2]:N0}, max {totals[^1]:N0}");
        var medians = runs.Select(kv => (Query: kv.Key, Median: Median(kv.Value.Times), kv.Value.Total, kv.Value.Relaxed)).ToList();
        var relaxed = medians.Where(r => r.Relaxed).Select(r => r.Median).ToList();
        var slow = medians.Where(r => r.Median > 10).OrderByDescending(r => r.Median).ToList();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: queries whose median is above 10 ms: {slow.Count} of {runs.Count} ({slow.Count(r => r.Relaxed)} of them answered relaxed; {relaxed.Count} relaxed in all, median {Median(relaxed):0.0} ms; the others median {Median(medians.Where(r => !r.Relaxed).Select(r => r.Median)):0.0} ms)"));
        o.WriteLine($"{engine}: slowest queries: " + Slowest(runs, 5));
        o.WriteLine($"{engine}: medians above 10 ms: " + string.Join("; ", slow.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Query} {r.Median:0.0} ms ({r.Total:N0}{(r.Relaxed ? ", relaxed" : "")})"))));

        var narrowed = filter with { Region = "怀柔", MinYuan = 500000m };
        // The first search with a new filter reads the filter's documents into bits (kept for later searches): timed on its own.
        var firstMs = Milliseconds(search, queries[0], narrowed);
        var filteredRuns = TimeRounds(search, queries, narrowed);
        var filtered = filteredRuns.Values.SelectMany(r => r.Times).Order().ToList();
        // A new combination of conditions already read (the district alone, the amount alone): only their AND is new.
        var regionOnlyMs = Milliseconds(search, queries[0], filter with { Region = "怀柔" });
        var amountOnlyMs = Milliseconds(search, queries[0], filter with { MinYuan = 500000m });
        var repeatMs = Milliseconds(search, queries[0], filter with { MinYuan = 500000m });
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: with --region 怀柔 --min-amount 500000, {queries.Count} queries × {Rounds} after one pass: p50 {SearchLoad.Percentile(filtered, 50):0.0} ms, p95 {SearchLoad.Percentile(filtered, 95):0.0} ms, p99 {SearchLoad.Percentile(filtered, 99):0.0} ms (first search with this filter {firstMs:0.0} ms; then a first search with --region 怀柔 alone {regionOnlyMs:0.0} ms, with --min-amount 500000 alone {amountOnlyMs:0.0} ms, that again {repeatMs:0.0} ms)"));
        o.WriteLine($"{engine}: slowest filtered: " + Slowest(filteredRuns, 8));
    }

    /// <summary>One search per query (warming), then <see cref="Rounds"/> timed ones: each query's times, matches and whether it was answered relaxed.</summary>
    private static Dictionary<string, (List<double> Times, int Total, bool Relaxed)> TimeRounds(ISearchIndex search, List<string> queries, ClauseFilter filter)
    {
        foreach (var q in queries) search.Search(new SearchRequest { Query = q, Filter = filter });
        var runs = new Dictionary<string, (List<double> Times, int Total, bool Relaxed)>(StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var q in queries)
            {
                var (ms, r) = Timed(search, q, filter);
                if (!runs.TryGetValue(q, out var run)) runs[q] = run = ([], r.Total, r.Relaxed);
                run.Times.Add(ms);
            }
        }
        return runs;
    }

    private static void MeasureOnly(TextWriter o, string engine, ISearchIndex search, IEnumerable<string> queries, ClauseFilter filter)
    {
        foreach (var q in queries)
        {
            var (first, r) = Timed(search, q, filter);
            var times = Enumerable.Range(0, 50).Select(_ => Timed(search, q, filter).Ms).Order().ToList();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine}: {q}: first {first:0.0} ms, then median {Median(times):0.0} ms, p95 {SearchLoad.Percentile(times, 95):0.0} ms ({r.Total:N0} matches{(r.Relaxed ? ", relaxed" : "")})"));
        }
    }

    private static double Milliseconds(ISearchIndex search, string query, ClauseFilter filter) => Timed(search, query, filter).Ms;

    private static (double Ms, SearchResult Result) Timed(ISearchIndex search, string query, ClauseFilter filter)
    {
        var sw = Stopwatch.StartNew();
        var result = search.Search(new SearchRequest { Query = query, Filter = filter });
        return (sw.Elapsed.TotalMilliseconds, result);
    }

    /// <summary>The <paramref name="n"/> queries with the slowest single run, with that run's time and their matches.</summary>
    private static string Slowest(Dictionary<string, (List<double> Times, int Total, bool Relaxed)> runs, int n) =>
        string.Join("; ", runs.OrderByDescending(kv => kv.Value.Times.Max()).Take(n)
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value.Times.Max():0.0} ms ({kv.Value.Total:N0} matches)")));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    /// <summary>One synthetic policy: 50 clauses, each one or two corpus clauses joined, amounts re-drawn and recorded.</summary>
    private static PolicyDocument Synthetic(int n, List<string> pool, Random random)
    {
        var region = Regions[random.Next(Regions.Length)];
        var issuer = region + Issuers[random.Next(Issuers.Length)];
        var issued = new DateOnly(2015, 1, 1).AddDays(random.Next(11 * 365));
        var clauses = new List<Clause>(ClausesPerDocument);
        var amounts = new List<MonetaryAmount>();
        for (var i = 0; i < ClausesPerDocument; i++)
        {
            var text = pool[random.Next(pool.Count)];
            if (random.Next(3) == 0) text += pool[random.Next(pool.Count)];
            var id = $"art{i + 1}";
            var label = $"第{i + 1}条";
            text = TenThousandYuan().Replace(text, _ => $"{random.Next(1, 1000)}万元");
            foreach (Match m in TenThousandYuan().Matches(text))
            {
                amounts.Add(new MonetaryAmount
                {
                    ClauseId = id, Article = label, Text = m.Value, Role = AmountRole.Cap,
                    Yuan = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 10000m,
                });
            }
            clauses.Add(new Clause { Id = id, Kind = ClauseKind.Article, Label = label, Path = [label], Text = text });
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("synthetic-" + n.ToString(CultureInfo.InvariantCulture))));
        return new PolicyDocument
        {
            Source = $"synthetic/{n:D5}.txt", Sha256 = sha, Format = SourceFormat.Txt, DocType = DocType.Policy,
            Title = region.Replace("北京市", "", StringComparison.Ordinal) + Kinds[random.Next(Kinds.Length)],
            DocNumber = $"{issuer[..2]}发〔{issued.Year}〕{random.Next(1, 80)}号", Issuer = issuer, Region = region, IssuedOn = issued,
            Clauses = clauses, Amounts = amounts,
        };
    }
}

/// <summary>The collections of each generation and the time the runtime paused threads for them, to tell GC pauses from search time.</summary>
internal sealed record GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public string Since(GcCounts before) => string.Create(CultureInfo.InvariantCulture,
        $"gen0 {Gen0 - before.Gen0}, gen1 {Gen1 - before.Gen1}, gen2 {Gen2 - before.Gen2}, paused {(Paused - before.Paused).TotalMilliseconds:0} ms in all");
}
