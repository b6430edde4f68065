using System.Diagnostics;
using System.Text;

namespace PolicyIngest.TestSupport;

/// <summary>Runs the real ./policyingest script (built by test.sh) in the repository and captures its output.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string Script => Path.Combine(RepositoryPaths.Root, "policyingest");

    public static Result Run(params string[] args) => RunIn(RepositoryPaths.Root, null, args);

    public static Result RunIn(string workingDirectory, IDictionary<string, string>? env, params string[] args) =>
        RunIn(workingDirectory, env, TimeSpan.FromMinutes(5), args);

    public static Result RunIn(string workingDirectory, IDictionary<string, string>? env, TimeSpan timeout, params string[] args) =>
        RunProgram(Script, workingDirectory, env, timeout, args);

    /// <summary>Any program (e.g. `dotnet` on a published CLI), run and captured like the script.</summary>
    public static Result RunProgram(string program, string workingDirectory, IDictionary<string, string>? env, TimeSpan timeout, params string[] args)
    {
        using var p = Process.Start(StartInfo(program, workingDirectory, env, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout)) { p.Kill(entireProcessTree: true); throw new TimeoutException(string.Join(' ', args)); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static async Task<Result> RunAsync(IDictionary<string, string>? env, TimeSpan timeout, params string[] args)
    {
        using var p = Process.Start(StartInfo(Script, RepositoryPaths.Root, env, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await p.WaitForExitAsync(cancel.Token);
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI and leaves it running (its output read and dropped), for a test that stops or kills it.</summary>
    public static Process Start(IDictionary<string, string>? env, params string[] args)
    {
        var p = Process.Start(StartInfo(Script, RepositoryPaths.Root, env, args))!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static ProcessStartInfo StartInfo(string program, string workingDirectory, IDictionary<string, string>? env, string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        return psi;
    }
}
