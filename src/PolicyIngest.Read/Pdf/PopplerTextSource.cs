using System.Globalization;
using System.Xml;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Tools;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// poppler's <c>pdfinfo</c> and <c>pdftotext -bbox-layout</c> (XHTML with page, block, line and word boxes).
/// Long documents are read in page ranges by parallel pdftotext processes, one per core.
/// </summary>
public sealed class PopplerTextSource : IPdfTextSource
{
    private const string Package = "poppler-utils";
    /// <summary>Below this many pages a second process costs more than it saves.</summary>
    private const int MinPagesPerProcess = 40;

    public PdfInfo Inspect(string path, ReadOptions options, CancellationToken cancellationToken)
    {
        var result = ExternalTool.Run("pdfinfo", [path], options.ToolTimeout, Package, cancellationToken: cancellationToken);
        if (result.ExitCode != 0) throw new UnreadableDocumentException(Reason(result.StdErr));
        int? pages = null;
        var encrypted = false;
        foreach (var line in result.StdOut.Split('\n'))
        {
            if (line.StartsWith("Pages:", StringComparison.Ordinal) && int.TryParse(line[6..].Trim(), CultureInfo.InvariantCulture, out var n)) pages = n;
            if (line.StartsWith("Encrypted:", StringComparison.Ordinal)) encrypted = line[10..].Trim().StartsWith("yes", StringComparison.Ordinal);
        }
        if (pages is null or 0) throw new UnreadableDocumentException("the PDF has no pages poppler can find (damaged or truncated)");
        return new PdfInfo(pages.Value, encrypted);
    }

    public string Engine => PageEngines.Poppler;

    public IReadOnlyList<PdfPage> ReadPages(string path, PdfInfo info, ReadOptions options, CancellationToken cancellationToken)
    {
        var processes = Math.Clamp(info.PageCount / MinPagesPerProcess, 1, Math.Max(1, options.MaxParallelTools));
        var size = (info.PageCount + processes - 1) / processes;
        var ranges = Enumerable.Range(0, processes)
            .Select(i => (First: i * size + 1, Last: Math.Min(info.PageCount, (i + 1) * size)))
            .Where(r => r.First <= r.Last)
            .ToList();
        var parts = new IReadOnlyList<PdfPage>[ranges.Count];
        try
        {
            Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = ranges.Count, CancellationToken = cancellationToken }, i =>
                parts[i] = ReadPageRange(path, ranges[i].First, ranges[i].Last, options, cancellationToken));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<UnreadableDocumentException>().FirstOrDefault() is { } unreadable)
        {
            // One plain reason, as from a single range, rather than the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(unreadable).Throw();
        }
        return parts.SelectMany(p => p).ToList();
    }

    /// <summary>One <c>pdftotext -bbox-layout -f first -l last</c> process.</summary>
    public IReadOnlyList<PdfPage> ReadPageRange(string path, int first, int last, ReadOptions options, CancellationToken cancellationToken)
    {
        var result = ExternalTool.Run("pdftotext",
            ["-bbox-layout", "-enc", "UTF-8", "-f", first.ToString(CultureInfo.InvariantCulture), "-l", last.ToString(CultureInfo.InvariantCulture), path, "-"],
            options.ToolTimeout, Package, cancellationToken: cancellationToken);
        if (result.ExitCode != 0) throw new UnreadableDocumentException(Reason(result.StdErr));
        return ParseBboxLayout(result.StdOut, first);
    }

    /// <summary>Reads pdftotext's -bbox-layout XHTML: page → flow → block → line → word.</summary>
    public static IReadOnlyList<PdfPage> ParseBboxLayout(string xhtml, int firstPageNumber)
    {
        var pages = new List<PdfPage>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, CheckCharacters = false, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xhtml), settings);
        double width = 0, height = 0;
        List<PdfLine>? lines = null;
        List<PdfWord>? words = null;
        double lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
        var advanced = false;
        while (advanced || reader.Read())
        {
            advanced = false;
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "page":
                        width = Number(reader, "width");
                        height = Number(reader, "height");
                        lines = [];
                        if (reader.IsEmptyElement) { pages.Add(new PdfPage(firstPageNumber + pages.Count, width, height, lines)); lines = null; }
                        break;
                    case "line":
                        (lx0, ly0, lx1, ly1) = (Number(reader, "xMin"), Number(reader, "yMin"), Number(reader, "xMax"), Number(reader, "yMax"));
                        words = [];
                        break;
                    case "word" when words is not null:
                        var x0 = Number(reader, "xMin");
                        var x1 = Number(reader, "xMax");
                        words.Add(new PdfWord(x0, x1, reader.ReadElementContentAsString()));
                        advanced = true; // ReadElementContentAsString already moved to the next node
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "line" && words is not null && lines is not null)
                {
                    if (words.Count > 0) lines.Add(new PdfLine(lx0, ly0, lx1, ly1, words));
                    words = null;
                }
                else if (reader.LocalName == "page" && lines is not null)
                {
                    pages.Add(new PdfPage(firstPageNumber + pages.Count, width, height, lines));
                    lines = null;
                }
            }
        }
        return pages;
    }

    private static double Number(XmlReader reader, string attribute) =>
        double.TryParse(reader.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>poppler's messages in one plain line.</summary>
    public static string Reason(string stderr)
    {
        if (stderr.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase))
            return "the PDF is encrypted and needs a password to open";
        if (stderr.Contains("xref", StringComparison.OrdinalIgnoreCase) || stderr.Contains("trailer", StringComparison.OrdinalIgnoreCase))
            return "the PDF is damaged or truncated (its cross-reference table cannot be read)";
        if (stderr.Contains("May not be a PDF file", StringComparison.OrdinalIgnoreCase))
            return "not a PDF file (no valid PDF header)";
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? "poppler could not read the PDF" : $"poppler could not read the PDF: {first}";
    }
}
