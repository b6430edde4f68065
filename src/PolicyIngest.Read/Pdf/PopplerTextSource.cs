using System.Globalization;
using System.Text;
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
        if (pages > options.MaxPdfPages)
            throw new UnreadableDocumentException($"the PDF declares {pages:N0} pages, over the {options.MaxPdfPages:N0}-page limit");
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
        // One plain reason, as from a single range, rather than the parallel loop's wrapper.
        Parallelism.Run(() => Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = ranges.Count, CancellationToken = cancellationToken }, i =>
            parts[i] = ReadPageRange(path, ranges[i].First, ranges[i].Last, options, cancellationToken)));
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
        using var reader = XmlReader.Create(new StringReader(WithoutNonXmlCharacters(xhtml)), settings);
        double width = 0, height = 0;
        var number = firstPageNumber - 1;
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
                        number++;
                        lines = [];
                        if (reader.IsEmptyElement) { AddPage(); lines = null; }
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
                    AddPage();
                    lines = null;
                }
            }
        }
        return pages;

        // A page the page tree counts but that does not exist (a /Count larger than the pages): poppler prints it with a
        // 0×0 size and the previous page's words again. It is no page: left out, so it is neither read twice nor OCR'd.
        void AddPage()
        {
            if (width > 0 || height > 0) pages.Add(new PdfPage(number, width, height, lines!));
        }
    }

    /// <summary>
    /// pdftotext copies what a PDF's ToUnicode map yields into its XHTML unescaped: control characters, U+FFFE/U+FFFF and
    /// lone surrogates are not XML characters, and XmlReader refuses them in text even with CheckCharacters off. They are
    /// no readable text: dropped. (A file whose text had them ended as a parser crash, "could not be processed".)
    /// </summary>
    public static string WithoutNonXmlCharacters(string xhtml)
    {
        var first = FirstNonXmlCharacter(xhtml, 0);
        if (first < 0) return xhtml;
        var sb = new StringBuilder(xhtml.Length);
        var at = 0;
        for (var bad = first; bad >= 0; bad = FirstNonXmlCharacter(xhtml, at))
        {
            sb.Append(xhtml, at, bad - at);
            at = bad + 1;
        }
        return sb.Append(xhtml, at, xhtml.Length - at).ToString();
    }

    private static int FirstNonXmlCharacter(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (!XmlConvert.IsXmlChar(c)) return i;
        }
        return -1;
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
        if (stderr.Contains("page count", StringComparison.OrdinalIgnoreCase))
            return "the PDF's page tree is damaged (its page count cannot be believed)";
        if (stderr.Contains("May not be a PDF file", StringComparison.OrdinalIgnoreCase))
            return "not a PDF file (no valid PDF header)";
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? "poppler could not read the PDF" : $"poppler could not read the PDF: {first}";
    }
}
