namespace PolicyIngest.Catalogue;

/// <summary>
/// Filters of a clause search; null means no filter. Status is computed as of <see cref="AsOf"/>. Part of the search
/// contract (the CLI and the web UI fill it in, the search request carries it); each catalogue turns it into its own query.
/// </summary>
public sealed record ClauseFilter
{
    public string? Region { get; init; }
    public string? Issuer { get; init; }
    public string? Category { get; init; }
    public string? Instrument { get; init; }
    public string? Industry { get; init; }
    public string? Status { get; init; }
    public decimal? MinYuan { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool AllVersions { get; init; }
    public required DateOnly AsOf { get; init; }
}
