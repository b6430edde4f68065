using System.Xml.Linq;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Read.Ofd;

/// <summary>
/// OFD (GB/T 33190) with System.IO.Compression and System.Xml only: <c>OFD.xml</c> → each <c>DocBody</c>'s
/// <c>DocRoot</c> (Document.xml) → its pages in order (Content.xml, plus the template pages they name) → the text objects'
/// glyph positions → positioned lines per page (<see cref="OfdTextLayout"/>), then the same layout analysis as PDF
/// (<see cref="PdfLayoutAnalyzer"/>): paragraphs re-joined, running headers/footers and page numbers dropped, the page
/// on every block. Fonts are not needed: DeltaX gives the advances. Rotated text objects (seals, watermarks) are skipped
/// with a warning; pages without text objects (scanned images) are reported, not OCR'd.
/// </summary>
public sealed class OfdReader : IDocumentReader
{
    /// <summary>A4 in millimetres, for a document that names no page area.</summary>
    private static readonly (double Width, double Height) DefaultPage = (210, 297);

    public SourceFormat Format => SourceFormat.Ofd;

    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default)
    {
        using var package = OfdPackage.Open(bytes, options.MaxUncompressedBytes);
        if (package.Contains("Encryptions.xml")) throw new UnreadableDocumentException("the OFD is encrypted");
        var root = package.LoadXml(OfdPackage.RootPart)!.Root ?? throw new UnreadableDocumentException("the OFD is damaged: OFD.xml is empty");
        var docRoots = Children(root, "DocBody").Select(body => Child(body, "DocRoot")?.Value.Trim()).OfType<string>().Where(s => s.Length > 0).ToList();
        if (docRoots.Count == 0) throw new UnreadableDocumentException("the OFD is damaged: OFD.xml names no document (DocBody/DocRoot)");

        var pages = new List<PdfPage>();
        var templateParts = new Dictionary<string, XElement?>(StringComparer.OrdinalIgnoreCase);
        var rotated = 0;
        foreach (var docRoot in docRoots)
        {
            var documentPath = OfdPackage.Resolve("", docRoot);
            var document = package.LoadXml(documentPath)?.Root
                ?? throw new UnreadableDocumentException($"the OFD is damaged: its document part {documentPath} is missing");
            var folder = OfdPackage.FolderOf(documentPath);
            var common = Child(document, "CommonData");
            var defaultBox = PageBox(Child(Child(common, "PageArea"), "PhysicalBox")) ?? DefaultPage;
            var templates = Children(common, "TemplatePage")
                .Where(t => t.Attribute("ID") is not null && t.Attribute("BaseLoc") is not null)
                .GroupBy(t => t.Attribute("ID")!.Value)
                .ToDictionary(g => g.Key, g => g.First().Attribute("BaseLoc")!.Value);

            XElement? Template(string id)
            {
                var location = templates[id];
                if (!templateParts.TryGetValue(folder + "|" + location, out var part))
                    templateParts[folder + "|" + location] = part = LoadPart(package, folder, location);
                return part;
            }

            foreach (var page in Children(Child(document, "Pages"), "Page"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var content = LoadPart(package, folder, page.Attribute("BaseLoc")?.Value);
                var box = PageBox(Child(Child(content, "Area"), "PhysicalBox")) ?? defaultBox;
                var words = new List<OfdTextLayout.PlacedWord>();
                // Background templates, the page, foreground templates: the order they are painted in.
                var used = Children(content, "Template")
                    .Select(t => (Id: t.Attribute("TemplateID")?.Value, Foreground: t.Attribute("ZOrder")?.Value == "Foreground"))
                    .Where(t => t.Id is not null && templates.ContainsKey(t.Id))
                    .ToList();
                foreach (var template in used.Where(t => !t.Foreground))
                    rotated += ReadText(Template(template.Id!), words);
                rotated += ReadText(content, words);
                foreach (var template in used.Where(t => t.Foreground))
                    rotated += ReadText(Template(template.Id!), words);
                pages.Add(new PdfPage(pages.Count + 1, box.Width * OfdTextLayout.PointsPerMillimetre, box.Height * OfdTextLayout.PointsPerMillimetre,
                    OfdTextLayout.Lines(words)));
            }
        }
        if (pages.Count == 0) throw new UnreadableDocumentException("the OFD has no pages");

        var warnings = new List<string>();
        if (rotated > 0) warnings.Add($"{rotated} rotated text object(s) skipped (seals, watermarks, margin notes)");
        var empty = pages.Where(p => !p.HasText).Select(p => p.Number).ToList();
        if (empty.Count == pages.Count) throw new UnreadableDocumentException("no text found in the OFD (pages without text objects, e.g. scanned images, are not OCR'd)");
        if (empty.Count > 0) warnings.Add($"OFD page(s) {string.Join(", ", empty.Take(10))}{(empty.Count > 10 ? ", …" : "")} have no text objects (images?) and were not OCR'd");

        var blocks = PdfLayoutAnalyzer.ToBlocks(pages);
        if (blocks.Count == 0) throw new UnreadableDocumentException("no text found in the OFD");
        var title = Child(Child(Children(root, "DocBody").First(), "DocInfo"), "Title")?.Value.Trim();
        return new ExtractedText
        {
            Format = Format,
            Blocks = blocks,
            Warnings = warnings,
            PageCount = pages.Count,
            TitleHint = string.IsNullOrWhiteSpace(title) ? null : title,
        };
    }

    /// <summary>A page or template part; a missing one reads as empty (reported through the no-text checks).</summary>
    private static XElement? LoadPart(OfdPackage package, string folder, string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return null;
        var path = OfdPackage.Resolve(folder, location);
        // Some producers write locations from the package root instead of the document's folder.
        if (!package.Contains(path) && package.Contains(OfdPackage.Resolve("", location))) path = OfdPackage.Resolve("", location);
        return package.LoadXml(path)?.Root;
    }

    /// <summary>Adds the words of every text object below <paramref name="content"/>; returns how many rotated ones were skipped.</summary>
    private static int ReadText(XElement? content, List<OfdTextLayout.PlacedWord> words)
    {
        if (content is null) return 0;
        var skipped = 0;
        foreach (var textObject in content.Descendants().Where(e => e.Name.LocalName == "TextObject"))
            if (!OfdTextLayout.TryReadTextObject(textObject, words)) skipped++;
        return skipped;
    }

    private static (double Width, double Height)? PageBox(XElement? physicalBox)
    {
        var n = OfdTextLayout.Numbers(physicalBox?.Value);
        return n.Count == 4 && n[2] > 0 && n[3] > 0 ? (n[2], n[3]) : null;
    }

    private static XElement? Child(XElement? parent, string localName) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];
}
