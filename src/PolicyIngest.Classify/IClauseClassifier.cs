using PolicyIngest.Core.Model;

namespace PolicyIngest.Classify;

/// <summary>Labels clauses with category, instruments and industries (taxonomy.md).</summary>
public interface IClauseClassifier
{
    /// <summary>Returns the clauses with Category, CategoryConfidence, Instruments and Industries set.</summary>
    IReadOnlyList<Clause> Classify(PolicyDocument document, IReadOnlyList<Clause> clauses);
}
