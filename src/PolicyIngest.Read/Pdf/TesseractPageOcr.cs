using System.Globalization;
using PolicyIngest.Core;
using PolicyIngest.Read.Tools;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// A page without a text layer: rendered by <c>pdftoppm -r 200</c>, recognised by <c>tesseract -l chi_sim</c> (TSV with
/// word boxes, so the same layout analysis as for text PDFs applies). One OpenMP thread: faster on a shared 2-core box.
/// </summary>
public sealed class TesseractPageOcr : IPageOcr
{
    public const int Dpi = 200;
    private static readonly IReadOnlyDictionary<string, string> SingleThread = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" };

    public string Language { get; init; } = "chi_sim";

    public PdfPage Recognize(string path, int pageNumber, ReadOptions options, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        var page = pageNumber.ToString(CultureInfo.InvariantCulture);
        var render = ExternalTool.Run("pdftoppm", ["-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", page, "-l", page, "-gray", "-png", "-singlefile", path, scratch.File("page")],
            options.ToolTimeout, "poppler-utils", cancellationToken: cancellationToken);
        var image = scratch.File("page.png");
        if (render.ExitCode != 0 || !File.Exists(image)) throw new UnreadableDocumentException($"page {pageNumber} could not be rendered for OCR: {PopplerTextSource.Reason(render.StdErr)}");
        var ocr = ExternalTool.Run("tesseract", [image, "stdout", "-l", Language, "--psm", "3", "tsv"],
            options.ToolTimeout, "tesseract-ocr tesseract-ocr-chi-sim", SingleThread, cancellationToken);
        if (ocr.ExitCode != 0)
            throw new UnreadableDocumentException($"tesseract could not OCR page {pageNumber}: {ocr.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()}");
        return ParseTsv(ocr.StdOut, pageNumber);
    }

    /// <summary>Tesseract TSV (level 1 page, 5 word) → a page in points, lines grouped by block/paragraph/line number.</summary>
    public static PdfPage ParseTsv(string tsv, int pageNumber)
    {
        const double scale = 72.0 / Dpi;
        double width = 0, height = 0;
        var lines = new List<(string Key, List<(double X0, double Y0, double X1, double Y1, string Text)> Words)>();
        foreach (var row in tsv.Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level)) continue;
            var (left, top, w, h) = (Int(f[6]), Int(f[7]), Int(f[8]), Int(f[9]));
            if (level == 1) { width = w * scale; height = h * scale; continue; }
            if (level != 5 || string.IsNullOrWhiteSpace(f[11])) continue;
            var key = $"{f[2]}.{f[3]}.{f[4]}";
            if (lines.Count == 0 || lines[^1].Key != key) lines.Add((key, []));
            lines[^1].Words.Add((left * scale, top * scale, (left + w) * scale, (top + h) * scale, f[11].Trim()));
        }
        var result = lines.Select(l => new PdfLine(
            l.Words.Min(w => w.X0), l.Words.Min(w => w.Y0), l.Words.Max(w => w.X1), l.Words.Max(w => w.Y1),
            l.Words.Select(w => new PdfWord(w.X0, w.X1, w.Text)).ToList())).ToList();
        return new PdfPage(pageNumber, width, height, result, Ocr: true);
    }

    private static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
