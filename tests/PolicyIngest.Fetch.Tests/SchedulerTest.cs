using PolicyIngest.Catalogue;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;
using PolicyIngest.Fetch.Scheduling;

namespace PolicyIngest.Fetch.Tests;

public class SchedulerTest
{
    private static PipelineDefinition FolderPipeline(string name, string folder, string schedule = "0 0 6 * * ?") =>
        PipelineLoader.Parse($$"""
            name: {{name}}
            schedule: "{{schedule}}"
            sources:
              - name: local
                kind: folder
                folder: {{folder}}
                include: '\.txt$'
            """, new Dictionary<string, string>());

    private sealed class Setup : IAsyncDisposable
    {
        private readonly HttpClient _client = DocumentFetcher.CreateClient();
        public TempDir Dir { get; } = new();
        public string Data => Dir.File("data");
        public CatalogueStore Catalogue { get; }
        public PipelineRunner Runner { get; }
        public PipelineDefinition Pipeline { get; }

        public Setup()
        {
            var input = Directory.CreateDirectory(Dir.File("in")).FullName;
            File.Copy(Path.Combine(TestCorpus.Shared, TestCorpus.OldRevision), Path.Combine(input, "a.txt"));
            Catalogue = new CatalogueStore(Path.Combine(Data, "catalogue.db"));
            Runner = FetchServices.CreateRunner(TestCorpus.Services, Catalogue, _client);
            Pipeline = FolderPipeline("daily", input);
        }

        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            Catalogue.Dispose();
            _client.Dispose();
            Dir.Dispose();
        }
    }

    [Fact]
    public async Task Schedule_SurvivesRestart_InTheSqliteJobStore()
    {
        await using var s = new Setup();
        DateTimeOffset? first;
        await using (var scheduler = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline]))
            first = await scheduler.NextFireTimeAsync("daily");

        await using var again = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline]);

        Assert.True(File.Exists(PipelineScheduler.StoreFile(s.Data)));
        Assert.NotNull(first);
        Assert.Equal(first, await again.NextFireTimeAsync("daily"));
        // 06:00 in Asia/Shanghai is 22:00 UTC.
        Assert.Equal(22, first.Value.UtcDateTime.Hour);
    }

    [Fact]
    public async Task SqliteStore_IsOneScheduler_JobsRequestRecovery_AndAJobStoredWithout_IsBroughtUpToDate()
    {
        await using var s = new Setup();
        DateTimeOffset? next;
        await using (var first = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline]))
        {
            Assert.False(first.Store.Clustered);
            Assert.Equal(Quartz.QuartzSchedulerOptions.DefaultInstanceId, first.InstanceId);
            Assert.True((await first.Quartz.GetJobDetail(PipelineScheduler.JobKeyFor("daily")))!.RequestsRecovery);
            // The job as a store written before jobs requested recovery holds it.
            var stored = Quartz.JobBuilder.Create<FetchPipelineJob>().WithIdentity(PipelineScheduler.JobKeyFor("daily"))
                .UsingJobData(FetchPipelineJob.PipelineKey, "daily").StoreDurably().Build();
            await first.Quartz.AddJob(stored, Quartz.AddJobOptions.Replacing);
            Assert.False((await first.Quartz.GetJobDetail(PipelineScheduler.JobKeyFor("daily")))!.RequestsRecovery);
            next = await first.NextFireTimeAsync("daily");
        }

        await using var again = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline]);

        Assert.True((await again.Quartz.GetJobDetail(PipelineScheduler.JobKeyFor("daily")))!.RequestsRecovery);
        Assert.NotNull(next);
        Assert.Equal(next, await again.NextFireTimeAsync("daily"));   // its trigger kept as stored
    }

    [Fact]
    public async Task RemovedPipeline_IsUnscheduled_ChangedScheduleReplaced()
    {
        await using var s = new Setup();
        var other = s.Pipeline with { Name = "weekly", Schedule = "0 30 7 ? * MON" };
        await using (await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline, other])) { }

        await using var again = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline with { Schedule = "0 0 8 * * ?" }]);

        Assert.Null(await again.NextFireTimeAsync("weekly"));
        Assert.Equal(0, (await again.NextFireTimeAsync("daily"))!.Value.UtcDateTime.Hour); // 08:00 Shanghai = 00:00 UTC
    }

    [Fact]
    public async Task MissedRun_FiresOnceAtStartUp_ThenFollowsTheSchedule()
    {
        await using var s = new Setup();
        // A scheduler that was down for three days: its stored trigger's next firing is long past.
        DateTimeOffset scheduled;
        await using (var down = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline]))
            scheduled = (await down.NextFireTimeAsync("daily"))!.Value;
        var missed = scheduled.AddDays(-3);
        using (var store = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={PipelineScheduler.StoreFile(s.Data)};Pooling=False"))
        {
            store.Open();
            using var cmd = store.CreateCommand();
            cmd.CommandText = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'daily'";
            Assert.Equal(scheduled.UtcTicks, Convert.ToInt64(cmd.ExecuteScalar()));
            cmd.CommandText = $"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {missed.UtcTicks} WHERE TRIGGER_NAME = 'daily'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
        var ran = new TaskCompletionSource<RunReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;

        await using var up = await PipelineScheduler.CreateAsync(s.Data, s.Runner, [s.Pipeline], new RunListener(r =>
        {
            Interlocked.Increment(ref runs);
            ran.TrySetResult(r);
        }, (_, ex) => ran.TrySetException(ex)));
        await up.StartAsync();
        var report = await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(1500);

        Assert.Equal(1, runs);                      // once, not once per missed day
        Assert.Equal("scheduler", report.Trigger);
        Assert.Equal(1, report.Counts.New);
        Assert.True(await up.NextFireTimeAsync("daily") > DateTimeOffset.UtcNow);
        Assert.Single(s.Runner.Store.Runs());
    }
}
