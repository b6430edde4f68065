using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Html;

/// <summary>
/// The one HTML-to-blocks walker: headings, paragraphs, list items, <c>&lt;br&gt;</c>-separated lines one block each,
/// table rows one <see cref="TextBlockKind.TableRow"/> block each (cells joined by a space), in document order.
/// A portal page (<see cref="HtmlReader"/>) and a whole document that is all content (a Word altChunk) walk the same
/// way and differ only in their <see cref="HtmlWalkRules"/>.
/// </summary>
public static partial class HtmlBlocks
{
    private static readonly HashSet<string> BlockElements = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "caption", "blockquote", "pre", "section", "article", "main", "center", "address", "hr",
        "figure", "figcaption", "header", "footer", "nav", "aside", "form"];

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\r?\n[ \t\u00A0]*\r?\n\s*|\r?\n(?=\u3000{1,4}\S)")]
    private static partial Regex SourceParagraphBreak();

    public static bool IsBlock(IElement element) => BlockElements.Contains(element.LocalName);

    /// <summary>A whole HTML document that is all content (a Word altChunk): only scripts, styles and controls are skipped.</summary>
    public static (IReadOnlyList<TextBlock> Blocks, string? Title) FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Collapse(document.Title ?? "");
        var root = (INode?)document.Body ?? document.DocumentElement;
        return (root is null ? [] : FromNode(root, HtmlWalkRules.WholeDocument), title.Length > 0 ? title : null);
    }

    public static List<TextBlock> FromNode(INode root, HtmlWalkRules rules)
    {
        var blocks = new List<TextBlock>();
        var current = new StringBuilder();
        Walk(root, rules, current, blocks);
        Flush(current, blocks);
        return blocks;
    }

    private static void Walk(INode node, HtmlWalkRules rules, StringBuilder current, List<TextBlock> blocks)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text when rules.SplitSourceParagraphs:
                    // Text pasted into HTML from a law database or a word processor keeps its paragraphs as a blank line or
                    // a new line indented with ideographic spaces; rendering would collapse them, the author did not mean to.
                    var pieces = SourceParagraphBreak().Split(text.Data);
                    for (var k = 0; k < pieces.Length; k++)
                    {
                        if (k > 0) Flush(current, blocks);
                        current.Append(pieces[k]);
                    }
                    break;
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement e when rules.Skip(e):
                    break;
                case IElement { LocalName: "br" }:
                    Flush(current, blocks);
                    break;
                case IElement { LocalName: "table" } table when HtmlTables.IsData(table):
                    Flush(current, blocks);
                    HtmlTables.AddBlocks(table, blocks, c => CellText(c, rules));
                    break;
                case IElement { LocalName: "tr" } row:
                    Flush(current, blocks);
                    var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => CellText(c, rules)).Where(c => c.Length > 0).ToList();
                    if (cells.Count > 0) blocks.Add(new TextBlock(string.Join(" ", cells), Kind: TextBlockKind.TableRow));
                    break;
                case IElement e when IsBlock(e):
                    Flush(current, blocks);
                    Walk(e, rules, current, blocks);
                    Flush(current, blocks);
                    break;
                case IElement e:
                    Walk(e, rules, current, blocks);
                    break;
            }
        }
    }

    /// <summary>A cell's text: all of it collapsed, or its inner blocks (paragraphs, lines, nested rows) joined by a space.</summary>
    private static string CellText(IElement cell, HtmlWalkRules rules) =>
        rules.WalkCells ? string.Join(" ", FromNode(cell, rules).Select(b => b.Text)) : Collapse(cell.TextContent);

    private static void Flush(StringBuilder current, List<TextBlock> blocks)
    {
        var text = Collapse(current.ToString());
        current.Clear();
        if (text.Length > 0) blocks.Add(new TextBlock(text));
    }

    /// <summary>Whitespace runs (including &amp;nbsp; and the ideographic spaces used as indentation) to one space, trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim(' ', '\u3000');
}

/// <summary>How a page is walked into blocks.</summary>
/// <param name="Skip">elements whose text is not content</param>
/// <param name="SplitSourceParagraphs">a blank line or an ideographic-space indent in the source text starts a new block</param>
/// <param name="WalkCells">a table cell's text is its inner blocks joined by a space (else its whole text collapsed)</param>
public sealed record HtmlWalkRules(Func<IElement, bool> Skip, bool SplitSourceParagraphs, bool WalkCells)
{
    private static readonly HashSet<string> NotContent = ["script", "style", "noscript", "template", "head", "title", "meta", "link",
        "object", "embed", "svg", "canvas", "iframe", "select", "button", "input", "textarea"];

    /// <summary>A whole document that is all content (a Word altChunk): nothing to strip but scripts, styles and controls.</summary>
    public static HtmlWalkRules WholeDocument { get; } = new(e => NotContent.Contains(e.LocalName), SplitSourceParagraphs: false, WalkCells: true);
}
