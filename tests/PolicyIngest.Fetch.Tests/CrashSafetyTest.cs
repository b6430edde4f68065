using System.Text;
using System.Text.Json;
using PolicyIngest.Catalogue;

namespace PolicyIngest.Fetch.Tests;

/// <summary>A real <c>./policyingest run</c> process killed with SIGKILL mid-run, then run again.</summary>
public class CrashSafetyTest
{
    [Fact]
    public async Task KilledRun_ThenNewRun_NoDuplicateVersions_NoLostDocuments_NoPartialArchiveFiles()
    {
        await using var f = new FetchFixture(pageSize: 3);
        f.Portal.Latency = TimeSpan.FromMilliseconds(250);
        var yaml = f.Dir + "/portal.yaml";
        File.WriteAllText(yaml, TestCorpus.PipelineYaml(concurrency: 1));
        var env = new Dictionary<string, string> { ["PORTAL"] = f.Portal.BaseUrl.AbsoluteUri.TrimEnd('/') };

        using (var doomed = CliRunner.Start(env, "run", yaml, "--db", f.DbPath, "--json"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(6); // the first call may build the CLI
            while (f.Catalogue.Counts().Versions < 2 && !doomed.HasExited && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.False(doomed.HasExited, "the run ended before it could be killed");
            doomed.Kill(); // SIGKILL: no finally blocks, no flushes
            await doomed.WaitForExitAsync();
        }
        var survivors = f.Catalogue.Counts().Versions;
        Assert.InRange(survivors, 2, TestCorpus.Sources.Length - 1);

        var (code, stdout, stderr) = await CliRunner.RunAsync(env, TimeSpan.FromMinutes(6), "run", yaml, "--db", f.DbPath, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.Equal(0, root.GetProperty("newVersion").GetInt32());
        Assert.Equal(TestCorpus.Sources.Length, root.GetProperty("new").GetInt32() + root.GetProperty("unchanged").GetInt32());
        Assert.Equal(TestCorpus.Sources.Length - survivors, root.GetProperty("new").GetInt32());
        // Every document exactly once.
        Assert.Equal(TestCorpus.Sources.Length, f.Catalogue.Counts().Versions);
        Assert.Equal(TestCorpus.Sources.Length, f.Catalogue.Counts().Policies);
        foreach (var item in f.Portal.Items)
            Assert.NotNull(f.Catalogue.FindLatestVersionBySource(f.Portal.FileUrl(item).AbsoluteUri));
        // The archive holds whole files only.
        Assert.Empty(f.Runner.Archive.Temporaries());
        Assert.Empty(f.Runner.Archive.Corrupt());
        Assert.Equal(TestCorpus.Sources.Length, f.Runner.Archive.Files().Count());
        // The killed run is on record as interrupted.
        var runs = f.Runner.Store.Runs();
        Assert.Equal(2, runs.Count);
        Assert.Equal("interrupted", runs[1].Status);
        Assert.Null(runs[1].EndedAt);
        Assert.Equal("done", runs[0].Status);
    }
}
