using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Doc;
using PolicyIngest.Read.Docx;
using PolicyIngest.Read.Html;
using PolicyIngest.Read.Ofd;
using PolicyIngest.Read.Pdf;
using PolicyIngest.Read.Text;

namespace PolicyIngest.Read;

/// <summary>Chooses the reader from the bytes and applies the limits every format shares.</summary>
public sealed class DocumentReaders(IEnumerable<IDocumentReader> readers)
{
    private readonly Dictionary<SourceFormat, IDocumentReader> _byFormat = readers.ToDictionary(r => r.Format);

    /// <summary>Every format with its production reader (poppler, OFD XML, OpenXml, LibreOffice, AngleSharp).</summary>
    public static DocumentReaders CreateDefault() => new([new PdfReader(), new OfdReader(), new DocxReader(), new DocReader(), new HtmlReader(), new PlainTextReader()]);

    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default)
    {
        if (bytes.Length == 0) throw new UnreadableDocumentException("empty file");
        if (bytes.Length > options.MaxFileBytes)
            throw new UnreadableDocumentException($"file is {bytes.Length:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit");
        var format = FormatSniffer.Detect(bytes)
            ?? throw new UnreadableDocumentException("not a supported document format (PDF, OFD, DOCX, DOC/WPS, HTML or text)");
        if (!_byFormat.TryGetValue(format, out var reader))
            throw new UnreadableDocumentException($"no reader for {format} is configured");
        return reader.Read(bytes, source, options, cancellationToken);
    }
}
