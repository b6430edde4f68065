using PolicyIngest.Classify.Model;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify;

/// <summary>The trained models in a models directory (the settings' <c>ModelsDirectory</c>).</summary>
public static class ClassifierModels
{
    public const string MetadataFileName = "classify.meta.json";
    public const string TaxonomyFileName = "taxonomy.json";

    /// <summary>The trained classifier from <paramref name="directory"/>, or null when no model file is there.</summary>
    /// <param name="segmenter">asked for only when the model uses segmented words (models/jieba plus models/dict)</param>
    public static TrainedClauseClassifier? TryLoad(string directory, Func<ISegmenter> segmenter)
    {
        var path = Path.Combine(directory, ClauseModel.FileName);
        if (!File.Exists(path)) return null;
        var words = ClauseModel.UsesWords(path) ? segmenter() : null;
        return new TrainedClauseClassifier(ClauseModel.Load(path, words));
    }

    /// <summary>
    /// A one-line warning when the model in <paramref name="directory"/> reads segmented words and its metadata names
    /// other segmenter dictionaries than <paramref name="resources"/> (another models/jieba, an edited models/dict);
    /// null when they match, or when there is nothing to compare.
    /// </summary>
    public static string? SegmenterWarning(string directory, SegmenterResources resources)
    {
        var model = Path.Combine(directory, ClauseModel.FileName);
        var meta = Path.Combine(directory, MetadataFileName);
        if (!File.Exists(model) || !File.Exists(meta) || !ClauseModel.UsesWords(model)) return null;
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
