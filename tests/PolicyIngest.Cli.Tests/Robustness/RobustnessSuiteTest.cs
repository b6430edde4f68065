using System.Diagnostics;
using System.Text.Json;
using PolicyIngest.Catalogue;
using Xunit.Abstractions;

namespace PolicyIngest.Cli.Tests.Robustness;

/// <summary>
/// No input ends in exit 4. Every generated malformed file (<see cref="MalformedInputs"/>) and every file of
/// ../shared/data/real goes through the real ./policyingest: all of them through `ingest` with the files named
/// explicitly (every one is tried, as `extract` would; two processes side by side), and one file of each kind through
/// `extract` itself. A reason that betrays a bug (a parser exception turned into the file's error, or the time limit)
/// fails the suite as surely as exit 4: the cause is fixed in the reader, never here.
/// </summary>
public class RobustnessSuiteTest(RobustnessFixture fixture, ITestOutputHelper output) : IClassFixture<RobustnessFixture>
{
    /// <summary>Reasons that mean a bug rather than bad input: DocumentProcessor's catch-all for a parser exception, and a hang.</summary>
    private static readonly string[] BugReasons = ["could not be processed", "took longer than"];

    [Fact]
    public void Generator_MakesEveryKindTheSuitePromises()
    {
        var kinds = fixture.Inputs.Select(i => i.Kind).ToHashSet();
        foreach (var kind in new[]
                 {
                     "pdf: truncated", "pdf: truncated xref", "pdf: corrupted xref", "pdf: corrupted streams", "pdf: broken content streams",
                     "pdf: control characters in the text", "pdf: random byte flips", "pdf: zero pages", "pdf: image-only page", "pdf: huge page count",
                     "pdf: encrypted, empty user password", "pdf: encrypted, user password", "pdf: Type3 font", "pdf: AcroForm",
                     "docx: entry deleted", "docx: document.xml truncated", "docx: wrong content types", "docx: zip bomb", "docx: recursive relationships",
                     "docx: nested relationships", "docx: XML external entity", "docx: XML billion laughs", "docx: deeply nested elements",
                     "ofd: entry deleted", "html: broken markup", "html: deeply nested elements", "html: mixed encodings",
                     "html: declared charset that does not exist", "html: NUL bytes", "NUL bytes", "empty file", "mislabelled: PNG named .pdf",
                     "text: invalid UTF-8",
                 })
            Assert.Contains(kind, kinds);
        Assert.All(fixture.Inputs, i => Assert.True(File.Exists(i.Path), i.Path));
        Assert.Equal(fixture.Inputs.Count, fixture.Inputs.Select(i => i.Path).Distinct().Count());
        output.WriteLine($"{fixture.Inputs.Count} files of {kinds.Count} kinds generated in {fixture.GenerationTime.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Ingest_EveryGeneratedAndRealFile_NeverExits4()
    {
        var files = fixture.Inputs.Select(i => i.Path).Concat(RobustnessFixture.RealFiles()).ToList();
        var watch = Stopwatch.StartNew();
        // Two shards side by side (2 cores; most files are small and read by one process each).
        var shards = Enumerable.Range(0, 2).Select(k => files.Where((_, i) => i % 2 == k).ToList()).ToList();
        var results = await Task.WhenAll(shards.Select((shard, k) => Task.Run(() => CliRunner.RunIn(RepositoryPaths.Root, null, TimeSpan.FromMinutes(10),
            ["ingest", "--json", "--db", Path.Combine(fixture.Root, $"bulk-{k}.db"), .. shard]))));

        var outcomes = new Dictionary<string, (string Outcome, string? Error)>();
        var problems = new List<string>();
        for (var k = 0; k < shards.Count; k++)
        {
            var result = results[k];
            if (result.ExitCode is not (0 or 3)) problems.Add($"shard {k}: exit {result.ExitCode}: {Tail(result.StdErr)}");
            if (result.StdErr.Contains("   at ", StringComparison.Ordinal)) problems.Add($"shard {k}: a stack trace on stderr: {Tail(result.StdErr)}");
            var stderr = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in stderr.Where(l => !l.StartsWith("error: ", StringComparison.Ordinal) && !l.StartsWith("warning: ", StringComparison.Ordinal)))
                problems.Add($"shard {k}: unexpected stderr line: {line}");
            if (result.ExitCode is not (0 or 3)) continue;
            using var json = JsonDocument.Parse(result.StdOut);
            foreach (var r in json.RootElement.GetProperty("results").EnumerateArray())
            {
                var source = r.GetProperty("source").GetString()!;
                var outcome = r.GetProperty("outcome").GetString()!;
                var error = r.GetProperty("error").GetString();
                outcomes[source] = (outcome, error);
                if (outcome != "failed") continue;
                var lines = stderr.Count(l => l.StartsWith($"error: {source}: ", StringComparison.Ordinal));
                if (lines != 1) problems.Add($"{source}: {lines} error lines");
                if (error is not null && BugReasons.Any(b => error.Contains(b, StringComparison.Ordinal))) problems.Add($"{source}: {error}");
            }
        }
        foreach (var file in files.Where(f => !outcomes.ContainsKey(f))) problems.Add($"{file}: no result");

        var kinds = fixture.Inputs.ToDictionary(i => i.Path, i => i.Kind);
        var read = outcomes.Count(o => o.Value.Outcome != "failed");
        var failed = outcomes.Count(o => o.Value.Outcome == "failed");
        output.WriteLine($"{files.Count} files ({fixture.Inputs.Count} generated, {files.Count - fixture.Inputs.Count} real): " +
                         $"{read} read (exit 0 alone), {failed} failed (exit 2 alone), {problems.Count} problems; ingest in {watch.Elapsed.TotalSeconds:0} s");
        foreach (var group in outcomes.GroupBy(o => kinds.GetValueOrDefault(o.Key, "real file")).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {group.Key,-45} {group.Count(),3}: {group.Count(o => o.Value.Outcome != "failed"),3} read, {group.Count(o => o.Value.Outcome == "failed"),3} failed");
        foreach (var (file, (outcome, error)) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
            output.WriteLine($"  {outcome,-11} {Path.GetFileName(file)}{(error is null ? "" : ": " + error)}");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// The smallest generated file of every kind, and the smallest real PDF, DOCX and HTML file, through `extract` itself
    /// (one process per file costs ~0.3 s for a refused file and a second or more for a read one: a sample, not all).
    /// </summary>
    public static IEnumerable<string> ExtractSample(RobustnessFixture fixture) =>
        fixture.Inputs.GroupBy(i => i.Kind).Select(g => g.MinBy(i => new FileInfo(i.Path).Length)!.Path)
            .Concat(RobustnessFixture.RealFiles().Where(f => Path.GetExtension(f) is ".pdf" or ".docx" or ".html")
                .GroupBy(Path.GetExtension).Select(g => g.MinBy(f => new FileInfo(f).Length)!));

    [Fact]
    public async Task Extract_OneFileOfEachKind_Exits0Or2WithOneErrorLine()
    {
        var sample = ExtractSample(fixture).ToList();
        var problems = new List<string>();
        var counts = new int[5];
        var watch = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(2);
        var runs = sample.Select(async file =>
        {
            await gate.WaitAsync();
            try { return (File: file, Result: await Task.Run(() => CliRunner.RunIn(RepositoryPaths.Root, null, TimeSpan.FromMinutes(5), ["extract", file, "--json"]))); }
            finally { gate.Release(); }
        }).ToList();
        foreach (var (file, result) in await Task.WhenAll(runs))
        {
            if (result.ExitCode is >= 0 and < 5) counts[result.ExitCode]++;
            var stderr = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            switch (result.ExitCode)
            {
                case 0:
                    try { using var _ = JsonDocument.Parse(result.StdOut); }
                    catch (JsonException ex) { problems.Add($"{file}: exit 0 but stdout is not one JSON document ({ex.Message})"); }
                    foreach (var line in stderr.Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal))) problems.Add($"{file}: exit 0 with stderr line: {line}");
                    break;
                case 2:
                    if (stderr.Length != 1 || !stderr[0].StartsWith($"error: {file}: ", StringComparison.Ordinal))
                        problems.Add($"{file}: exit 2 must print exactly one line `error: {file}: …`, printed: {Tail(result.StdErr)}");
                    else if (BugReasons.Any(b => stderr[0].Contains(b, StringComparison.Ordinal))) problems.Add(stderr[0]);
                    if (result.StdOut.Length > 0) problems.Add($"{file}: exit 2 with output on stdout");
                    break;
                default:
                    problems.Add($"{file}: exit {result.ExitCode}: {Tail(result.StdErr)}");
                    break;
            }
        }
        output.WriteLine($"extract on {sample.Count} files: exit 0 {counts[0]}, exit 2 {counts[2]}, exit 4 {counts[4]}, in {watch.Elapsed.TotalSeconds:0} s");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Ingest_FolderOfGoodAndBadFiles_KeepsTheGoodOnesListsEachBadOneAndExits3()
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Root, "mixed")).FullName;
        string[] good =
        [
            Path.Combine(RepositoryPaths.Root, "corpus", "seeds", "001_huairou-zhengce-jiedu.pdf"),
            Path.Combine(RepositoryPaths.Root, "corpus", "seeds", "000_huairou-fuchi-banfa.docx"),
            Path.Combine(MalformedInputs.RealFolder, Path.GetFileName(RobustnessFixture.RealFiles().First(f => Path.GetFileName(f).StartsWith("44_", StringComparison.Ordinal)))),
        ];
        foreach (var file in good) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        // Bad files of the kinds a folder walk still tries (policy formats by their bytes): each must be listed as failed.
        string[] badNames = ["001-truncated-05.pdf", "001-encrypted-user-password.pdf", "000-document-truncated.docx", "000-zip-bomb-1gb.docx",
            "000-deeply-nested.docx", "zero-bytes.pdf"];
        var bad = badNames.Select(name => fixture.Inputs.Single(i => Path.GetFileName(i.Path) == name)).Select(i =>
        {
            var target = Path.Combine(folder, "bad-" + Path.GetFileName(i.Path));
            File.Copy(i.Path, target);
            return target;
        }).ToList();
        var db = Path.Combine(fixture.Root, "mixed.db");

        var result = CliRunner.Run("ingest", folder, "--db", db, "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("   at ", result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var rows = json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("source").GetString()!, r => r.Clone());
        var outcomes = rows.ToDictionary(r => r.Key, r => r.Value.GetProperty("outcome").GetString());
        using var catalogue = new CatalogueStore(db);
        foreach (var file in good.Select(g => Path.Combine(folder, Path.GetFileName(g))))
        {
            Assert.Contains(outcomes[file], new[] { "new", "new-version", "unchanged" });
            Assert.NotNull(catalogue.LoadDocument(rows[file].GetProperty("versionId").GetString()!));
        }
        var errors = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        foreach (var file in bad)
        {
            Assert.Equal("failed", outcomes[file]);
            Assert.Single(errors, e => e.StartsWith($"error: {file}: ", StringComparison.Ordinal));
        }
        Assert.Equal(bad.Count, errors.Count);
        Assert.Equal(good.Length, outcomes.Count(o => o.Value != "failed"));
    }

    private static string Tail(string stderr) => stderr.Length <= 2000 ? stderr.Trim() : "…" + stderr[^2000..].Trim();
}
