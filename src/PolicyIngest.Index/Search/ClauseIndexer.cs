using Microsoft.Data.Sqlite;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Index.Search;

/// <summary>Writes every clause of a version (all parts: document, attachments, compilation cards) into clause_fts.</summary>
public sealed class ClauseIndexer(ClauseAnalyzer analyzer) : IClauseIndexer
{
    public void IndexVersion(SqliteTransaction transaction, string versionId, PolicyDocument document)
    {
        var clauses = ClauseSearchStore.ClausesOfVersion(transaction, versionId);
        Write(transaction, clauses);
    }

    /// <summary>Analyses the clauses (in parallel when there are many) and writes their terms in order.</summary>
    public void Write(SqliteTransaction transaction, IReadOnlyList<(long RowId, string Heading, string Text)> clauses)
    {
        var analysed = clauses.Count >= 64
            ? clauses.AsParallel().AsOrdered().Select(Analyze).ToArray()
            : clauses.Select(Analyze).ToArray();
        using var writer = new ClauseSearchStore.TermWriter(transaction);
        foreach (var (rowId, words, grams) in analysed) writer.Write(rowId, words, grams);
    }

    private (long RowId, string Words, string Grams) Analyze((long RowId, string Heading, string Text) c)
    {
        var (words, grams) = analyzer.Analyze(c.Heading.Length == 0 ? c.Text : c.Heading + " " + c.Text);
        return (c.RowId, words, grams);
    }
}
