namespace PolicyIngest.Core.Model;

/// <summary>
/// Which labelled clauses a person should check: those where the classifier was unsure of any label it gave (the
/// category, an instrument or an industry, each with the probability the model gave it). They are flagged
/// <see cref="Flag"/> in `show`, the export and the web UI; nothing else changes (the labels stay as given).
/// </summary>
public static class ClauseReview
{
    /// <summary>
    /// A clause is flagged when its least sure label's confidence is below this. Chosen from the cross-validated
    /// predictions (`evaluate classify` prints how many clauses it flags and how often they are wrong): see docs/classify.md.
    /// </summary>
    public const double Threshold = 0.6;

    /// <summary>What users see: 待复核 (to be reviewed).</summary>
    public const string Flag = "待复核";

    /// <summary>The lowest confidence among the labels the clause was given; null when it has no labels (not classified, or the keyword rules gave them without one).</summary>
    public static double? LowestConfidence(double? categoryConfidence, IReadOnlyDictionary<string, double> instruments, IReadOnlyDictionary<string, double> industries)
    {
        double? lowest = categoryConfidence;
        foreach (var c in instruments.Values.Concat(industries.Values)) lowest = lowest is { } l ? Math.Min(l, c) : c;
        return lowest;
    }

    public static double? LowestConfidence(Clause clause) =>
        clause.Category is null ? null : LowestConfidence(clause.CategoryConfidence, clause.InstrumentConfidences, clause.IndustryConfidences);

    public static bool NeedsReview(double? lowestConfidence) => lowestConfidence < Threshold;

    public static bool NeedsReview(Clause clause) => NeedsReview(LowestConfidence(clause));
}
