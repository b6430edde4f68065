namespace PolicyIngest.TestSupport;

/// <summary>
/// Where the checkout under test is ($POLICYINGEST_HOME, else the folder holding PolicyIngest.sln above the test binaries)
/// and the user's read-only material beside it (../shared). The one place tests look for them.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared: seeds, data/revisions, data/real …</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Models => Path.Combine(Root, "models");

    public static string Corpus => Path.Combine(Root, "corpus");

    /// <summary>A file of corpus/ by its path there.</summary>
    public static string CorpusFile(string relative) => Path.Combine(Corpus, relative);

    /// <summary>A file of ../shared by its path there.</summary>
    public static string SharedFile(string relative) => Path.Combine(Shared, relative);

    /// <summary>A text of ../shared/data/revisions by its number (`08_` → 08_pair-C_….txt).</summary>
    public static string Revision(string prefix) =>
        Directory.GetFiles(Path.Combine(Shared, "data", "revisions"), prefix + "*.txt").Single();

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("POLICYINGEST_HOME") is { Length: > 0 } home) return Path.GetFullPath(home);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (PolicyIngest.sln) not found above " + AppContext.BaseDirectory);
    }
}
