using System.Text.RegularExpressions;

namespace PolicyIngest.CorpusBuilder;

/// <summary>A list style Word can produce as automatic numbering: the paragraph prefix it replaces and the level text.</summary>
public sealed record ListKind(string Name, Regex Prefix, string LevelText, bool Chinese)
{
    public static readonly IReadOnlyList<ListKind> All =
    [
        new("article", new Regex(@"^第([一二三四五六七八九十百零]+)条[\s\u3000]+"), "第%1条", true),
        new("item", new Regex(@"^（([一二三四五六七八九十]+)）"), "（%1）", true),
        new("point", new Regex(@"^（(\d{1,2})）"), "（%1）", false),
    ];

    public int? Number(string paragraph, out int prefixLength)
    {
        var m = Prefix.Match(paragraph);
        prefixLength = m.Success ? m.Length : 0;
        if (!m.Success) return null;
        return Chinese ? ChineseNumber(m.Groups[1].Value) : int.Parse(m.Groups[1].Value);
    }

    public static int? ChineseNumber(string s)
    {
        const string digits = "零一二三四五六七八九";
        int total = 0, current = 0;
        foreach (var c in s)
        {
            var d = digits.IndexOf(c);
            if (d >= 0) { current = d; continue; }
            var unit = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}

/// <summary>Which paragraphs become numbered list items: runs that count 1, 2, 3… without gaps.</summary>
public static class ListPlanner
{
    public sealed record Item(ListKind Kind, int Run, int PrefixLength);

    public static Dictionary<int, Item> Plan(IReadOnlyList<string> paragraphs, IEnumerable<ListKind> kinds)
    {
        var plan = new Dictionary<int, Item>();
        var run = 0;
        foreach (var kind in kinds)
        {
            var members = new List<(int Index, int Prefix)>();
            var expected = 1;
            void Flush()
            {
                if (members.Count >= 2)
                {
                    run++;
                    foreach (var (i, p) in members) plan[i] = new Item(kind, run, p);
                }
                members.Clear();
            }
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (plan.ContainsKey(i) || kind.Number(paragraphs[i], out var prefix) is not { } n) continue;
                if (n == expected) { members.Add((i, prefix)); expected++; }
                else if (n == 1) { Flush(); members.Add((i, prefix)); expected = 2; }
                else { Flush(); expected = 1; }
            }
            Flush();
        }
        return plan;
    }
}
