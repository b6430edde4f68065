namespace PolicyIngest.Extract.Tests;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("POLICYINGEST_HOME") is { Length: > 0 } home) return Path.GetFullPath(home);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root (PolicyIngest.sln) not found above " + AppContext.BaseDirectory);
    }
}
