using System.Globalization;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Amounts;

/// <summary>
/// Sums printed as bare numbers in a table whose unit stands in its column header (收费标准（元/平方米）) or its caption
/// (单位：元/天·平方米). Each carries its row and column headers as the condition: 经营性占道 杭、宁、温三市所在地 / 主干道.
/// Cells that print their own unit are left to the clause text reader, so nothing is counted twice.
/// </summary>
public static partial class TableAmounts
{
    [GeneratedRegex(@"^(?<low>\d+(?:\.\d+)?)(?:\s*[-－—–~～至]\s*(?<high>\d+(?:\.\d+)?))?$")]
    private static partial Regex BareNumber();

    /// <summary>A money unit in a header or caption: （元/平方米）, 单位：万元, (元/天·平方米).</summary>
    [GeneratedRegex(@"(?:单位\s*[:：]\s*|[（(]\s*)(?<mult>万|亿)?元(?<per>/[^）)\s，。；]{1,12})?")]
    private static partial Regex MoneyUnit();

    public static IReadOnlyList<MonetaryAmount> Find(PolicyTable table, IReadOnlyList<Clause> clauses)
    {
        // Header rows: those above the first row that prints a number (a table may have two header lines: 收费标准 / 主干道).
        var firstData = table.Rows.ToList().FindIndex(r => r.Any(IsNumber));
        if (firstData < 1) return [];
        var captionUnit = table.Caption is null ? null : Unit(table.Caption);
        var found = new List<MonetaryAmount>();
        for (var r = firstData; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var above = r > firstData ? table.Rows[r - 1] : null;
            var clauseIndex = ClauseOf(row, above, clauses);
            if (clauseIndex < 0) continue;
            var rowHeads = row.TakeWhile(c => !IsNumber(c)).Where(c => c.Length > 0 && Unit(c) is null).Distinct().ToList();
            // A 计费单位 column: the row names its own unit (元/平方米).
            var rowUnit = row.Where(c => !IsNumber(c)).Select(c => IsBareUnit(c) ? Unit("（" + c.Trim() + "）") : null).FirstOrDefault(u => u is not null);
            for (var c = 0; c < row.Count; c++)
            {
                var m = BareNumber().Match(row[c].Trim());
                if (!m.Success) continue;
                var heads = Enumerable.Range(0, firstData).Select(h => c < table.Rows[h].Count ? table.Rows[h][c].Trim() : "")
                    .Where(h => h.Length > 0).Distinct().ToList();
                var columnHead = string.Join(" ", heads);
                if ((Unit(columnHead) ?? rowUnit ?? captionUnit) is not { } unit) continue;
                var low = decimal.Parse(m.Groups["low"].Value, CultureInfo.InvariantCulture) * unit.Multiplier;
                decimal? high = m.Groups["high"].Success ? decimal.Parse(m.Groups["high"].Value, CultureInfo.InvariantCulture) * unit.Multiplier : null;
                var condition = string.Join(" ", rowHeads) + (heads.Count > 0 ? $" / {string.Join(" ", heads.Where(h => !rowHeads.Contains(h)))}" : "");
                found.Add(new MonetaryAmount
                {
                    ClauseId = clauses[clauseIndex].Id,
                    Article = AmountExtractor.ArticleOf(clauses, clauseIndex),
                    Text = row[c].Trim(),
                    Yuan = low,
                    YuanHigh = high,
                    Unit = unit.Name,
                    Role = high is null ? AmountRole.Fixed : AmountRole.Range,
                    Condition = condition.Trim(' ', '/'),
                });
            }
        }
        return found;
    }

    private static bool IsNumber(string cell) => BareNumber().IsMatch(cell.Trim());

    private static bool IsBareUnit(string cell) => BareUnit().IsMatch(cell.Trim());

    [GeneratedRegex(@"^(万|亿)?元(/[^\s/]{1,8}){0,2}$")]
    private static partial Regex BareUnit();

    private sealed record MoneyUnitOf(string Name, decimal Multiplier);

    private static MoneyUnitOf? Unit(string text)
    {
        var m = MoneyUnit().Match(text);
        if (!m.Success) return null;
        var multiplier = m.Groups["mult"].Value switch { "万" => 10_000m, "亿" => 100_000_000m, _ => 1m };
        return new MoneyUnitOf("元" + m.Groups["per"].Value, multiplier);
    }

    /// <summary>
    /// The clause holding the row's text: it contains every number of the row and the row's own labels (a label merged
    /// down from the row above is printed only there).
    /// </summary>
    private static int ClauseOf(IReadOnlyList<string> row, IReadOnlyList<string>? above, IReadOnlyList<Clause> clauses)
    {
        var numbers = row.Where(IsNumber).Select(c => c.Trim()).ToList();
        var own = row.Where((c, k) => c.Length > 0 && !IsNumber(c) && (above is null || k >= above.Count || above[k] != c)).ToList();
        for (var i = 0; i < clauses.Count; i++)
        {
            var text = clauses[i].Text;
            if (numbers.All(n => text.Contains(n, StringComparison.Ordinal)) && own.All(h => text.Contains(h, StringComparison.Ordinal)))
                return i;
        }
        return -1;
    }
}
