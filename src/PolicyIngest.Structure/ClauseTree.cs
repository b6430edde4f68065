using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure;

/// <summary>
/// Builds the 编/章/节/条 and 一、（一）1.（1）① tree from logical lines. Unnumbered lines become paragraphs of the
/// nearest open unit (an article's 款 when inside an article). A label must continue its level's numbering
/// (or restart at 1), so a 第三条 cited inside a sentence never opens an article.
/// </summary>
public sealed class ClauseTree
{
    private sealed record Node(LabelLevel? Level, string Id, IReadOnlyList<string> Path)
    {
        public int Paragraphs { get; set; }
    }

    private readonly List<Clause> clauses = [];
    private readonly Stack<Node> open = new();
    private readonly Dictionary<LabelLevel, int> last = [];
    private readonly HashSet<string> ids = [];
    private readonly Node root;

    /// <param name="idPrefix">id of the enclosing clause ("" at the top); children get idPrefix/segment.</param>
    /// <param name="path">labels of the enclosing clause.</param>
    /// <param name="paragraphId">id segment for unnumbered paragraphs at the root (p).</param>
    public ClauseTree(string idPrefix = "", IReadOnlyList<string>? path = null, int firstParagraph = 0)
    {
        root = new Node(null, idPrefix, path ?? []) { Paragraphs = firstParagraph };
    }

    public IReadOnlyList<Clause> Clauses => clauses;

    /// <summary>True once a numbered unit has been opened.</summary>
    public bool HasNumberedUnits { get; private set; }

    /// <summary>Builds the clauses for <paramref name="lines"/> under an optional root.</summary>
    public static IReadOnlyList<Clause> Build(IEnumerable<Line> lines, string idPrefix = "", IReadOnlyList<string>? path = null)
    {
        var tree = new ClauseTree(idPrefix, path);
        foreach (var line in lines) tree.Add(line);
        return tree.Clauses;
    }

    /// <summary>The label a line would open here, or null when it is text (citation, out-of-sequence number).</summary>
    public LabelMatch? Accepts(string text)
    {
        if (ClauseLabels.IsContentsEntry(text) || ClauseLabels.Match(text) is not { } m) return null;
        var previous = last.GetValueOrDefault(m.Level);
        var inSequence = m.Number == 1 || m.Number == previous + 1
            || (m.Level <= LabelLevel.Article && m.Number > previous && m.Number <= previous + 3 && previous > 0);
        if (!inSequence) return null;
        // An outline number deeper than an open article's items but with no article open is still fine;
        // a 第X条 that is not at the head of the line was never matched (labels only match at the start).
        return m;
    }

    public void Add(Line line)
    {
        if (Accepts(line.Text) is { } m)
        {
            Open(m, line);
            return;
        }
        AddParagraph(line);
    }

    /// <summary>Adds a line outside the tree (notice, signature, closing lines): closes every open unit first.</summary>
    public void AddRootParagraph(Line line)
    {
        open.Clear();
        AddParagraph(line);
    }

    /// <summary>Adds an unnumbered line as a paragraph of the current unit.</summary>
    public void AddParagraph(Line line)
    {
        if (ContinuesWrappedHeading(line)) return;
        // Inside an article, a paragraph after its items is the article's next 款, not part of the last item.
        if (open.Any(n => n.Level == LabelLevel.Article))
        {
            while (open.Peek().Level != LabelLevel.Article) open.Pop();
        }
        var parent = open.Count > 0 ? open.Peek() : root;
        parent.Paragraphs++;
        var id = Unique(Combine(parent.Id, $"p{parent.Paragraphs}"));
        clauses.Add(new Clause
        {
            Id = id,
            Kind = ClauseKind.Paragraph,
            Label = "",
            Path = parent.Path,
            Text = line.Text.Trim(' ', '　', '\t'),
            Page = line.Page,
        });
    }

    /// <summary>
    /// A labelled line a reader cut at the page width (6．支持各类机构在京建设…北京市工程研究中 / 心，对于符合条件的…) is not a
    /// heading with a paragraph under it: a long "heading" whose next line closes a sentence within its first few
    /// characters gets that line back as its text.
    /// </summary>
    private bool ContinuesWrappedHeading(Line line)
    {
        if (clauses.Count == 0 || open.Count == 0 || open.Peek().Id != clauses[^1].Id) return false;
        var unit = clauses[^1];
        if (unit.Heading is not { Length: >= WrappedHeadingChars } heading || unit.Text.Length > 0 || unit.Kind is ClauseKind.Chapter or ClauseKind.Section)
            return false;
        var next = line.Text.Trim(' ', '　', '\t');
        var stop = next.IndexOfAny(['，', '。', '；', '：', '、']);
        if (stop is < 1 or > 4) return false;
        clauses[^1] = unit with { Heading = null, Text = heading + next };
        return true;
    }

    /// <summary>Headings of items are short (支持企业升规); a line this long without punctuation was cut by the page width.</summary>
    private const int WrappedHeadingChars = 24;

    private void Open(LabelMatch m, Line line)
    {
        while (open.Count > 0 && open.Peek().Level >= m.Level) open.Pop();
        var parent = open.Count > 0 ? open.Peek() : root;
        last[m.Level] = m.Number;
        foreach (var deeper in last.Keys.Where(k => k > m.Level && k >= LabelLevel.Outline2 && m.Level <= LabelLevel.Article).ToList())
            last.Remove(deeper);   // items restart in each article
        var id = Unique(Combine(parent.Id, m.IdSegment));
        var path = parent.Path.Append(m.Label).ToList();
        var (heading, text) = Headings.Split(m);
        clauses.Add(new Clause
        {
            Id = id,
            Kind = m.Kind,
            Label = m.Label,
            Path = path,
            Heading = heading,
            Text = text,
            Page = line.Page,
        });
        open.Push(new Node(m.Level, id, path));
        HasNumberedUnits = true;
    }

    private string Unique(string id)
    {
        var candidate = id;
        for (var k = 2; !ids.Add(candidate); k++) candidate = $"{id}-{k}";
        return candidate;
    }

    private static string Combine(string prefix, string segment) => prefix.Length == 0 ? segment : $"{prefix}/{segment}";
}

/// <summary>Splits a labelled line into heading and text.</summary>
public static class Headings
{
    private static readonly char[] InnerPunctuation = ['，', '。', '；', '：', ',', ';', ':'];

    /// <summary>
    /// 第二章 加大培育赋能力度 → heading only; 第五条 支持企业升规。鼓励… → heading 支持企业升规, text keeps the sentence;
    /// 一、申报条件 → heading only; 1.申报表； → text only.
    /// </summary>
    public static (string? Heading, string Text) Split(LabelMatch m)
    {
        var rest = m.Rest.Trim(' ', '　', '\t');
        if (m.Level <= LabelLevel.Section)
            return rest.IndexOfAny(['。', '；']) < 0 ? (CollapseSpaces(rest), "") : (null, rest);
        if (rest.Length == 0) return (null, "");
        var body = rest.TrimEnd('？', '?', '！');
        if (m.Level != LabelLevel.Article && body.IndexOfAny(InnerPunctuation) < 0 && rest.Length <= 60)
            return (CollapseSpaces(rest), "");
        var stop = rest.IndexOf('。');
        if (stop is > 1 and <= 30)
        {
            var first = rest[..stop];
            if (first.IndexOfAny(InnerPunctuation) < 0 && (stop < rest.Length - 1 || m.Level != LabelLevel.Article))
                return (first.Trim(), rest);
        }
        return (null, rest);
    }

    private static string CollapseSpaces(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s, @"(?<=[\u4e00-\u9fff])[\s　]+(?=[\u4e00-\u9fff])", "").Trim();
}
