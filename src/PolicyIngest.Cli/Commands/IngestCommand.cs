using System.CommandLine;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Json;
using PolicyIngest.Pipeline;

namespace PolicyIngest.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "files and folders", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "files and folders into the catalogue; per file: new, new-version, unchanged or failed");
        command.Arguments.Add(paths);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            using var catalogue = new CatalogueStore(ctx.DbPath);
            var ingest = PolicyIngestServices.CreateIngest(catalogue, readOptions: ctx.ReadOptions);
            var results = Run(ingest, parse.GetValue(paths)!, ctx, ct);
            if (ctx.Json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    results = results.Select(r => new { source = r.Source, outcome = r.OutcomeId, versionId = r.VersionId, policyId = r.PolicyId, title = r.Title, error = r.Error }),
                    counts = results.GroupBy(r => r.OutcomeId).ToDictionary(g => g.Key, g => g.Count()),
                }, PolicyJson.Options));
            }
            return Task.FromResult(ExitCodeFor(results));
        });
        return command;
    }

    public static List<IngestResult> Run(IngestService ingest, IEnumerable<string> inputs, CliContext ctx, CancellationToken ct)
    {
        var results = new List<IngestResult>();
        foreach (var file in ExpandInputs(inputs, ctx))
        {
            ct.ThrowIfCancellationRequested();
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

    private static IEnumerable<string> ExpandInputs(IEnumerable<string> inputs, CliContext ctx)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetFileName(f).StartsWith('.'))
                             .Order(StringComparer.Ordinal))
                    yield return f;
            }
            else yield return input;
        }
    }
}
