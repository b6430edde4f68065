namespace PolicyIngest.Classify.Tests;

internal static class Repo
{
    public static string Root => RepositoryPaths.Root;
    public static string Models => RepositoryPaths.Models;
    public static string Training => Path.Combine(Models, "training");
}
