namespace PolicyIngest.Core.Model;

/// <summary>A sum of money found in a clause, in yuan, with its role. Never a double.</summary>
public sealed record MonetaryAmount
{
    public required string ClauseId { get; init; }
    /// <summary>Nearest enclosing 条 label, or the outline path joined by '/'.</summary>
    public required string Article { get; init; }
    /// <summary>The exact span, e.g. 最高不超过500万元.</summary>
    public required string Text { get; init; }
    public required decimal Yuan { get; init; }
    public decimal? YuanHigh { get; init; }
    public string Unit { get; init; } = "元";
    public required AmountRole Role { get; init; }
    public string? Per { get; init; }
    public string? Condition { get; init; }
}

/// <summary>A percentage found in a clause: a share of a base, a cap on a share, or a condition.</summary>
public sealed record Rate
{
    public required string ClauseId { get; init; }
    public required string Article { get; init; }
    public required string Text { get; init; }
    public required decimal Percent { get; init; }
    public decimal? PercentHigh { get; init; }
    public required RateRole Role { get; init; }
    public string? Base { get; init; }
}
