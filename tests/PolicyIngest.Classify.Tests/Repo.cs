namespace PolicyIngest.Classify.Tests;

internal static class Repo
{
    public static string Root { get; } = Find();
    public static string Models => Path.Combine(Root, "models");
    public static string Training => Path.Combine(Models, "training");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
