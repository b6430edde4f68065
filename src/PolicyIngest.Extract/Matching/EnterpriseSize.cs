namespace PolicyIngest.Extract.Matching;

/// <summary>企业规模 as the enterprise's profile shows it.</summary>
public enum SizeClass { Large, Medium, Small, Micro }

/// <summary>
/// The size class of an enterprise by the national 中小企业划型标准规定 (工信部联企业〔2011〕300号): the bars on 从业人员
/// and 营业收入 of the enterprise's trade. A class is given only when the profile has both figures the trade's bars use
/// (a trade with one bar needs that one); otherwise none, and a size condition stays unknown.
/// </summary>
public static class EnterpriseSize
{
    /// <summary>One trade's bars: medium, small, micro as (employees at least, revenue in yuan at least); large = above the medium ceiling.</summary>
    private sealed record Bars(string[] Trades, int LargeEmployees, decimal? LargeRevenue, int MediumEmployees, decimal? MediumRevenue,
        int SmallEmployees, decimal? SmallRevenue);

    private const decimal Wan = 10_000m;

    private static readonly Bars[] Table =
    [
        new(["软件", "信息技术服务", "信息服务", "人工智能", "大模型", "互联网"], 300, 10_000 * Wan, 100, 1_000 * Wan, 10, 50 * Wan),
        new(["零售", "便利店", "超市", "商场"], 300, 20_000 * Wan, 50, 500 * Wan, 10, 100 * Wan),
        new(["批发"], 200, 40_000 * Wan, 20, 5_000 * Wan, 5, 1_000 * Wan),
        new(["餐饮", "住宿", "酒店"], 300, 10_000 * Wan, 100, 2_000 * Wan, 10, 100 * Wan),
        new(["制造", "加工", "冶炼", "纺织", "工业", "仪器仪表", "装备", "零部件", "器械", "诊断"], 1000, 40_000 * Wan, 300, 2_000 * Wan, 20, 300 * Wan),
    ];

    /// <summary>The trades not listed (其他未列明行业) are divided by employees only.</summary>
    private static readonly Bars Other = new([], 300, null, 100, null, 10, null);

    public static SizeClass? Of(IReadOnlyList<string>? industries, int? employees, decimal? revenue)
    {
        var bars = Table.FirstOrDefault(b => (industries ?? []).Any(i => b.Trades.Any(t => i.Contains(t, StringComparison.Ordinal)))) ?? Other;
        if (employees is not { } n) return null;
        if (bars.LargeRevenue is not null && revenue is null) return null;
        // Large: at or above both ceilings (300号: 从业人员 X 人及以上，且营业收入 Y 万元及以上).
        if (n >= bars.LargeEmployees && (bars.LargeRevenue is not { } lr || revenue >= lr)) return SizeClass.Large;
        if (n >= bars.MediumEmployees && (bars.MediumRevenue is not { } mr || revenue >= mr)) return SizeClass.Medium;
        if (n >= bars.SmallEmployees && (bars.SmallRevenue is not { } sr || revenue >= sr)) return SizeClass.Small;
        return SizeClass.Micro;
    }

    /// <summary>The classes a title names (中小企业 → medium, small, micro), or null when it names no size class.</summary>
    public static IReadOnlySet<SizeClass>? Named(string title)
    {
        var t = title.Replace("型", "", StringComparison.Ordinal);
        if (t.Contains("专精特新", StringComparison.Ordinal) || t.Contains("科技型", StringComparison.Ordinal) || t.Contains("科技", StringComparison.Ordinal)) return null;
        if (t.Contains("中小微", StringComparison.Ordinal)) return new HashSet<SizeClass> { SizeClass.Medium, SizeClass.Small, SizeClass.Micro };
        if (t.Contains("小微", StringComparison.Ordinal)) return new HashSet<SizeClass> { SizeClass.Small, SizeClass.Micro };
        if (t.Contains("中小", StringComparison.Ordinal)) return new HashSet<SizeClass> { SizeClass.Medium, SizeClass.Small, SizeClass.Micro };
        if (t.Contains("大企业", StringComparison.Ordinal) || t.Contains("大型企业", StringComparison.Ordinal)) return new HashSet<SizeClass> { SizeClass.Large };
        return null;
    }

    public static string Chinese(SizeClass size) => size switch
    {
        SizeClass.Large => "大型", SizeClass.Medium => "中型", SizeClass.Small => "小型", _ => "微型",
    };
}
