using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// PDF text in process with PdfPig (no external tool). Lenient parsing is on (named, as PdfPig names it): damaged
/// cross-reference tables are searched by brute force. An encrypted PDF opens when its user password is empty.
/// Lines and words are built here from the page's letters (<see cref="PdfLineBuilder"/>) in the frame of the page's
/// main text direction; letters running in another direction (a rotated stamp, a vertical margin note) are left out.
/// Marked content with <c>/ActualText</c> replaces the letters it encloses (PdfPig's <c>UseActualText</c>).
/// Long documents are read in page ranges, one PdfDocument per thread. No PdfPig type leaves this file.
/// </summary>
public sealed class PdfPigTextSource : IPdfTextSource
{
    /// <summary>Below this many pages a second thread (and a second parse of the cross-reference table) costs more than it saves.</summary>
    private const int MinPagesPerThread = 24;

    public string Engine => PageEngines.PdfPig;

    private static ParsingOptions Parsing() => new()
    {
        UseLenientParsing = true,
        ClipPaths = false,
        UseActualText = true,
    };

    /// <summary>qpdf's first error on the file (exit 2), or null when qpdf finds it sound or only warns.</summary>
    private static string? Damage(string path, ReadOptions options, CancellationToken cancellationToken)
    {
        var result = PolicyIngest.Read.Tools.ExternalTool.Run("qpdf", ["--check", path], options.ToolTimeout, "qpdf", cancellationToken: cancellationToken);
        // A password-protected file is not damage: PdfPig says what it needs.
        if (result.ExitCode != 2 || (result.StdErr + result.StdOut).Contains("password", StringComparison.OrdinalIgnoreCase)) return null;
        var first = (result.StdErr + "\n" + result.StdOut).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.StartsWith("WARNING", StringComparison.Ordinal));
        return first is null ? "qpdf --check failed" : first.Length > 120 ? first[..120] : first;
    }

    /// <summary>
    /// PdfPig finds a page by recursion over the page tree, so a tree that reaches a node twice (a cycle, also one hidden
    /// in a compressed object stream) or nests absurdly deep overflows the stack and kills the process: no handler can
    /// catch that. The tree is walked here first, without recursion; a file that fails goes to poppler.
    /// </summary>
    private static string? PageTreeProblem(PdfDocument document)
    {
        if (!document.Structure.Catalog.CatalogDictionary.Data.TryGetValue("Pages", out var root)) return null;
        var stack = new Stack<(IToken Token, int Depth)>();
        stack.Push((root, 0));
        var seen = new HashSet<IndirectReference>();
        var nodes = 0;
        try
        {
            while (stack.Count > 0)
            {
                var (token, depth) = stack.Pop();
                if (depth > 256) return "the PDF's page tree is nested more than 256 levels deep";
                if (++nodes > 2_000_000) return "the PDF's page tree has more than 2,000,000 nodes";
                if (token is IndirectReferenceToken reference)
                {
                    if (!seen.Add(reference.Data)) return "the PDF's page tree reaches a node twice (it contains itself)";
                    token = document.Structure.GetObject(reference.Data).Data;
                }
                if (token is not DictionaryToken node || !node.Data.TryGetValue("Kids", out var kids)) continue;
                if (kids is IndirectReferenceToken kidsReference) kids = document.Structure.GetObject(kidsReference.Data).Data;
                if (kids is ArrayToken array)
                    foreach (var kid in array.Data) stack.Push((kid, depth + 1));
            }
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or InvalidCastException)
        {
            return $"the PDF's page tree cannot be read ({ex.Message.Split('\n')[0]})";
        }
        return null;
    }

    public PdfInfo Inspect(string path, ReadOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A page tree that PdfPig's recursion would follow forever kills the process: such files go to poppler.
        if (PageTreeCheck.Problem(File.ReadAllBytes(path)) is { } problem) throw new UnreadableDocumentException(problem);
        // PdfPig's parsers recurse over what damaged streams hold (a corrupted TrueType font's composite glyphs): the
        // stack overflow that follows cannot be caught. A file qpdf finds damaged is left to poppler, which repairs.
        if (options.CheckPdfIntegrity && Damage(path, options, cancellationToken) is { } damage)
            throw new UnreadableDocumentException($"the PDF is damaged or truncated ({damage})");
        return Guarded(() =>
        {
            using var document = PdfDocument.Open(path, Parsing());
            if (document.NumberOfPages == 0) throw new UnreadableDocumentException("the PDF has no pages (damaged or truncated)");
            if (PageTreeProblem(document) is { } tree) throw new UnreadableDocumentException(tree);
            if (document.NumberOfPages > options.MaxPdfPages)
                throw new UnreadableDocumentException($"the PDF declares {document.NumberOfPages:N0} pages, over the {options.MaxPdfPages:N0}-page limit");
            return new PdfInfo(document.NumberOfPages, document.IsEncrypted);
        });
    }

    public IReadOnlyList<PdfPage> ReadPages(string path, PdfInfo info, ReadOptions options, CancellationToken cancellationToken)
    {
        var threads = Math.Clamp(info.PageCount / MinPagesPerThread, 1, Math.Max(1, options.MaxParallelTools));
        var size = (info.PageCount + threads - 1) / threads;
        var ranges = Enumerable.Range(0, threads)
            .Select(i => (First: i * size + 1, Last: Math.Min(info.PageCount, (i + 1) * size)))
            .Where(r => r.First <= r.Last)
            .ToList();
        if (ranges.Count == 1) return ReadPageRange(path, 1, info.PageCount, options, cancellationToken);
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

    public IReadOnlyList<PdfPage> ReadPageRange(string path, int first, int last, ReadOptions options, CancellationToken cancellationToken) =>
        Guarded(() =>
        {
            using var document = PdfDocument.Open(path, Parsing());
            var pages = new List<PdfPage>(Math.Max(0, last - first + 1));
            for (var number = first; number <= Math.Min(last, document.NumberOfPages); number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(ReadPage(document, number));
            }
            return pages;
        });

    /// <summary>One page; a page PdfPig cannot parse comes back empty with the reason, so that another engine can try it.</summary>
    private static PdfPage ReadPage(PdfDocument document, int number)
    {
        try
        {
            return ToPage(document.GetPage(number));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return PdfPage.Unreadable(number, $"PdfPig could not read page {number}: {FirstLine(ex.Message)}");
        }
    }

    private static PdfPage ToPage(Page page)
    {
        var letters = page.Letters;
        var frame = Frame.Of(page, letters);
        var glyphs = new List<PdfGlyph>(letters.Count);
        var unmapped = 0;
        foreach (var letter in letters)
        {
            if (!frame.Holds(letter)) continue;
            if (string.IsNullOrEmpty(letter.Value)) { unmapped++; continue; }
            var start = frame.Map(letter.StartBaseLine);
            var end = frame.Map(letter.EndBaseLine);
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, letter.BoundingBox.Width);
            glyphs.Add(new PdfGlyph(letter.Value, Math.Min(start.X, end.X), Math.Max(start.X, end.X), start.Y, size));
        }
        return new PdfPage(page.Number, frame.Width, frame.Height, PdfLineBuilder.Build(glyphs)) { UnmappedGlyphs = unmapped };
    }

    /// <summary>
    /// The page seen along its main text direction: PdfPig gives letters in PDF space (origin bottom left, y up, the page's
    /// /Rotate applied); lines want x along the baseline and y down from the top, as poppler gives them.
    /// </summary>
    private sealed class Frame
    {
        private readonly double _cos, _sin, _uMin, _vMax;
        private readonly TextOrientation _orientation;
        private readonly double _angle;

        public double Width { get; }
        public double Height { get; }

        private Frame(TextOrientation orientation, double angle, double left, double bottom, double width, double height)
        {
            _orientation = orientation;
            _angle = angle;
            _cos = Math.Cos(angle);
            _sin = Math.Sin(angle);
            // The page rectangle turned by −angle: its bounds give the frame's origin and size.
            double uMin = double.MaxValue, uMax = double.MinValue, vMin = double.MaxValue, vMax = double.MinValue;
            foreach (var (x, y) in new[] { (left, bottom), (left + width, bottom), (left, bottom + height), (left + width, bottom + height) })
            {
                var (u, v) = Turn(x, y);
                uMin = Math.Min(uMin, u); uMax = Math.Max(uMax, u);
                vMin = Math.Min(vMin, v); vMax = Math.Max(vMax, v);
            }
            _uMin = uMin;
            _vMax = vMax;
            Width = uMax - uMin;
            Height = vMax - vMin;
        }

        public static Frame Of(Page page, IReadOnlyList<Letter> letters)
        {
            // The direction most letters run in; ties go to horizontal (the enum's first value).
            var main = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .GroupBy(l => l.TextOrientation)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .FirstOrDefault();
            var orientation = main?.Key ?? TextOrientation.Horizontal;
            // The angle of the baselines themselves (PdfPig's orientation names say nothing about the sense of turn):
            // exactly 0 for horizontal text, the median of the letters' baseline angles otherwise.
            var angle = orientation == TextOrientation.Horizontal ? 0 : Median(main!.Where(HasAdvance).Select(Angle));
            // Letters are placed relative to the crop box's corner only on unrotated pages; rotated pages start at 0, 0.
            var (left, bottom) = page.Rotation.Value == 0 ? (page.CropBox.Bounds.Left, page.CropBox.Bounds.Bottom) : (0, 0);
            return new Frame(orientation, angle, left, bottom, page.Width, page.Height);
        }

        public bool Holds(Letter letter) =>
            letter.TextOrientation == _orientation
            && (_orientation != TextOrientation.Other || Math.Abs(Math.IEEERemainder(Angle(letter) - _angle, 2 * Math.PI)) < MaxSkew);

        /// <summary>Letters of an "other" (not axis-aligned) direction within this angle of the main one belong to it.</summary>
        private const double MaxSkew = 5 * Math.PI / 180;

        public (double X, double Y) Map(PdfPoint point)
        {
            var (u, v) = Turn(point.X, point.Y);
            return (u - _uMin, _vMax - v);
        }

        private (double U, double V) Turn(double x, double y) => (x * _cos + y * _sin, -x * _sin + y * _cos);

        private static bool HasAdvance(Letter l) => l.EndBaseLine.X != l.StartBaseLine.X || l.EndBaseLine.Y != l.StartBaseLine.Y;

        private static double Angle(Letter l) => Math.Atan2(l.EndBaseLine.Y - l.StartBaseLine.Y, l.EndBaseLine.X - l.StartBaseLine.X);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
        }
    }

    /// <summary>Runs a PdfPig call and turns its failures into one plain reason.</summary>
    private static T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadableDocumentException("the PDF is encrypted and needs a password to open");
        }
        catch (Exception ex) when (ex is not UnreadableDocumentException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new UnreadableDocumentException(Reason(ex));
        }
    }

    /// <summary>PdfPig's exception in one plain line.</summary>
    public static string Reason(Exception ex)
    {
        var message = FirstLine(ex.Message);
        if (ex is PdfDocumentFormatException && message.Contains("version header", StringComparison.OrdinalIgnoreCase))
            return "not a PDF file (no valid PDF header)";
        if (message.Contains("xref", StringComparison.OrdinalIgnoreCase) || message.Contains("trailer", StringComparison.OrdinalIgnoreCase)
            || message.Contains("cross reference", StringComparison.OrdinalIgnoreCase))
            return "the PDF is damaged or truncated (its cross-reference table cannot be read)";
        return $"the PDF is damaged or truncated (PdfPig: {message})";
    }

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
