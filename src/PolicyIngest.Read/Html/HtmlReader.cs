using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Text;

namespace PolicyIngest.Read.Html;

/// <summary>
/// An HTML page via AngleSharp: charset from BOM, HTTP header (<see cref="ReadOptions.HttpCharset"/>) or meta
/// (GB2312/GBK read as GB18030); navigation, share bars, related links and footers removed; the article body found
/// as the deepest element holding most of the remaining text; attachment links (PDF/DOC/DOCX) reported as absolute URLs.
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Html;

    private static readonly HashSet<string> Dropped = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
        "iframe", "select", "button", "input", "textarea", "object", "embed", "svg", "canvas", "template", "head"];
    private static readonly HashSet<string> BlockElements = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "blockquote", "pre", "section", "article", "main", "center", "address", "hr", "figure", "figcaption"];

    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|menu|footer|foot|bottom|header|top|topbar|share|bdshare|bdsharebuttonbox|related|relate|xgwj|xglj|crumb|breadcrumb|position|location|dqwz|search|print|sidebar|side|right|left|fujian|attach|appendix|pager|pagination|comment|copyright|toolbar|fontsize|zihao|ewm|qrcode)([\s_-]|\d|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateName();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"\.(pdf|docx?|wps)$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentPath();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default)
    {
        var html = Decode(bytes, options.HttpCharset, out var encoding);
        var (shallow, capped) = CapNesting(html);
        var document = new HtmlParser().ParseDocument(shallow);
        var flattened = document.DocumentElement is { } root && FlattenDeepNesting(root);
        var baseUri = BaseUri(document, source);
        var attachments = Attachments(document, baseUri);
        var pageTitle = document.Title?.Trim();

        foreach (var element in document.All.Where(IsBoilerplate).ToList()) element.Remove();
        var body = document.Body ?? throw new UnreadableDocumentException("the HTML page has no body");
        var article = FindArticle(body);

        var blocks = new List<TextBlock>();
        var heading = HeadingBefore(body, article);
        if (heading is not null) blocks.Add(new TextBlock(heading));
        var current = new StringBuilder();
        Walk(article, current, blocks);
        Flush(current, blocks);
        if (blocks.Count == 0) throw new UnreadableDocumentException("no article text found in the HTML page");

        var warnings = new List<string>();
        if (capped > 0 || flattened)
            warnings.Add($"elements nested more than {MaxElementDepth} deep (broken markup): {capped} start tags past that depth were ignored, their text kept");
        if (html.Contains('\uFFFD')) warnings.Add($"some bytes were not valid {encoding.WebName}: replaced by U+FFFD");
        return new ExtractedText
        {
            Format = Format,
            Blocks = blocks,
            Attachments = attachments,
            Warnings = warnings,
            TitleHint = heading ?? TitleFromPageTitle(pageTitle),
        };
    }

    /// <summary>
    /// Deepest element nesting read as it is, as in Blink's HTML parser (which stops nesting at 512). AngleSharp builds any
    /// depth, but its TextContent, selectors and our walk recurse: 100,000 unclosed &lt;div&gt;s overflowed the stack and
    /// killed the process (exit 134), and 20,000 levels took ~20 s.
    /// </summary>
    public const int MaxElementDepth = 512;

    /// <summary>Elements that never nest without bound: void ones, and those an opening sibling closes implicitly (p, li, td…).</summary>
    private static readonly HashSet<string> NotNesting = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "rb", "rt", "rp",
        "colgroup", "caption", "html", "head", "body", "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

    [GeneratedRegex(@"<!--.*?-->|<(?<end>/?)(?<name>[A-Za-z][A-Za-z0-9\-]*)(?:\s[^<>]*?)?(?<self>/?)>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    /// <summary>
    /// Drops the start tags that would nest elements deeper than <see cref="MaxElementDepth"/> (and the end tags that
    /// would close them), estimated from the tags alone, as Blink stops nesting at 512. The HTML tree builder checks the
    /// stack of open elements at every start tag, so 100,000 unclosed &lt;div&gt;s cost AngleSharp minutes before any
    /// of our code ran. Returns the text unchanged (and 0) for any page that does not nest that deep.
    /// </summary>
    private static (string Html, int Dropped) CapNesting(string html)
    {
        var depth = 0;
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        List<(int Index, int Length)>? cuts = null;
        foreach (Match m in Tag().Matches(html))
        {
            if (!m.Groups["name"].Success) continue; // a comment
            var name = m.Groups["name"].Value.ToLowerInvariant();
            if (NotNesting.Contains(name) || m.Groups["self"].Length > 0) continue;
            if (m.Groups["end"].Length == 0)
            {
                if (depth < MaxElementDepth) { depth++; continue; }
                (cuts ??= []).Add((m.Index, m.Length));
                dropped[name] = dropped.GetValueOrDefault(name) + 1;
            }
            else if (dropped.GetValueOrDefault(name) > 0)
            {
                dropped[name]--;
                cuts!.Add((m.Index, m.Length));
            }
            else if (depth > 0) depth--;
        }
        if (cuts is null) return (html, 0);
        var sb = new StringBuilder(html.Length);
        var at = 0;
        var starts = 0;
        foreach (var (index, length) in cuts)
        {
            sb.Append(html, at, index - at);
            if (html[index + 1] != '/') starts++;
            at = index + length;
        }
        sb.Append(html, at, html.Length - at);
        return (sb.ToString(), starts);
    }

    /// <summary>
    /// What <see cref="CapNesting"/> missed (nesting its tag estimate did not see): the content of every element at depth
    /// <see cref="MaxElementDepth"/> that still has child elements is replaced by its text, collected without recursion.
    /// </summary>
    private static bool FlattenDeepNesting(IElement root)
    {
        var flattened = false;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth < MaxElementDepth)
            {
                for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling) stack.Push((child, depth + 1));
                continue;
            }
            if (element.FirstElementChild is null) continue;
            var text = TextWithoutRecursion(element);
            // Detach the deepest nodes first, so that no removal ever walks a deep subtree.
            DetachBottomUp(element);
            element.AppendChild(element.Owner!.CreateTextNode(text));
            flattened = true;
        }
        return flattened;
    }

    /// <summary>The text below <paramref name="top"/> in document order (script/style and other dropped elements skipped), iteratively.</summary>
    private static string TextWithoutRecursion(INode top)
    {
        var sb = new StringBuilder();
        var node = top.FirstChild;
        while (node is not null)
        {
            var descend = true;
            switch (node)
            {
                case IText text: sb.Append(text.Data); break;
                case IElement e when Dropped.Contains(e.LocalName): descend = false; break;
                case IElement e when BlockElements.Contains(e.LocalName) || e.LocalName is "br" or "td" or "th": sb.Append(' '); break;
            }
            if (descend && node.FirstChild is { } first) { node = first; continue; }
            while (node is not null && node != top && node.NextSibling is null) node = node.Parent;
            node = node is null || node == top ? null : node.NextSibling;
        }
        return sb.ToString();
    }

    /// <summary>Removes every node below <paramref name="top"/>, leaves first.</summary>
    private static void DetachBottomUp(INode top)
    {
        var node = top;
        while (true)
        {
            while (node.LastChild is { } last) node = last;
            if (node == top) return;
            var parent = node.Parent!;
            parent.RemoveChild(node);
            node = parent;
        }
    }

    /// <summary>BOM, then the HTTP header's charset, then a meta tag, then strict UTF-8, then GB18030.</summary>
    public static string Decode(byte[] bytes, string? httpCharset, out Encoding encoding)
    {
        var bom = bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
                  || bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom) return TextDecoding.Decode(bytes, out encoding);
        var declared = TextDecoding.ForCharsetName(httpCharset);
        if (declared is null)
        {
            var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
            var meta = MetaCharset().Match(head);
            // A meta tag read in ASCII can only name an ASCII-compatible charset: a page declaring UTF-16 or EBCDIC in
            // it is not in that charset (browsers ignore the declaration; WHATWG reads a UTF-16 one as UTF-8).
            if (meta.Success && TextDecoding.ForCharsetName(meta.Groups[1].Value) is { } named && AsciiCompatible(named)) declared = named;
        }
        return TextDecoding.Decode(bytes, declared, out encoding);
    }

    private static bool AsciiCompatible(Encoding encoding) =>
        encoding.GetString("<meta charset=\"x\">"u8) == "<meta charset=\"x\">";

    private static Uri? BaseUri(AngleSharp.Html.Dom.IHtmlDocument document, string source)
    {
        Uri? origin = null;
        if (Uri.TryCreate(source, UriKind.Absolute, out var asUri) && (asUri.Scheme == Uri.UriSchemeHttp || asUri.Scheme == Uri.UriSchemeHttps)) origin = asUri;
        else if (source.Length > 0)
        {
            try { origin = new Uri(Path.GetFullPath(source)); }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or UriFormatException) { }
        }
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        if (baseHref is not null && Uri.TryCreate(origin, baseHref, out var resolved)) return resolved;
        return origin;
    }

    public static IReadOnlyList<AttachmentLink> Attachments(IDocument document, Uri? baseUri)
    {
        var links = new List<AttachmentLink>();
        var seen = new HashSet<string>();
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!.Trim();
            if (href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith('#')) continue;
            // "/attach/x.pdf" parses as an absolute file path on Unix: only a scheme makes a link absolute.
            var hasScheme = href.Contains("://", StringComparison.Ordinal);
            Uri? uri = hasScheme && Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file" ? absolute
                : baseUri is not null && Uri.TryCreate(baseUri, href, out var relative) ? relative : null;
            if (uri is null || !AttachmentPath().IsMatch(uri.AbsolutePath)) continue;
            if (seen.Add(uri.AbsoluteUri)) links.Add(new AttachmentLink(uri.AbsoluteUri, Collapse(a.TextContent)));
        }
        return links;
    }

    private static bool IsBoilerplate(IElement e)
    {
        if (Dropped.Contains(e.LocalName)) return true;
        if (e.LocalName is "body" or "html") return false;
        var names = $"{e.Id} {e.ClassName}";
        if (names.Trim().Length == 0 || !BoilerplateName().IsMatch(names)) return false;
        // A container named like boilerplate that still holds most of the page's prose is the article (e.g. class="main right").
        return LinkDensity(e) > 0.3 || TextLength(e) < 200;
    }

    /// <summary>The deepest element holding at least 80% of the text below its parent: the article container.</summary>
    private static IElement FindArticle(IElement body)
    {
        var current = body;
        while (true)
        {
            var total = TextLength(current);
            var child = current.Children.Select(c => (Element: c, Length: TextLength(c))).OrderByDescending(c => c.Length).FirstOrDefault();
            if (child.Element is null || total == 0 || child.Length < total * 0.8) return current;
            current = child.Element;
        }
    }

    /// <summary>The page's own heading (h1/h2 or a "title" element) just before the article, when the article does not contain it.</summary>
    private static string? HeadingBefore(IElement body, IElement article)
    {
        var candidates = body.QuerySelectorAll("h1, h2, .title, .article-title, #title")
            .Where(h => !article.Contains(h) && !h.Contains(article))
            .Where(h => h.CompareDocumentPosition(article).HasFlag(DocumentPositions.Following));
        var heading = candidates.Select(h => Collapse(h.TextContent)).LastOrDefault(t => t.Length >= 4);
        return heading;
    }

    private static string? TitleFromPageTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? null : title.Split(['_', '|'], StringSplitOptions.TrimEntries)[0];

    private static void Walk(INode node, StringBuilder current, List<TextBlock> blocks)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    Flush(current, blocks);
                    break;
                case IElement { LocalName: "tr" } row:
                    Flush(current, blocks);
                    var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Collapse(c.TextContent)).Where(c => c.Length > 0).ToList();
                    if (cells.Count > 0) blocks.Add(new TextBlock(string.Join(" ", cells), Kind: TextBlockKind.TableRow));
                    break;
                case IElement e when BlockElements.Contains(e.LocalName):
                    Flush(current, blocks);
                    Walk(e, current, blocks);
                    Flush(current, blocks);
                    break;
                case IElement e:
                    Walk(e, current, blocks);
                    break;
            }
        }
    }

    private static void Flush(StringBuilder current, List<TextBlock> blocks)
    {
        var text = Collapse(current.ToString());
        current.Clear();
        if (text.Length > 0) blocks.Add(new TextBlock(text));
    }

    /// <summary>Whitespace runs (including &amp;nbsp; and the ideographic spaces used as indentation) to one space, trimmed.</summary>
    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim(' ', '\u3000');

    private static int TextLength(IElement e) => e.TextContent.Count(c => !char.IsWhiteSpace(c));

    private static double LinkDensity(IElement e)
    {
        var total = TextLength(e);
        if (total == 0) return 1;
        var links = e.QuerySelectorAll("a").Sum(TextLength);
        return (double)links / total;
    }
}
