using System.Diagnostics;
using System.Text.Json;
using PolicyIngest.Core.Json;
using PolicyIngest.Read;
using PolicyIngest.Read.Docx;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Cli.Commands;

/// <summary>
/// `bench read`: pages/s for seed 002's long PDF read by our PDF reader, side by side with bare pdftotext on the same
/// file in the same run (alternating, best of N), and DOCX MB/s over the corpus .docx files.
/// </summary>
public sealed class ReadBenchmark : IMeasurement
{
    private const string LongPdf = "seeds/002_beijing-chanye-zhengce-daoyin.pdf";
    private const int Rounds = 3;

    public string Name => "read";
    public string Description => "PDF pages/s on seed 002 (our reader vs bare pdftotext, same run) and DOCX MB/s";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(CliContext.RepositoryRoot, "corpus");
        var pdfPath = Path.Combine(corpus, LongPdf);
        var bytes = File.ReadAllBytes(pdfPath);
        var reader = new PdfReader();
        var options = ReadOptions.Default with { OcrPagesWithoutText = false };
        var pages = new PopplerTextSource().Inspect(pdfPath, options, cancellationToken).PageCount;

        var plain = new List<double>();
        var bbox = new List<double>();
        var ours = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            plain.Add(Time(() => Pdftotext(pdfPath, [])));
            bbox.Add(Time(() => Pdftotext(pdfPath, ["-bbox-layout"])));
            ours.Add(Time(() => reader.Read(bytes, pdfPath, options, cancellationToken)));
        }
        var oneProcess = Time(() => reader.Read(bytes, pdfPath, options with { MaxParallelTools = 1 }, cancellationToken));

        var docxFiles = Directory.EnumerateFiles(corpus, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var docxBytes = docxFiles.Select(File.ReadAllBytes).ToList();
        var docx = new DocxReader();
        var totalMb = docxBytes.Sum(b => (long)b.Length) / 1e6;
        docxBytes.ForEach(b => docx.Read(b, "warm-up", ReadOptions.Default)); // JIT
        var docxRuns = new List<double>();
        for (var round = 0; round < Rounds; round++)
            docxRuns.Add(Time(() => docxBytes.ForEach(b => docx.Read(b, "bench", ReadOptions.Default))));

        double best(List<double> l) => l.Min();
        var overhead = best(ours) / best(plain) - 1;
        var result = new
        {
            file = LongPdf, pages, rounds = Rounds, cores = Environment.ProcessorCount,
            pdftotextSeconds = Math.Round(best(plain), 3), pdftotextPagesPerSecond = Math.Round(pages / best(plain), 1),
            pdftotextBboxSeconds = Math.Round(best(bbox), 3),
            readerSeconds = Math.Round(best(ours), 3), readerPagesPerSecond = Math.Round(pages / best(ours), 1),
            readerOneProcessSeconds = Math.Round(oneProcess, 3),
            overheadVsPdftotext = Math.Round(overhead, 4),
            docxFiles = docxFiles.Count, docxMegabytes = Math.Round(totalMb, 3),
            docxSeconds = Math.Round(best(docxRuns), 3), docxMegabytesPerSecond = Math.Round(totalMb / best(docxRuns), 2),
        };
        if (context.Json) { context.Out.WriteLine(JsonSerializer.Serialize(result, PolicyJson.Options)); return ExitCodes.Done; }
        context.Out.WriteLine($"PDF {LongPdf}: {pages} pages, best of {Rounds} alternating runs, {Environment.ProcessorCount} cores");
        context.Out.WriteLine($"  bare pdftotext (plain text)          {best(plain),7:0.000} s  {pages / best(plain),7:0.0} pages/s");
        context.Out.WriteLine($"  bare pdftotext -bbox-layout          {best(bbox),7:0.000} s  {pages / best(bbox),7:0.0} pages/s");
        context.Out.WriteLine($"  PolicyIngest PDF reader              {best(ours),7:0.000} s  {pages / best(ours),7:0.0} pages/s  overhead vs bare pdftotext {overhead:+0.0%;-0.0%} (target ≤ +25%)");
        context.Out.WriteLine($"  PolicyIngest PDF reader, 1 process   {oneProcess,7:0.000} s  {pages / oneProcess,7:0.0} pages/s");
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
