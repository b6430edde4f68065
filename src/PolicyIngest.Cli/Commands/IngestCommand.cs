using System.CommandLine;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Json;
using PolicyIngest.Ingest;

namespace PolicyIngest.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "files and folders", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "files and folders into the catalogue; per file: new, new-version, unchanged or failed");
        command.Arguments.Add(paths);
        command.SetAction((parse, ct) => Task.FromResult(ConsoleProgress.Run(parse.GetValue(GlobalOptions.Json), "ingest", null, progress =>
        {
            var ctx = new CliContext(parse);
            using var catalogue = ctx.Services.OpenCatalogue();
            var ingest = ctx.Services.CreateIngest(catalogue, ctx.ReadOptions);
            var skipped = new List<FolderEntry>();
            var results = Run(ingest, parse.GetValue(paths)!, ctx, skipped, ct, progress);
            if (results.Any(r => r.Outcome is not IngestOutcome.Failed) && ctx.Services.CatchUpSearch(catalogue, ct) is { } warning)
                ctx.Err.WriteLine(warning);
            if (ctx.Json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    results = results.Select(r => new { source = r.Source, outcome = r.OutcomeId, versionId = r.VersionId, policyId = r.PolicyId, title = r.Title, error = r.Error }),
                    counts = results.GroupBy(r => r.OutcomeId).ToDictionary(g => g.Key, g => g.Count()),
                    skipped = skipped.Select(s => new { source = s.Path, reason = s.Skip }),
                }, PolicyJson.Options));
            }
            return ExitCodeFor(results);
        })));
        return command;
    }

    /// <summary>
    /// Ingests every input: a file as named, a folder by its policy documents (<see cref="FolderInputs"/>). What a folder
    /// walk skips is one note line on stderr (<c>skipped: FILE: reason</c>) and an entry in <paramref name="skipped"/>,
    /// never a failure.
    /// </summary>
    public static List<IngestResult> Run(IngestService ingest, IEnumerable<string> inputs, CliContext ctx, List<FolderEntry> skipped, CancellationToken ct,
        IProgress<ProgressStep>? progress = null)
    {
        var results = new List<IngestResult>();
        var entries = ExpandInputs(inputs, ingest.Catalogue).ToList();
        var done = 0;
        foreach (var (file, skip, unreadable) in entries)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new ProgressStep(done++, entries.Count, file));
            if (unreadable is not null)
            {
                results.Add(new IngestResult(file, IngestOutcome.Failed, Error: unreadable));
                ctx.Err.WriteLine($"error: {file}: {unreadable}");
                continue;
            }
            if (skip is not null)
            {
                skipped.Add(new FolderEntry(file, skip));
                ctx.Err.WriteLine($"skipped: {file}: {skip}");
                continue;
            }
            var result = ingest.IngestFile(file, ct);
            results.Add(result);
            if (result.Outcome == IngestOutcome.Failed) ctx.Err.WriteLine($"error: {file}: {result.Error}");
            else if (!ctx.Json) ctx.Out.WriteLine($"{result.OutcomeId,-12} {result.VersionId}  {file}  {result.Title}");
        }
        return results;
    }

    public static int ExitCodeFor(IReadOnlyCollection<IngestResult> results)
    {
        var failed = results.Count(r => r.Outcome == IngestOutcome.Failed);
        if (failed == 0) return ExitCodes.Done;
        return failed == results.Count && results.Count == 1 ? ExitCodes.BadInput : ExitCodes.PartlyDone;
    }

    private static IEnumerable<FolderEntry> ExpandInputs(IEnumerable<string> inputs, CatalogueStore catalogue)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var entry in FolderInputs.Walk(input, catalogue)) yield return entry;
            }
            else yield return new FolderEntry(input, null);
        }
    }
}
