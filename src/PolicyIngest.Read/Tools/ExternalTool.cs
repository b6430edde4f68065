using System.ComponentModel;
using System.Diagnostics;
using PolicyIngest.Core;

namespace PolicyIngest.Read.Tools;

/// <summary>Runs an external program with an argument list (never a shell string), a timeout and cancellation.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <param name="package">the Debian package that provides the program, named in the error when it is missing</param>
    public static Result Run(string program, IEnumerable<string> args, TimeSpan timeout, string package,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        Process process;
        try { process = Process.Start(psi) ?? throw new UnreadableDocumentException($"{program} did not start"); }
        catch (Win32Exception)
        {
            throw new UnreadableDocumentException($"{program} is not installed (apt-get install {package})");
        }
        using (process)
        using (cancellationToken.Register(() => Kill(process)))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            if (!process.WaitForExit(timeout))
            {
                Kill(process);
                throw new UnreadableDocumentException($"{program} took longer than {timeout.TotalSeconds:0} s (the time limit)");
            }
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static void Kill(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }
}

/// <summary>A private temporary directory, removed with everything in it when disposed.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("policyingest-read-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
