using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract;

/// <summary>Finds every monetary amount and rate in a document's clauses. Pure.</summary>
public interface IAmountExtractor
{
    AmountFindings Extract(IReadOnlyList<Clause> clauses);
}

public sealed record AmountFindings(IReadOnlyList<MonetaryAmount> Amounts, IReadOnlyList<Rate> Rates)
{
    public static readonly AmountFindings None = new([], []);
}
