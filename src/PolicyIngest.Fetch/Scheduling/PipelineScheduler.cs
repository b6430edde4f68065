using PolicyIngest.Catalogue;
using Quartz;
using PolicyIngest.Fetch.Pipelines;

namespace PolicyIngest.Fetch.Scheduling;

/// <summary>
/// Quartz with its persistent job store (where and how: <see cref="JobStoreDatabase"/>), one job and one cron trigger per
/// pipeline. Schedules survive restarts; a firing missed while nothing ran fires once at start-up (misfire: fire once now,
/// then proceed); shutdown interrupts running jobs and waits for them to record their run.
/// <para>
/// A SQLite catalogue: a SQLite job store <c>&lt;data&gt;/scheduler.db</c>, one scheduler. A PostgreSQL catalogue: Quartz's
/// AdoJobStore on the same database, clustered — every node has the scheduler name <see cref="JobStoreDatabase.ClusterSchedulerName"/>
/// and its own instance id (<see cref="RunNode.ThisProcess"/>, host-pid), so each firing runs on one node; a node checks in every
/// <see cref="CheckinInterval"/>, and one silent for <see cref="CheckinMisfireThreshold"/> more is taken for dead: another node
/// re-fires the run it had in hand (the jobs request recovery).
/// </para>
/// </summary>
public sealed class PipelineScheduler : IAsyncDisposable
{
    public const string JobGroup = "pipelines";

    /// <summary>How often a clustered node records that it is alive.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before recovering a node's runs: well past a long GC or a
    /// database blip, so a live node is not written off, while a dead node's run is taken over within about 20 s.
    /// </summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(15);

    private readonly IScheduler _scheduler;

    private PipelineScheduler(IScheduler scheduler, JobStoreDatabase store)
    {
        _scheduler = scheduler;
        Store = store;
    }

    public IScheduler Quartz => _scheduler;

    /// <summary>Where this scheduler keeps its schedule.</summary>
    public JobStoreDatabase Store { get; }

    /// <summary>This node's Quartz instance id (NON_CLUSTERED on a SQLite store).</summary>
    public string InstanceId => _scheduler.SchedulerInstanceId;

    public static string StoreFile(string dataDirectory) => JobStoreDatabase.In(dataDirectory).Location;

    /// <summary>A scheduler on the SQLite job store in <paramref name="dataDirectory"/>.</summary>
    public static Task<PipelineScheduler> CreateAsync(string dataDirectory, PipelineRunner runner,
        IReadOnlyList<PipelineDefinition> pipelines, RunListener? listener = null, CancellationToken cancellationToken = default) =>
        CreateAsync(JobStoreDatabase.In(dataDirectory), runner, pipelines, listener, cancellationToken);

    /// <summary>A scheduler on <paramref name="database"/> (<see cref="JobStoreDatabase.Of"/> the runner's catalogue), clustered when it is.</summary>
    public static async Task<PipelineScheduler> CreateAsync(JobStoreDatabase database, PipelineRunner runner,
        IReadOnlyList<PipelineDefinition> pipelines, RunListener? listener = null, CancellationToken cancellationToken = default)
    {
        if (database.Kind == JobStoreKind.Sqlite) Directory.CreateDirectory(Path.GetDirectoryName(database.Location)!);
        // Before Quartz touches the store: every lock row it will lock exists (Quartz.NET #1786).
        if (database.Clustered) database.PrepareClusterLocks(JobStoreDatabase.ClusterSchedulerName);
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
            {
                q.UseDefaultThreadPool(Math.Max(2, Math.Min(pipelines.Count, 4)));
                q.UseJobFactory(new FetchJobFactory(runner, byName, listener));
                if (database.Clustered)
                {
                    q.ConfigureScheduler(options =>
                    {
                        options.InstanceName = JobStoreDatabase.ClusterSchedulerName;
                        options.InstanceId = runner.Node;
                    });
                }
                q.UsePersistentStore(store =>
                {
                    switch (database.Kind)
                    {
                        case JobStoreKind.Sqlite:
                            store.UseSqlite(database.ConnectionString);
                            break;
                        case JobStoreKind.PostgreSql:
                            store.UsePostgres(database.ProviderFactory!, database.ConnectionString);
                            store.UseClustering(cluster =>
                            {
                                cluster.CheckinInterval = CheckinInterval;
                                cluster.CheckinMisfireThreshold = CheckinMisfireThreshold;
                            });
                            store.ConfigureStore(options => options.TablePrefix = JobStoreDatabase.TablePrefix);
                            break;
                        default: throw new NotSupportedException($"no Quartz job store for a {database.Kind} database");
                    }
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                });
            })
            .BuildScheduler(cancellationToken).ConfigureAwait(false);
        var result = new PipelineScheduler(scheduler, database);
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
            var job = JobFor(pipeline);
            var existing = await _scheduler.GetTrigger(TriggerKeyFor(pipeline.Name), cancellationToken).ConfigureAwait(false) as ICronTrigger;
            if (existing is not null && existing.CronExpressionString == pipeline.Schedule && existing.TimeZone.Id == pipeline.TimeZone.Id)
            {
                // A job stored before jobs requested recovery is brought up to date; its trigger stays as stored.
                var storedJob = await _scheduler.GetJobDetail(job.Key, cancellationToken).ConfigureAwait(false);
                if (storedJob is { RequestsRecovery: false })
                    await _scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
                continue;
            }
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

    /// <summary>
    /// A pipeline's job: durable, and requesting recovery — a firing whose node died mid-run is fired again, by another node
    /// of a cluster or by this scheduler when it starts again. A run is safe to repeat: what was stored is found again.
    /// </summary>
    public static IJobDetail JobFor(PipelineDefinition pipeline) =>
        JobBuilder.Create<FetchPipelineJob>()
            .WithIdentity(JobKeyFor(pipeline.Name))
            .WithDescription(pipeline.File ?? pipeline.Name)
            .UsingJobData(FetchPipelineJob.PipelineKey, pipeline.Name)
            .StoreDurably()
            .RequestRecovery()
            .Build();

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
