using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Tests;

/// <summary>The committed corpus/ files and the production readers.</summary>
public static class Corpus
{
    public static string RepositoryRoot { get; } = FindRoot();
    public static string Dir => Path.Combine(RepositoryRoot, "corpus");
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string PathOf(string file) => Path.Combine(Dir, file);

    public static ExtractedText Read(string file, ReadOptions? options = null) =>
        DocumentReaders.CreateDefault().Read(File.ReadAllBytes(PathOf(file)), PathOf(file), options ?? ReadOptions.Default);

    public static string Seed(string name) => File.ReadAllText(Path.Combine(SharedRoot, "seeds", name));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class Scratch : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("policyingest-read-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
}
