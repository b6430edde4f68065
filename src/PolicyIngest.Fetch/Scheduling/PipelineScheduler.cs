using PolicyIngest.Catalogue;
using Quartz;
using PolicyIngest.Fetch.Pipelines;

namespace PolicyIngest.Fetch.Scheduling;

/// <summary>
/// Quartz with its persistent job store (where and how: <see cref="JobStoreDatabase"/>, today <c>&lt;data&gt;/scheduler.db</c>,
/// schema provisioned on first start), one job and one cron trigger per pipeline. Schedules survive restarts; a firing
/// missed while nothing ran fires once at start-up (misfire: fire once now, then proceed); shutdown interrupts running
/// jobs and waits for them to record their run.
/// </summary>
public sealed class PipelineScheduler : IAsyncDisposable
{
    public const string JobGroup = "pipelines";
    private readonly IScheduler _scheduler;

    private PipelineScheduler(IScheduler scheduler) => _scheduler = scheduler;

    public IScheduler Quartz => _scheduler;

    public static string StoreFile(string dataDirectory) => JobStoreDatabase.In(dataDirectory).Location;

    public static async Task<PipelineScheduler> CreateAsync(string dataDirectory, PipelineRunner runner,
        IReadOnlyList<PipelineDefinition> pipelines, RunListener? listener = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = JobStoreDatabase.In(dataDirectory);
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
            {
                q.UseDefaultThreadPool(Math.Max(2, Math.Min(pipelines.Count, 4)));
                q.UseJobFactory(new FetchJobFactory(runner, byName, listener));
                q.UsePersistentStore(store =>
                {
                    switch (database.Kind)
                    {
                        case JobStoreKind.Sqlite: store.UseSqlite(database.ConnectionString); break;
                        default: throw new NotSupportedException($"no Quartz job store for a {database.Kind} database");
                    }
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                });
            })
            .BuildScheduler(cancellationToken).ConfigureAwait(false);
        var result = new PipelineScheduler(scheduler);
        await result.SyncAsync(pipelines, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public static JobKey JobKeyFor(string pipeline) => new(pipeline, JobGroup);

    public static TriggerKey TriggerKeyFor(string pipeline) => new(pipeline, JobGroup);

    /// <summary>
    /// Makes the stored schedule match the pipeline files: new pipelines are scheduled, changed schedules replaced,
    /// removed pipelines unscheduled. An unchanged trigger is kept as stored, so a firing it missed is still a misfire.
    /// </summary>
    public async Task SyncAsync(IReadOnlyList<PipelineDefinition> pipelines, CancellationToken cancellationToken = default)
    {
        foreach (var pipeline in pipelines)
        {
            var existing = await _scheduler.GetTrigger(TriggerKeyFor(pipeline.Name), cancellationToken).ConfigureAwait(false) as ICronTrigger;
            if (existing is not null && existing.CronExpressionString == pipeline.Schedule && existing.TimeZone.Id == pipeline.TimeZone.Id)
                continue;
            var job = JobBuilder.Create<FetchPipelineJob>()
                .WithIdentity(JobKeyFor(pipeline.Name))
                .WithDescription(pipeline.File ?? pipeline.Name)
                .UsingJobData(FetchPipelineJob.PipelineKey, pipeline.Name)
                .StoreDurably()
                .Build();
            await _scheduler.ScheduleJob(job, TriggerFor(pipeline), new ScheduleJobOptions { Replace = true }, cancellationToken)
                .ConfigureAwait(false);
        }
        var names = pipelines.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var stored = await _scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(JobGroup) }, cancellationToken).ConfigureAwait(false);
        foreach (var job in stored.Items)
        {
            if (!names.Contains(job.Key.Name)) await _scheduler.DeleteJob(job.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    public static ITrigger TriggerFor(PipelineDefinition pipeline) =>
        TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(pipeline.Name))
            .ForJob(JobKeyFor(pipeline.Name))
            .WithCronSchedule(pipeline.Schedule, cron => cron
                .InTimeZone(pipeline.TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartNow()
            .Build();

    public async Task<DateTimeOffset?> NextFireTimeAsync(string pipeline, CancellationToken cancellationToken = default) =>
        (await _scheduler.GetTrigger(TriggerKeyFor(pipeline), cancellationToken).ConfigureAwait(false))?.NextFireTimeUtc;

    public Task StartAsync(CancellationToken cancellationToken = default) => _scheduler.Start(cancellationToken).AsTask();

    /// <summary>Fires a pipeline's job now (the demo and tests use this to run it exactly as a schedule would).</summary>
    public Task TriggerNowAsync(string pipeline, CancellationToken cancellationToken = default) =>
        _scheduler.TriggerJob(JobKeyFor(pipeline), cancellationToken).AsTask();

    /// <summary>Stops firing, asks running jobs to stop after the document in hand, and waits for them.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        if (_scheduler.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) return;
        await _scheduler.Standby(cancellationToken).ConfigureAwait(false);
        var running = await _scheduler.QueryFireInstances(new FireInstanceQuery { SchedulerInstanceId = _scheduler.SchedulerInstanceId },
            cancellationToken).ConfigureAwait(false);
        foreach (var firing in running.Items)
        {
            if (firing.JobKey is { } key) await _scheduler.Interrupt(key, cancellationToken).ConfigureAwait(false);
        }
        await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);
}
