using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Html;

/// <summary>
/// The blocks of a whole HTML document that is all content (a Word altChunk, not a portal page: no article to find,
/// nothing to strip but scripts and styles): headings, paragraphs, list items, <c>&lt;br&gt;</c>-separated lines one
/// block each, table rows one <see cref="TextBlockKind.TableRow"/> block each (cells joined by a space), in document order.
/// </summary>
public static partial class HtmlBlocks
{
    private static readonly HashSet<string> Skipped = ["script", "style", "noscript", "template", "head", "title", "meta", "link",
        "object", "embed", "svg", "canvas", "iframe", "select", "button", "input", "textarea"];
    private static readonly HashSet<string> BlockElements = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "caption", "blockquote", "pre", "section", "article", "main", "center", "address", "hr",
        "figure", "figcaption", "header", "footer", "nav", "aside", "form"];

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    public static (IReadOnlyList<TextBlock> Blocks, string? Title) FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Collapse(document.Title ?? "");
        var root = (INode?)document.Body ?? document.DocumentElement;
        return (root is null ? [] : FromNode(root), title.Length > 0 ? title : null);
    }

    public static List<TextBlock> FromNode(INode root)
    {
        var blocks = new List<TextBlock>();
        var current = new StringBuilder();
        Walk(root, current, blocks);
        Flush(current, blocks);
        return blocks;
    }

    private static void Walk(INode node, StringBuilder current, List<TextBlock> blocks)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    Flush(current, blocks);
                    break;
                case IElement { LocalName: "table" } table when HtmlTables.IsData(table):
                    Flush(current, blocks);
                    HtmlTables.AddBlocks(table, blocks, CellText);
                    break;
                case IElement { LocalName: "tr" } row:
                    Flush(current, blocks);
                    var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(CellText).Where(c => c.Length > 0).ToList();
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

    /// <summary>A cell's text with its inner blocks (paragraphs, lines, nested rows) joined by a space.</summary>
    private static string CellText(IElement cell) => string.Join(" ", FromNode(cell).Select(b => b.Text));

    private static void Flush(StringBuilder current, List<TextBlock> blocks)
    {
        var text = Collapse(current.ToString());
        current.Clear();
        if (text.Length > 0) blocks.Add(new TextBlock(text));
    }

    /// <summary>Whitespace runs (including &amp;nbsp; and the ideographic spaces used as indentation) to one space, trimmed.</summary>
    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim(' ', '\u3000');
}
