using System.Text;
using System.Text.RegularExpressions;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// PdfPig walks a page tree by recursion: a tree that contains itself (a /Pages node among its own /Kids) or is nested
/// thousands deep overflows the stack, which no handler can catch — the process dies. Before PdfPig opens a file, the
/// page-tree nodes written as plain objects are read from the bytes and checked; a file that fails goes to poppler.
/// (Nodes inside compressed object streams are not seen: that case is left to PdfPig.)
/// </summary>
public static partial class PageTreeCheck
{
    /// <summary>Deeper than any real page tree (producers balance them; 10,000 pages need ~5 levels).</summary>
    private const int MaxDepth = 256;

    [GeneratedRegex(@"(?<id>\d+)\s+\d+\s+obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"/Type\s*/Pages\b")]
    private static partial Regex PagesType();

    [GeneratedRegex(@"/Kids\s*\[(?<kids>[^\]]*)\]")]
    private static partial Regex Kids();

    [GeneratedRegex(@"(?<id>\d+)\s+\d+\s+R")]
    private static partial Regex Reference();

    /// <summary>A reason when the page tree refers to itself or nests deeper than <see cref="MaxDepth"/>; else null.</summary>
    public static string? Problem(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var kids = new Dictionary<long, List<long>>();
        // Only around each "/Type /Pages": the object header before it and the /Kids array up to its endobj.
        foreach (Match type in PagesType().Matches(text))
        {
            var from = Math.Max(0, type.Index - 4000);
            var header = ObjectHeader().Matches(text, from).TakeWhile(h => h.Index < type.Index).LastOrDefault();
            if (header is null || !long.TryParse(header.Groups["id"].Value, out var id)) continue;
            var end = text.IndexOf("endobj", type.Index, StringComparison.Ordinal);
            var body = text[header.Index..(end < 0 ? Math.Min(text.Length, type.Index + 20000) : end)];
            if (Kids().Match(body) is not { Success: true } k) continue;
            kids[id] = Reference().Matches(k.Groups["kids"].Value).Select(r => long.TryParse(r.Groups["id"].Value, out var c) ? c : -1).ToList();
        }
        var state = new Dictionary<long, int>();   // 1 on the current path, 2 done
        foreach (var root in kids.Keys)
        {
            if (Walk(root, 0) is { } problem) return problem;
        }
        return null;

        string? Walk(long node, int depth)
        {
            // An explicit stack would avoid recursion here too, but the depth is capped far below the stack's limit.
            if (depth > MaxDepth) return $"the PDF's page tree is nested more than {MaxDepth} levels deep";
            if (state.TryGetValue(node, out var s)) return s == 1 ? "the PDF's page tree contains itself" : null;
            if (!kids.TryGetValue(node, out var children)) return null;
            state[node] = 1;
            foreach (var child in children)
            {
                if (Walk(child, depth + 1) is { } problem) return problem;
            }
            state[node] = 2;
            return null;
        }
    }
}
