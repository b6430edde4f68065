using System.ComponentModel;
using System.Diagnostics;

namespace PolicyIngest.Cli.Tests.Robustness;

/// <summary>qpdf and fix-qdf (Debian package qpdf) as processes. Missing tools fail the suite with the install line.</summary>
public static class ExternalQpdf
{
    public static void Run(params string[] args) => Run("qpdf", args);

    /// <summary>fix-qdf: recomputes stream lengths and the xref of an edited QDF file (written to stdout).</summary>
    public static byte[] FixQdf(string qdfPath)
    {
        var output = Run("fix-qdf", [qdfPath]);
        return output;
    }

    private static byte[] Run(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi)!; }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"{program} is not installed: the robustness suite needs it (apt-get install qpdf)");
        }
        using (process)
        {
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', args)}");
            }
            copy.Wait();
            // qpdf exits 3 for "succeeded with warnings" (damaged input it repaired): the output is still written.
            if (process.ExitCode is not (0 or 3))
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
            return stdout.ToArray();
        }
    }
}
