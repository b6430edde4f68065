using System.Text;
using System.Text.RegularExpressions;

namespace PolicyIngest.Read.Html;

/// <summary>
/// The one place an HTML page's charset is decided, for the reader and for fetching listing and detail pages. The
/// standard precedence: a byte-order mark, then the charset the transport declared (an HTTP Content-Type, a MIME part's
/// header), then a &lt;meta&gt; charset in the first 4 KB, then strict UTF-8, else GB18030. GB2312/GBK names read as
/// GB18030 (their superset); a declared UTF-8 the bytes break falls back to detection (servers often send GBK pages as
/// utf-8); an unknown or undecodable charset name counts as none.
/// </summary>
public static partial class HtmlDecoding
{
    private const int MetaScanBytes = 4096;

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    /// <param name="transportCharset">the charset the transport named (HTTP header, MIME part); null when none</param>
    /// <param name="encoding">the encoding the page was read in</param>
    public static string Decode(byte[] bytes, string? transportCharset, out Encoding encoding)
    {
        var bom = bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
                  || bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom) return TextDecoding.Decode(bytes, out encoding);
        var declared = TextDecoding.ForCharsetName(transportCharset);
        if (declared is null)
        {
            // The declaration is ASCII in every charset a Chinese page uses, so Latin-1 reads it safely.
            var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, MetaScanBytes));
            var meta = MetaCharset().Match(head);
            // A meta tag read in ASCII can only name an ASCII-compatible charset: a page declaring UTF-16 or EBCDIC in
            // it is not in that charset (browsers ignore the declaration; WHATWG reads a UTF-16 one as UTF-8).
            if (meta.Success && TextDecoding.ForCharsetName(meta.Groups[1].Value) is { } named && AsciiCompatible(named)) declared = named;
        }
        return TextDecoding.Decode(bytes, declared, out encoding);
    }

    private static bool AsciiCompatible(Encoding encoding) =>
        encoding.GetString("<meta charset=\"x\">"u8) == "<meta charset=\"x\">";
}
