using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Tools;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// PDF: every page read by the primary engine (PdfPig, in process); pages it could not parse, found empty, or whose text
/// <see cref="PdfTextQuality"/> finds garbled are read again by the fallback engine (poppler's pdftotext); pages still
/// empty or garbled are OCR'd (tesseract) when OCR is on. Each page records the engine that produced its text, and every
/// fallback is named in a warning. Then <see cref="PdfLayoutAnalyzer"/> for headers/footers and paragraphs.
/// <see cref="ReadOptions.PdfEngine"/> can force one engine for every page (no fallback between engines) to measure it.
/// </summary>
public sealed class PdfReader(IPdfTextSource primary, IPdfTextSource? fallback, IPageOcr ocr) : IDocumentReader
{
    /// <summary>PdfPig first, poppler for garbled pages, tesseract for pages without text.</summary>
    public PdfReader() : this(new PdfPigTextSource(), new PopplerTextSource(), new TesseractPageOcr()) { }

    /// <summary>One text engine for every page (no fallback), OCR for pages without text.</summary>
    public PdfReader(IPdfTextSource source, IPageOcr ocr) : this(source, null, ocr) { }

    public SourceFormat Format => SourceFormat.Pdf;

    private enum Trouble { None, Empty, Garbled, Failed }

    public ExtractedText Read(byte[] bytes, string sourceName, ReadOptions options, CancellationToken cancellationToken = default)
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.File("input.pdf");
        File.WriteAllBytes(path, bytes);
        var warnings = new List<string>();
        var (first, second) = options.PdfEngine switch
        {
            PdfEngine.Poppler => (fallback ?? primary, (IPdfTextSource?)null),
            PdfEngine.PdfPig => (primary, null),
            _ => (primary, fallback),
        };

        PdfInfo info;
        try
        {
            info = first.Inspect(path, options, cancellationToken);
        }
        catch (UnreadableDocumentException ex) when (second is not null && !ex.Reason.Contains("password", StringComparison.Ordinal))
        {
            // The second engine may open what the first cannot (a different repair of a damaged file); if it cannot
            // either, the first engine's reason stands.
            try { info = second.Inspect(path, options, cancellationToken); }
            catch (UnreadableDocumentException) { throw ex; }
            warnings.Add($"{Name(first)} could not open the PDF ({ex.Reason}); every page was read with {Name(second)}");
            (first, second) = (second, null);
        }
        if (info.Encrypted) warnings.Add("the PDF is encrypted (no password needed to read it); text read as usual");
        var pages = first.ReadPages(path, info, options, cancellationToken).ToList();
        if (pages.Count < info.PageCount)
            warnings.Add($"the PDF declares {info.PageCount:N0} pages but only {pages.Count:N0} exist; the missing ones were skipped");
        if (pages.Count == 0) throw new UnreadableDocumentException("the PDF has no pages any engine can find (damaged or truncated)");
        var engines = pages.ToDictionary(p => p.Number, _ => first.Engine);
        var trouble = pages.ToDictionary(p => p.Number, p => Judge(p).Trouble);

        // Pages the first engine could not read well: the second engine reads them again.
        var retry = trouble.Where(t => t.Value != Trouble.None).Select(t => t.Key).Order().ToList();
        if (second is not null && retry.Count > 0)
        {
            var again = ReadAgain(second, path, retry, options, warnings, cancellationToken);
            var recovered = new Dictionary<Trouble, List<int>>();
            for (var i = 0; i < pages.Count; i++)
            {
                var number = pages[i].Number;
                if (!again.TryGetValue(number, out var page)) continue;
                var (verdict, _) = Judge(page);
                if (verdict == Trouble.None)
                {
                    pages[i] = page;
                    engines[number] = second.Engine;
                    (recovered.TryGetValue(trouble[number], out var list) ? list : recovered[trouble[number]] = []).Add(number);
                    trouble[number] = Trouble.None;
                }
                else if (verdict == Trouble.Garbled || (verdict == Trouble.Empty && trouble[number] == Trouble.Failed))
                    trouble[number] = verdict; // garbled in either engine is garbled; unparsed by one and empty in the other is empty
            }
            if (recovered.GetValueOrDefault(Trouble.Garbled) is { } garbled)
                warnings.Add($"{PageList(garbled)} {Was(garbled)} garbled in the PDF's text layer and {Was(garbled)} read with {Name(second)}");
            if (recovered.GetValueOrDefault(Trouble.Empty) is { } empty)
                warnings.Add($"{PageList(empty)} had no text {Name(first)} could find and {Was(empty)} read with {Name(second)}");
            if (recovered.GetValueOrDefault(Trouble.Failed) is { } failed)
                warnings.Add($"{Name(first)} could not parse {PageList(failed)}; read with {Name(second)}");
        }

        // What is left: pages without a text layer, and garbled or unparsed pages no engine could read.
        List<int> Left(Trouble kind) => trouble.Where(t => t.Value == kind).Select(t => t.Key).Order().ToList();
        var withoutText = Left(Trouble.Empty);
        var garbledLeft = Left(Trouble.Garbled);
        var failedLeft = Left(Trouble.Failed);
        var toOcr = withoutText.Concat(garbledLeft).Concat(failedLeft).Order().ToList();
        var nobody = second is null ? $"{Name(first)} could not" : $"neither {Name(first)} nor {Name(second)} could";
        if (toOcr.Count > 0 && options.OcrPagesWithoutText)
        {
            var recognised = Parallelism.Run(() => toOcr.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, options.MaxParallelTools))
                .WithCancellation(cancellationToken)
                .Select(n => ocr.Recognize(path, n, options, cancellationToken))
                .ToDictionary(p => p.Number));
            pages = pages.Select(p => recognised.GetValueOrDefault(p.Number, p)).ToList();
            foreach (var n in recognised.Keys) engines[n] = PageEngines.Ocr;
            if (withoutText.Count > 0)
                warnings.Add($"OCR (tesseract chi_sim) was used for {Pages(withoutText)} without a text layer: the text may contain recognition errors");
            if (garbledLeft.Count > 0)
                warnings.Add($"{PageList(garbledLeft)} {Was(garbledLeft)} garbled in the PDF's text layer and {Was(garbledLeft)} read with OCR (tesseract chi_sim): the text may contain recognition errors");
            if (failedLeft.Count > 0)
                warnings.Add($"{nobody} parse {PageList(failedLeft)}: read with OCR (tesseract chi_sim); the text may contain recognition errors");
        }
        else if (toOcr.Count > 0)
        {
            if (withoutText.Count > 0) warnings.Add($"{Pages(withoutText)} without a text layer skipped (OCR is off)");
            if (garbledLeft.Count > 0)
                warnings.Add($"{PageList(garbledLeft)} {(garbledLeft.Count == 1 ? "looks" : "look")} garbled in the PDF's text layer and OCR is off: the text is kept as read");
            if (failedLeft.Count > 0) warnings.Add($"{nobody} parse {PageList(failedLeft)}, skipped (OCR is off)");
        }

        var blocks = PdfLayoutAnalyzer.ToBlocks(pages);
        if (blocks.Count == 0)
            throw new UnreadableDocumentException(withoutText.Count == pages.Count && !options.OcrPagesWithoutText
                ? "the PDF has no text layer and OCR is off"
                : "no text found in the PDF");
        return new ExtractedText
        {
            Format = Format, Blocks = blocks, Warnings = warnings, PageCount = info.PageCount,
            Pages = pages.Select(p => new PageInfo(p.Number, engines[p.Number])).ToList(),
        };
    }

    private static (Trouble Trouble, string? Why) Judge(PdfPage page)
    {
        if (page.Failure is not null) return (Trouble.Failed, page.Failure);
        if (!page.HasText) return page.UnmappedGlyphs > 0 ? (Trouble.Garbled, "no glyph maps to text") : (Trouble.Empty, null);
        var quality = PdfTextQuality.Assess(page.Text, page.UnmappedGlyphs);
        return quality.Garbled ? (Trouble.Garbled, quality.Reason) : (Trouble.None, null);
    }

    /// <summary>The given pages through another engine, consecutive pages in one range; a range it cannot read is left out.</summary>
    private static Dictionary<int, PdfPage> ReadAgain(IPdfTextSource source, string path, IReadOnlyList<int> numbers, ReadOptions options,
        List<string> warnings, CancellationToken cancellationToken)
    {
        var ranges = new List<(int First, int Last)>();
        foreach (var n in numbers)
        {
            if (ranges.Count > 0 && ranges[^1].Last == n - 1) ranges[^1] = (ranges[^1].First, n);
            else ranges.Add((n, n));
        }
        var result = new System.Collections.Concurrent.ConcurrentDictionary<int, PdfPage>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelTools), CancellationToken = cancellationToken }, range =>
        {
            try
            {
                foreach (var page in source.ReadPageRange(path, range.First, range.Last, options, cancellationToken)) result[page.Number] = page;
            }
            catch (UnreadableDocumentException ex) { failures.Add($"{Name(source)} could not read pages {range.First}–{range.Last} either: {ex.Reason}"); }
        });
        warnings.AddRange(failures.Order(StringComparer.Ordinal));
        return new Dictionary<int, PdfPage>(result);
    }

    private static string Name(IPdfTextSource source) => source.Engine switch
    {
        PageEngines.PdfPig => "PdfPig",
        PageEngines.Poppler => "poppler",
        var other => other,
    };

    /// <summary>"page 3", "pages 3, 7", "pages 3, 7, 9, … (14 pages)".</summary>
    private static string PageList(IReadOnlyList<int> numbers) =>
        numbers.Count == 1 ? $"page {numbers[0]}"
        : $"pages {string.Join(", ", numbers.Take(10))}{(numbers.Count > 10 ? $", … ({numbers.Count} pages)" : "")}";

    private static string Was(IReadOnlyList<int> numbers) => numbers.Count == 1 ? "was" : "were";

    private static string Pages(IReadOnlyList<int> numbers) =>
        numbers.Count == 1 ? $"page {numbers[0]}" : $"{numbers.Count} pages ({string.Join(", ", numbers.Take(10))}{(numbers.Count > 10 ? ", …" : "")})";
}
