using System.Text;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read;

/// <summary>
/// Detects a file's format from its bytes (magic numbers; for a zip, whether it holds OFD.xml; for markup, its first
/// tags); the file name is never consulted.
/// </summary>
public static partial class FormatSniffer
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static SourceFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.StartsWith("%PDF-"u8)) return SourceFormat.Pdf;
        if (head.StartsWith("PK\u0003\u0004"u8)) return ZipHasEntry(bytes, "OFD.xml") ? SourceFormat.Ofd : SourceFormat.Docx;
        if (head.StartsWith(Ole2)) return SourceFormat.Doc;
        if (LooksLikeHtml(bytes[..Math.Min(bytes.Length, 4096)])) return SourceFormat.Html;
        // Readers accept a PDF header anywhere in the first 1,024 bytes, but a page that only mentions "%PDF-" near its
        // top (a comment, a script) is HTML: it was read as a damaged PDF.
        if (head.IndexOf("%PDF-"u8) >= 0) return SourceFormat.Pdf;
        if (LooksLikeText(bytes)) return SourceFormat.Txt;
        return null;
    }

    /// <summary>
    /// Whether a zip archive holds an entry of this name (ASCII, any case): read from the central directory's file
    /// headers, and from the local headers too, so a truncated archive is still recognised. Nothing is inflated.
    /// </summary>
    public static bool ZipHasEntry(ReadOnlySpan<byte> zip, string name)
    {
        var wanted = Encoding.ASCII.GetBytes(name);
        return HasHeaderNamed(zip, "PK\u0001\u0002"u8, 28, 46, wanted) || HasHeaderNamed(zip, "PK\u0003\u0004"u8, 26, 30, wanted);
    }

    private static bool HasHeaderNamed(ReadOnlySpan<byte> zip, ReadOnlySpan<byte> signature, int nameLengthAt, int nameAt, byte[] wanted)
    {
        for (var offset = 0; offset < zip.Length;)
        {
            var found = zip[offset..].IndexOf(signature);
            if (found < 0) return false;
            var header = offset + found;
            if (header + nameAt + wanted.Length <= zip.Length
                && (zip[header + nameLengthAt] | zip[header + nameLengthAt + 1] << 8) == wanted.Length
                && Ascii.EqualsIgnoreCase(zip.Slice(header + nameAt, wanted.Length), wanted))
                return true;
            offset = header + signature.Length;
        }
        return false;
    }

    // Element names that open an HTML fragment (a content management system's article body saved without <html>/<head>).
    private static readonly string[] FragmentTags =
    [
        "div", "p", "span", "table", "tbody", "thead", "tr", "td", "th", "strong", "b", "i", "u", "em", "font", "center",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "a", "br", "hr", "img", "section", "article",
        "blockquote", "pre", "meta", "title", "style", "link", "script", "form", "main", "header", "footer", "nav", "!--",
    ];

    [GeneratedRegex(@"<(/?)(div|p|span|table|tbody|thead|tr|td|th|strong|b|i|u|em|font|center|h[1-6]|ul|ol|li|dl|dt|dd|a|br|hr|img|section|article|blockquote|pre|meta|title|style|link|script|form|main|header|footer|nav|sup|sub)(\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    /// <summary>Tags a fragment must carry, counting its first one: one tag in a text ("&lt;p&gt;" quoted in a sentence) is not markup.</summary>
    private const int MinFragmentTags = 3;

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        // ASCII markers survive every charset a Chinese page uses (UTF-8, GBK, GB18030); UTF-16 pages are decoded first.
        var text = TextDecoding.Decode(head.ToArray(), out _).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\u3000', '\u00A0').ToLowerInvariant();
        if (text.StartsWith("<!doctype html") || text.StartsWith("<html")) return true;
        if (!text.StartsWith('<')) return false;
        if (text.Contains("<html") || text.Contains("<body") || text.Contains("<head")) return true;
        // A fragment: it opens with a known element and carries several tags.
        var opensWithTag = FragmentTags.Any(tag => text.AsSpan(1).StartsWith(tag, StringComparison.Ordinal)
                                                   && (tag == "!--" || text.Length == tag.Length + 1 || text[tag.Length + 1] is ' ' or '>' or '/' or '\t' or '\r' or '\n'));
        return opensWithTag && HtmlTag().Count(text) >= MinFragmentTags;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)].ToArray();
        var text = TextDecoding.Decode(sample, out _);
        if (text.Length == 0) return false;
        int control = 0, replacement = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD') replacement++;
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) control++;
        }
        return control <= text.Length / 100 && replacement <= text.Length / 100;
    }
}

/// <summary>Charset detection for plain text and HTML bytes: BOM, then strict UTF-8, then GB18030.</summary>
public static class TextDecoding
{
    // An explicit static constructor runs before ANY member is used: with only a field initializer the runtime may
    // defer it, and ForCharsetName("big5") would then find no code-pages provider registered.
    static TextDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    public static Encoding Gb18030 { get; }

    public static string Decode(byte[] bytes, out Encoding encoding)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = Encoding.UTF8;
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            encoding = Encoding.UTF8;
            return strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex) when (ex.Index >= bytes.Length - 4 && ex.Index > 0)
        {
            // A sample cut in the middle of a multi-byte character is still UTF-8.
            encoding = Encoding.UTF8;
            return strictUtf8.GetString(bytes, 0, ex.Index);
        }
        catch (DecoderFallbackException)
        {
            encoding = Gb18030;
            return Gb18030.GetString(bytes);
        }
    }

    /// <summary>
    /// Bytes in the charset a response or a meta tag declared: a BOM still wins, and a UTF-8 declaration the bytes
    /// break (servers often send GBK pages as utf-8) falls back to detection.
    /// </summary>
    public static string Decode(byte[] bytes, Encoding? declared, out Encoding encoding)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
                     || bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF);
        if (declared is null || hasBom || declared.CodePage == Encoding.UTF8.CodePage) return Decode(bytes, out encoding);
        encoding = declared;
        return declared.GetString(bytes);
    }

    /// <summary>The encoding a charset name means (GBK family as GB18030), or null when unknown or not usable for decoding.</summary>
    public static Encoding? ForCharsetName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // GB2312 and GBK pages routinely contain GBK-only characters; GB18030 is a superset of both.
        if (n is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936") return Gb18030;
        Encoding encoding;
        try { encoding = Encoding.GetEncoding(n); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException) { return null; }
        // .NET still names UTF-7 but refuses to decode it (SYSLIB0001): a page declaring it ended as a parser crash.
        try { encoding.GetString("<"u8); }
        catch (NotSupportedException) { return null; }
        return encoding;
    }
}
