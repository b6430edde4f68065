using System.Diagnostics;

namespace PolicyIngest.Cli.Tests.Robustness;

/// <summary>
/// Generates the malformed inputs once for the suite, into a temporary folder removed afterwards. Set
/// POLICYINGEST_ROBUSTNESS_DIR to generate into (and keep) a folder of your choice, e.g. to try a file by hand.
/// </summary>
public sealed class RobustnessFixture : IDisposable
{
    private readonly bool _keep;

    public RobustnessFixture()
    {
        var chosen = Environment.GetEnvironmentVariable("POLICYINGEST_ROBUSTNESS_DIR");
        _keep = !string.IsNullOrEmpty(chosen);
        Root = _keep ? Directory.CreateDirectory(chosen!).FullName : Directory.CreateTempSubdirectory("policyingest-robustness-").FullName;
        var folder = Path.Combine(Root, "generated");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var watch = Stopwatch.StartNew();
        Inputs = MalformedInputs.Generate(folder);
        GenerationTime = watch.Elapsed;
    }

    /// <summary>Holds generated/ and whatever the tests write (catalogues).</summary>
    public string Root { get; }

    public IReadOnlyList<GeneratedInput> Inputs { get; }

    public TimeSpan GenerationTime { get; }

    /// <summary>Every file of ../shared/data/real (the real development set), as it is.</summary>
    public static IReadOnlyList<string> RealFiles() =>
        Directory.EnumerateFiles(MalformedInputs.RealFolder).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        if (_keep) return;
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
