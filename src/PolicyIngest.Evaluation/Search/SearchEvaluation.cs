using PolicyIngest.Core;
using System.Globalization;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Search;

/// <summary>
/// `evaluate search`: nDCG@10, MRR and recall@20 of the hand-judged qrels queries for each analyzer option and for
/// the trigram-only baseline, on a fresh catalogue of the seeds, revisions and corpus.
/// </summary>
public sealed class SearchEvaluation : IMeasurement
{
    public string Name => "search";
    public string Description => "relevance of clause search (nDCG@10, MRR, recall@20) per analyzer option and a trigram baseline";

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
            o.WriteLine($"qrels: {judged.Count} queries, {judged.Sum(j => j.Grades.Count)} judged clauses ({SearchCorpus.QrelsPath(context)})");
            o.WriteLine($"{"option",-36} {"nDCG@10",8} {"MRR",8} {"R@20",8} {"zero-hit",9}");
            var rows = new List<(string Name, double Ndcg, double Mrr, double Recall, int Zero, Dictionary<string, int> ZeroByKind)>();
            foreach (var option in Options)
            {
                var search = new Fts5SearchIndex(catalogue, analyzer, option);
                rows.Add(Score(option.Name, judged, q => search.MatchIds(q, filter).Take(20).ToList()));
            }
            rows.Add(Score("trigram baseline", judged, q =>
                TrigramBaseline.Expression(SearchQuery.Parse(q)) is { } m ? ClauseSearchStore.TrigramMatches(catalogue, m, 20) : []));
            foreach (var r in rows)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-36} {r.Ndcg,8:0.000} {r.Mrr,8:0.000} {r.Recall,8:0.000} {r.Zero,9}"));
            var best = rows.Take(Options.Count).MaxBy(r => r.Ndcg);
            o.WriteLine($"best: {best.Name}; shipped default: {SearchOptions.Default.Name}");
            o.WriteLine("per query kind, nDCG@10 of the default vs the trigram baseline:");
            var defaultSearch = new Fts5SearchIndex(catalogue, analyzer, SearchOptions.Default);
            foreach (var kind in judged.GroupBy(j => j.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var d = kind.Average(j => RankingMetrics.Ndcg(defaultSearch.MatchIds(j.Query.Query, filter).Take(20).ToList(), j.Grades, 10));
                var t = kind.Average(j => RankingMetrics.Ndcg(
                    TrigramBaseline.Expression(SearchQuery.Parse(j.Query.Query)) is { } m ? ClauseSearchStore.TrigramMatches(catalogue, m, 20) : [],
                    j.Grades, 10));
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key,-10} {kind.Count(),3} queries  default {d:0.000}  trigram {t:0.000}"));
            }
            o.WriteLine("queries where the default ranks worst (nDCG@10 < 0.5):");
            foreach (var (q, grades) in judged)
            {
                var ranked = defaultSearch.MatchIds(q.Query, filter).Take(20).ToList();
                var ndcg = RankingMetrics.Ndcg(ranked, grades, 10);
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

    private static (string, double, double, double, int, Dictionary<string, int>) Score(
        string name, List<(QrelsQuery Query, Dictionary<long, int> Grades)> judged, Func<string, IReadOnlyList<long>> run)
    {
        double ndcg = 0, mrr = 0, recall = 0;
        var zero = 0;
        var zeroByKind = new Dictionary<string, int>();
        foreach (var (q, grades) in judged)
        {
            var ranked = run(q.Query);
            if (ranked.Count == 0) { zero++; zeroByKind[q.Kind] = zeroByKind.GetValueOrDefault(q.Kind) + 1; }
            ndcg += RankingMetrics.Ndcg(ranked, grades, 10);
            mrr += RankingMetrics.ReciprocalRank(ranked, grades);
            recall += RankingMetrics.Recall(ranked, grades, 20);
        }
        var n = Math.Max(1, judged.Count);
        return (name, ndcg / n, mrr / n, recall / n, zero, zeroByKind);
    }
}
