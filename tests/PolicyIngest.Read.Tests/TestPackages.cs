using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Tests;

/// <summary>The real development files of ../shared/data/real (read-only, never special-cased by the product).</summary>
public static class RealFiles
{
    public static string Dir => Path.Combine(Corpus.SharedRoot, "data", "real");

    public static string PathOf(string name) => Path.Combine(Dir, name);

    public static ExtractedText Read(string name, ReadOptions? options = null) =>
        DocumentReaders.CreateDefault().Read(File.ReadAllBytes(PathOf(name)), PathOf(name), options ?? ReadOptions.Default);
}

/// <summary>Small packages built in the tests: zips, OFD pages, minimal .docx parts.</summary>
public static class TestPackages
{
    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => TestZip.Create(entries);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    // ---- OFD ----------------------------------------------------------------------------------------------------

    public const string OfdNs = "http://www.ofdspec.org/2016";

    /// <summary>One TextObject: <paramref name="text"/> with its baseline at (x, y) mm, every glyph advancing <paramref name="pitch"/> (default: the size).</summary>
    public static string TextObject(int id, double x, double y, double size, string text, double? pitch = null, string extra = "")
    {
        var n = text.EnumerateRunes().Count();
        var advance = pitch ?? size;
        var width = advance * n + 1;
        var delta = n > 1 ? $" DeltaX=\"g {n - 1} {F(advance)}\"" : "";
        return $"<ofd:TextObject ID=\"{id}\" Boundary=\"{F(x - 0.5)} {F(y - size)} {F(width)} {F(size * 1.2)}\" Font=\"1\" Size=\"{F(size)}\"{extra}>" +
               $"<ofd:TextCode X=\"0.5\" Y=\"{F(size)}\"{delta}>{SecurityElement.Escape(text)}</ofd:TextCode></ofd:TextObject>";
    }

    public static string PageContent(IEnumerable<string> objects, string templateRef = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"{OfdNs}\">{templateRef}<ofd:Content><ofd:Layer ID=\"1\">{string.Concat(objects)}</ofd:Layer></ofd:Content></ofd:Page>";

    /// <summary>An OFD package: OFD.xml → Doc_0/Document.xml → Doc_0/Pages/Page_N/Content.xml, with an optional template page (Doc_0/Tpls/Tpl_0/Content.xml, ID 100).</summary>
    public static byte[] BuildOfd(IReadOnlyList<string> pages, string? template = null, string? title = null)
    {
        var entries = new List<(string, byte[])>
        {
            ("OFD.xml", Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"{OfdNs}\" DocType=\"OFD\" Version=\"1.1\"><ofd:DocBody><ofd:DocInfo>" +
                             (title is null ? "" : $"<ofd:Title>{SecurityElement.Escape(title)}</ofd:Title>") +
                             "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")),
            ("Doc_0/Document.xml", Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"{OfdNs}\"><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>" +
                                        "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>" +
                                        (template is null ? "" : "<ofd:TemplatePage ID=\"100\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>") +
                                        "</ofd:CommonData><ofd:Pages>" +
                                        string.Concat(pages.Select((_, i) => $"<ofd:Page ID=\"{i + 1}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>")) +
                                        "</ofd:Pages></ofd:Document>")),
            ("Doc_0/PublicRes.xml", Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res xmlns:ofd=\"{OfdNs}\" BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"仿宋\"/></ofd:Fonts></ofd:Res>")),
        };
        for (var i = 0; i < pages.Count; i++) entries.Add(($"Doc_0/Pages/Page_{i}/Content.xml", Utf8(pages[i])));
        if (template is not null) entries.Add(("Doc_0/Tpls/Tpl_0/Content.xml", Utf8(template)));
        return Zip([.. entries]);
    }

    public static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    // ---- DOCX ---------------------------------------------------------------------------------------------------

    public const string WordNamespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" " +
        "mc:Ignorable=\"wps\"";

    public static string P(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    /// <summary>
    /// A minimal .docx: <paramref name="body"/> is the inner XML of w:body; <paramref name="parts"/> are extra parts
    /// (path under word/, relationship id, relationship type suffix, content type, bytes).
    /// </summary>
    public static byte[] BuildDocx(string body, params (string Path, string Id, string Type, string ContentType, byte[] Content)[] parts)
    {
        var contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                           "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
                           string.Concat(parts.Select(p => $"<Override PartName=\"/word/{p.Path}\" ContentType=\"{p.ContentType}\"/>")) +
                           "</Types>";
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        var documentRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                           string.Concat(parts.Select(p => $"<Relationship Id=\"{p.Id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{p.Type}\" Target=\"{p.Path}\"/>")) +
                           "</Relationships>";
        var document = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {WordNamespaces}><w:body>{body}</w:body></w:document>";
        return Zip([("[Content_Types].xml", Utf8(contentTypes)), ("_rels/.rels", Utf8(rels)), ("word/_rels/document.xml.rels", Utf8(documentRels)),
            ("word/document.xml", Utf8(document)), .. parts.Select(p => ("word/" + p.Path, p.Content))]);
    }

    public const string HeaderContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";

    public static (string, string, string, string, byte[]) Header(string path, string id, params string[] lines) =>
        (path, id, "header", HeaderContentType,
            Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr {WordNamespaces}>{string.Concat(lines.Select(P))}</w:hdr>"));

    public static (string, string, string, string, byte[]) AltChunk(string path, string id, byte[] content, string contentType = "message/rfc822") =>
        (path, id, "aFChunk", contentType, content);
}
