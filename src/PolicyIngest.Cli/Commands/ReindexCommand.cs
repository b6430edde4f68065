using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Core.Json;

namespace PolicyIngest.Cli.Commands;

/// <summary>
/// `reindex`: rebuilds the catalogue's Lucene clause index from scratch (the catalogue is the source of truth), or with
/// `--status` tells where the index stands against the catalogue's change log without touching it.
/// </summary>
public static class ReindexCommand
{
    private static readonly Option<bool> Status = new("--status") { Description = "print where the index stands against the catalogue; change nothing" };

    public static Command Create()
    {
        var command = new Command("reindex", "rebuild the clause search index (Lucene) from the catalogue; --status: where it stands");
        command.Options.Add(Status);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            using var catalogue = ctx.Services.OpenCatalogue();
            var index = ctx.Services.SearchIndexOf(catalogue);
            var feed = new CatalogueClauseFeed(catalogue);
            if (parse.GetValue(Status))
            {
                var position = feed.Position();
                var (id, applied) = index.Applied;
                var state = new
                {
                    index = catalogue.SearchIndexPath,
                    catalogueChange = position.LatestChange,
                    appliedChange = id == position.CatalogueId ? applied : 0,
                    followsThisCatalogue = id == position.CatalogueId,
                    documents = index.Count,
                    clauses = feed.ClauseCount(),
                };
                if (ctx.Json) ctx.Out.WriteLine(JsonSerializer.Serialize(state, PolicyJson.Options));
                else ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{state.index}: {state.documents:N0} clause documents, change {state.appliedChange:N0} of {state.catalogueChange:N0}; catalogue: {state.clauses:N0} clauses{(state.followsThisCatalogue ? "" : " (index made for another catalogue: the next search rebuilds it)")}"));
                return Task.FromResult(ExitCodes.Done);
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = ConsoleProgress.Run(ctx.Json, "reindex", null, progress =>
                index.Rebuild(feed, (applied, latest) => progress.Report(new ProgressStep((int)Math.Min(applied, int.MaxValue), (int)Math.Min(latest, int.MaxValue))), ct));
            var seconds = clock.Elapsed.TotalSeconds;
            if (ctx.Json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    index = catalogue.SearchIndexPath, documents = result.DocumentsWritten, changes = result.ChangesApplied,
                    appliedChange = result.AppliedChange, seconds = Math.Round(seconds, 2),
                }, PolicyJson.Options));
            }
            else
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"reindexed {result.DocumentsWritten:N0} clauses from {result.ChangesApplied:N0} catalogue changes in {seconds:0.0} s ({result.DocumentsWritten / Math.Max(0.001, seconds):N0} clauses/s) → {catalogue.SearchIndexPath}"));
            }
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
