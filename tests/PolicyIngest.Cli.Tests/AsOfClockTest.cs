using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// $POLICYINGEST_TODAY pins "today" of the settings' clock (a testing and "as of" aid): status and expiry on the CLI and
/// in the web UI follow it (#17).
/// </summary>
public class AsOfClockTest
{
    // 广州市居家社区养老服务管理办法 (real/30): 有效期5年 from 2022-09-13, so it expires on 2027-09-13.
    private static string Real30 => Directory.GetFiles(Path.Combine(RepositoryPaths.Shared, "data", "real"), "30_*").Single();

    [Fact]
    public async Task Today_FromTheVariable_DecidesExpiryOnTheCliAndTheWeb()
    {
        using var dir = new TempDir();
        var db = dir.File("cat.db");
        using var ingested = JsonDocument.Parse(CliRunner.Run("ingest", Real30, "--db", db, "--json").StdOut);
        var versionId = ingested.RootElement.GetProperty("results")[0].GetProperty("versionId").GetString()!;
        var policyId = ingested.RootElement.GetProperty("results")[0].GetProperty("policyId").GetString()!;

        // why: the same catalogue is in force on 2026-01-01 and expired on 2031-01-01, by the clock alone
        var before = CliRunner.RunIn(RepositoryPaths.Root, new Dictionary<string, string> { ["POLICYINGEST_TODAY"] = "2026-01-01" }, "show", versionId, "--db", db);
        Assert.Equal(0, before.ExitCode);
        Assert.DoesNotContain("已失效", before.StdOut);
        var after = CliRunner.RunIn(RepositoryPaths.Root, new Dictionary<string, string> { ["POLICYINGEST_TODAY"] = "2031-01-01" }, "show", versionId, "--db", db);
        Assert.Contains("expired · 已失效", after.StdOut);

        // why: a date that is not one is refused in one line
        var bad = CliRunner.RunIn(RepositoryPaths.Root, new Dictionary<string, string> { ["POLICYINGEST_TODAY"] = "soon" }, "show", versionId, "--db", db);
        Assert.Equal(4, bad.ExitCode);
        Assert.StartsWith("error: $POLICYINGEST_TODAY=soon", bad.StdErr);

        // why: the web UI's today is the same settings' clock
        Assert.Contains("已失效", await PolicyPage(db, policyId, "2031-01-01"));
        Assert.DoesNotContain("已失效", await PolicyPage(db, policyId, "2026-01-01"));
    }

    private static async Task<string> PolicyPage(string db, string policyId, string today)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var psi = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "policyingest"))
        {
            WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}" }) psi.ArgumentList.Add(a);
        psi.Environment["POLICYINGEST_TODAY"] = today;
        using var serve = Process.Start(psi)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            for (var attempt = 0; ; attempt++)
            {
                try { return await client.GetStringAsync($"policies/{policyId}"); }
                catch (HttpRequestException) when (attempt < 120 && !serve.HasExited) { await Task.Delay(500); }
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
