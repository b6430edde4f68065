using System.ComponentModel;
using System.Diagnostics;

namespace PolicyIngest.TestSupport;

/// <summary>qpdf and fix-qdf (Debian package qpdf) as processes. A missing tool fails the test with the install line.</summary>
public static class Qpdf
{
    /// <summary>qpdf with <paramref name="args"/>; it must exit 0.</summary>
    public static void Run(params string[] args) => Run("qpdf", args, acceptWarnings: false);

    /// <summary>qpdf, where exit 3 ("succeeded with warnings": damaged input it repaired) is a success too.</summary>
    public static void RunAcceptingWarnings(params string[] args) => Run("qpdf", args, acceptWarnings: true);

    /// <summary>fix-qdf: recomputes stream lengths and the xref of an edited QDF file (written to stdout).</summary>
    public static byte[] FixQdf(string qdfPath) => Run("fix-qdf", [qdfPath], acceptWarnings: true);

    private static byte[] Run(string program, string[] args, bool acceptWarnings)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi)!; }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"{program} is not installed: these tests need it (apt-get install qpdf)");
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
            if (!(process.ExitCode == 0 || acceptWarnings && process.ExitCode == 3))
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
            return stdout.ToArray();
        }
    }
}
