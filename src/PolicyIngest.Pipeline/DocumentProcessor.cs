using System.Security.Cryptography;
using PolicyIngest.Classify;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract;
using PolicyIngest.Read;
using PolicyIngest.Structure;

namespace PolicyIngest.Pipeline;

/// <summary>Read → Structure → Extract → Classify for one file's bytes. Touches no catalogue.</summary>
public sealed class DocumentProcessor(
    DocumentReaders readers,
    IStructureParser structure,
    IAmountExtractor amounts,
    IClauseClassifier? classifier,
    ReadOptions readOptions)
{
    public ReadOptions ReadOptions => readOptions;

    /// <param name="httpCharset">The charset the HTTP response declared for these bytes (fetched pages), if any.</param>
    public PolicyDocument Process(byte[] bytes, string source, CancellationToken cancellationToken = default, string? httpCharset = null)
    {
        var sha = Sha256Hex(bytes);
        var options = httpCharset is null ? readOptions : readOptions with { HttpCharset = httpCharset };
        var text = readers.Read(bytes, source, options, cancellationToken);
        var document = structure.Parse(text, new DocumentIdentity(source, sha));
        return Enrich(document);
    }

    /// <summary>Adds amounts, rates and clause labels to a structured document and each of its parts.</summary>
    public PolicyDocument Enrich(PolicyDocument document)
    {
        var parts = document.Parts.Select(Enrich).ToList();
        var clauses = classifier is null ? document.Clauses : classifier.Classify(document, document.Clauses);
        var found = amounts.Extract(clauses);
        return document with { Parts = parts, Clauses = clauses, Amounts = found.Amounts, Rates = found.Rates };
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
