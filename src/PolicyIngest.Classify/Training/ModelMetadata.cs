using PolicyIngest.Classify.Evaluation;

namespace PolicyIngest.Classify.Training;

public sealed record TaskFigures(double CategoryMacroF1, double CategoryAccuracy, double InstrumentsMicroF1, double IndustriesMicroF1, double SpecificIndustriesMicroF1)
{
    public static TaskFigures From(TaskScores s) => new(
        Math.Round(s.Category.MacroF1, 4), Math.Round(s.Category.Accuracy, 4), Math.Round(s.Instruments.MicroF1, 4),
        Math.Round(s.Industries.MicroF1, 4), Math.Round(s.SpecificIndustries.MicroF1, 4));
}

public sealed record CardFigures(int Cards, double MacroF1, double Accuracy, double KeywordMacroF1, double KeywordAccuracy, double MajorityAccuracy);

/// <summary>What models/classify.meta.json records about a trained model.</summary>
public sealed record ModelMetadata(
    string Model,
    DateTimeOffset TrainedAt,
    string TrainingDataSha256,
    int Clauses,
    int Groups,
    int HashBits,
    double L2,
    int MaxIterations,
    int Folds,
    int Seed,
    long ModelBytes,
    PolicyIngest.Classify.Features.FeatureOptions Features,
    LogisticOptions? Logistic,
    IReadOnlyDictionary<string, double> Thresholds,
    TaskFigures CrossValidated,
    TaskFigures KeywordBaseline,
    CardFigures? CardTools)
{
    /// <summary>
    /// SHA-256 of the segmenter's dictionaries (jieba's and models/dict) when the features use words, else null:
    /// a machine with other dictionaries cuts other words, and loading the model there warns.
    /// </summary>
    public string? SegmenterDictionarySha256 { get; init; }

    /// <summary>The trainer (<see cref="ClauseTrainers.Names"/>) and what it is.</summary>
    public string Trainer { get; init; } = ClauseTrainers.Own;
    public string? TrainerDescription { get; init; }

    /// <summary>The ML.NET trainer's options (null for the project's own logistic regression).</summary>
    public PolicyIngest.Classify.MachineLearning.MlNetOptions? MlNet { get; init; }

    /// <summary>Industries given by their keyword rule (too few documents with them in the training data).</summary>
    public IReadOnlyList<string> RuleIndustries { get; init; } = [];

    /// <summary>Synthetic clauses the model was also trained on (never scored: <see cref="CrossValidated"/> is over the real clauses).</summary>
    public int SyntheticClauses { get; init; }

    /// <summary>How long support clauses are also read sentence by sentence for instruments (null: whole only).</summary>
    public PolicyIngest.Classify.Model.SentenceReading? SentenceReading { get; init; }
}
