namespace PolicyIngest.Core.Model;

/// <summary>One structural unit (章/节/条/款/项 or a paragraph outside the tree).</summary>
public sealed record Clause
{
    /// <summary>Stable within the document, derived from the path, e.g. ch2/art5.</summary>
    public required string Id { get; init; }
    public required ClauseKind Kind { get; init; }
    /// <summary>Canonical label (第十五条, （八）, 二); empty for an unnumbered paragraph.</summary>
    public required string Label { get; init; }
    public required IReadOnlyList<string> Path { get; init; }
    public string? Heading { get; init; }
    public required string Text { get; init; }
    public int? Page { get; init; }
    public string? Category { get; init; }
    public double? CategoryConfidence { get; init; }
    public IReadOnlyList<string> Instruments { get; init; } = [];
    public IReadOnlyList<string> Industries { get; init; } = [];
    /// <summary>Probability of each given instrument (an optional addition to document.schema.json).</summary>
    public IReadOnlyDictionary<string, double> InstrumentConfidences { get; init; } = new Dictionary<string, double>();
    /// <summary>Probability of each given industry, general included (an optional addition to document.schema.json).</summary>
    public IReadOnlyDictionary<string, double> IndustryConfidences { get; init; } = new Dictionary<string, double>();
}
