using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read;

namespace PolicyIngest.Fetch.Http;

/// <summary>The format the bytes really have, and what to say when the server claimed something else.</summary>
public sealed record ContentVerdict(SourceFormat? Format, string? Warning, string? Error)
{
    public bool Accepted => Error is null;
}

/// <summary>
/// Checks a response's Content-Type (and, failing that, the URL's extension) against the bytes. The bytes decide
/// the format; a mislabelled document is kept with a warning. What is refused: bytes of no supported format, and an
/// HTML or text page served where a PDF, OFD, Word or text file was promised (a portal's "file not found" page sent with 200).
/// </summary>
public static class ContentCheck
{
    public static ContentVerdict Check(string? contentType, Uri url, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return new ContentVerdict(null, null, "empty body");
        var actual = FormatSniffer.Detect(bytes);
        var claimed = FromContentType(contentType);
        var expected = claimed ?? FromExtension(url.AbsolutePath);
        if (actual is null)
            return new ContentVerdict(null, null, $"not a supported document format (served as {contentType ?? "no content type"})");
        if (expected is null || expected == actual || SameFamily(expected.Value, actual.Value))
            return new ContentVerdict(actual, null, null);
        if ((IsBinaryDocument(expected.Value) && actual is SourceFormat.Html or SourceFormat.Txt) ||
            (expected == SourceFormat.Txt && actual == SourceFormat.Html))
            return new ContentVerdict(null, null,
                $"{(claimed is null ? "the link" : "the server")} promised {expected.Value.ToId()} but sent an {actual.Value.ToId()} page");
        var what = claimed is null ? $"link ends like {expected.Value.ToId()}" : $"served as {contentType}";
        return new ContentVerdict(actual, $"content is {actual.Value.ToId()} but {what}; read as {actual.Value.ToId()}", null);
    }

    public static SourceFormat? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/pdf" or "application/x-pdf" => SourceFormat.Pdf,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => SourceFormat.Docx,
            "application/msword" or "application/vnd.ms-word" => SourceFormat.Doc,
            "application/ofd" => SourceFormat.Ofd,
            "text/html" or "application/xhtml+xml" => SourceFormat.Html,
            "text/plain" => SourceFormat.Txt,
            // application/octet-stream, application/x-download, … say nothing about the format.
            _ => null,
        };
    }

    public static SourceFormat? FromExtension(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".pdf" => SourceFormat.Pdf,
            ".docx" => SourceFormat.Docx,
            ".doc" or ".wps" => SourceFormat.Doc,
            ".ofd" => SourceFormat.Ofd,
            ".html" or ".htm" or ".shtml" => SourceFormat.Html,
            ".txt" => SourceFormat.Txt,
            _ => null,
        };
    }

    private static bool IsBinaryDocument(SourceFormat f) => f is SourceFormat.Pdf or SourceFormat.Doc or SourceFormat.Docx or SourceFormat.Ofd;

    // Word files are often labelled with the other Word type; a .doc link serving a .docx is still a Word file.
    private static bool SameFamily(SourceFormat a, SourceFormat b) =>
        (a is SourceFormat.Doc or SourceFormat.Docx) && (b is SourceFormat.Doc or SourceFormat.Docx);
}
