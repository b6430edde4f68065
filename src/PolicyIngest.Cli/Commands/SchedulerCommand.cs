using System.CommandLine;
using System.Runtime.InteropServices;
using PolicyIngest.Catalogue;
using PolicyIngest.Fetch;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;
using PolicyIngest.Fetch.Scheduling;

namespace PolicyIngest.Cli.Commands;

public static class SchedulerCommand
{
    public static Command Create()
    {
        var command = new Command("scheduler", "the long-running scheduler (Quartz) that runs every pipeline on its schedule; Ctrl+C stops it gracefully");
        command.Options.Add(RunCommand.PipelinesDir);
        command.Options.Add(RunCommand.Variables);
        command.SetAction(async (parse, ct) =>
        {
            var ctx = new CliContext(parse);
            IReadOnlyList<PipelineDefinition> pipelines;
            try
            {
                pipelines = PipelineLoader.LoadFolder(RunCommand.PipelinesFolder(ctx), RunCommand.VariablesFrom(parse));
            }
            catch (InvalidPipelineException ex)
            {
                ctx.Err.WriteLine($"error: {ex.Reason}");
                return ExitCodes.BadInput;
            }
            using var catalogue = ctx.Services.OpenCatalogue();
            using var client = DocumentFetcher.CreateClient();
            var runner = FetchServices.CreateRunner(ctx.Services, catalogue, client, readOptions: ctx.ReadOptions);
            var store = JobStoreDatabase.Of(catalogue);
            await using var scheduler = await PipelineScheduler.CreateAsync(store, runner, pipelines,
                new RunListener(report => RunCommand.PrintSummary(ctx.Out, report),
                    (name, ex) => ctx.Err.WriteLine($"error: pipeline {name}: {ex.Message}")), CancellationToken.None);
            foreach (var p in pipelines)
            {
                var next = await scheduler.NextFireTimeAsync(p.Name, CancellationToken.None);
                ctx.Out.WriteLine($"{p.Name,-20} \"{p.Schedule}\" ({p.TimeZone.Id})  next: " +
                                  (next is { } n ? TimeZoneInfo.ConvertTime(n, p.TimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz") : "never"));
            }
            ctx.Out.WriteLine($"scheduler: {pipelines.Count} pipelines, job store {store.Location}" +
                              (store.Clustered ? $" (clustered: scheduler {JobStoreDatabase.ClusterSchedulerName}, node {scheduler.InstanceId})" : "") +
                              "; Ctrl+C stops after the document in hand");
            // SIGINT (Ctrl+C) and SIGTERM (service stop) both mean: stop gracefully, not die.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await scheduler.StartAsync(CancellationToken.None);
            try { await Task.Delay(Timeout.Infinite, stop.Token); }
            catch (OperationCanceledException) { }
            ctx.Err.WriteLine("scheduler: stopping (running pipelines finish their current document and record the run)…");
            await scheduler.ShutdownAsync(CancellationToken.None);
            return ExitCodes.Done;
        });
        return command;
    }
}
