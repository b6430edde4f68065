using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Text;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyIngest.Read.Docx;

/// <summary>
/// .docx via DocumentFormat.OpenXml: body paragraphs and tables (one block per row) in order, automatic numbering
/// rendered as text, tracked insertions kept and deletions dropped, field codes, bookmarks and comments ignored.
/// Text boxes (DrawingML <c>wps:txbx</c> or VML <c>v:textbox</c>, one branch of an <c>mc:AlternateContent</c>) are read
/// as blocks after the paragraph that anchors them; WordArt (seals, logos) is not. <c>w:altChunk</c> parts (MHTML,
/// HTML, plain text, a nested .docx) are read in place. Headers and footers stay out, except the first page's header
/// when every line of it is a 公文 版头 element (份号, 密级, 紧急程度): that is content, put first. Footnotes are left
/// out. The zip is checked first (not a zip, not Word, zip bomb).
/// </summary>
public sealed partial class DocxReader : IDocumentReader
{
    /// <summary>A .docx in an altChunk may hold another: read that deep, no deeper.</summary>
    private const int MaxNesting = 2;

    public SourceFormat Format => SourceFormat.Docx;

    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default) =>
        Read(bytes, options, 0, cancellationToken);

    private ExtractedText Read(byte[] bytes, ReadOptions options, int depth, CancellationToken cancellationToken)
    {
        CheckPackage(bytes, options.MaxUncompressedBytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var main = doc.MainDocumentPart ?? throw new UnreadableDocumentException("a zip file but not a Word document (no main document part)");
            var body = main.Document?.Body ?? throw new UnreadableDocumentException("the Word document has no body");
            var walker = new BodyWalker(this, main, new ListNumbering(main), options, depth, cancellationToken);
            var blocks = new List<TextBlock>();
            blocks.AddRange(walker.FirstPageHeaderBanTou(body));
            foreach (var element in body.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                walker.AddBlock(element, blocks);
            }
            if (blocks.Count == 0) throw new UnreadableDocumentException("the Word document contains no text");
            var title = doc.PackageProperties.Title;
            return new ExtractedText
            {
                Format = Format,
                Blocks = blocks,
                Warnings = walker.Warnings,
                TitleHint = string.IsNullOrWhiteSpace(title) ? walker.ChunkTitle : title.Trim(),
            };
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException
                                       || ex is InvalidOperationException && ThrownByPackaging(ex))
        {
            // InvalidOperationException: System.IO.Packaging's "Specified part does not exist in the package" for a
            // relationship naming a part the zip lacks (was a parser crash, "could not be processed").
            throw new UnreadableDocumentException($"the Word document is damaged: {FirstLine(ex.Message)}", ex);
        }
    }

    private static bool ThrownByPackaging(Exception ex) =>
        ex.TargetSite?.DeclaringType?.Namespace is { } ns
        && (ns.StartsWith("System.IO.Packaging", StringComparison.Ordinal) || ns.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal));

    /// <summary>
    /// Deepest element nesting accepted in a part's XML. Word's own documents stay far below (tables in tables in text
    /// boxes reach a few dozen levels); OpenXml builds its tree recursively, and 20,000 nested content controls
    /// overflowed the stack and killed the process (exit 134) before any limit or catch could act.
    /// </summary>
    public const int MaxXmlDepth = 256;

    private const string MainDocument = "word/document.xml";

    /// <summary>Refuses what is not a readable .docx before OpenXml touches it; counts real inflated bytes (zip-bomb guard).</summary>
    public static void CheckPackage(byte[] bytes, long maxUncompressedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains(MainDocument))
            {
                if (names.Contains("OFD.xml")) throw new UnreadableDocumentException("an OFD document (.ofd), a format not supported yet (convert it to PDF)");
                if (names.Contains("xl/workbook.xml")) throw new UnreadableDocumentException("an Excel workbook (.xlsx), not a Word document");
                if (names.Contains("ppt/presentation.xml")) throw new UnreadableDocumentException("a PowerPoint presentation (.pptx), not a Word document");
                if (names.Contains("mimetype") && names.Contains("content.xml")) throw new UnreadableDocumentException("an OpenDocument file (.odt), not a Word .docx");
                throw new UnreadableDocumentException("a zip archive but not a Word document (no word/document.xml)");
            }
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > maxUncompressedBytes)
                throw new UnreadableDocumentException($"unpacks to {declared:N0} bytes, over the {maxUncompressedBytes:N0}-byte limit (zip bomb guard)");
            // Declared sizes can lie: inflate the parts OpenXml parses and the altChunks we read, count what really comes
            // out, and read the XML ones as XML to refuse what OpenXml would choke on (DTDs, nesting deep enough to
            // overflow its recursion).
            var counted = new CountingLimit(maxUncompressedBytes);
            foreach (var entry in zip.Entries.Where(e => ReadParts.Contains(Path.GetExtension(e.FullName))))
            {
                using var s = entry.Open();
                var stream = new CountingStream(s, counted);
                if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    CheckXml(stream, entry.FullName);
                else
                    stream.CopyTo(Stream.Null);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableDocumentException($"not a valid zip archive, so not a readable .docx ({FirstLine(ex.Message)})", ex);
        }
    }

    private static readonly XmlReaderSettings CheckSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true, CloseInput = false,
    };

    /// <summary>
    /// Reads one part to its end: no DTD, no element nested deeper than <see cref="MaxXmlDepth"/>. Malformed XML in the
    /// main document is damage; in another part it is left to OpenXml, which parses only the parts the reader asks for.
    /// </summary>
    private static void CheckXml(CountingStream stream, string entry)
    {
        try
        {
            using var reader = XmlReader.Create(stream, CheckSettings);
            while (reader.Read())
            {
                if (reader.Depth > MaxXmlDepth)
                    throw new UnreadableDocumentException($"the Word document nests elements more than {MaxXmlDepth} deep in {entry} (refused: not a document Word writes)");
            }
        }
        catch (XmlException ex) when (stream.SawDoctype)
        {
            throw new UnreadableDocumentException($"the Word document declares a DTD in {entry} (refused: Office documents have none, and DTD entities can expand or read other files)", ex);
        }
        catch (XmlException ex) when (entry.Equals(MainDocument, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableDocumentException($"the Word document is damaged: {entry}: {FirstLine(ex.Message)}", ex);
        }
        catch (XmlException)
        {
            // not the main document: OpenXml reports it if the reader needs that part
        }
    }

    private sealed class CountingLimit(long max)
    {
        public long Total;

        public void Add(int read)
        {
            Total += read;
            if (Total > max) throw new UnreadableDocumentException($"unpacks to more than {max:N0} bytes (zip bomb guard)");
        }
    }

    /// <summary>Counts inflated bytes against the package's limit and notices a DOCTYPE in the part's first bytes.</summary>
    private sealed class CountingStream(Stream inner, CountingLimit limit) : Stream
    {
        private readonly byte[] _head = new byte[1024];
        private int _headLength;

        public bool SawDoctype => _head.AsSpan(0, _headLength).IndexOf("<!DOCTYPE"u8) >= 0;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            limit.Add(read);
            var keep = Math.Min(read, _head.Length - _headLength);
            if (keep > 0) { Array.Copy(buffer, offset, _head, _headLength, keep); _headLength += keep; }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    public static string ParagraphText(W.Paragraph paragraph, ListNumbering? numbering)
    {
        var sb = new StringBuilder();
        Collect(paragraph, sb);
        var lines = sb.ToString().Split('\n');
        var text = lines.Select(l => l.Trim()).Aggregate("", CjkText.JoinLines).Trim();
        // Word numbers an empty list paragraph too, so the counter advances before the emptiness check.
        var label = numbering?.Next(paragraph);
        return label is null ? text : (label + text).Trim();
    }

    private static void Collect(OpenXmlElement element, StringBuilder sb)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.TabChar or W.PositionalTab: sb.Append(' '); break;
                case W.Break br when br.Type?.Value == W.BreakValues.Page || br.Type?.Value == W.BreakValues.Column: break;
                case W.Break or W.CarriageReturn: sb.Append('\n'); break;
                case W.NoBreakHyphen: sb.Append('-'); break;
                // Tracked deletions and moved-away text are not part of the accepted document.
                case W.DeletedRun or W.MoveFromRun or W.DeletedText or W.DeletedMathControl: break;
                // Field instructions, comments and notes carry no body text; text boxes inside drawings are read as blocks of their own (BodyWalker.TextBoxes).
                case W.FieldCode or W.DeletedFieldCode: break;
                case W.CommentReference or W.FootnoteReference or W.EndnoteReference: break;
                case W.Drawing or W.Picture or W.EmbeddedObject or AlternateContent: break;
                case W.ParagraphProperties or W.RunProperties: break;
                default: Collect(child, sb); break;
            }
        }
    }

    /// <summary>Parts whose inflated bytes the zip-bomb guard counts: what OpenXml parses and what an altChunk may hold.</summary>
    private static readonly HashSet<string> ReadParts = new([".xml", ".rels", ".mht", ".mhtml", ".htm", ".html", ".xhtml", ".txt", ".docx"],
        StringComparer.OrdinalIgnoreCase);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
