using Quartz;
using Quartz.Extensibility;
using PolicyIngest.Fetch.Pipelines;

namespace PolicyIngest.Fetch.Scheduling;

/// <summary>
/// One Quartz job per pipeline: a thin adapter over <see cref="PipelineRunner.RunAsync"/>, the same call the CLI's
/// <c>run</c> makes. Never two runs of one pipeline at once (in a cluster, on any node). The run log's trigger is
/// <see cref="ScheduledTrigger"/>, or <see cref="RecoveryTrigger"/> when Quartz fires again a run whose node died.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FetchPipelineJob(PipelineRunner runner, IReadOnlyDictionary<string, PipelineDefinition> pipelines, RunListener? listener)
    : IJob
{
    public const string PipelineKey = "pipeline";

    /// <summary>The run log's trigger of a scheduled firing.</summary>
    public const string ScheduledTrigger = "scheduler";

    /// <summary>The run log's trigger of a firing recovered from a node that died while running it.</summary>
    public const string RecoveryTrigger = "recovery";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.JobDataMap.GetString(PipelineKey)
                   ?? throw new JobExecutionException($"job {context.JobDetail.Key} names no pipeline");
        if (!pipelines.TryGetValue(name, out var pipeline)) throw new JobExecutionException($"pipeline {name} is no longer defined");
        try
        {
            var trigger = context.Recovering ? RecoveryTrigger : ScheduledTrigger;
            var report = await runner.RunAsync(pipeline, trigger, cancellationToken).ConfigureAwait(false);
            listener?.Finished(report);
        }
        catch (Exception ex)
        {
            // e.g. a CLI run of the same pipeline is under way: this firing is skipped, the next one will run.
            listener?.Failed(name, ex);
            throw new JobExecutionException(ex.Message, ex);
        }
    }
}

/// <summary>Told when a scheduled run finishes, or fails to run at all.</summary>
public sealed record RunListener(Action<RunReport> Finished, Action<string, Exception> Failed);

/// <summary>Builds <see cref="FetchPipelineJob"/>s with their services (no container).</summary>
public sealed class FetchJobFactory(PipelineRunner runner, IReadOnlyDictionary<string, PipelineDefinition> pipelines, RunListener? listener)
    : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken) =>
        bundle.JobDetail.JobType.Type == typeof(FetchPipelineJob)
            ? ValueTask.FromResult(new JobScope(new FetchPipelineJob(runner, pipelines, listener), null))
            : throw new SchedulerException($"unknown job type {bundle.JobDetail.JobType}");

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
