using PolicyIngest.Classify.Model;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify;

/// <summary>Where the trained models live: models/ of the repository ($POLICYINGEST_HOME, else found from the binary).</summary>
public static class ClassifierModels
{
    public const string MetadataFileName = "classify.meta.json";
    public const string TaxonomyFileName = "taxonomy.json";

    public static string DefaultDirectory() => Path.Combine(RepositoryRoot(), "models");

    public static string RepositoryRoot()
    {
        if (Environment.GetEnvironmentVariable("POLICYINGEST_HOME") is { Length: > 0 } home) return Path.GetFullPath(home);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The trained classifier from <paramref name="directory"/>, or null when no model file is there.</summary>
    /// <param name="segmenter">asked for only when the model uses segmented words; null: <see cref="SegmenterResources.Shared"/></param>
    public static TrainedClauseClassifier? TryLoad(string? directory = null, Func<JiebaSegmenter>? segmenter = null)
    {
        var path = Path.Combine(directory ?? DefaultDirectory(), ClauseModel.FileName);
        if (!File.Exists(path)) return null;
        var words = ClauseModel.UsesWords(path) ? segmenter?.Invoke() ?? SegmenterResources.Shared : null;
        return new TrainedClauseClassifier(ClauseModel.Load(path, words));
    }
}
