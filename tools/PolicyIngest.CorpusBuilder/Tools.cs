using System.Diagnostics;

namespace PolicyIngest.CorpusBuilder;

/// <summary>External programs (LibreOffice, poppler), run with argument lists and a timeout.</summary>
public static class Tools
{
    public static void Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} took longer than {timeout}");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} exited {p.ExitCode}: {stderr.Result}{stdout.Result}");
    }

    /// <summary>LibreOffice headless with its own profile directory (removed after) converting several files at once.</summary>
    public static void Convert(IReadOnlyList<string> files, string format, string outDir)
    {
        var profile = Directory.CreateTempSubdirectory("corpus-lo-");
        try
        {
            Run("soffice", [$"-env:UserInstallation={new Uri(profile.FullName).AbsoluteUri}", "--headless", "--norestore",
                "--convert-to", format, "--outdir", outDir, .. files], TimeSpan.FromMinutes(10));
        }
        finally { profile.Delete(recursive: true); }
        foreach (var f in files)
        {
            var expected = Path.Combine(outDir, Path.GetFileNameWithoutExtension(f) + "." + format.Split(':')[0]);
            if (!File.Exists(expected)) throw new InvalidOperationException($"LibreOffice did not write {expected}");
        }
    }
}
