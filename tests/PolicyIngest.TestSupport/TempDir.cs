namespace PolicyIngest.TestSupport;

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempDir(string prefix = "policyingest-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
