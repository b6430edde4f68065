namespace PolicyIngest.Classify.Model;

/// <summary>
/// What the classifier sees of one 条-level unit: its own text, its short heading, the heading of the chapter
/// (or outline section, or compilation card) it sits in, its kind and its relative position in the document.
/// </summary>
public sealed record ClauseInput(string Text, string? Heading, string? Chapter, string Kind, double Position);

/// <summary>A hand-labelled clause from models/training/*.jsonl.</summary>
public sealed record LabelledClause(
    string Id,
    string Source,
    string Group,
    ClauseInput Input,
    string Category,
    IReadOnlyList<string> Instruments,
    IReadOnlyList<string> Industries);

/// <summary>The labels the classifier gives one clause, each given instrument and industry with its probability.</summary>
public sealed record ClauseLabels(
    string Category,
    double CategoryConfidence,
    IReadOnlyList<string> Instruments,
    IReadOnlyList<string> Industries)
{
    public IReadOnlyDictionary<string, double> InstrumentConfidences { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> IndustryConfidences { get; init; } = new Dictionary<string, double>();
}
