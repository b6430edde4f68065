using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Tools;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// PDF through poppler (behind <see cref="IPdfTextSource"/>): positioned text per page, pages without a text layer
/// OCR'd (with a warning), then <see cref="PdfLayoutAnalyzer"/> for headers/footers and paragraphs.
/// </summary>
public sealed class PdfReader(IPdfTextSource source, IPageOcr ocr) : IDocumentReader
{
    public PdfReader() : this(new PopplerTextSource(), new TesseractPageOcr()) { }

    public SourceFormat Format => SourceFormat.Pdf;

    public ExtractedText Read(byte[] bytes, string sourceName, ReadOptions options, CancellationToken cancellationToken = default)
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.File("input.pdf");
        File.WriteAllBytes(path, bytes);
        var info = source.Inspect(path, options, cancellationToken);
        var pages = source.ReadPages(path, info, options, cancellationToken).ToList();
        var warnings = new List<string>();
        if (info.Encrypted) warnings.Add("the PDF is encrypted (no password needed to read it); text read as usual");
        if (pages.Count < info.PageCount)
            warnings.Add($"the PDF declares {info.PageCount:N0} pages but only {pages.Count:N0} exist; the missing ones were skipped");
        if (pages.Count == 0) throw new UnreadableDocumentException("the PDF has no pages poppler can find (damaged or truncated)");

        var empty = pages.Where(p => !p.HasText).Select(p => p.Number).ToList();
        if (empty.Count > 0)
        {
            if (options.OcrPagesWithoutText)
            {
                var recognised = Parallelism.Run(() => empty.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, options.MaxParallelTools))
                    .WithCancellation(cancellationToken)
                    .Select(n => ocr.Recognize(path, n, options, cancellationToken))
                    .ToDictionary(p => p.Number));
                pages = pages.Select(p => recognised.GetValueOrDefault(p.Number, p)).ToList();
                warnings.Add($"OCR (tesseract chi_sim) was used for {Pages(empty)} without a text layer: the text may contain recognition errors");
            }
            else warnings.Add($"{Pages(empty)} without a text layer skipped (OCR is off)");
        }

        var blocks = PdfLayoutAnalyzer.ToBlocks(pages);
        if (blocks.Count == 0)
            throw new UnreadableDocumentException(empty.Count == pages.Count && !options.OcrPagesWithoutText
                ? "the PDF has no text layer and OCR is off"
                : "no text found in the PDF");
        return new ExtractedText { Format = Format, Blocks = blocks, Warnings = warnings, PageCount = pages.Count };
    }

    private static string Pages(IReadOnlyList<int> numbers) =>
        numbers.Count == 1 ? $"page {numbers[0]}" : $"{numbers.Count} pages ({string.Join(", ", numbers.Take(10))}{(numbers.Count > 10 ? ", …" : "")})";
}
