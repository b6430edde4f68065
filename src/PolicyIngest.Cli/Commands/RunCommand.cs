using System.CommandLine;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Json;
using PolicyIngest.Fetch;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;

namespace PolicyIngest.Cli.Commands;

public static class RunCommand
{
    public static readonly Option<string?> PipelinesDir = new("--pipelines")
    {
        Description = "folder of pipeline definitions (default pipelines/ under the home)",
    };

    public static readonly Option<string[]> Variables = new("--var")
    {
        Description = "NAME=VALUE for a ${NAME} placeholder in the pipeline (default: the environment)",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command Create()
    {
        var pipeline = new Argument<string>("PIPELINE") { Description = "a pipeline name (pipelines/NAME.yaml) or a .yaml file" };
        var command = new Command("run", "one run of a pipeline definition: fetch, ingest, index, reports");
        command.Arguments.Add(pipeline);
        command.Options.Add(PipelinesDir);
        command.Options.Add(Variables);
        command.SetAction((parse, ct) => ConsoleProgress.RunAsync(parse.GetValue(GlobalOptions.Json), "run", null, async progress =>
        {
            var ctx = new CliContext(parse);
            var name = parse.GetValue(pipeline)!;
            PipelineDefinition definition;
            try
            {
                definition = PipelineLoader.Resolve(name, PipelinesFolder(ctx), VariablesFrom(parse));
            }
            catch (InvalidPipelineException ex)
            {
                ctx.Err.WriteLine($"error: {ex.Reason}");
                return ExitCodes.BadInput;
            }
            using var catalogue = ctx.Services.OpenCatalogue();
            using var client = DocumentFetcher.CreateClient();
            var fetched = 0;
            var runner = FetchServices.CreateRunner(ctx.Services, catalogue, client, onDocument: ctx.Json ? null : d => { PrintDocument(ctx, d); progress.Report(new ProgressStep(Interlocked.Increment(ref fetched), Item: d.Url)); }, readOptions: ctx.ReadOptions);
            RunReport report;
            try
            {
                report = await runner.RunAsync(definition, "cli", ct);
            }
            catch (PipelineBusyException ex)
            {
                ctx.Err.WriteLine($"error: {ex.Message}");
                return ExitCodes.PartlyDone;
            }
            if (ctx.Json) ctx.Out.WriteLine(ToJson(report));
            else PrintSummary(ctx.Out, report);
            if (ctx.Json) foreach (var e in report.Errors) ctx.Err.WriteLine($"error: {e}");
            return report.Counts.Failed > 0 ? ExitCodes.PartlyDone : ExitCodes.Done;
        }));
        return command;
    }

    public static string PipelinesFolder(CliContext ctx) =>
        ctx.Parse.GetValue(PipelinesDir) ?? ctx.Settings.PipelinesDirectory;

    public static IReadOnlyDictionary<string, string> VariablesFrom(ParseResult parse)
    {
        var variables = PipelineLoader.EnvironmentVariables().ToDictionary(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(Variables) ?? [])
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new InvalidPipelineException($"--var {pair}: expected NAME=VALUE");
            variables[pair[..eq]] = pair[(eq + 1)..];
        }
        return variables;
    }

    /// <summary>The contract's run JSON: new, newVersion, unchanged, failed, errors, reports — plus the run id and each document.</summary>
    public static string ToJson(RunReport report) => JsonSerializer.Serialize(new
    {
        @new = report.Counts.New,
        newVersion = report.Counts.NewVersion,
        unchanged = report.Counts.Unchanged,
        failed = report.Counts.Failed,
        errors = report.Errors,
        reports = report.Reports,
        runId = report.RunId,
        pipeline = report.Pipeline,
        node = report.Node,
        status = report.Status,
        startedAt = report.StartedAt,
        endedAt = report.EndedAt,
        documents = report.Documents.Select(d => new
        {
            url = d.Url, source = d.Source, outcome = d.Outcome, httpStatus = d.HttpStatus, versionId = d.VersionId,
            policyId = d.PolicyId, title = d.Title, error = d.Error, warning = d.Warning, reports = d.Reports,
        }),
    }, PolicyJson.Options);

    public static void PrintDocument(CliContext ctx, DocumentOutcome d)
    {
        if (d.Outcome == "failed") ctx.Err.WriteLine($"error: {d.Url}: {d.Error}");
        else ctx.Out.WriteLine($"{d.Outcome,-12} {d.VersionId,-14} {d.Url}  {d.Title}");
        if (d.Warning is not null) ctx.Err.WriteLine($"warning: {d.Url}: {d.Warning}");
    }

    public static void PrintSummary(TextWriter o, RunReport r)
    {
        o.WriteLine();
        o.WriteLine($"run {r.RunId} of {r.Pipeline} on {r.Node}: {r.Status} in {(r.EndedAt - r.StartedAt).TotalSeconds:0.0} s — " +
                    $"{r.Counts.New} new, {r.Counts.NewVersion} new versions, {r.Counts.Unchanged} unchanged, {r.Counts.Failed} failed");
        foreach (var report in r.Reports) o.WriteLine($"change report: {report}");
    }
}
