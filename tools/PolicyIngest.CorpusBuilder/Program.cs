using System.Text;
using System.Text.Json;
using PolicyIngest.CorpusBuilder;

// Usage: PolicyIngest.CorpusBuilder CORPUS_DIR SHARED_DIR
// Rebuilds every generated file under CORPUS_DIR and writes CORPUS_DIR/manifest.json.
if (args.Length != 2) { Console.Error.WriteLine("usage: PolicyIngest.CorpusBuilder CORPUS_DIR SHARED_DIR"); return 2; }
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var corpus = Path.GetFullPath(args[0]);
var shared = Path.GetFullPath(args[1]);
var manifest = new List<ManifestEntry>();
var work = Directory.CreateTempSubdirectory("corpus-build-");

try
{
    foreach (var dir in new[] { "seeds", "revisions", "special", "gold" }) Directory.CreateDirectory(Path.Combine(corpus, dir));

    var seed000 = SourceText.Load(shared, "seeds/000_cf5a06cb7cce2435.txt");
    var seed001 = SourceText.Load(shared, "seeds/001_b6577d9982b2cb39.txt");
    var seed002 = SourceText.Load(shared, "seeds/002_cca9f5f056f4d656.txt", dropPageNumbers: true);
    var cardLabels = new HashSet<string> { "依据文件", "发文机构", "发文字号", "发布日期", "工具分类", "服务对象", "时间/频度", "联络方式" };

    // docx written here; PDF/DOC converted from them by LibreOffice afterwards.
    var toPdf = new List<string>();
    const string ScanGold = "gold/000_scanned-notice.txt";
    var toDoc = new List<string>();
    var pdfSources = new Dictionary<string, string>();
    var docSources = new Dictionary<string, string>();
    void Docx(string name, SourceText source, DocxFeatures features, string notes, bool pdf, bool doc, string? gold = null)
    {
        var path = Path.Combine(corpus, name);
        DocxWriter.Write(path, source, features);
        manifest.Add(new ManifestEntry(name, source.SharedPath, "docx", notes, gold));
        // LibreOffice prints tracked deletions into a PDF: the PDF is made from the final (changes accepted) text.
        if (pdf && features.Revisions)
        {
            var final = Path.Combine(work.FullName, "final", Path.GetFileName(name));
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            DocxWriter.Write(final, source, features with { Revisions = false });
            pdfSources[name] = final;
        }
        // LibreOffice's Word 97 export splits an automatic list interrupted by headings (第二章 then restarts at 第一条):
        // the .doc is made from a copy with the numbering typed as text (tracked changes kept).
        if (doc && features.AutoNumbering)
        {
            var typed = Path.Combine(work.FullName, "typed", Path.GetFileName(name));
            Directory.CreateDirectory(Path.GetDirectoryName(typed)!);
            DocxWriter.Write(typed, source, features with { AutoNumbering = false });
            docSources[name] = typed;
        }
        if (pdf) toPdf.Add(name);
        if (doc) toDoc.Add(name);
    }

    Docx("seeds/000_huairou-fuchi-banfa.docx", seed000,
        new DocxFeatures { AutoNumbering = true, Revisions = true, FooterPattern = "— {0} —" },
        "Word automatic numbering (第%1条 chineseCounting, （%1） items restarting per section); header/footer with PAGE field; "
        + "bookmark OLE_LINK1 on the title; tracked deletion （征求意见稿） in the title (must be dropped) and a tracked insertion in paragraph 2 (must be kept); "
        + "paragraph 3 is a HYPERLINK field result with a comment", pdf: true, doc: true);
    Docx("seeds/001_huairou-zhengce-jiedu.docx", seed001, new DocxFeatures { FooterPattern = "第 {0} 页" },
        "plain paragraphs; header and footer (第 N 页)", pdf: true, doc: false);
    Docx("seeds/002_beijing-chanye-zhengce-daoyin.docx", seed002, new DocxFeatures { TableLabels = cardLabels, FontHalfPoints = 24, HeaderText = "北京市产业政策导引（市级版）" },
        "seed 002 without its pdftotext page-number lines; card fields (发文机构, 发文字号 …) as table rows; running header 北京市产业政策导引（市级版）; 12 pt text, 300+ pages as PDF", pdf: true, doc: false);

    var pairs = new (string Pair, string Old, string New, bool Doc)[]
    {
        ("B", "06_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2020.txt", "07_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2025.txt", false),
        ("C", "08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.txt", "09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.txt", true),
        ("G", "16_pair-G_fanlongduan-fa_2007.txt", "17_pair-G_fanlongduan-fa_2022.txt", false),
    };
    foreach (var (pair, oldFile, newFile, doc) in pairs)
    {
        foreach (var file in new[] { oldFile, newFile })
        {
            var source = SourceText.Load(shared, "data/revisions/" + file);
            var name = "revisions/" + Path.GetFileNameWithoutExtension(file) + ".docx";
            Docx(name, source, new DocxFeatures { AutoNumbering = pair != "C" },
                $"revision pair {pair}" + (pair != "C" ? "; 第X条 as Word automatic numbering" : "; numbering typed as text"), pdf: true, doc: doc);
        }
    }
    Docx("special/000_notice-page.docx", seed000.Take(8), new DocxFeatures { HeaderText = "" },
        "the notice page of seed 000 (its first 8 paragraphs only, see gold): the source of the scanned page", pdf: true, doc: false, gold: ScanGold);

    Tools.Convert(toPdf.Select(n => pdfSources.GetValueOrDefault(n) ?? Path.Combine(corpus, n)).ToList(), "pdf", work.FullName);
    foreach (var name in toPdf)
    {
        var target = Path.ChangeExtension(name, ".pdf");
        File.Move(Path.Combine(work.FullName, Path.GetFileName(target)), Path.Combine(corpus, target), overwrite: true);
        var docx = manifest.Single(m => m.File == name);
        manifest.Add(new ManifestEntry(target, docx.From, "pdf", "LibreOffice PDF of " + Path.GetFileName(name) + " (fonts embedded, header and footer on every page)"));
    }
    Tools.Convert(toDoc.Select(n => docSources.GetValueOrDefault(n) ?? Path.Combine(corpus, n)).ToList(), "doc:MS Word 97", work.FullName);
    foreach (var name in toDoc)
    {
        var target = Path.ChangeExtension(name, ".doc");
        File.Move(Path.Combine(work.FullName, Path.GetFileName(target)), Path.Combine(corpus, target), overwrite: true);
        var docx = manifest.Single(m => m.File == name);
        manifest.Add(new ManifestEntry(target, docx.From, "doc", "Word 97 file converted by LibreOffice from " + Path.GetFileName(name)
            + (docSources.ContainsKey(name) ? " with the numbering typed as text; tracked changes kept" : "")));
    }

    // The scanned page: the notice page rendered at 200 dpi, greyscale JPEG, wrapped as an image-only PDF.
    var noticePdf = Path.Combine(corpus, "special/000_notice-page.pdf");
    Tools.Run("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-gray", "-jpeg", "-jpegopt", "quality=80", "-singlefile", noticePdf, Path.Combine(work.FullName, "scan")], TimeSpan.FromMinutes(2));
    var jpeg = File.ReadAllBytes(Path.Combine(work.FullName, "scan.jpg"));
    var (w, h, components) = JpegFrame(jpeg);
    File.WriteAllBytes(Path.Combine(corpus, "special/000_scanned-notice.pdf"), ImageOnlyPdf.Create(jpeg, w, h, gray: components == 1));
    File.Delete(noticePdf);
    manifest.RemoveAll(m => m.File == "special/000_notice-page.pdf");
    File.WriteAllLines(Path.Combine(corpus, ScanGold), seed000.Take(8).Paragraphs);
    manifest.Add(new ManifestEntry("special/000_scanned-notice.pdf", seed000.SharedPath, "pdf",
        "image-only (scanned) page, 200 dpi greyscale JPEG, no text layer: needs OCR. It holds only the first 8 paragraphs of seed 000, see gold", ScanGold));

    File.WriteAllBytes(Path.Combine(corpus, "special/001_stsong-not-embedded.pdf"), NonEmbeddedFontPdf.Create(seed001));
    manifest.Add(new ManifestEntry("special/001_stsong-not-embedded.pdf", seed001.SharedPath, "pdf",
        "hand-written PDF using the standard CID font STSong-Light (UniGB-UCS2-H), NOT embedded: needs poppler-data; 36 characters a line, page numbers - N -"));

    HtmlPageWriter.Write(Path.Combine(corpus, "seeds/000_huairou-fuchi-banfa.html"), seed000, "gb2312", Encoding.GetEncoding("GBK"));
    manifest.Add(new ManifestEntry("seeds/000_huairou-fuchi-banfa.html", seed000.SharedPath, "html",
        "GBK bytes declared as gb2312 in a meta tag; navigation, breadcrumb, share bar, related links and footer around the article; three attachment links (PDF, DOCX, DOC; relative and absolute)"));

    manifest.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
    File.WriteAllText(Path.Combine(corpus, "manifest.json"),
        JsonSerializer.Serialize(manifest, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n");
    Console.WriteLine($"corpus: {manifest.Count} files in {corpus}");
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static (int Width, int Height, int Components) JpegFrame(byte[] jpeg)
{
    for (var i = 2; i + 9 < jpeg.Length;)
    {
        if (jpeg[i] != 0xFF) { i++; continue; }
        var marker = jpeg[i + 1];
        var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
        if (marker is >= 0xC0 and <= 0xC3) return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6], jpeg[i + 9]);
        i += 2 + length;
    }
    throw new InvalidDataException("no JPEG frame header");
}

/// <summary>One corpus file: where it is under corpus/, the ../shared text it was made from, its format. Gold: a file under corpus/ when the file holds only part of From.</summary>
public sealed record ManifestEntry(string File, string From, string Format, string Notes, string? Gold = null);
