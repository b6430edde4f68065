using PolicyIngest.Core.Model;

namespace PolicyIngest.Read;

/// <summary>Turns the bytes of one format into text blocks with provenance. One implementation per format.</summary>
public interface IDocumentReader
{
    SourceFormat Format { get; }

    /// <exception cref="PolicyIngest.Core.UnreadableDocumentException">the bytes cannot be read as this format</exception>
    ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default);
}

/// <summary>Limits and switches for reading. Leniency is named, never implicit.</summary>
public sealed record ReadOptions
{
    /// <summary>The readers' own defaults. The user's limits come from the settings: <see cref="For"/>.</summary>
    public static readonly ReadOptions Default = new();

    /// <summary>The defaults with the limits the settings name (--max-file-mb, $POLICYINGEST_MAX_FILE_MB, …).</summary>
    public static ReadOptions For(PolicyIngest.Core.ReaderLimits limits) => new()
    {
        MaxFileBytes = limits.MaxFileBytes ?? Default.MaxFileBytes,
        MaxUncompressedBytes = limits.MaxUncompressedBytes ?? Default.MaxUncompressedBytes,
        FileTimeout = limits.FileTimeout ?? Default.FileTimeout,
    };

    /// <summary>Files larger than this are refused before any parsing (CLI: --max-file-mb or POLICYINGEST_MAX_FILE_MB; default 200 MB).</summary>
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;
    /// <summary>PDFs declaring more pages than this are refused before their text is read (a policy document is far shorter;
    /// 3,000 pages read in ~10 s, so the limit keeps one file well inside <see cref="FileTimeout"/>).</summary>
    public int MaxPdfPages { get; init; } = 10_000;
    /// <summary>Check a PDF with <c>qpdf --check</c> before PdfPig reads it; a damaged file goes to poppler (PdfPig can
    /// overflow the stack on damaged streams, which kills the process). Off only for measuring PdfPig alone.</summary>
    public bool CheckPdfIntegrity { get; init; } = true;
    /// <summary>Zip-bomb guard for DOCX: total uncompressed size of the parts read.</summary>
    public long MaxUncompressedBytes { get; init; } = 512L * 1024 * 1024;
    /// <summary>Time allowed to read and structure one file, whatever the format (CLI: --file-timeout, POLICYINGEST_FILE_TIMEOUT_S; default 120 s).
    /// A parse still running then is abandoned and the file reported as failed.</summary>
    public TimeSpan FileTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Time allowed to one external converter call (LibreOffice, pdftotext, tesseract).</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>OCR pages that have no text layer (slow: ~1.5 s a page).</summary>
    public bool OcrPagesWithoutText { get; init; } = true;
    /// <summary>External tool processes one document may run at once (pdftotext page ranges, OCR pages).</summary>
    public int MaxParallelTools { get; init; } = Environment.ProcessorCount;
    /// <summary>Which PDF text engine reads the pages: <see cref="PdfEngine.Auto"/> (PdfPig, poppler for pages PdfPig reads garbled
    /// or not at all) or one engine for every page, to measure it (CLI: --pdf-engine auto|pdfpig|poppler).
    /// Pages without usable text go to OCR either way.</summary>
    public PdfEngine PdfEngine { get; init; } = PdfEngine.Auto;
    /// <summary>The charset an HTTP Content-Type header named for this file (HTML/text); null when not fetched over HTTP.</summary>
    public string? HttpCharset { get; init; }
}

/// <summary>The PDF text engines a read can be held to (<see cref="ReadOptions.PdfEngine"/>).</summary>
public enum PdfEngine
{
    /// <summary>PdfPig for every page; poppler for pages PdfPig cannot parse, finds empty or reads garbled.</summary>
    Auto,
    /// <summary>PdfPig only (the reader's primary engine).</summary>
    PdfPig,
    /// <summary>poppler's pdftotext only (the reader's fallback engine).</summary>
    Poppler,
}
