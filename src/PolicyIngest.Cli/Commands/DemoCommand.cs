using System.CommandLine;
using PolicyIngest.Catalogue;
using PolicyIngest.Pipeline;

namespace PolicyIngest.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "the main job on the embedded default: ingest the bundled corpus/ and print a summary");
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            var db = ctx.DbPathOrDefault(Path.Combine(CliContext.RepositoryRoot, "data", "demo.db"));
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) if (File.Exists(f)) File.Delete(f);
            using var catalogue = new CatalogueStore(db);
            var ingest = PolicyIngestServices.CreateIngest(catalogue, readOptions: ctx.ReadOptions);
            var corpus = Path.Combine(CliContext.RepositoryRoot, "corpus");
            var inputs = Directory.EnumerateFileSystemEntries(corpus).Where(p => Path.GetFileName(p) is not ("gold" or "README.md" or "build" or "manifest.json")).Order();
            var results = IngestCommand.Run(ingest, inputs, ctx, ct);
            var (policies, versions, clauses, amounts) = catalogue.Counts();
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"catalogue {db}: {policies} policies, {versions} versions, {clauses} clauses, {amounts} amounts; " +
                              $"{results.Count(r => r.Outcome == IngestOutcome.Failed)} files failed");
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
