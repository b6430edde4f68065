using System.Diagnostics;
using System.Text.Json;
using PolicyIngest.Cli;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Read;
using PolicyIngest.Read;
using PolicyIngest.Read.Docx;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// `bench read`: pages/s for seed 002's long PDF read by our PDF reader with each engine (PdfPig, poppler, auto), side by
/// side with bare pdftotext on the same file in the same run (alternating, best of N), and DOCX MB/s over the corpus .docx files.
/// </summary>
public sealed class ReadBenchmark : IMeasurement
{
    private const string LongPdf = "seeds/002_beijing-chanye-zhengce-daoyin.pdf";
    private const int Rounds = 5;

    public string Name => "read";
    public string Description => "PDF pages/s on seed 002 (our reader with PdfPig, poppler and auto vs bare pdftotext, same run) and DOCX MB/s";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var corpus = context.Settings.CorpusDirectory;
        var pdfPath = Path.Combine(corpus, LongPdf);
        var bytes = File.ReadAllBytes(pdfPath);
        var reader = new PdfReader();
        var options = ReadOptions.Default with { OcrPagesWithoutText = false };
        var pages = new PdfPigTextSource().Inspect(pdfPath, options, cancellationToken).PageCount;

        var plain = new List<double>();
        var bbox = new List<double>();
        var engines = new[] { PdfEngine.PdfPig, PdfEngine.Poppler, PdfEngine.Auto };
        var ours = engines.ToDictionary(e => e, _ => new List<double>());
        var oneThreadRuns = new List<double>();
        var fallbackPages = 0;
        for (var round = 0; round < Rounds; round++)
        {
            plain.Add(Time(() => Pdftotext(pdfPath, [])));
            bbox.Add(Time(() => Pdftotext(pdfPath, ["-bbox-layout"])));
            foreach (var engine in engines)
                ours[engine].Add(Time(() =>
                {
                    var text = reader.Read(bytes, pdfPath, options with { PdfEngine = engine }, cancellationToken);
                    if (engine == PdfEngine.Auto) fallbackPages = text.Pages.Count(p => p.Engine != PageEngines.PdfPig);
                }));
            oneThreadRuns.Add(Time(() => reader.Read(bytes, pdfPath, options with { PdfEngine = PdfEngine.PdfPig, MaxParallelTools = 1 }, cancellationToken)));
        }
        var oneThread = oneThreadRuns.Min();

        var docxFiles = Directory.EnumerateFiles(corpus, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var docxBytes = docxFiles.Select(File.ReadAllBytes).ToList();
        var docx = new DocxReader();
        var totalMb = docxBytes.Sum(b => (long)b.Length) / 1e6;
        docxBytes.ForEach(b => docx.Read(b, "warm-up", ReadOptions.Default)); // JIT
        var docxRuns = new List<double>();
        for (var round = 0; round < Rounds; round++)
            docxRuns.Add(Time(() => docxBytes.ForEach(b => docx.Read(b, "bench", ReadOptions.Default))));

        double best(List<double> l) => l.Min();
        double rate(double seconds) => Math.Round(pages / seconds, 1);
        var auto = best(ours[PdfEngine.Auto]);
        var speedup = best(plain) / auto;
        var result = new
        {
            file = LongPdf, pages, rounds = Rounds, cores = Environment.ProcessorCount,
            pdftotextSeconds = Math.Round(best(plain), 3), pdftotextPagesPerSecond = rate(best(plain)),
            pdftotextBboxSeconds = Math.Round(best(bbox), 3), pdftotextBboxPagesPerSecond = rate(best(bbox)),
            pdfPigSeconds = Math.Round(best(ours[PdfEngine.PdfPig]), 3), pdfPigPagesPerSecond = rate(best(ours[PdfEngine.PdfPig])),
            pdfPigOneThreadSeconds = Math.Round(oneThread, 3), pdfPigOneThreadPagesPerSecond = rate(oneThread),
            popplerSeconds = Math.Round(best(ours[PdfEngine.Poppler]), 3), popplerPagesPerSecond = rate(best(ours[PdfEngine.Poppler])),
            readerSeconds = Math.Round(auto, 3), readerPagesPerSecond = rate(auto), readerFallbackPages = fallbackPages,
            speedupVsPdftotext = Math.Round(speedup, 2),
            docxFiles = docxFiles.Count, docxMegabytes = Math.Round(totalMb, 3),
            docxSeconds = Math.Round(best(docxRuns), 3), docxMegabytesPerSecond = Math.Round(totalMb / best(docxRuns), 2),
        };
        if (context.Json) { context.Out.WriteLine(JsonSerializer.Serialize(result, PolicyJson.Options)); return ExitCodes.Done; }
        context.Out.WriteLine($"PDF {LongPdf}: {pages} pages, best of {Rounds} alternating runs, {Environment.ProcessorCount} cores (whole reader: text, quality check, layout analysis)");
        context.Out.WriteLine($"  bare pdftotext (plain text)              {best(plain),7:0.000} s  {pages / best(plain),7:0.0} pages/s");
        context.Out.WriteLine($"  bare pdftotext -bbox-layout              {best(bbox),7:0.000} s  {pages / best(bbox),7:0.0} pages/s");
        context.Out.WriteLine($"  reader, PdfPig only                      {best(ours[PdfEngine.PdfPig]),7:0.000} s  {pages / best(ours[PdfEngine.PdfPig]),7:0.0} pages/s");
        context.Out.WriteLine($"  reader, PdfPig only, 1 thread            {oneThread,7:0.000} s  {pages / oneThread,7:0.0} pages/s");
        context.Out.WriteLine($"  reader, poppler only                     {best(ours[PdfEngine.Poppler]),7:0.000} s  {pages / best(ours[PdfEngine.Poppler]),7:0.0} pages/s");
        context.Out.WriteLine($"  reader, auto (the default)               {auto,7:0.000} s  {pages / auto,7:0.0} pages/s  {speedup:0.00}x bare pdftotext (target ≥ 3x); {fallbackPages} pages fell back");
        context.Out.WriteLine($"DOCX: {docxFiles.Count} corpus files, {totalMb:0.000} MB: {best(docxRuns):0.000} s, {totalMb / best(docxRuns):0.00} MB/s");
        return ExitCodes.Done;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static void Pdftotext(string path, string[] flags)
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var f in flags) psi.ArgumentList.Add(f);
        psi.ArgumentList.Add("-enc");
        psi.ArgumentList.Add("UTF-8");
        psi.ArgumentList.Add(path);
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = stdout.Result;
    }
}
