using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Index.Search;

/// <summary>Writes every clause of a version (all parts: document, attachments, compilation cards) into clause_fts.</summary>
public sealed class ClauseIndexer(ClauseAnalyzer analyzer) : IClauseIndexer
{
    /// <summary>Analyses the version's clauses (in parallel when there are many) and writes their terms in order.</summary>
    public void IndexVersion(IVersionWrite version, PolicyDocument document) => Write(version, ahead: null);

    /// <summary>
    /// Analyses the document's clauses now, outside the catalogue's lock: inside the write only the stored rows are matched
    /// to their terms. A stored clause whose text was not analysed ahead is analysed there, as without preparing.
    /// </summary>
    public IClauseIndexer Prepare(PolicyDocument document)
    {
        var inputs = Inputs(document).Distinct(StringComparer.Ordinal).ToList();
        var analysed = inputs.Count >= 64
            ? inputs.AsParallel().AsOrdered().Select(i => (Input: i, Terms: analyzer.Analyze(i))).ToList()
            : inputs.Select(i => (Input: i, Terms: analyzer.Analyze(i))).ToList();
        return new Prepared(this, analysed.ToDictionary(a => a.Input, a => a.Terms, StringComparer.Ordinal));
    }

    private void Write(IVersionWrite version, IReadOnlyDictionary<string, (string Words, string Grams)>? ahead)
    {
        var clauses = version.Clauses();
        var analysed = clauses.Count >= 64 && ahead is null
            ? clauses.AsParallel().AsOrdered().Select(c => Analyze(c, ahead)).ToArray()
            : clauses.Select(c => Analyze(c, ahead)).ToArray();
        version.WriteClauseTerms(analysed);
    }

    private (long RowId, string Words, string Grams) Analyze((long RowId, string Heading, string Text) c,
        IReadOnlyDictionary<string, (string Words, string Grams)>? ahead)
    {
        var input = Input(c.Heading, c.Text);
        var (words, grams) = ahead is not null && ahead.TryGetValue(input, out var terms) ? terms : analyzer.Analyze(input);
        return (c.RowId, words, grams);
    }

    /// <summary>What the analyzer reads of a stored clause: its heading (label and heading, <see cref="IVersionWrite.Clauses"/>) and text.</summary>
    public static string Input(string heading, string text) => heading.Length == 0 ? text : heading + " " + text;

    /// <summary>
    /// What the analyzer will read of each of the document's clauses once stored, every part, in order: the label and
    /// heading joined as the catalogue joins them (<see cref="IVersionWrite.Clauses"/>), then the text.
    /// </summary>
    public static IEnumerable<string> Inputs(PolicyDocument document) =>
        document.Clauses.Select(c => Input((c.Label + " " + (c.Heading ?? "")).Trim(' '), c.Text))
            .Concat(document.Parts.SelectMany(Inputs));

    private sealed class Prepared(ClauseIndexer indexer, IReadOnlyDictionary<string, (string Words, string Grams)> ahead) : IClauseIndexer
    {
        public void IndexVersion(IVersionWrite version, PolicyDocument document) => indexer.Write(version, ahead);

        public IClauseIndexer Prepare(PolicyDocument document) => indexer.Prepare(document);
    }
}
