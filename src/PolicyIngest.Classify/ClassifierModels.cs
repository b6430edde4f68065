using PolicyIngest.Classify.Model;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify;

/// <summary>The trained models in a models directory (the settings' <c>ModelsDirectory</c>).</summary>
public static class ClassifierModels
{
    public const string MetadataFileName = "classify.meta.json";
    public const string TaxonomyFileName = "taxonomy.json";

    /// <summary>The folder an ML.NET-trained model is saved in (<see cref="MachineLearning.MlNetModelFile.DirectoryName"/>).</summary>
    public const string MlNetDirectoryName = "classify.mlnet";

    /// <summary>
    /// Which model file of <paramref name="directory"/> is the shipped one: the one classify.meta.json names (its
    /// <c>model</c>), else the project's own model file if present, else the ML.NET model folder; null when there is none.
    /// </summary>
    public static string? ModelPath(string directory)
    {
        var own = Path.Combine(directory, ClauseModel.FileName);
        var mlnet = Path.Combine(directory, MlNetDirectoryName);
        var named = NamedModel(directory);
        if (named == MlNetDirectoryName && Directory.Exists(mlnet)) return mlnet;
        if (File.Exists(own)) return own;
        return File.Exists(Path.Combine(mlnet, "clause-model.json")) ? mlnet : null;
    }

    /// <summary>The trained classifier from <paramref name="directory"/>, or null when no model file is there.</summary>
    /// <param name="segmenter">asked for only when the model uses segmented words (models/jieba plus models/dict)</param>
    public static TrainedClauseClassifier? TryLoad(string directory, Func<ISegmenter> segmenter)
    {
        var path = ModelPath(directory);
        if (path is null) return null;
        if (Directory.Exists(path)) return new TrainedClauseClassifier(LoadMlNet(path, segmenter));
        var words = ClauseModel.UsesWords(path) ? segmenter() : null;
        return new TrainedClauseClassifier(ClauseModel.Load(path, words));
    }

    // Kept out of TryLoad's body: Microsoft.ML's assemblies load only when an ML.NET model is actually read.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ClauseModel LoadMlNet(string folder, Func<ISegmenter> segmenter)
    {
        var manifest = MachineLearning.MlNetModelFile.ReadManifest(folder);
        return MachineLearning.MlNetModelFile.Load(folder, manifest.Features.UsesWords ? segmenter() : null);
    }

    private static string? NamedModel(string directory)
    {
        var meta = Path.Combine(directory, MetadataFileName);
        if (!File.Exists(meta)) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(meta));
            var property = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(nameof(Training.ModelMetadata.Model));
            return json.RootElement.TryGetProperty(property, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>Whether the shipped model of <paramref name="directory"/> reads segmented words.</summary>
    private static bool UsesWords(string path)
    {
        if (!Directory.Exists(path)) return ClauseModel.UsesWords(path);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(path, "clause-model.json")));
        var features = json.RootElement.GetProperty("Features");
        return System.Text.Json.JsonSerializer.Deserialize<Features.FeatureOptions>(features.GetRawText())?.UsesWords ?? false;
    }

    /// <summary>
    /// A one-line warning when the model in <paramref name="directory"/> reads segmented words and its metadata names
    /// other segmenter dictionaries than <paramref name="resources"/> (another models/jieba, an edited models/dict);
    /// null when they match, or when there is nothing to compare.
    /// </summary>
    public static string? SegmenterWarning(string directory, SegmenterResources resources)
    {
        var model = ModelPath(directory);
        var meta = Path.Combine(directory, MetadataFileName);
        if (model is null || !File.Exists(meta) || !UsesWords(model)) return null;
        string? trained;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(meta));
            var property = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(nameof(Training.ModelMetadata.SegmenterDictionarySha256));
            trained = json.RootElement.TryGetProperty(property, out var v) ? v.GetString() : null;
        }
        catch (System.Text.Json.JsonException) { return $"warning: {meta} is not valid JSON: cannot check the segmenter dictionaries the classifier was trained with"; }
        if (trained is null) return null;
        var here = resources.DictionarySha256();
        return string.Equals(trained, here, StringComparison.Ordinal) ? null
            : $"warning: the clause classifier was trained with other segmenter dictionaries (sha256 {trained[..12]}…, here {here[..12]}…): instrument labels may be less accurate until `policyingest train` is run";
    }
}
