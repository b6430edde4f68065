using System.Text;

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

    /// <summary>Glyphs the text layer draws but maps to no Unicode text at all (counted by the quality check).</summary>
    public int UnmappedGlyphs { get; init; }

    /// <summary>Why the engine could not read this page (the rest of the document was read); null when it could.</summary>
    public string? Failure { get; init; }

    /// <summary>The page's words in reading order, lines separated by newlines: what <see cref="PdfTextQuality"/> judges.</summary>
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var line in Lines)
            {
                foreach (var word in line.Words) sb.Append(word.Text).Append(' ');
                sb.Append('\n');
            }
            return sb.ToString();
        }
    }

    /// <summary>A page that holds nothing, standing in for one an engine could not read.</summary>
    public static PdfPage Unreadable(int number, string reason) => new(number, 0, 0, []) { Failure = reason };
}

/// <summary>What a PDF is before its text is read.</summary>
public sealed record PdfInfo(int PageCount, bool Encrypted);

/// <summary>
/// The seam around a PDF text engine (PdfPig in process, poppler's pdftotext): page count and positioned text per page.
/// No engine type crosses it.
/// </summary>
public interface IPdfTextSource
{
    /// <summary>The engine's name as pages record it (<see cref="PolicyIngest.Core.Model.PageEngines"/>).</summary>
    string Engine { get; }

    /// <exception cref="PolicyIngest.Core.UnreadableDocumentException">encrypted with a password, damaged, truncated</exception>
    PdfInfo Inspect(string path, ReadOptions options, CancellationToken cancellationToken);

    /// <summary>Every page, in order.</summary>
    IReadOnlyList<PdfPage> ReadPages(string path, PdfInfo info, ReadOptions options, CancellationToken cancellationToken);

    /// <summary>Pages <paramref name="first"/> to <paramref name="last"/> (1-based, inclusive), in order.</summary>
    IReadOnlyList<PdfPage> ReadPageRange(string path, int first, int last, ReadOptions options, CancellationToken cancellationToken);
}

/// <summary>Recognises the text of one page that has no text layer.</summary>
public interface IPageOcr
{
    PdfPage Recognize(string path, int pageNumber, ReadOptions options, CancellationToken cancellationToken);
}
