namespace PolicyIngest.Extract.Tests;

internal static class TestPaths
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string Shared => RepositoryPaths.Shared;
}
