using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PolicyIngest.Read.Html;

namespace PolicyIngest.Fetch.Http;

/// <summary>A link found on a page: absolute URL and its text.</summary>
public sealed record PageLink(Uri Url, string Text);

/// <summary>Links on listing and detail pages. Government pages are often GBK: the charset is honoured.</summary>
public static partial class HtmlLinks
{
    /// <summary>
    /// The page decoded as the reader decodes it (<see cref="HtmlDecoding"/>): BOM, then the Content-Type header's charset,
    /// then &lt;meta&gt;, then UTF-8 / GB18030 detection.
    /// </summary>
    public static string Decode(byte[] body, string? contentType) => HtmlDecoding.Decode(body, CharsetName(contentType), out _);

    /// <summary>Links matching <paramref name="selector"/> (a CSS selector for the links), resolved against the page URL or &lt;base href&gt;.</summary>
    public static IReadOnlyList<PageLink> Find(string html, Uri pageUrl, string selector)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = pageUrl;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } b && Uri.TryCreate(pageUrl, b, out var resolvedBase))
            baseUrl = resolvedBase;
        var links = new List<PageLink>();
        var seen = new HashSet<Uri>();
        IEnumerable<AngleSharp.Dom.IElement> elements;
        try { elements = document.QuerySelectorAll(selector); }
        catch (AngleSharp.Dom.DomException) { throw new ArgumentException($"'{selector}' is not a CSS selector"); }
        foreach (var element in elements)
        {
            var href = element.GetAttribute("href")?.Trim();
            if (string.IsNullOrEmpty(href) || href.StartsWith('#') ||
                href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!Uri.TryCreate(baseUrl, href, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)) continue;
            url = WithoutFragment(url);
            if (seen.Add(url)) links.Add(new PageLink(url, Whitespace().Replace(element.TextContent, " ").Trim()));
        }
        return links;
    }

    private static Uri WithoutFragment(Uri url) =>
        url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = "" }.Uri;

    /// <summary>The charset parameter of a Content-Type header (<c>text/html; charset=gbk</c> → gbk), or null.</summary>
    public static string? CharsetName(string? contentType)
    {
        if (contentType is null) return null;
        var m = CharsetParameter().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
