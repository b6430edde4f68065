using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Tests;

/// <summary>The committed corpus/ files and the production readers.</summary>
public static class Corpus
{
    public static string RepositoryRoot => RepositoryPaths.Root;
    public static string Dir => RepositoryPaths.Corpus;
    public static string SharedRoot => RepositoryPaths.Shared;

    public static string PathOf(string file) => Path.Combine(Dir, file);

    public static ExtractedText Read(string file, ReadOptions? options = null) =>
        DocumentReaders.CreateDefault().Read(File.ReadAllBytes(PathOf(file)), PathOf(file), options ?? ReadOptions.Default);

    public static string Seed(string name) => File.ReadAllText(Path.Combine(SharedRoot, "seeds", name));
}
