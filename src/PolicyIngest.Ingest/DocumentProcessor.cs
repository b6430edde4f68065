using System.Security.Cryptography;
using PolicyIngest.Classify;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract;
using PolicyIngest.Extract.Amounts;
using PolicyIngest.Read;
using PolicyIngest.Structure;

namespace PolicyIngest.Ingest;

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
    /// <param name="sha256">The bytes' SHA-256 (<see cref="Sha256Hex"/>) when the caller has it already: not computed again.</param>
    /// <exception cref="UnreadableDocumentException">the file cannot be read, or reading it failed or ran past
    /// <see cref="ReadOptions.FileTimeout"/>: a failure on one input is that input's error, never the run's.</exception>
    public PolicyDocument Process(byte[] bytes, string source, CancellationToken cancellationToken = default, string? httpCharset = null,
        string? sha256 = null)
    {
        var options = httpCharset is null ? readOptions : readOptions with { HttpCharset = httpCharset };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Parsers in process (PdfPig, OpenXml, AngleSharp) do not all observe cancellation: the work runs on its own
        // task so that a runaway parse can be abandoned at the limit instead of holding up every other file.
        var work = Task.Run(() => ProcessGuarded(bytes, sha256, source, options, limit.Token), CancellationToken.None);
        bool finished;
        try { finished = work.Wait(options.FileTimeout, cancellationToken); }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        if (finished) return work.Result;
        limit.Cancel();
        work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);  // observed: the abandoned parse may still fail later
        throw new UnreadableDocumentException(
            $"reading took longer than the {options.FileTimeout.TotalSeconds:0} s limit per file (--file-timeout); abandoned");
    }

    private PolicyDocument ProcessGuarded(byte[] bytes, string? sha256, string source, ReadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var sha = sha256 ?? Sha256Hex(bytes);
            var text = readers.Read(bytes, source, options, cancellationToken);
            var document = structure.Parse(text, new DocumentIdentity(source, sha));
            return Enrich(document);
        }
        catch (Exception ex) when (ex is not (UnreadableDocumentException or OperationCanceledException or OutOfMemoryException or ComponentUnavailableException))
        {
            // A parser that throws on hostile or unusual bytes: that file's error, with the details kept for a developer.
            var log = FailureLog.Write(source, ex);
            throw new UnreadableDocumentException($"the file could not be processed ({ex.GetType().Name}: {FirstLine(ex.Message)}; details: {log})", ex);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>Adds amounts, rates and clause labels to a structured document and each of its parts.</summary>
    public PolicyDocument Enrich(PolicyDocument document) => Enrich(document, document.Tables);

    /// <param name="tables">The file's tables: a table printed in an attachment has its rows among that part's clauses.</param>
    private PolicyDocument Enrich(PolicyDocument document, IReadOnlyList<PolicyTable> tables)
    {
        var parts = document.Parts.Select(p => Enrich(p, tables)).ToList();
        var clauses = classifier is null ? document.Clauses : classifier.Classify(document, document.Clauses);
        var found = amounts.Extract(clauses);
        var inTables = tables.SelectMany(t => TableAmounts.Find(t, clauses)).ToList();
        return document with { Parts = parts, Clauses = clauses, Amounts = [.. found.Amounts, .. inTables], Rates = found.Rates };
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
