using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure;

/// <summary>The reader's table rows grouped into tables, each with the short line printed just above it as caption.</summary>
public static class TableBuilder
{
    private const int MaxCaptionLength = 100;

    public static IReadOnlyList<PolicyTable> From(IReadOnlyList<TextBlock> blocks)
    {
        var tables = new List<PolicyTable>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not { Kind: TextBlockKind.TableRow, Cells: { Count: > 0 } } first) continue;
            var rows = new List<IReadOnlyList<string>>();
            var j = i;
            while (j < blocks.Count && blocks[j] is { Kind: TextBlockKind.TableRow, Cells: { } cells } b && b.Table == first.Table)
            {
                rows.Add(cells);
                j++;
            }
            var caption = i > 0 && blocks[i - 1].Kind == TextBlockKind.Paragraph && blocks[i - 1].Text.Length <= MaxCaptionLength
                ? blocks[i - 1].Text
                : null;
            tables.Add(new PolicyTable(tables.Count + 1, first.Page, caption, rows));
            i = j - 1;
        }
        return tables;
    }
}
