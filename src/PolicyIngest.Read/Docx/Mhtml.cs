using System.Text;
using System.Text.RegularExpressions;
using PolicyIngest.Read.Html;

namespace PolicyIngest.Read.Docx;

/// <summary>
/// A MIME message (MHTML, <c>message/rfc822</c>: what Word's altChunk <c>.mht</c> parts hold) → its HTML. Headers are
/// read with folded lines; a <c>multipart/*</c> body is split at its boundary (nested multiparts too) and the first
/// <c>text/html</c> part taken (the <c>start</c> part when named); quoted-printable (leniently: raw 8-bit bytes and a
/// lone <c>=</c> pass through, as producers write them) and base64 are decoded, then the bytes decoded with the part's
/// charset, else the HTML's own meta charset, else UTF-8/GB18030 detection.
/// </summary>
public static partial class Mhtml
{
    private const int MaxDepth = 8;

    [GeneratedRegex(@"(?:^|;)\s*([A-Za-z0-9_\-*]+)\s*=\s*(?:""((?:[^""\\]|\\.)*)""|([^;\s]*))")]
    private static partial Regex Parameter();

    /// <summary>True when the bytes start like a MIME message (a header such as MIME-Version or Content-Type before the first blank line).</summary>
    public static bool LooksLikeMime(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 2048)]).TrimStart('\uFEFF', '\r', '\n', ' ');
        var end = head.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? lf : head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = end >= 0 ? head[..end] : head;
        return headers.Split('\n').Any(l => l.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase)
                                           || l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The HTML of the message, or null when it has no text/html part.</summary>
    public static string? Html(byte[] bytes) => Html(Encoding.Latin1.GetString(bytes), 0);

    private static string? Html(string message, int depth)
    {
        var (headers, body) = Split(message);
        var contentType = headers.GetValueOrDefault("content-type") ?? "text/plain";
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        var parameters = Parameters(contentType);
        if (media.StartsWith("multipart/", StringComparison.Ordinal))
        {
            if (depth >= MaxDepth || !parameters.TryGetValue("boundary", out var boundary) || boundary.Length == 0) return null;
            var parts = Parts(body, boundary);
            // multipart/related may name its root part by Content-ID; otherwise the first HTML part is the document.
            if (parameters.TryGetValue("start", out var start))
            {
                var id = start.Trim('<', '>');
                var root = parts.FirstOrDefault(p => Split(p).Headers.GetValueOrDefault("content-id")?.Trim().Trim('<', '>') == id);
                if (root is not null && Html(root, depth + 1) is { } rootHtml) return rootHtml;
            }
            foreach (var part in parts)
                if (Html(part, depth + 1) is { } html) return html;
            return null;
        }
        if (media is not ("text/html" or "application/xhtml+xml")) return null;
        var raw = Decode(body, headers.GetValueOrDefault("content-transfer-encoding"));
        var charset = parameters.GetValueOrDefault("charset");
        return HtmlDecoding.Decode(raw, charset, out _);
    }

    /// <summary>Headers (lower-case names, folded lines joined) and the body after the first blank line.</summary>
    private static (Dictionary<string, string> Headers, string Body) Split(string message)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = message.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF'); // a BOM, as itself or as Latin-1 bytes
        var position = 0;
        string? last = null;
        while (position < text.Length)
        {
            var lineStart = position;
            var newline = text.IndexOf('\n', position);
            var line = (newline < 0 ? text[position..] : text[position..newline]).TrimEnd('\r');
            position = newline < 0 ? text.Length : newline + 1;
            if (line.Length == 0) break;
            if (line[0] is ' ' or '\t')
            {
                if (last is not null) headers[last] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].Any(c => c is ' ' or '<')) { position = lineStart; break; } // not a header: the body starts here
            last = line[..colon].Trim().ToLowerInvariant();
            headers[last] = line[(colon + 1)..].Trim();
        }
        return (headers, text[position..]);
    }

    private static Dictionary<string, string> Parameters(string headerValue)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var semicolon = headerValue.IndexOf(';');
        if (semicolon < 0) return result;
        foreach (Match m in Parameter().Matches(headerValue[semicolon..]))
            result.TryAdd(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
        return result;
    }

    /// <summary>The parts between <c>--boundary</c> lines, up to <c>--boundary--</c>.</summary>
    private static List<string> Parts(string body, string boundary)
    {
        var parts = new List<string>();
        var delimiter = "--" + boundary;
        var lines = body.Split('\n');
        StringBuilder? current = null;
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith(delimiter, StringComparison.Ordinal))
            {
                if (current is not null) parts.Add(current.ToString());
                if (line.AsSpan(delimiter.Length).TrimEnd().SequenceEqual("--")) return parts;
                current = new StringBuilder();
                continue;
            }
            current?.Append(rawLine).Append('\n');
        }
        if (current is not null) parts.Add(current.ToString()); // a message cut short before its closing delimiter
        return parts;
    }

    /// <summary>The body's bytes (the Latin-1 string holds one byte per char) after its transfer encoding.</summary>
    public static byte[] Decode(string body, string? transferEncoding)
    {
        var encoding = transferEncoding?.Trim().ToLowerInvariant();
        if (encoding == "base64")
        {
            var clean = new string(body.Where(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '/').ToArray());
            clean = clean.PadRight(clean.Length + (4 - clean.Length % 4) % 4, '=');
            try { return Convert.FromBase64String(clean); }
            catch (FormatException) { return Encoding.Latin1.GetBytes(body); }
        }
        var bytes = Encoding.Latin1.GetBytes(body);
        return encoding == "quoted-printable" ? QuotedPrintable(bytes) : bytes;
    }

    /// <summary>RFC 2045 quoted-printable, leniently: <c>=XX</c> is a byte, <c>=</c> at a line end a soft break, anything else passes through.</summary>
    public static byte[] QuotedPrintable(ReadOnlySpan<byte> input)
    {
        var output = new byte[input.Length];
        var n = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == (byte)'=')
            {
                // Soft line break: '=' then optional spaces/tabs then CRLF or LF.
                var j = i + 1;
                while (j < input.Length && input[j] is (byte)' ' or (byte)'\t') j++;
                if (j < input.Length && input[j] == (byte)'\n') { i = j; continue; }
                if (j + 1 < input.Length && input[j] == (byte)'\r' && input[j + 1] == (byte)'\n') { i = j + 1; continue; }
                if (j == input.Length) break;
                if (i + 2 < input.Length && Hex(input[i + 1]) is { } hi && Hex(input[i + 2]) is { } lo)
                {
                    output[n++] = (byte)(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            output[n++] = b;
        }
        return output[..n];
    }

    private static int? Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => null,
    };
}
