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
/// (GB2312/GBK read as GB18030; <see cref="HtmlDecoding"/>); navigation, share bars, related links and footers removed; the article body found
/// as the deepest element holding most of the remaining text; attachment links (PDF/OFD/DOC/DOCX/WPS) reported as absolute URLs.
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Html;

    private static readonly HashSet<string> Dropped = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
        "iframe", "select", "button", "input", "textarea", "object", "embed", "svg", "canvas", "template", "head"];

    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|menu|footer|foot|bottom|header|top|topbar|share|bdshare|bdsharebuttonbox|related|relate|xgwj|xglj|crumb|breadcrumb|position|location|dqwz|search|print|sidebar|side|right|left|fujian|attach|appendix|pager|pagination|comment|copyright|toolbar|fontsize|zihao|ewm|qrcode)([\s_-]|\d|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateName();

    [GeneratedRegex(@"\.(pdf|ofd|docx?|wps)$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentPath();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();


    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default)
    {
        var html = HtmlDecoding.Decode(bytes, options.HttpCharset, out var encoding);
        var (shallow, capped) = CapNesting(html);
        var document = new HtmlParser().ParseDocument(shallow);
        var flattened = document.DocumentElement is { } root && FlattenDeepNesting(root);
        var baseUri = BaseUri(document, source);
        var attachments = Attachments(document, baseUri);
        var pageTitle = document.Title?.Trim();

        foreach (var element in document.All.Where(e => Dropped.Contains(e.LocalName)).ToList()) element.Remove();
        var body = document.Body ?? throw new UnreadableDocumentException("the HTML page has no body");
        // Hidden copies go, but never a hidden container holding most of the page (pages that a script reveals).
        var pageText = TextLength(body);
        foreach (var element in body.QuerySelectorAll("[hidden], [style]").Where(IsHidden).ToList())
        {
            if (TextLength(element) < pageText / 2) element.Remove();
        }
        // The metadata block is read from the whole page before anything else is removed: portals put it in
        // containers whose names look like boilerplate.
        var fields = PortalMetadata.Parse(Segments(body));
        foreach (var element in body.QuerySelectorAll("*").Where(IsBoilerplate).ToList()) element.Remove();

        var measure = PageContent.Measure(body);
        var article = measure.FindArticle(body);
        cancellationToken.ThrowIfCancellationRequested();

        var blocks = new List<TextBlock>();
        var heading = HeadingBefore(body, article, pageTitle);
        if (heading is not null) blocks.Add(new TextBlock(heading));
        // Navigation blocks inside the article (menus, link lists) are not content; rows are judged with their table.
        var rules = new HtmlWalkRules(e => HtmlBlocks.IsBlock(e) && e.LocalName != "tr" && measure.IsNavigation(e),
            SplitSourceParagraphs: true, WalkCells: false);
        blocks.AddRange(HtmlBlocks.FromNode(article, rules));
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
            PageFields = fields,
        };
    }

    /// <summary>Every text of the page in document order, one per text node run inside an inline element, collapsed.</summary>
    private static List<string> Segments(IElement root)
    {
        var segments = new List<string>();
        foreach (var node in root.GetDescendants())
        {
            if (node is not IText text) continue;
            var collapsed = Collapse(text.Data);
            if (collapsed.Length > 0) segments.Add(collapsed);
        }
        return segments;
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
                case IElement e when HtmlBlocks.IsBlock(e) || e.LocalName is "br" or "td" or "th": sb.Append(' '); break;
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

    /// <summary>Text the reader never sees (a hidden read-aloud copy of the article, collapsed menus) is not the document.</summary>
    private static bool IsHidden(IElement e) =>
        e.HasAttribute("hidden") || (e.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    private static bool IsBoilerplate(IElement e)
    {
        if (Dropped.Contains(e.LocalName)) return true;
        if (e.LocalName is "body" or "html") return false;
        var names = $"{e.Id} {e.ClassName}";
        if (names.Trim().Length == 0 || !BoilerplateName().IsMatch(names)) return false;
        // A container named like boilerplate that still holds most of the page's prose is the article (e.g. class="main right").
        return LinkDensity(e) > 0.3 || TextLength(e) < 200;
    }

    /// <summary>
    /// The page's own heading before the article, when the article does not hold it: an element the page title names
    /// (its text equals the &lt;title&gt; less the site name, or one contains the other), else the last h1/h2/title-named
    /// element before the article. Never a link, never prose.
    /// </summary>
    private static string? HeadingBefore(IElement body, IElement article, string? pageTitle)
    {
        var before = body.QuerySelectorAll("*")
            .Where(h => !article.Contains(h) && !h.Contains(article))
            .Where(h => h.CompareDocumentPosition(article).HasFlag(DocumentPositions.Following))
            .Where(h => h.Closest("a") is null)
            .ToList();
        var named = TitleFromPageTitle(pageTitle) is { Length: >= 4 } t ? Squeeze(t) : null;
        if (named is not null)
        {
            var match = before.Where(h => h.Children.Length == 0 || h.LocalName is "h1" or "h2" or "h3")
                .Select(h => Collapse(h.TextContent))
                .LastOrDefault(x => x.Length >= 4 && x.Length <= 200 && SameTitle(Squeeze(x), named));
            if (match is not null) return match;
        }
        return before.Where(h => h.LocalName is "h1" or "h2" || TitleName().IsMatch($"{h.Id} {h.ClassName}"))
            .Select(h => Collapse(h.TextContent))
            .LastOrDefault(x => x.Length >= 4 && x.Length <= 200 && x.Count(PageContent.IsSentencePunctuation) <= 3);
    }

    /// <summary>The same title, or one cut short by the other (page titles are often truncated): never a mere prefix such as the issuer.</summary>
    private static bool SameTitle(string text, string pageTitle) =>
        text == pageTitle || (Math.Min(text.Length, pageTitle.Length) >= 0.8 * Math.Max(text.Length, pageTitle.Length)
            && (pageTitle.StartsWith(text, StringComparison.Ordinal) || text.StartsWith(pageTitle, StringComparison.Ordinal)));

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"(^|[\s_-])(title|tit|bt|biaoti|article-title|content_title|newsTitle|xl-title)([\s_-]|\d|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TitleName();

    [GeneratedRegex(@"\s*(?:[-_|｜]|——)\s*(?<site>[^-_|｜]*(?:网站|门户网站|政府网|人民政府|信息公开|平台|网))\s*$")]
    private static partial Regex SiteSuffix();

    /// <summary>The &lt;title&gt; less the site name portals append ("… - 广州市人民政府门户网站", "…_政策文件").</summary>
    private static string? TitleFromPageTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var t = Collapse(title);
        while (SiteSuffix().Match(t) is { Success: true } m && m.Index > 0) t = t[..m.Index].Trim();
        return t.Split(['_', '|', '｜'], StringSplitOptions.TrimEntries)[0];
    }

    private static string Collapse(string text) => HtmlBlocks.Collapse(text);

    private static int TextLength(IElement e) => e.TextContent.Count(c => !char.IsWhiteSpace(c));

    private static double LinkDensity(IElement e)
    {
        var total = TextLength(e);
        if (total == 0) return 1;
        var links = e.QuerySelectorAll("a").Sum(TextLength);
        return (double)links / total;
    }
}
