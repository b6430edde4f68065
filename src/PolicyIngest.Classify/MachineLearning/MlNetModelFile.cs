using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify.MachineLearning;

/// <summary>
/// An ML.NET clause model on disk: a folder (<see cref="DirectoryName"/> in the models directory) holding one ML.NET model
/// file per fitted model (<c>mlContext.Model.Save</c>: category.zip, instrument.LABEL.zip, industry.LABEL.zip) and
/// <see cref="ManifestFileName"/>, which says what the zips cannot: the feature options they read, the label order,
/// the rule industries, the sentence reading, the thresholds, and the labels that had one class only (a constant score,
/// no zip). A model fitted on log-count-scaled features (the instrument models) has its scales beside its zip
/// (NAME.scales.gz: dimension little-endian doubles, gzip), since its zip scores the scaled features. Loading reads every
/// linear model's weights and bias out of its zip into a <see cref="ClauseModel"/>, the scales folded in.
/// </summary>
public static class MlNetModelFile
{
    public const string DirectoryName = ClassifierModels.MlNetDirectoryName;
    public const string ManifestFileName = "clause-model.json";
    public const string Format = "PolicyIngest.MlNetClauseModel/2";
    private const string FormatWithoutScales = "PolicyIngest.MlNetClauseModel/1";
    private const string ScalesSuffix = ".scales.gz";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public sealed record Manifest(
        string Format,
        string Learner,
        FeatureOptions Features,
        IReadOnlyList<string> Categories,
        IReadOnlyList<string> Instruments,
        IReadOnlyList<string> Industries,
        IReadOnlyList<double> InstrumentThresholds,
        IReadOnlyList<double> IndustryThresholds,
        IReadOnlyList<string> RuleIndustries,
        SentenceReading? SentenceReading,
        bool CategoryOneVsRest,
        IReadOnlyDictionary<string, float> ConstantScores);

    /// <summary>Whether <paramref name="modelsDirectory"/> holds an ML.NET clause model.</summary>
    public static bool Exists(string modelsDirectory) => File.Exists(Path.Combine(modelsDirectory, DirectoryName, ManifestFileName));

    public static void Save(string directory, ClauseModel model, MlNetParts parts, MlNetOptions options, MLContext ml)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var dimension = model.Features.Dimension;
        var constants = new SortedDictionary<string, float>(StringComparer.Ordinal);
        void Write(string name, MlNetPart part, int classes)
        {
            if (part.Transformer is null) { constants[name] = part.ConstantScore!.Value; return; }
            ml.Model.Save(part.Transformer, FeatureColumn.InputSchema(ml, dimension, classes), Path.Combine(directory, name + ".zip"));
            if (part.Scales is not null) WriteScales(Path.Combine(directory, name + ScalesSuffix), part.Scales);
        }
        Write("category", parts.Category, model.Categories.Count);
        for (var j = 0; j < parts.Instruments.Count; j++) Write("instrument." + model.Instruments[j], parts.Instruments[j], 1);
        for (var j = 0; j < parts.Industries.Count; j++) Write("industry." + model.Industries[j], parts.Industries[j], 1);
        var manifest = new Manifest(Format, MlNetOptions.NameOf(options.Learner), model.Features.Options, model.Categories, model.Instruments, model.Industries,
            model.InstrumentThresholds, model.IndustryThresholds, model.RuleIndustries, model.SentenceReading, model.CategoryOneVsRest, constants);
        File.WriteAllText(Path.Combine(directory, ManifestFileName), JsonSerializer.Serialize(manifest, Json) + "\n");
    }

    /// <summary>The manifest of the model in <paramref name="directory"/> (the classify.mlnet folder).</summary>
    public static Manifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestFileName);
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty");
        if (manifest.Format is not (Format or FormatWithoutScales)) throw new InvalidDataException($"{path}: not an ML.NET clause model (format '{manifest.Format}')");
        return manifest;
    }

    /// <param name="directory">the classify.mlnet folder</param>
    /// <param name="segmenter">for a model whose features use words (the manifest says so)</param>
    public static ClauseModel Load(string directory, ISegmenter? segmenter)
    {
        var manifest = ReadManifest(directory);
        if (MlNetOptions.Parse(manifest.Learner) is not { } learner || learner == MlNetLearner.LightGbm)
            throw new InvalidDataException($"{directory}: the learner '{manifest.Learner}' is not a linear ML.NET learner this project can load");
        var ml = new MLContext(1);
        var features = new ClauseFeatures(manifest.Features, manifest.Features.UsesWords ? segmenter : null);
        MlNetPart Read(string name)
        {
            if (manifest.ConstantScores.TryGetValue(name, out var score)) return MlNetPart.Constant(score);
            var scales = Path.Combine(directory, name + ScalesSuffix);
            return new MlNetPart(ml.Model.Load(Path.Combine(directory, name + ".zip"), out _), null, File.Exists(scales) ? ReadScales(scales, features.Dimension) : null);
        }
        var parts = new MlNetParts(Read("category"), [.. manifest.Instruments.Select(l => Read("instrument." + l))], [.. manifest.Industries.Select(l => Read("industry." + l))]);
        return ToClauseModel(features, parts, features.Dimension, manifest.RuleIndustries, manifest.SentenceReading, manifest.CategoryOneVsRest,
            manifest.Categories, manifest.Instruments, manifest.Industries, manifest.InstrumentThresholds, manifest.IndustryThresholds);
    }

    /// <summary>A <see cref="ClauseModel"/> with the weights of the fitted linear ML.NET models.</summary>
    public static ClauseModel ToClauseModel(ClauseFeatures features, MlNetParts parts, int dimension, IReadOnlyList<string> ruleIndustries,
        SentenceReading? sentenceReading, bool oneVersusAll, IReadOnlyList<string>? categories = null, IReadOnlyList<string>? instruments = null,
        IReadOnlyList<string>? industries = null, IReadOnlyList<double>? instrumentThresholds = null, IReadOnlyList<double>? industryThresholds = null)
    {
        categories ??= ClauseTaxonomy.Categories;
        instruments ??= ClauseTaxonomy.Instruments;
        industries ??= ClauseModelTrainer.SpecificIndustries;
        var categoryWeights = CategoryWeights(parts.Category, categories.Count, dimension);
        return new ClauseModel(features, categories, categoryWeights, instruments, [.. parts.Instruments.Select(p => BinaryWeights(p, dimension))],
            industries, [.. parts.Industries.Select(p => BinaryWeights(p, dimension))], instrumentThresholds, industryThresholds, ruleIndustries, sentenceReading)
        {
            CategoryOneVsRest = oneVersusAll,
        };
    }

    /// <summary>classes × (dimension + 1) weights (each class's feature weights, then its bias) of a multiclass model.</summary>
    public static float[] CategoryWeights(MlNetPart part, int classes, int dimension)
    {
        var stride = dimension + 1;
        var result = new float[classes * stride];
        var model = ModelOf(part.Transformer ?? throw new InvalidDataException("the category model cannot be constant"));
        switch (model)
        {
            case LinearMulticlassModelParametersBase linear:
            {
                VBuffer<float>[] weights = [];
                linear.GetWeights(ref weights, out var n);
                var biases = linear.GetBiases().ToArray();
                if (n != classes) throw new InvalidDataException($"the category model has {n} classes, expected {classes}");
                for (var k = 0; k < classes; k++)
                {
                    FeatureColumn.Dense(weights[k], dimension).CopyTo(result, k * stride);
                    result[k * stride + dimension] = biases[k];
                }
                return result;
            }
            case OneVersusAllModelParameters ova:
            {
                // SubModelParameters is internal in ML.NET 6.0.0 (pinned): read by name; a test checks the probabilities against ML.NET's own.
                var subModels = Property(ova, "SubModelParameters") is System.Collections.IEnumerable all ? all.Cast<object>().ToArray()
                    : throw new InvalidDataException("cannot read the one-versus-all sub-models of this ML.NET version");
                if (subModels.Length != classes) throw new InvalidDataException($"the one-versus-all category model has {subModels.Length} classes, expected {classes}");
                for (var k = 0; k < classes; k++) LogitWeights(subModels[k], dimension).CopyTo(result, k * stride);
                return result;
            }
            default:
                throw new InvalidDataException($"the category model is a {model.GetType().Name}, not a linear multiclass model");
        }
    }

    /// <summary>
    /// dimension + 1 weights whose dot product with a clause's (plain) features, plus the bias, is the label's log-odds:
    /// a model fitted on scaled features has its scales folded in, so scoring costs what a plain model does.
    /// </summary>
    public static float[] BinaryWeights(MlNetPart part, int dimension)
    {
        if (part.Transformer is null)
        {
            var constant = new float[dimension + 1];
            constant[dimension] = part.ConstantScore!.Value;
            return constant;
        }
        var weights = LogitWeights(ModelOf(part.Transformer), dimension);
        return part.Scales is null ? weights : LogCountRatios.Fold(weights, part.Scales);
    }

    private static void WriteScales(string path, double[] scales)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.SmallestSize);
        gzip.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(scales.AsSpan()));
    }

    private static double[] ReadScales(string path, int dimension)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        if (bytes.Length != dimension * sizeof(double)) throw new InvalidDataException($"{path}: {bytes.Length} bytes of scales, expected {dimension} doubles");
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)).ToArray();
    }

    /// <summary>
    /// A binary linear model's weights as log-odds weights: a calibrated model's Platt calibrator
    /// (p = 1 / (1 + exp(slope · score + offset)); logistic regression's is slope −1, offset 0) folded into them.
    /// </summary>
    private static float[] LogitWeights(object model, int dimension)
    {
        LinearBinaryModelParameters linear;
        double slope = -1, offset = 0;
        if (model is LinearBinaryModelParameters plain) linear = plain;
        else if (model is CalibratedModelParametersBase && Property(model, "SubModel") is LinearBinaryModelParameters sub)
        {
            linear = sub;
            if (Property(model, "Calibrator") is not PlattCalibrator platt)
                throw new InvalidDataException($"a calibrated binary model with a {Property(model, "Calibrator")?.GetType().Name} calibrator, not Platt's");
            (slope, offset) = (platt.Slope, platt.Offset);
        }
        else throw new InvalidDataException($"a binary model of type {model.GetType().Name}, not a linear one");
        var weights = linear.Weights.ToArray();
        if (weights.Length != dimension) throw new InvalidDataException($"a binary model over {weights.Length} features, expected {dimension}");
        var result = new float[dimension + 1];
        for (var i = 0; i < dimension; i++) result[i] = (float)(-slope * weights[i]);
        result[dimension] = (float)-(slope * linear.Bias + offset);
        return result;
    }

    // A loaded model's generic arguments are not the trained one's (ML.NET loads calibrated models as
    // CalibratedModelParametersBase<IPredictorProducing<float>, ICalibrator>): read the parts by name.
    // The most derived declaration wins (the generic calibrated model re-declares its base's SubModel with its own type).
    private static object? Property(object o, string name)
    {
        const System.Reflection.BindingFlags Flags = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public
            | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;
        for (var type = o.GetType(); type is not null; type = type.BaseType)
            if (type.GetProperty(name, Flags) is { } property) return property.GetValue(o);
        return null;
    }

    private static object ModelOf(ITransformer transformer) =>
        transformer is IPredictionTransformer<object> p ? p.Model : throw new InvalidDataException($"{transformer.GetType().Name} is not a prediction transformer");
}

/// <summary>A linear ML.NET clause model: predicts through the <see cref="ClauseModel"/> its weights were read into; saves the ML.NET models.</summary>
public sealed class MlNetClauseModel(ClauseModel model, MlNetParts parts, MLContext ml, MlNetOptions options) : ITrainedClauseModel
{
    public ClauseModel Model => model;
    public MlNetParts Parts => parts;
    public string FileName => MlNetModelFile.DirectoryName;

    public ClauseLabels Predict(ClauseInput input) => model.Predict(input);

    /// <param name="path">the folder to write (replaced if it exists)</param>
    public void Save(string path) => MlNetModelFile.Save(path, model, parts, options, ml);
}
