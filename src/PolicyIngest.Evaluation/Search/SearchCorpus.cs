using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Search;

/// <summary>
/// What the search measurements run on: a fresh catalogue of the user's seeds, the revisions and the real published
/// files of ../shared/data/real (the texts the qrels judge), ingested through the real pipeline, and the hand-written
/// qrels of tests/search/qrels. corpus/ is left out: it holds the same documents again in other formats, which would
/// only add duplicate hits.
/// </summary>
internal static class SearchCorpus
{
    public static string QrelsPath(CliContext context) => Path.Combine(context.Settings.Home, "tests", "search", "qrels", "qrels.tsv");

    public static IEnumerable<string> Files(CliContext context)
    {
        var shared = context.SharedRoot;
        var folders = new[] { Path.Combine(shared, "seeds"), Path.Combine(shared, "data", "revisions"), Path.Combine(shared, "data", "real") };
        return folders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !RenditionOnly.Contains(Path.GetExtension(f))
                && !Path.GetFileName(f).Contains("FORMAT-ONLY", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Left out of ../shared/data/real: the PDF (and DOC, WPS, OFD) copies of texts that are there as DOCX, the blank
    /// format templates, and the folders' own notes. The qrels judge the DOCX and HTML texts.
    /// </summary>
    private static readonly HashSet<string> RenditionOnly = new(StringComparer.OrdinalIgnoreCase) { ".pdf", ".doc", ".wps", ".ofd", ".md", ".json" };

    /// <summary>Ingests <see cref="Files"/> into a new catalogue at <paramref name="dbPath"/>; returns it open.</summary>
    public static CatalogueStore Build(CliContext context, string dbPath, TextWriter log)
    {
        foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
        var catalogue = new CatalogueStore(dbPath);
        // The FTS5 rows too: the baseline `evaluate search` measures the Lucene engine against.
        var ingest = context.Services.CreateIngest(catalogue, clauseTerms: new ClauseIndexer(context.Services.Analyzer));
        var failed = 0;
        foreach (var file in Files(context))
        {
            var r = ingest.IngestFile(file);
            if (r.Outcome == IngestOutcome.Failed) { failed++; log.WriteLine($"warning: {file}: {r.Error}"); }
        }
        var counts = catalogue.Counts();
        log.WriteLine($"corpus: {counts.Versions} versions, {counts.Clauses} clauses ({failed} files failed)");
        return catalogue;
    }

    /// <summary>The qrels queries with their judgments resolved to clause row ids of <paramref name="catalogue"/>.</summary>
    public static List<(QrelsQuery Query, Dictionary<long, int> Grades)> Judged(CliContext context, CatalogueStore catalogue, TextWriter log)
    {
        var queries = Qrels.Load(QrelsPath(context));
        var clauses = ClauseSearchStore.ClauseSources(catalogue);
        var cache = new Dictionary<long, string>();
        var judged = new List<(QrelsQuery, Dictionary<long, int>)>();
        foreach (var q in queries)
        {
            var (grades, unresolved) = Qrels.Resolve(q, clauses, cache);
            foreach (var u in unresolved) log.WriteLine($"warning: {q.Id}: no clause of {u.File} contains “{u.Substring}”");
            judged.Add((q, grades));
        }
        return judged;
    }
}
