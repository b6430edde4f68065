namespace PolicyIngest.Read.Pdf;

/// <summary>A word as a text source placed it: its horizontal extent and text.</summary>
public sealed record PdfWord(double XMin, double XMax, string Text);

/// <summary>One printed line (top-left origin, points) with its words in order.</summary>
public sealed record PdfLine(double XMin, double YMin, double XMax, double YMax, IReadOnlyList<PdfWord> Words)
{
    public double Height => YMax - YMin;
}

/// <summary>One page's lines; <see cref="Ocr"/> when they came from OCR rather than a text layer.</summary>
public sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines, bool Ocr = false)
{
    public bool HasText => Lines.Any(l => l.Words.Any(w => !string.IsNullOrWhiteSpace(w.Text)));
}

/// <summary>What a PDF is before its text is read.</summary>
public sealed record PdfInfo(int PageCount, bool Encrypted);

/// <summary>The seam around poppler: page count and positioned text per page.</summary>
public interface IPdfTextSource
{
    /// <exception cref="PolicyIngest.Core.UnreadableDocumentException">encrypted with a password, damaged, truncated</exception>
    PdfInfo Inspect(string path, ReadOptions options, CancellationToken cancellationToken);

    IReadOnlyList<PdfPage> ReadPages(string path, PdfInfo info, ReadOptions options, CancellationToken cancellationToken);
}

/// <summary>Recognises the text of one page that has no text layer.</summary>
public interface IPageOcr
{
    PdfPage Recognize(string path, int pageNumber, ReadOptions options, CancellationToken cancellationToken);
}
