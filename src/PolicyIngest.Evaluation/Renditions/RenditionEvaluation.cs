using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track;

namespace PolicyIngest.Evaluation.Renditions;

/// <summary>
/// `evaluate renditions`: the files of corpus/renditions.json (one policy's text as DOC, DOCX, PDF, WPS, OFD, web page,
/// notice page, scanned page, and independent copies published elsewhere) ingested in every order into an empty
/// catalogue. Counts false revisions (a file of a version filed as a new version), missed revisions (two versions
/// filed as one), policies split in two, and the 新旧对照 reports written against the revisions there are.
/// </summary>
public sealed class RenditionEvaluation : IMeasurement
{
    public string Name => "renditions";
    public string Description => "false and missed revisions when every file of corpus/renditions.json is ingested in every order";

    private static readonly Option<int> OrdersOption = new("--orders")
    {
        Description = "at most this many orders per group (all orders when there are fewer; else a seeded sample)",
        DefaultValueFactory = _ => 720,
    };

    private static readonly Option<string?> GroupOption = new("--group")
    {
        Description = "only the groups whose name contains this text",
    };

    public IReadOnlyList<Option> Options => [OrdersOption, GroupOption];

    private sealed record Group(string Name, Dictionary<string, string> Files);

    private sealed record GroupFile(string Path, string Version, PolicyDocument Document);

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var maxOrders = Math.Max(1, context.Parse.GetValue(OrdersOption));
        var manifest = Path.Combine(context.Settings.CorpusDirectory, "renditions.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var groups = json.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => new Group(g.GetProperty("name").GetString()!,
                g.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)))
            .Where(g => context.Parse.GetValue(GroupOption) is not { } only || g.Name.Contains(only, StringComparison.Ordinal))
            .ToList();
        var processor = context.Services.CreateProcessor(context.ReadOptions);
        var scratch = Directory.CreateTempSubdirectory("policyingest-renditions-");
        var watch = Stopwatch.StartNew();
        int totalOrders = 0, badOrders = 0, falseRevisions = 0, missedRevisions = 0, splitPolicies = 0, reportsExpected = 0, reportsWritten = 0, wrongReports = 0;
        int files = 0, unread = 0;
        o.WriteLine($"{"group",-58} {"files",5} {"orders",6} {"false rev.",10} {"missed rev.",11} {"split",5} {"reports",9}");
        try
        {
            foreach (var group in groups)
            {
                var read = new List<GroupFile>();
                foreach (var (relative, version) in group.Files)
                {
                    var path = relative.StartsWith("shared/", StringComparison.Ordinal)
                        ? Path.Combine(context.SharedRoot, relative["shared/".Length..])
                        : Path.Combine(context.Settings.Home, relative);
                    files++;
                    try { read.Add(new GroupFile(relative, version, processor.Process(File.ReadAllBytes(path), path, cancellationToken))); }
                    catch (Exception ex) when (ex is UnreadableDocumentException or IOException)
                    {
                        unread++;
                        context.Err.WriteLine($"error: {path}: {(ex is UnreadableDocumentException u ? u.Reason : ex.Message)}");
                    }
                }
                var versions = read.Select(f => f.Version).Distinct().Count();
                int orders = 0, bad = 0, groupFalse = 0, groupMissed = 0, groupSplit = 0, groupReports = 0, groupWrong = 0;
                var examples = new List<string>();
                foreach (var order in Orders(read.Count, maxOrders))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    orders++;
                    var outcome = IngestInOrder(processor, order.Select(i => read[i]).ToList(), Path.Combine(scratch.FullName, $"o{totalOrders + orders}"), context.Settings.Clock);
                    groupFalse += outcome.FalseRevisions;
                    groupMissed += outcome.MissedRevisions;
                    groupSplit += outcome.ExtraPolicies;
                    groupReports += outcome.Reports;
                    var wrong = outcome.Reports - (versions - 1);
                    groupWrong += Math.Abs(wrong);
                    if (outcome.FalseRevisions + outcome.MissedRevisions + outcome.ExtraPolicies > 0 || wrong != 0)
                    {
                        bad++;
                        if (examples.Count < 3) examples.Add($"    order {string.Join(" → ", order.Select(i => Path.GetFileName(read[i].Path)))}: {outcome.Story}");
                    }
                }
                totalOrders += orders;
                badOrders += bad;
                falseRevisions += groupFalse;
                missedRevisions += groupMissed;
                splitPolicies += groupSplit;
                reportsExpected += orders * (versions - 1);
                reportsWritten += groupReports;
                wrongReports += groupWrong;
                o.WriteLine($"{Clip(group.Name, 58),-58} {read.Count,5} {orders,6} {groupFalse,10} {groupMissed,11} {groupSplit,5} {groupReports,4}/{orders * (versions - 1),-4}");
                foreach (var e in examples) o.WriteLine(e);
            }
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
        o.WriteLine();
        o.WriteLine($"{files} files ({unread} unreadable) in {groups.Count} groups, {totalOrders} orders, {watch.Elapsed.TotalSeconds:0.0} s");
        o.WriteLine($"false revisions (a file of a version filed as another version): {falseRevisions}; orders with any problem: {badOrders} of {totalOrders}");
        o.WriteLine($"missed revisions (two versions filed as one): {missedRevisions}; policies split: {splitPolicies}");
        o.WriteLine($"新旧对照 reports written: {reportsWritten} for {reportsExpected} revisions ingested (off by {wrongReports})");
        return ExitCodes.Done;
    }

    private sealed record OrderOutcome(int FalseRevisions, int MissedRevisions, int ExtraPolicies, int Reports, string Story);

    private static OrderOutcome IngestInOrder(DocumentProcessor processor, IReadOnlyList<GroupFile> files, string folder, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        using var catalogue = new CatalogueStore(Path.Combine(folder, "catalogue.db"));
        var ingest = new IngestService(processor, catalogue, new VersionLinker(clock), indexer: null, clock,
            VersionTracker.For(catalogue, clock));
        var story = new List<string>();
        foreach (var f in files)
        {
            var r = ingest.Store(f.Document);
            story.Add($"{Path.GetFileName(f.Path)} {r.OutcomeId} ({r.LinkReason})");
        }
        // Where each file ended up (a version, or another file of one: a part may have been folded into a later file).
        var finalVersion = files.ToDictionary(f => f.Path, f => catalogue.FindVersionBySha(f.Document.Sha256));
        var falseRevisions = files.GroupBy(f => f.Version).Sum(g => g.Select(f => finalVersion[f.Path]?.Id).Distinct().Count() - 1);
        var missed = files.GroupBy(f => finalVersion[f.Path]?.Id).Sum(g => g.Select(f => f.Version).Distinct().Count() - 1);
        var policies = finalVersion.Values.Select(v => v?.PolicyId).Distinct().Count();
        var track = new TrackStore(catalogue);
        var reports = finalVersion.Values.Where(v => v is not null).Select(v => v!.Id).Distinct()
            .Sum(id => track.ReportsOf(id).Count(r => r.Kind == "revised"));
        return new OrderOutcome(falseRevisions, missed, policies - 1, reports, string.Join(", ", story));
    }

    /// <summary>Every order of n items when there are at most <paramref name="max"/>, else that many seeded random ones.</summary>
    private static IEnumerable<int[]> Orders(int n, int max)
    {
        long all = 1;
        for (var i = 2; i <= n; i++) all *= i;
        if (all <= max)
        {
            foreach (var p in Permutations(Enumerable.Range(0, n).ToArray(), 0)) yield return p;
            yield break;
        }
        var random = new Random(20261206);
        for (var k = 0; k < max; k++)
        {
            var p = Enumerable.Range(0, n).ToArray();
            random.Shuffle(p);
            yield return p;
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items, int from)
    {
        if (from == items.Length - 1 || items.Length == 0)
        {
            yield return (int[])items.Clone();
            yield break;
        }
        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var p in Permutations(items, from + 1)) yield return p;
            (items[from], items[i]) = (items[i], items[from]);
        }
    }

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
