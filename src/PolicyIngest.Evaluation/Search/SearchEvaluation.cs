using PolicyIngest.Core;
using System.Globalization;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;
using PolicyIngest.Search;
using System.CommandLine;

namespace PolicyIngest.Evaluation.Search;

/// <summary>
/// `evaluate search`: nDCG@10, MRR and recall@20 of the hand-judged qrels queries for each analyzer option and for
/// the trigram-only baseline, on a fresh catalogue of the seeds, revisions and corpus.
/// </summary>
public sealed class SearchEvaluation : IMeasurement
{
    public string Name => "search";
    public string Description => "relevance of clause search (nDCG@10, MRR, recall@20) per analyzer option and a trigram baseline";

    private static readonly Option<string> ExplainOption = new("--explain")
    {
        Description = "query ids (Q49,Q48): print FTS5's and the shipped Lucene's top 10 with their grades, and the relevant clauses neither found",
        DefaultValueFactory = _ => "",
    };

    IReadOnlyList<Option> IMeasurement.Options => [ExplainOption];

    public static IReadOnlyList<SearchOptions> Options { get; } =
    [
        new(SearchAnalyzer.Words, 1, 1),
        new(SearchAnalyzer.Bigrams, 1, 1),
        new(SearchAnalyzer.WordsAndBigrams, 1, 1),
        new(SearchAnalyzer.WordsAndBigrams, 2, 1),
        new(SearchAnalyzer.WordsAndBigrams, 2, 1) { RelaxWhenEmpty = false },
        new(SearchAnalyzer.WordsAndBigrams, 4, 1),
        new(SearchAnalyzer.WordsAndBigrams, 1, 2),
    ];

    /// <summary>The Lucene engines measured beside FTS5: one field set each, and the combinations (boosts jieba 1 : grams 2, as FTS5).</summary>
    public static IReadOnlyList<(string Name, Func<LuceneClauseIndex, LuceneQueryBuilder> Builder)> LuceneEngines { get; } =
    [
        ("lucene smartcn", i => new LuceneQueryBuilder(i, LuceneEngine.SmartCn)),
        ("lucene jieba", i => new LuceneQueryBuilder(i, LuceneEngine.Jieba)),
        ("lucene bigrams", i => new LuceneQueryBuilder(i, LuceneEngine.Bigrams)),
        ("lucene jieba+bigrams 1:2", i => new LuceneQueryBuilder(i, LuceneEngine.JiebaAndBigrams)),
        ("lucene jieba+bigrams 2:1", i => new LuceneQueryBuilder(i, LuceneEngine.JiebaAndBigrams, jiebaBoost: 2f, gramsBoost: 1f)),
        ("lucene jieba+bigrams 1:1", i => new LuceneQueryBuilder(i, LuceneEngine.JiebaAndBigrams, jiebaBoost: 1f, gramsBoost: 1f)),
        ("lucene smartcn+jieba+bigrams 1:1:2", i => new LuceneQueryBuilder(i, LuceneEngine.All)),
        ("lucene jieba+bigrams 1:1 +head 0.2 *", PolicyIngestServices.ShippedQuery),
        ("lucene jieba+bigrams 1:1 +head 0.5", i => new LuceneQueryBuilder(i, LuceneEngine.JiebaAndBigrams, jiebaBoost: 1f, gramsBoost: 1f, headBoost: 0.5f)),
        ("lucene jieba+bigrams 1:2 +head 0.2", i => new LuceneQueryBuilder(i, LuceneEngine.JiebaAndBigrams, headBoost: 0.2f)),
        ("lucene all 1:1:2 +head 0.2", i => new LuceneQueryBuilder(i, LuceneEngine.All, headBoost: 0.2f)),
    ];

    /// <summary>Lucene 4.8's default ranking (TF-IDF) for the best field set, against BM25 (what the rows above use).</summary>
    private const string TfIdfEngine = "lucene jieba+bigrams 1:2, TF-IDF";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var dir = Directory.CreateTempSubdirectory("policyingest-eval-search-").FullName;
        try
        {
            var analyzer = context.Services.Analyzer;
            using var catalogue = SearchCorpus.Build(context, Path.Combine(dir, "eval.db"), context.Err);
            ClauseSearchStore.BuildTrigramBaseline(catalogue);
            var all = SearchCorpus.Judged(context, catalogue, context.Err);
            // Judgments on superseded versions do not count (search shows current versions): a query left with none is skipped.
            var judged = all.Where(j => j.Grades.Values.Any(g => g > 0)).ToList();
            foreach (var (q, _) in all.Where(j => !j.Grades.Values.Any(g => g > 0)))
                context.Err.WriteLine($"note: {q.Id} “{q.Query}” has no relevant current clause: skipped");
            var filter = new ClauseFilter { AsOf = context.Today };
            o.WriteLine($"qrels: {judged.Count} queries ({judged.Count(j => IsBlind(j.Query))} written blind, Q{FirstBlindQuery} on), {judged.Sum(j => j.Grades.Count)} judged clauses ({SearchCorpus.QrelsPath(context)})");
            o.WriteLine($"{"option",-36} {"nDCG@10",8} {"MRR",8} {"R@20",8} {"zero-hit",9}   {"blind: nDCG@10",14} {"MRR",8} {"R@20",8}");
            var rows = new List<(string Name, double Ndcg, double Mrr, double Recall, int Zero, Dictionary<string, int> ZeroByKind, double BlindNdcg, double BlindMrr, double BlindRecall)>();
            foreach (var option in Options)
            {
                var search = new Fts5SearchIndex(catalogue, analyzer, option);
                rows.Add(Score(option.Name, judged, q => search.MatchIds(q, filter).Take(20).ToList()));
            }
            rows.Add(Score("trigram baseline", judged, q =>
                TrigramBaseline.Expression(SearchQuery.Parse(q)) is { } m ? ClauseSearchStore.TrigramMatches(catalogue, m, 20) : []));
            // Lucene (issue #18) in the same run, on the same catalogue: built by following its change log, searched with the
            // same current-version filter as the FTS5 rows above, one engine per field set.
            var luceneClock = System.Diagnostics.Stopwatch.StartNew();
            using var lucene = LuceneClauseIndex.Open(Path.Combine(dir, "lucene"), analyzer, withSmartCn: true);
            lucene.CatchUp(new CatalogueClauseFeed(catalogue));
            var luceneBuild = luceneClock.Elapsed;
            var luceneEngines = LuceneEngines.Select(e => (e.Name, Search: new LuceneSearchIndex(catalogue, lucene, e.Builder(lucene)))).ToList();
            luceneEngines.Add((TfIdfEngine, new LuceneSearchIndex(catalogue, lucene, new LuceneQueryBuilder(lucene, LuceneEngine.JiebaAndBigrams),
                new Lucene.Net.Search.Similarities.DefaultSimilarity())));
            // The shipped query under other BM25 length normalisations (shipped: b 0.2, LuceneClauseIndex.Ranking).
            foreach (var b in new[] { 0.75f, 0.4f, 0f })
                luceneEngines.Add(($"lucene shipped, BM25 b {b.ToString(CultureInfo.InvariantCulture)}", new LuceneSearchIndex(catalogue, lucene,
                    PolicyIngestServices.ShippedQuery(lucene), new Lucene.Net.Search.Similarities.BM25Similarity(1.2f, b))));
            var latency = new List<string>();
            foreach (var (name, search) in luceneEngines)
            {
                rows.Add(Score(name, judged, q => search.MatchIds(q, filter, 20)));
                latency.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {MeanMs(judged, q => search.MatchIds(q, filter, 20)):0.00}"));
            }
            var fts5 = new Fts5SearchIndex(catalogue, analyzer, SearchOptions.Default);
            latency.Insert(0, string.Create(CultureInfo.InvariantCulture, $"fts5 default {MeanMs(judged, q => fts5.MatchIds(q, filter).Take(20).ToList()):0.00}"));
            foreach (var r in rows)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name,-36} {r.Ndcg,8:0.000} {r.Mrr,8:0.000} {r.Recall,8:0.000} {r.Zero,9}   {r.BlindNdcg,14:0.000} {r.BlindMrr,8:0.000} {r.BlindRecall,8:0.000}"));
            var best = rows.Take(Options.Count).MaxBy(r => r.Ndcg);
            o.WriteLine($"best FTS5 option: {best.Name}; FTS5 default (selectable in the product until session 16): {SearchOptions.Default.Name}; * = the engine search ships (Lucene)");
            o.WriteLine("per query kind, nDCG@10 of the default vs the trigram baseline:");
            var defaultSearch = new Fts5SearchIndex(catalogue, analyzer, SearchOptions.Default);
            // The default's ranking of each query, run once for the tables below.
            var ftsRanked = judged.ToDictionary(j => j.Query.Id, j => defaultSearch.MatchIds(j.Query.Query, filter).Take(20).ToList());
            var ftsNdcg = judged.ToDictionary(j => j.Query.Id, j => RankingMetrics.Ndcg(ftsRanked[j.Query.Id], j.Grades, 10));
            foreach (var kind in judged.GroupBy(j => j.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var d = kind.Average(j => ftsNdcg[j.Query.Id]);
                var t = kind.Average(j => RankingMetrics.Ndcg(
                    TrigramBaseline.Expression(SearchQuery.Parse(j.Query.Query)) is { } m ? ClauseSearchStore.TrigramMatches(catalogue, m, 20) : [],
                    j.Grades, 10));
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key,-10} {kind.Count(),3} queries  default {d:0.000}  trigram {t:0.000}"));
            }
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lucene: {lucene.Count} clause documents built in {luceneBuild.TotalSeconds:0.0} s ({lucene.Count / Math.Max(0.001, luceneBuild.TotalSeconds):0} clauses/s, SmartCn + jieba + bigrams, NIOFSDirectory)"));
            o.WriteLine("match ids, mean ms per query (second pass, warm; current-version filter): " + string.Join(" · ", latency));
            o.WriteLine("per query kind, nDCG@10 of the Lucene engines:");
            foreach (var kind in judged.GroupBy(j => j.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var cells = luceneEngines.Select(e => string.Create(CultureInfo.InvariantCulture,
                    $"{e.Name} {kind.Average(j => RankingMetrics.Ndcg(e.Search.MatchIds(j.Query.Query, filter, 20), j.Grades, 10)):0.000}"));
                o.WriteLine($"  {kind.Key,-10} {kind.Count(),3} queries  {string.Join("  ", cells)}");
            }
            Snippets(o, new LuceneSearchIndex(catalogue, lucene, PolicyIngestServices.ShippedQuery(lucene)), new Highlighter(analyzer), judged, filter);
            var shipped = luceneEngines.Single(e => e.Name.EndsWith('*')).Search;
            var shippedNdcg = judged.ToDictionary(j => j.Query.Id, j => RankingMetrics.Ndcg(shipped.MatchIds(j.Query.Query, filter, 20), j.Grades, 10));
            var below = judged.GroupBy(j => j.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(k => (k.Key, Fts: k.Average(j => ftsNdcg[j.Query.Id]), Lucene: k.Average(j => shippedNdcg[j.Query.Id])))
                .Where(k => k.Lucene < k.Fts).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Fts:0.000} > {k.Lucene:0.000}")).ToList();
            o.WriteLine($"query kinds where the shipped Lucene ranks below FTS5 (nDCG@10): {(below.Count == 0 ? "none" : string.Join(", ", below))}");
            var explain = context.Parse.GetValue(ExplainOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (explain.Count > 0)
                Explain(o, catalogue, judged.Where(j => explain.Contains(j.Query.Id)).ToList(), q => ftsRanked[q.Id], q => shipped.MatchIds(q.Query, filter, 20));
            o.WriteLine("queries where FTS5 (default) and the shipped Lucene differ most (nDCG@10, FTS5 → Lucene):");
            foreach (var (q, fts, luc) in judged
                .Select(j => (j.Query, Fts: ftsNdcg[j.Query.Id], Lucene: shippedNdcg[j.Query.Id]))
                .Where(x => Math.Abs(x.Fts - x.Lucene) >= 0.05).OrderBy(x => x.Lucene - x.Fts).Take(25))
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {q.Id} {q.Kind,-9} {fts:0.000} → {luc:0.000}  {q.Query}"));
            o.WriteLine("queries where the default ranks worst (nDCG@10 < 0.5):");
            foreach (var (q, grades) in judged)
            {
                var ranked = ftsRanked[q.Id];
                var ndcg = ftsNdcg[q.Id];
                if (ndcg < 0.5)
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {q.Id} {q.Kind,-9} {ndcg:0.000}  {ranked.Count,2} hits, {grades.Count(g => g.Value > 0)} relevant  {q.Query}"));
            }
            return ExitCodes.Done;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Side by side, per query: the top 10 of FTS5 and of the shipped Lucene with each clause's grade, then the relevant clauses neither found.</summary>
    private static void Explain(TextWriter o, CatalogueStore catalogue, List<(QrelsQuery Query, Dictionary<long, int> Grades)> queries,
        Func<QrelsQuery, IReadOnlyList<long>> fts5, Func<QrelsQuery, IReadOnlyList<long>> lucene)
    {
        var texts = ClauseSearchStore.ClauseSources(catalogue).DistinctBy(c => c.RowId).ToDictionary(c => c.RowId);
        string Line(long id, Dictionary<long, int> grades)
        {
            var (_, source, text) = texts.TryGetValue(id, out var c) ? c : (id, "?", "?");
            var flat = text.ReplaceLineEndings(" ");
            return $"g{grades.GetValueOrDefault(id)} #{id} {Path.GetFileName(source)}: {flat[..Math.Min(70, flat.Length)]}";
        }
        foreach (var (q, grades) in queries)
        {
            var f = fts5(q);
            var l = lucene(q);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"explain {q.Id} {q.Kind} “{q.Query}”: FTS5 nDCG@10 {RankingMetrics.Ndcg(f, grades, 10):0.000}, Lucene {RankingMetrics.Ndcg(l, grades, 10):0.000}"));
            for (var i = 0; i < 10 && (i < f.Count || i < l.Count); i++)
            {
                o.WriteLine($"  {i + 1,2} fts5   {(i < f.Count ? Line(f[i], grades) : "")}");
                o.WriteLine($"     lucene {(i < l.Count ? Line(l[i], grades) : "")}");
            }
            foreach (var (id, g) in grades.Where(kv => kv.Value > 0 && !f.Take(10).Contains(kv.Key) && !l.Take(10).Contains(kv.Key)))
                o.WriteLine($"     not in either top 10: {Line(id, grades)}");
        }
    }

    /// <summary>
    /// The shipped engine's snippets (Lucene.Net.Highlighter on the query that matched) beside the word-finding highlighter's on
    /// the same hits: the top 10 of every judged query, and the relevant ones among them.
    /// </summary>
    private static void Snippets(TextWriter o, LuceneSearchIndex search, Highlighter words, List<(QrelsQuery Query, Dictionary<long, int> Grades)> judged, ClauseFilter filter)
    {
        var (hits, relevant, lucene, own, luceneRelevant, ownRelevant, luceneMarks, ownMarks) = (0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var (q, grades) in judged)
        {
            var result = search.Search(new SearchRequest { Query = q.Query, Filter = filter, Limit = 10 });
            var ids = search.MatchIds(q.Query, filter, 10);
            for (var k = 0; k < result.Hits.Count; k++)
            {
                var hit = result.Hits[k];
                var ownSnippet = words.Snippet(hit.Text, SearchQuery.Parse(q.Query));
                var isRelevant = k < ids.Count && grades.GetValueOrDefault(ids[k]) > 0;
                hits++;
                if (isRelevant) relevant++;
                var l = Marks(hit.Snippet);
                var w = Marks(ownSnippet);
                luceneMarks += l;
                ownMarks += w;
                if (l > 0) { lucene++; if (isRelevant) luceneRelevant++; }
                if (w > 0) { own++; if (isRelevant) ownRelevant++; }
            }
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snippets of the shipped engine's top 10 ({hits} hits, {relevant} judged relevant): with a mark — Lucene.Net.Highlighter {Share(lucene, hits)} (relevant {Share(luceneRelevant, relevant)}), {luceneMarks / (double)Math.Max(1, hits):0.0} marks each; word-finding highlighter {Share(own, hits)} (relevant {Share(ownRelevant, relevant)}), {ownMarks / (double)Math.Max(1, hits):0.0} marks each"));

        static int Marks(string snippet) => snippet.Split("<em>").Length - 1;
        static string Share(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / Math.Max(1, whole):0.0}%");
    }

    /// <summary>Mean wall time of one query over the judged set, after one untimed pass (JIT, caches).</summary>
    private static double MeanMs(List<(QrelsQuery Query, Dictionary<long, int> Grades)> judged, Func<string, IReadOnlyList<long>> run)
    {
        foreach (var (q, _) in judged) run(q.Query);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (q, _) in judged) run(q.Query);
        return clock.Elapsed.TotalMilliseconds / Math.Max(1, judged.Count);
    }

    /// <summary>
    /// The queries from <see cref="FirstBlindQuery"/> on were written and judged blind (session 9, issue #18) before any
    /// engine ran on them; the earlier ones were seen while options were chosen. The blind figures are the headline.
    /// </summary>
    public const int FirstBlindQuery = 53;

    public static bool IsBlind(QrelsQuery q) =>
        q.Id.StartsWith('Q') && int.TryParse(q.Id[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= FirstBlindQuery;

    private static (string Name, double Ndcg, double Mrr, double Recall, int Zero, Dictionary<string, int> ZeroByKind, double BlindNdcg, double BlindMrr, double BlindRecall) Score(
        string name, List<(QrelsQuery Query, Dictionary<long, int> Grades)> judged, Func<string, IReadOnlyList<long>> run)
    {
        var zero = 0;
        var zeroByKind = new Dictionary<string, int>();
        var all = new List<(bool Blind, double Ndcg, double Mrr, double Recall)>();
        foreach (var (q, grades) in judged)
        {
            var ranked = run(q.Query);
            if (ranked.Count == 0) { zero++; zeroByKind[q.Kind] = zeroByKind.GetValueOrDefault(q.Kind) + 1; }
            all.Add((IsBlind(q), RankingMetrics.Ndcg(ranked, grades, 10), RankingMetrics.ReciprocalRank(ranked, grades), RankingMetrics.Recall(ranked, grades, 20)));
        }
        var blind = all.Where(a => a.Blind).ToList();
        return (name, Mean(all, a => a.Ndcg), Mean(all, a => a.Mrr), Mean(all, a => a.Recall), zero, zeroByKind,
            Mean(blind, a => a.Ndcg), Mean(blind, a => a.Mrr), Mean(blind, a => a.Recall));

        static double Mean<T>(List<T> xs, Func<T, double> f) => xs.Count == 0 ? 0 : xs.Average(f);
    }
}
