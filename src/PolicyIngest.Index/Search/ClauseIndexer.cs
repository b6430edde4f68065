using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Index.Search;

/// <summary>Writes every clause of a version (all parts: document, attachments, compilation cards) into clause_fts.</summary>
public sealed class ClauseIndexer(ClauseAnalyzer analyzer) : IClauseIndexer
{
    /// <summary>Analyses the version's clauses (in parallel when there are many) and writes their terms in order.</summary>
    public void IndexVersion(IVersionWrite version, PolicyDocument document)
    {
        var clauses = version.Clauses();
        var analysed = clauses.Count >= 64
            ? clauses.AsParallel().AsOrdered().Select(Analyze).ToArray()
            : clauses.Select(Analyze).ToArray();
        version.WriteClauseTerms(analysed);
    }

    private (long RowId, string Words, string Grams) Analyze((long RowId, string Heading, string Text) c)
    {
        var (words, grams) = analyzer.Analyze(c.Heading.Length == 0 ? c.Text : c.Heading + " " + c.Text);
        return (c.RowId, words, grams);
    }
}
