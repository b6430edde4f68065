using AngleSharp.Dom;

namespace PolicyIngest.Read.Html;

/// <summary>
/// Finds the document on a portal page by its text, the way readability-style extractors do, never by a list of
/// sites: prose carries sentence punctuation and little link text; menus, breadcrumbs, share bars, "上一篇/下一篇"
/// and footers carry links and short labels. Statistics are computed once per element, bottom-up, so a 3 MB page of
/// nested spans costs one walk.
/// </summary>
public sealed class PageContent
{
    /// <summary>Non-whitespace characters, those inside links, and sentence punctuation outside links.</summary>
    public readonly record struct Stats(int Text, int LinkText, int Punctuation)
    {
        public double LinkDensity => Text == 0 ? 1 : (double)LinkText / Text;
        public static Stats operator +(Stats a, Stats b) => new(a.Text + b.Text, a.LinkText + b.LinkText, a.Punctuation + b.Punctuation);
    }

    /// <summary>A child that holds this share of its parent's prose is where the document lives.</summary>
    private const double DescendShare = 0.75;

    /// <summary>
    /// Never step in when that leaves this much punctuated text outside: it is prose of the same document (a notice
    /// around its fee table), not chrome. Menus carry links; a footer and a metadata block carry a dozen colons at most.
    /// </summary>
    private const int ProseLeftBehind = 40;

    private readonly Dictionary<IElement, Stats> _stats = new(ReferenceEqualityComparer.Instance);

    private PageContent() { }

    public static PageContent Measure(IElement root)
    {
        var content = new PageContent();
        content.Visit(root, insideLink: false);
        return content;
    }

    public Stats Of(IElement e) => _stats.TryGetValue(e, out var s) ? s : default;

    private Stats Visit(IElement element, bool insideLink)
    {
        var link = insideLink || element.LocalName == "a";
        var total = default(Stats);
        foreach (var node in element.ChildNodes)
        {
            total += node switch
            {
                IText text => Count(text.Data, link),
                IElement child => Visit(child, link),
                _ => default,
            };
        }
        _stats[element] = total;
        return total;
    }

    private static Stats Count(string data, bool link)
    {
        int text = 0, punctuation = 0;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c)) continue;
            text++;
            if (!link && IsSentencePunctuation(c)) punctuation++;
        }
        return new Stats(text, link ? text : 0, punctuation);
    }

    public static bool IsSentencePunctuation(char c) => c is '。' or '，' or '；' or '：' or '、' or '！' or '？' or '（' or '）' or '“' or '”';

    /// <summary>
    /// The smallest element holding most of the page's prose: from the body, step into the child that holds
    /// <see cref="DescendShare"/> of the punctuated text, while there is one.
    /// </summary>
    public IElement FindArticle(IElement body)
    {
        var found = Descend(body);
        // A page without chrome (a fragment copied out of a database or an editor) keeps its notice, title and 落款 as
        // siblings of the body text directly under <body>: the whole body is the document.
        return found.ParentElement == body && Of(body).LinkDensity < 0.3 ? body : found;
    }

    private IElement Descend(IElement body)
    {
        var current = body;
        while (true)
        {
            var total = Of(current).Punctuation;
            if (total == 0) return FallbackByText(current);
            IElement? next = null;
            foreach (var child in current.Children)
            {
                // A data table is part of a document, never the document: stop above it (a layout table cell may be entered).
                if (Of(child).Punctuation >= total * DescendShare && !IsDataTable(child)
                    && total - Of(child).Punctuation < ProseLeftBehind) { next = child; break; }
            }
            if (next is null) return current;
            current = next;
        }
    }

    /// <summary>A page without punctuation (a list, a table of figures): the child holding most of the non-link text.</summary>
    private IElement FallbackByText(IElement from)
    {
        var current = from;
        while (true)
        {
            var own = NonLinkText(current);
            var child = current.Children.Select(c => (Element: c, Text: NonLinkText(c))).OrderByDescending(c => c.Text).FirstOrDefault();
            if (child.Element is null || own == 0 || child.Text < own * 0.8) return current;
            current = child.Element;
        }
    }

    /// <summary>A table of at least three rows with two or more filled cells (a fee schedule, a scoring table).</summary>
    private static bool IsDataTable(IElement e)
    {
        var table = e.LocalName == "table" ? e : e.LocalName is "tbody" or "thead" ? e.ParentElement : null;
        if (table is null) return false;
        var rows = table.QuerySelectorAll("tr").Count(r => r.Children.Count(c => c.LocalName is "td" or "th" && c.TextContent.Trim().Length > 0) >= 2);
        return rows >= 3;
    }

    private int NonLinkText(IElement e) => Of(e).Text - Of(e).LinkText;

    /// <summary>
    /// Navigation inside the article container: a block made mostly of links (上一篇/下一篇, related links, share bars,
    /// breadcrumbs) or a list of short links. Prose with a link in it stays.
    /// </summary>
    public bool IsNavigation(IElement e)
    {
        var s = Of(e);
        if (s.Text == 0) return false;
        if (s.LinkDensity > 0.5 && s.Punctuation < 4) return true;
        return s.LinkDensity > 0.3 && s.Punctuation == 0 && e.QuerySelectorAll("a").Length >= 3;
    }
}
