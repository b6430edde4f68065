using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyIngest.Cli.Tests.Robustness;

/// <summary>One generated file: where it is, what was done to it, and from which real file.</summary>
public sealed record GeneratedInput(string Path, string Kind, string From);

/// <summary>
/// Malformed inputs made from real files (corpus/seeds, corpus/special, ../shared/data/real), reproducibly: every
/// random choice comes from a fixed seed, so the same checkout generates the same bytes. Written at test time into a
/// temporary folder; nothing generated is committed. PDFs are edited as bytes, through qpdf (encryption, page
/// duplication, QDF for uncompressed content) or written by hand (<see cref="MiniPdf"/>); DOCX/OFD as zip archives.
/// </summary>
public sealed class MalformedInputs
{
    private readonly string _folder;
    private readonly string _work;
    private readonly List<GeneratedInput> _inputs = [];

    private MalformedInputs(string folder)
    {
        _folder = folder;
        _work = Directory.CreateDirectory(System.IO.Path.Combine(folder, ".work")).FullName;
    }

    public static string RealFolder => System.IO.Path.Combine(RepositoryPaths.Shared, "data", "real");
    private static string Corpus(string relative) => System.IO.Path.Combine(RepositoryPaths.Root, "corpus", relative);
    private static string Real(string prefix) => Directory.EnumerateFiles(RealFolder, prefix + "_*").Single();

    /// <summary>PDF seeds: the corpus seeds and specials, and real PDFs 40, 42, 44–58.</summary>
    public static IReadOnlyList<string> PdfSeeds() =>
    [
        Corpus("seeds/000_huairou-fuchi-banfa.pdf"), Corpus("seeds/001_huairou-zhengce-jiedu.pdf"),
        Corpus("special/001_stsong-not-embedded.pdf"),
        Real("40"), Real("42"), Real("44"), Real("46"), Real("48"), Real("50"), Real("52"), Real("54"), Real("56"), Real("58"),
    ];

    /// <summary>DOCX seeds: corpus seeds and special, real DOCX 39 (WPS Office) and 43/53 (law text in an altChunk).</summary>
    public static IReadOnlyList<string> DocxSeeds() =>
    [
        Corpus("seeds/000_huairou-fuchi-banfa.docx"), Corpus("seeds/001_huairou-zhengce-jiedu.docx"), Corpus("special/000_notice-page.docx"),
        Real("39"), Real("43"), Real("53"),
    ];

    /// <summary>HTML seeds: the GBK corpus page and real UTF-8 portal pages and fragments.</summary>
    public static IReadOnlyList<string> HtmlSeeds() =>
    [
        Corpus("seeds/000_huairou-fuchi-banfa.html"), Real("01"), Real("05"), Real("13"), Real("59"), Real("64"),
    ];

    /// <summary>Generates every malformed input into <paramref name="folder"/> (created if missing).</summary>
    public static IReadOnlyList<GeneratedInput> Generate(string folder)
    {
        Directory.CreateDirectory(folder);
        var g = new MalformedInputs(folder);
        g.Pdfs();
        g.HandWrittenPdfs();
        g.Zips();
        g.Html();
        g.Misc();
        Directory.Delete(g._work, recursive: true);
        return g._inputs;
    }

    private void Add(string name, string kind, string from, byte[] bytes)
    {
        var path = System.IO.Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        _inputs.Add(new GeneratedInput(path, kind, System.IO.Path.GetFileName(from)));
    }

    /// <summary>A short prefix naming the seed: r40 for ../shared/data/real/40_…, s000 for corpus/special/000_…, 001 for corpus/seeds/001_….</summary>
    private static string Stem(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) switch
        {
            "real" => "r" + name[..2],
            "special" => "s" + name[..3],
            _ => name[..3],
        };
    }

    // ---------------------------------------------------------------- PDF, from real files

    private void Pdfs()
    {
        var seeds = PdfSeeds();
        for (var s = 0; s < seeds.Count; s++)
        {
            var seed = seeds[s];
            var bytes = File.ReadAllBytes(seed);
            var stem = Stem(seed);
            // Truncated at several offsets: poppler rebuilds the xref from what is left, or gives up.
            foreach (var fraction in new[] { 0.05, 0.5, 0.97 })
                Add($"{stem}-truncated-{(int)(fraction * 100):D2}.pdf", "pdf: truncated", seed, bytes[..(int)(bytes.Length * fraction)]);
            // The xref table and trailer cut off (everything from the last startxref pointer's table on).
            var lastXref = LastIndexOf(bytes, "xref"u8);
            if (lastXref > 0) Add($"{stem}-xref-cut.pdf", "pdf: truncated xref", seed, bytes[..lastXref]);
            Add($"{stem}-xref-garbled.pdf", "pdf: corrupted xref", seed, GarbleXref(bytes, 100 + s));
            Add($"{stem}-streams-corrupt.pdf", "pdf: corrupted streams", seed, CorruptStreams(bytes, 200 + s));
            // Random flips on the long seeds break pages that are then OCR'd (53 pages of seed 48: ~40 s): short seeds only.
            if (bytes.Length > 1_000_000) continue;
            foreach (var flipSeed in new[] { 1, 2 })
                Add($"{stem}-flips-{flipSeed}.pdf", "pdf: random byte flips", seed, FlipBytes(bytes, flipSeed * 1000 + s, Math.Max(8, bytes.Length / 2000)));
        }

        // Large seed 002 (373 pages): one cheap cut only, so the suite stays fast.
        var big = Corpus("seeds/002_beijing-chanye-zhengce-daoyin.pdf");
        var bigBytes = File.ReadAllBytes(big);
        Add("002-truncated-03.pdf", "pdf: truncated", big, bigBytes[..(bigBytes.Length * 3 / 100)]);

        // Through QDF (qpdf's uncompressed, editable form): control characters in the text, broken content operators.
        var qdfSeed = Corpus("seeds/001_huairou-zhengce-jiedu.pdf");
        var qdf = System.IO.Path.Combine(_work, "001.qdf.pdf");
        Qpdf.RunAcceptingWarnings("--qdf", "--object-streams=disable", qdfSeed, qdf);
        var qdfBytes = File.ReadAllBytes(qdf);
        Add("001-tounicode-controls.pdf", "pdf: control characters in the text", qdfSeed, ControlCharactersInToUnicode(qdfBytes));
        var broken = System.IO.Path.Combine(_work, "001.broken.qdf.pdf");
        File.WriteAllBytes(broken, BreakContentOperators(qdfBytes, 11));
        Add("001-content-operators-broken.pdf", "pdf: broken content streams", qdfSeed, Qpdf.FixQdf(broken));

        // Encryption: an empty user password (opens without one) and a real user password (cannot be read).
        foreach (var seed in new[] { Corpus("seeds/001_huairou-zhengce-jiedu.pdf"), Real("44") })
        {
            var stem = Stem(seed);
            var open = System.IO.Path.Combine(_folder, $"{stem}-encrypted-empty-user-password.pdf");
            Qpdf.RunAcceptingWarnings("--encrypt", "", "owner-secret", "256", "--", seed, open);
            _inputs.Add(new GeneratedInput(open, "pdf: encrypted, empty user password", System.IO.Path.GetFileName(seed)));
            var locked = System.IO.Path.Combine(_folder, $"{stem}-encrypted-user-password.pdf");
            Qpdf.RunAcceptingWarnings("--encrypt", "user-secret", "owner-secret", "256", "--", seed, locked);
            _inputs.Add(new GeneratedInput(locked, "pdf: encrypted, user password", System.IO.Path.GetFileName(seed)));
        }
        var rc4 = System.IO.Path.Combine(_folder, "r40-encrypted-rc4-40bit.pdf");
        Qpdf.RunAcceptingWarnings("--allow-weak-crypto", "--encrypt", "", "owner", "40", "--", Real("40"), rc4);
        _inputs.Add(new GeneratedInput(rc4, "pdf: encrypted, empty user password", "40"));

        // A huge page count: one real page duplicated 3,000 times.
        var pageSeed = Real("40");
        var many = System.IO.Path.Combine(_folder, "r40-page-x3000.pdf");
        Qpdf.RunAcceptingWarnings("--empty", "--pages", pageSeed, string.Join(',', Enumerable.Repeat("1", 3000)), "--", many);
        _inputs.Add(new GeneratedInput(many, "pdf: huge page count", System.IO.Path.GetFileName(pageSeed)));
    }

    private void HandWrittenPdfs()
    {
        const string from = "(hand-written)";
        string[] policy = ["关于支持企业发展的若干措施", "第一条 为支持企业发展，制定本措施。", "第二条 对新认定的企业给予50万元奖励。"];
        Add("hand-type3-font.pdf", "pdf: Type3 font", from, MiniPdf.Type3Text(policy));
        Add("hand-acroform.pdf", "pdf: AcroForm", from, MiniPdf.Type3Text(policy, catalogExtra: "/AcroForm << /Fields [8 0 R 9 0 R] /NeedAppearances true /DA (/Helv 0 Tf 0 g) >>",
            pageExtra: "/Annots [8 0 R 9 0 R]",
            extraObjects: _ =>
            [
                // a text field whose value is UTF-16BE 申请单位, and a field whose kid is itself
                "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V <FEFF753353558BF7535554CD> /Rect [72 500 300 520] /DA (/Helv 12 Tf 0 g) /F 4 >>",
                "<< /Type /Annot /Subtype /Widget /FT /Btn /T (loop) /Kids [9 0 R] /Rect [72 460 90 478] /F 4 >>",
            ]));
        Add("hand-control-characters.pdf", "pdf: control characters in the text", from, MiniPdf.Type3Text(
            ["第一条\u0000为支持\u0007企业\u001B发展。", "第二条\u0008奖励\u000B50万元\u000C。", "\u202E第三条\u200B反向\uFEFF\uFFFE\uFFFF", "第四条 \uD800孤立代理\uDFFF"]));
        Add("hand-zero-pages.pdf", "pdf: zero pages", from, MiniPdf.ZeroPages());
        Add("hand-recursive-page-tree.pdf", "pdf: recursive page tree", from, MiniPdf.RecursivePageTree());
        Add("hand-count-100000.pdf", "pdf: huge page count", from, MiniPdf.Type3Text(policy, declaredCount: 100000));
        // The same with enough (null) objects that poppler believes the count: one real page, the rest phantoms.
        Add("hand-count-100000-padded.pdf", "pdf: huge page count", from,
            MiniPdf.Type3Text(policy, declaredCount: 100000, extraObjects: _ => Enumerable.Repeat("null", 100000).ToList()));
        Add("hand-count-5000-padded.pdf", "pdf: huge page count", from,
            MiniPdf.Type3Text(policy, declaredCount: 5000, extraObjects: _ => Enumerable.Repeat("null", 5000).ToList()));
        Add("hand-image-only.pdf", "pdf: image-only page", from, MiniPdf.ImageOnly());
        Add("hand-header-garbage.pdf", "pdf: header then garbage", from, Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 3000)));
    }

    // ---------------------------------------------------------------- DOCX / OFD (zip)

    private void Zips()
    {
        foreach (var seed in DocxSeeds())
        {
            var bytes = File.ReadAllBytes(seed);
            var stem = Stem(seed);
            Add($"{stem}-document-truncated.docx", "docx: document.xml truncated", seed,
                RewriteZip(bytes, (name, data) => name == "word/document.xml" ? data[..(data.Length / 2)] : data));
            Add($"{stem}-zip-truncated.docx", "docx: zip truncated", seed, bytes[..(bytes.Length * 6 / 10)]);
            Add($"{stem}-flips-1.docx", "docx: random byte flips", seed, FlipBytes(bytes, 4000 + bytes.Length % 97, Math.Max(6, bytes.Length / 3000)));
        }

        var main = Corpus("seeds/000_huairou-fuchi-banfa.docx");
        var mainBytes = File.ReadAllBytes(main);
        foreach (var entry in new[] { "[Content_Types].xml", "word/document.xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/numbering.xml", "word/styles.xml" })
            Add($"000-without-{Slug(entry)}.docx", "docx: entry deleted", main, RewriteZip(mainBytes, (name, data) => name == entry ? null : data));
        Add("000-flips-2.docx", "docx: random byte flips", main, FlipBytes(mainBytes, 4102, 12));

        // Wrong content types: the main part declared as a spreadsheet; a malformed [Content_Types].xml; XML parts declared as images.
        Add("000-content-type-spreadsheet.docx", "docx: wrong content types", main, RewriteZip(mainBytes, (name, data) => name == "[Content_Types].xml"
            ? Utf8(Str(data).Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
            : data));
        Add("000-content-types-malformed.docx", "docx: wrong content types", main, RewriteZip(mainBytes, (name, data) => name == "[Content_Types].xml" ? data[..(data.Length / 3)] : data));
        Add("000-content-types-all-png.docx", "docx: wrong content types", main, RewriteZip(mainBytes, (name, data) => name == "[Content_Types].xml"
            ? Utf8(Regex.Replace(Str(data), "ContentType=\"[^\"]*\"", "ContentType=\"image/png\""))
            : data));

        // Relationships: the document related to itself, a cycle through a header, targets outside the package or malformed.
        Add("000-rels-self.docx", "docx: recursive relationships", main, AddRelationships(mainBytes,
            "<Relationship Id=\"rSelf\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument\" Target=\"document.xml\"/>"));
        Add("000-rels-cycle.docx", "docx: recursive relationships", main, WithHeaderCycle(mainBytes));
        Add("000-rels-outside.docx", "docx: nested relationships", main, AddRelationships(mainBytes,
            "<Relationship Id=\"rOut\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"../../../../../../etc/passwd\"/>" +
            "<Relationship Id=\"rExt\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"));
        Add("000-rels-malformed-target.docx", "docx: nested relationships", main, AddRelationships(mainBytes,
            "<Relationship Id=\"rBad\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"::%%\u0001\"/>" +
            "<Relationship Id=\"rMissing\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"no-such-part.xml\"/>"));
        Add("000-rels-duplicate-ids.docx", "docx: nested relationships", main, AddRelationships(mainBytes,
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"));
        Add("000-two-main-parts.docx", "docx: nested relationships", main, RewriteZip(mainBytes, (name, data) => name == "_rels/.rels"
            ? Utf8(Str(data).Replace("</Relationships>", "<Relationship Id=\"rMain2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/styles.xml\"/></Relationships>"))
            : data));

        // XML attacks in document.xml and in the package's own XML.
        Add("000-xml-dtd-external-entity.docx", "docx: XML external entity", main, RewriteZip(mainBytes, (name, data) => name == "word/document.xml"
            ? Utf8(WithDoctype(Str(data), "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"))
            : data));
        Add("000-xml-billion-laughs.docx", "docx: XML billion laughs", main, RewriteZip(mainBytes, (name, data) => name == "word/document.xml"
            ? Utf8(WithDoctype(Str(data), BillionLaughs, "&lol9;"))
            : data));
        Add("000-rels-dtd.docx", "docx: XML external entity", main, RewriteZip(mainBytes, (name, data) => name == "_rels/.rels"
            ? Utf8(Str(data).Replace("<Relationships", "<!DOCTYPE Relationships [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Relationships"))
            : data));
        Add("000-deeply-nested.docx", "docx: deeply nested elements", main, RewriteZip(mainBytes, (name, data) => name == "word/document.xml"
            ? Utf8(DeeplyNestedBody(Str(data), 20000))
            : data));

        // A zip bomb: a 1 GB entry of zeros (about 1 MB compressed), written streaming.
        Add("000-zip-bomb-1gb.docx", "docx: zip bomb", main, ZipBomb(mainBytes, 1L << 30));
        // Not a Word document at all, though a zip: the OFD, mutated.
        var ofd = Real("41");
        var ofdBytes = File.ReadAllBytes(ofd);
        Add("r41-as-docx.docx", "ofd: renamed .docx", ofd, ofdBytes);
        Add("r41-without-ofd-xml.ofd", "ofd: entry deleted", ofd, RewriteZip(ofdBytes, (name, data) => name.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase) ? null : data));
        Add("r41-truncated.ofd", "ofd: truncated", ofd, ofdBytes[..(ofdBytes.Length / 2)]);
        Add("r41-flips-1.ofd", "ofd: random byte flips", ofd, FlipBytes(ofdBytes, 4141, 16));
        Add("r41-with-word-document.ofd", "ofd: wrong content", ofd, RewriteZip(ofdBytes, (name, data) => data,
            ("word/document.xml", Utf8("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>第一条</w:t></w:r></w:p></w:body></w:document>"))));
    }

    private const string BillionLaughs = "<!DOCTYPE w:document [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" +
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" +
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";

    /// <summary>Puts a DOCTYPE after the XML declaration and the entity reference into the first text run.</summary>
    private static string WithDoctype(string xml, string doctype, string reference)
    {
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        xml = xml[..declarationEnd] + doctype + xml[declarationEnd..];
        var t = Regex.Match(xml, "<w:t(?: [^>]*)?>");
        return t.Success ? xml.Insert(t.Index + t.Length, reference) : xml;
    }

    /// <summary>The body wrapped in <paramref name="depth"/> nested content controls (w:sdt / w:sdtContent).</summary>
    private static string DeeplyNestedBody(string xml, int depth)
    {
        var open = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
        var close = xml.LastIndexOf("<w:sectPr", StringComparison.Ordinal) is var s and > 0 ? s : xml.LastIndexOf("</w:body>", StringComparison.Ordinal);
        var inner = xml[open..close];
        var sb = new StringBuilder(xml[..open]);
        for (var i = 0; i < depth; i++) sb.Append("<w:sdt><w:sdtContent>");
        sb.Append(inner);
        for (var i = 0; i < depth; i++) sb.Append("</w:sdtContent></w:sdt>");
        sb.Append(xml[close..]);
        return sb.ToString();
    }

    private static byte[] AddRelationships(byte[] docx, string relationships) =>
        RewriteZip(docx, (name, data) => name == "word/_rels/document.xml.rels" ? Utf8(Str(data).Replace("</Relationships>", relationships + "</Relationships>")) : data);

    /// <summary>A header part whose relationships point at itself and back at the main document.</summary>
    private static byte[] WithHeaderCycle(byte[] docx)
    {
        const string header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
        var withRel = RewriteZip(docx, (name, data) => name switch
        {
            "word/_rels/document.xml.rels" => Utf8(Str(data).Replace("</Relationships>", $"<Relationship Id=\"rCyc\" Type=\"{header}\" Target=\"cycle.xml\"/></Relationships>")),
            "[Content_Types].xml" => Utf8(Str(data).Replace("</Types>", "<Override PartName=\"/word/cycle.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>")),
            _ => data,
        },
        ("word/cycle.xml", Utf8("<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>")),
        ("word/_rels/cycle.xml.rels", Utf8("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"a\" Type=\"{header}\" Target=\"cycle.xml\"/>" +
            "<Relationship Id=\"b\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument\" Target=\"document.xml\"/></Relationships>")));
        return withRel;
    }

    /// <summary>The package plus an entry of <paramref name="size"/> zero bytes, deflated while it is written (never held in memory).</summary>
    private static byte[] ZipBomb(byte[] docx, long size) => RewriteZip(docx, (_, data) => data, zip =>
    {
        using var s = zip.CreateEntry("word/media/zeros.xml", CompressionLevel.Optimal).Open();
        var chunk = new byte[1 << 20];
        for (long written = 0; written < size; written += chunk.Length) s.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
    });

    private static byte[] RewriteZip(byte[] zipBytes, Func<string, byte[], byte[]?> map, params (string Name, byte[] Data)[] added) =>
        RewriteZip(zipBytes, map, zip =>
        {
            foreach (var (name, data) in added)
            {
                using var target = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                target.Write(data);
            }
        });

    private static byte[] RewriteZip(byte[] zipBytes, Func<string, byte[], byte[]?> map, Action<ZipArchive> append) =>
        TestZip.Rewrite(zipBytes, map, append);

    // ---------------------------------------------------------------- HTML and text

    private void Html()
    {
        foreach (var seed in HtmlSeeds())
        {
            var bytes = File.ReadAllBytes(seed);
            var stem = Stem(seed);
            Add($"{stem}-truncated.html", "html: truncated mid-tag", seed, bytes[..(IndexAfter(bytes, (byte)'<', bytes.Length / 2) + 3)]);
            Add($"{stem}-flips-1.html", "html: random byte flips", seed, FlipBytes(bytes, 5000 + bytes.Length % 89, Math.Max(8, bytes.Length / 1000)));
            Add($"{stem}-nul-bytes.html", "html: NUL bytes", seed, InsertEvery(bytes, 97, 0));
            Add($"{stem}-no-such-charset.html", "html: declared charset that does not exist", seed, DeclareCharset(bytes, "x-no-such-charset-2026"));
        }

        var page = Real("05");
        var bytesOfPage = File.ReadAllBytes(page);
        var text = Encoding.UTF8.GetString(bytesOfPage);
        var rng = new Random(6001);
        Add("r05-angle-brackets-dropped.html", "html: broken markup", page, Utf8(new string(text.Where(c => c != '>' || rng.Next(4) != 0).ToArray())));
        Add("r05-unclosed-tags.html", "html: broken markup", page, Utf8(AfterBody(text, string.Concat(Enumerable.Repeat("<div><span><table><tr><td><b><i>", 3000)))));
        Add("r05-stray-closing-tags.html", "html: broken markup", page, Utf8(text.Replace("<p", string.Concat(Enumerable.Repeat("</div></td></tr></table></p>", 50)) + "<p")));
        Add("r05-misnested-formatting.html", "html: broken markup", page, Utf8(text.Replace("</p>", "<b><i><u><a href=x></b></i></u></a></p>")));
        Add("r05-unclosed-comment.html", "html: broken markup", page, Utf8(InsertAtMiddle(text, "<!-- never closed ")));
        Add("r05-unclosed-script.html", "html: broken markup", page, Utf8(InsertAtMiddle(text, "<script>var a = '")));
        Add("r05-deeply-nested.html", "html: deeply nested elements", page, Utf8(AfterBody(text, string.Concat(Enumerable.Repeat("<div>", 100_000)) + "第一条 嵌套很深的正文。")));
        // GBK bytes in a page that declares UTF-8: the middle third re-encoded.
        var third = text.Length / 3;
        Add("r05-gbk-in-utf8.html", "html: mixed encodings", page,
            [.. Encoding.UTF8.GetBytes(text[..third]), .. Gb18030.GetBytes(text[third..(2 * third)]), .. Encoding.UTF8.GetBytes(text[(2 * third)..])]);
        Add("r05-declared-utf16.html", "html: mixed encodings", page, DeclareCharset(bytesOfPage, "utf-16"));
        Add("r05-declared-utf7.html", "html: mixed encodings", page, DeclareCharset(bytesOfPage, "utf-7"));
        Add("r05-declared-ebcdic.html", "html: mixed encodings", page, DeclareCharset(bytesOfPage, "ibm037"));
        Add("r05-utf16le-no-bom.html", "html: mixed encodings", page, Encoding.Unicode.GetBytes(text));
        Add("r05-surrogate-references.html", "html: broken markup", page, Utf8(AfterBody(text, "<p>第一条&#xD800;&#0;&#x110000;&#xFFFE;&#99999999999;&nbsp&amp;&#x1F600;</p>")));
        Add("r05-pdf-marker-in-head.html", "html: mislabelled (a PDF marker in the first bytes)", page, Utf8(InsertAfterFirst(text, "<head>", "<!-- %PDF-1.7 -->")));
        var gbk = Corpus("seeds/000_huairou-fuchi-banfa.html");
        Add("000-gbk-declared-utf8.html", "html: mixed encodings", gbk, DeclareCharset(File.ReadAllBytes(gbk), "utf-8"));
    }

    private void Misc()
    {
        const string from = "(hand-written)";
        Add("zero-bytes.pdf", "empty file", from, []);
        Add("zero-bytes.docx", "empty file", from, []);
        Add("zero-bytes.html", "empty file", from, []);
        Add("png-named.pdf", "mislabelled: PNG named .pdf", from, Png(64, 48));
        Add("jpeg-named.docx", "mislabelled: JPEG named .docx", from, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9]);
        Add("gif-named.html", "mislabelled: GIF named .html", from, [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, .. ",\0\0\0\0\u0001\0\u0001\0\0\u0002\u0002D\u0001\0;"u8]);
        Add("nul-bytes.txt", "NUL bytes", from, new byte[4096]);
        var policy = "第一条 为支持企业发展，制定本办法。\n第二条 对新认定的企业给予50万元奖励。\n";
        Add("nul-between-lines.txt", "NUL bytes", from, InsertEvery(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(policy, 20))), 40, 0));
        var invalid = new List<byte>();
        var rng = new Random(7001);
        foreach (var b in Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(policy, 20))))
        {
            invalid.Add(b);
            if (rng.Next(50) == 0) invalid.Add((byte)rng.Next(0x80, 0x100));
        }
        Add("invalid-utf8.txt", "text: invalid UTF-8", from, [.. invalid]);
        Add("control-characters.txt", "text: control characters", from, Utf8(string.Concat(Enumerable.Repeat("第一条\u0001\u0002\u001B[31m为支持\u0007企业\u0008发展。\u000B\u000C\n", 10))));
        Add("one-long-line.txt", "text: one 2 MB line", from, Utf8(string.Concat(Enumerable.Repeat("第一条为支持企业发展给予50万元奖励", 2 * 1024 * 1024 / 48))));
        Add("utf16-bom-odd-length.txt", "text: UTF-16 BOM, odd length, lone surrogate", from, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("第一条 总则"), 0x00, 0xD8, 0x41]);
    }

    // ---------------------------------------------------------------- byte helpers

    private static readonly Encoding Gb18030 = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
    private static string Str(byte[] b) => Encoding.UTF8.GetString(b);
    private static string Slug(string entry) => Regex.Replace(entry, "[^A-Za-z0-9]+", "-").Trim('-').ToLowerInvariant();

    private static byte[] FlipBytes(byte[] bytes, int seed, int count)
    {
        var copy = (byte[])bytes.Clone();
        var rng = new Random(seed);
        var start = Math.Min(16, copy.Length);
        for (var i = 0; i < count && copy.Length > start; i++)
            copy[rng.Next(start, copy.Length)] ^= (byte)(1 << rng.Next(8));
        return copy;
    }

    private static byte[] GarbleXref(byte[] bytes, int seed)
    {
        var copy = (byte[])bytes.Clone();
        var at = LastIndexOf(copy, "xref"u8);
        if (at < 0) return FlipBytes(bytes, seed, 32);
        var rng = new Random(seed);
        for (var i = at + 4; i < Math.Min(copy.Length, at + 600); i++)
            if (copy[i] is >= (byte)'0' and <= (byte)'9') copy[i] = (byte)('0' + rng.Next(10));
        return copy;
    }

    /// <summary>Overwrites a stretch in the middle of every stream's data with random bytes.</summary>
    private static byte[] CorruptStreams(byte[] bytes, int seed)
    {
        var copy = (byte[])bytes.Clone();
        var rng = new Random(seed);
        var span = copy.AsSpan();
        var at = 0;
        while (true)
        {
            var start = span[at..].IndexOf("stream"u8);
            if (start < 0) break;
            start += at + 6;
            var end = span[start..].IndexOf("endstream"u8);
            if (end < 0) break;
            end += start;
            var length = end - start;
            if (length > 32)
            {
                var from = start + length / 3;
                for (var i = 0; i < Math.Min(64, length / 3); i++) copy[from + i] = (byte)rng.Next(256);
            }
            at = end + 9;
        }
        return copy;
    }

    /// <summary>In a QDF file: every fifth ToUnicode destination becomes a control character, BOM, non-character or lone surrogate.</summary>
    private static byte[] ControlCharactersInToUnicode(byte[] qdf)
    {
        string[] hostile = ["0000", "0007", "001B", "FFFE", "D800", "202E", "FEFF", "0008"];
        var text = Encoding.Latin1.GetString(qdf);
        var n = 0;
        text = Regex.Replace(text, @"(<[0-9A-Fa-f]{2,4}> )<([0-9A-Fa-f]{4})>", m => n++ % 5 == 0 ? $"{m.Groups[1].Value}<{hostile[n % hostile.Length]}>" : m.Value);
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>In a QDF file: text operators renamed, operands dropped, a string left open, and huge numbers (lengths fixed by fix-qdf).</summary>
    private static byte[] BreakContentOperators(byte[] qdf, int seed)
    {
        var rng = new Random(seed);
        var text = Encoding.Latin1.GetString(qdf);
        text = Regex.Replace(text, @"\bTj\b", m => rng.Next(3) switch { 0 => "Tx", 1 => "TJ", _ => m.Value });
        text = Regex.Replace(text, @"\bTd\b", m => rng.Next(4) == 0 ? "1e308 -1e308 Td" : m.Value);
        text = Regex.Replace(text, @"\bBT\b", m => rng.Next(5) == 0 ? "BT ( unterminated" : m.Value);
        text = Regex.Replace(text, @"\bET\b", m => rng.Next(3) == 0 ? "" : m.Value);
        return Encoding.Latin1.GetBytes(text);
    }

    private static byte[] DeclareCharset(byte[] bytes, string charset)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = Regex.Match(head, @"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase);
        if (m.Success)
        {
            var g = m.Groups[1];
            return [.. bytes[..g.Index], .. Encoding.ASCII.GetBytes(charset), .. bytes[(g.Index + g.Length)..]];
        }
        return [.. Encoding.ASCII.GetBytes($"<meta charset=\"{charset}\">"), .. bytes];
    }

    private static byte[] InsertEvery(byte[] bytes, int every, byte value)
    {
        var list = new List<byte>(bytes.Length + bytes.Length / every + 1);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0 && i % every == 0) list.Add(value);
            list.Add(bytes[i]);
        }
        return [.. list];
    }

    /// <summary>Inserts right after the opening body tag (which may carry attributes).</summary>
    private static string AfterBody(string text, string insert)
    {
        var body = Regex.Match(text, "<body[^>]*>", RegexOptions.IgnoreCase);
        if (!body.Success) throw new InvalidOperationException("the HTML seed has no <body> tag");
        return text.Insert(body.Index + body.Length, insert);
    }

    private static string InsertAtMiddle(string text, string insert)
    {
        var at = text.IndexOf("<p", text.Length / 2, StringComparison.Ordinal);
        return text.Insert(at < 0 ? text.Length / 2 : at, insert);
    }

    private static string InsertAfterFirst(string text, string marker, string insert)
    {
        var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? insert + text : text.Insert(at + marker.Length, insert);
    }

    private static int IndexAfter(byte[] bytes, byte value, int from)
    {
        var i = Array.IndexOf(bytes, value, from);
        return i < 0 ? Math.Min(from, bytes.Length - 3) : i;
    }

    private static int LastIndexOf(byte[] bytes, ReadOnlySpan<byte> what) => bytes.AsSpan().LastIndexOf(what);

    /// <summary>A real PNG (gray gradient): signature, IHDR, zlib IDAT, IEND, with CRCs.</summary>
    public static byte[] Png(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (gray), compression 0, filter 0, interlace 0
        Chunk(ms, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0);
                for (var x = 0; x < width; x++) z.WriteByte((byte)(x * 255 / width));
            }
        Chunk(ms, "IDAT", raw.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
