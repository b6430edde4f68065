using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using PolicyIngest.Read.Text;

namespace PolicyIngest.Web.Tests;

/// <summary>
/// A page printed by the real Chromium (DevTools printToPDF, the page's own @page size honoured as a browser's print
/// dialog does) and read back with poppler's pdfinfo and pdftotext.
/// </summary>
public sealed partial class PrintedPdf
{
    public const double MmToPt = 72 / 25.4;

    private PrintedPdf(string path) => Path = path;

    public string Path { get; }

    public static async Task<PrintedPdf> PrintAsync(IPage page, string path)
    {
        await page.PdfAsync(new PagePdfOptions { Path = path, PreferCSSPageSize = true, PrintBackground = true });
        return new PrintedPdf(path);
    }

    /// <summary>Each page's size in points as pdfinfo reports it (`Page    3 size: 841.89 x 595.276 pts (A4)`).</summary>
    public IReadOnlyList<(double Width, double Height)> PageSizes()
    {
        var info = Run("pdfinfo", "-f", "1", "-l", "100000", Path);
        return [.. PageSize().Matches(info).Select(m => (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value)))];
    }

    /// <summary>Every word pdftotext finds on the pages, with its box in points.</summary>
    public IReadOnlyList<(int Page, double XMin, double XMax, double YMin, string Text)> Words()
    {
        var xhtml = XDocument.Parse(Run("pdftotext", "-bbox", Path, "-"));
        return [.. xhtml.Descendants().Where(e => e.Name.LocalName == "page").SelectMany((page, i) => page.Descendants()
            .Where(e => e.Name.LocalName == "word")
            .Select(w => (i + 1, Parse(w.Attribute("xMin")!.Value), Parse(w.Attribute("xMax")!.Value), Parse(w.Attribute("yMin")!.Value), w.Value)))];
    }

    /// <summary>
    /// The printed text in content-stream order (-raw: the default mode drops a hyphen that ends a line, as if it
    /// split a word), Kangxi radicals that Chromium's fonts may map glyphs to put back to the ideographs.
    /// </summary>
    public string Text() => CjkText.MapKangxiRadicals(Run("pdftotext", "-raw", Path, "-"));

    /// <summary>Characters of <paramref name="expected"/> (whitespace aside) that the printed text has fewer of.</summary>
    public IReadOnlyList<string> MissingCharacters(IEnumerable<string> expected)
    {
        static Dictionary<char, int> Count(IEnumerable<string> texts)
        {
            var counts = new Dictionary<char, int>();
            foreach (var ch in texts.SelectMany(t => t).Where(c => !char.IsWhiteSpace(c))) counts[ch] = counts.GetValueOrDefault(ch) + 1;
            return counts;
        }
        var printed = Count([Text()]);
        return [.. Count(expected).Where(kv => printed.GetValueOrDefault(kv.Key) < kv.Value)
            .Select(kv => $"{kv.Key} ×{kv.Value - printed.GetValueOrDefault(kv.Key)}")];
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(); throw new TimeoutException($"{tool} took over 2 minutes"); }
        Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex(@"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
