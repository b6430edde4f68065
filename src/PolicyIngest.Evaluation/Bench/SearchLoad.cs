using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PolicyIngest.Catalogue;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// Search latency under concurrent clients, as the web server meets them: each client its own catalogue connection and
/// search service (over the one shared index), all sending the judged queries at once, each in its own order.
/// </summary>
internal static class SearchLoad
{
    public sealed record Figures(int Clients, int Queries, double P50, double P95, double P99, double QueriesPerSecond);

    public static Figures Measure(Func<CatalogueStore> openCatalogue, Func<CatalogueStore, ISearchIndex> searchOf, IReadOnlyList<string> queries,
        DateOnly today, int clients, int rounds, CancellationToken cancellationToken)
    {
        var filter = new ClauseFilter { AsOf = today };
        var samples = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = cancellationToken }, client =>
        {
            using var catalogue = openCatalogue();
            var search = searchOf(catalogue);
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < queries.Count; k++)
                {
                    var query = queries[(k + client * 17 + round * 7) % queries.Count];
                    var sw = Stopwatch.StartNew();
                    search.Search(new SearchRequest { Query = query, Filter = filter }, cancellationToken);
                    samples.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        });
        wall.Stop();
        var sorted = samples.Order().ToList();
        return new Figures(clients, sorted.Count, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Count / wall.Elapsed.TotalSeconds);
    }

    public static string Describe(string engine, Figures f) => string.Create(CultureInfo.InvariantCulture,
        $"{engine}: {f.Clients} concurrent client{(f.Clients == 1 ? "" : "s")}, {f.Queries:N0} searches: p50 {f.P50:0.0} ms, p95 {f.P95:0.0} ms, p99 {f.P99:0.0} ms, {f.QueriesPerSecond:0} searches/s");

    public static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
