using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>Runs the real ./policyingest script (built by test.sh) and captures its output.</summary>
public static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>A text of ../shared/data/revisions by its number (`08_` → 08_pair-C_….txt).</summary>
    public static string Revision(string prefix) =>
        Directory.GetFiles(Path.Combine(SharedRoot, "data", "revisions"), prefix + "*.txt").Single();

    /// <summary>
    /// Ingests the revision <paramref name="oldPrefix"/>, then <paramref name="newPrefix"/> written over it at the same path
    /// (a new version of the same source); the second ingest's `--json` result entry.
    /// </summary>
    public static JsonElement IngestTwoVersions(TempDir dir, string db, string oldPrefix, string newPrefix, string fileName = "policy.txt")
    {
        var file = dir.File(fileName);
        File.Copy(Revision(oldPrefix), file);
        Assert.Equal(0, Run("ingest", file, "--db", db).ExitCode);
        File.Copy(Revision(newPrefix), file, overwrite: true);
        var second = Run("ingest", file, "--db", db, "--json");
        Assert.Equal(0, second.ExitCode);
        using var json = JsonDocument.Parse(second.StdOut);
        return json.RootElement.GetProperty("results")[0].Clone();
    }

    public static Result Run(params string[] args) => RunIn(RepositoryRoot, null, args);

    public static Result RunIn(string workingDirectory, IDictionary<string, string>? env, params string[] args) =>
        RunIn(workingDirectory, env, TimeSpan.FromMinutes(5), args);

    public static Result RunIn(string workingDirectory, IDictionary<string, string>? env, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepositoryRoot, "policyingest"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout)) { p.Kill(entireProcessTree: true); throw new TimeoutException(string.Join(' ', args)); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("policyingest-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
}
