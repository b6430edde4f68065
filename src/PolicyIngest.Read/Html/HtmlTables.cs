using AngleSharp.Dom;

namespace PolicyIngest.Read.Html;

/// <summary>A data table's grid: rows of cell texts with rowspan and colspan expanded, so that column j is column j in every row.</summary>
public static class HtmlTables
{
    /// <summary>A table that holds no other table and has at least two rows of two or more cells: data, not layout.</summary>
    public static bool IsData(IElement table) =>
        table.LocalName == "table" && table.QuerySelector("table") is null
        && Rows(table).Count(r => r.Children.Count(c => c.LocalName is "td" or "th") >= 2) >= 2;

    private static IEnumerable<IElement> Rows(IElement table) =>
        table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table);

    /// <summary>
    /// One TableRow block per row: its text is the row's own cells as printed (a spanned cell only where it stands), its
    /// <see cref="PolicyIngest.Core.Model.TextBlock.Cells"/> the expanded grid row.
    /// </summary>
    public static void AddBlocks(IElement table, List<PolicyIngest.Core.Model.TextBlock> blocks, Func<IElement, string> cellText)
    {
        var number = (blocks.LastOrDefault(b => b.Table is not null)?.Table ?? 0) + 1;
        foreach (var (own, cells) in Grid(table, cellText))
        {
            var text = string.Join(" ", own.Where(c => c.Length > 0));
            if (text.Length > 0)
                blocks.Add(new PolicyIngest.Core.Model.TextBlock(text, Kind: PolicyIngest.Core.Model.TextBlockKind.TableRow, Cells: cells, Table: number));
        }
    }

    public static List<(List<string> Own, List<string> Cells)> Grid(IElement table, Func<IElement, string> cellText)
    {
        var grid = new List<(List<string>, List<string>)>();
        var pending = new Dictionary<int, (string Text, int Left)>();   // column → text still spanning down, rows left
        foreach (var tr in Rows(table))
        {
            var row = new List<string>();
            var own = new List<string>();
            var col = 0;
            void TakePending()
            {
                while (pending.TryGetValue(col, out var p))
                {
                    row.Add(p.Text);
                    if (p.Left <= 1) pending.Remove(col); else pending[col] = (p.Text, p.Left - 1);
                    col++;
                }
            }
            foreach (var cell in tr.Children.Where(c => c.LocalName is "td" or "th"))
            {
                TakePending();
                var text = cellText(cell);
                own.Add(text);
                var colspan = Math.Clamp(Span(cell, "colspan"), 1, 50);
                var rowspan = Math.Clamp(Span(cell, "rowspan"), 1, 500);
                for (var k = 0; k < colspan; k++)
                {
                    row.Add(text);
                    if (rowspan > 1) pending[col] = (text, rowspan - 1);
                    col++;
                }
            }
            TakePending();
            if (row.Any(c => c.Length > 0)) grid.Add((own, row));
        }
        return grid;
    }

    private static int Span(IElement cell, string name) =>
        int.TryParse(cell.GetAttribute(name), out var n) ? n : 1;
}
