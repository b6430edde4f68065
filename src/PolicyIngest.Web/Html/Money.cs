using PolicyIngest.Core;

namespace PolicyIngest.Web.Html;

/// <summary>Yuan written the way the documents write them: 30万元, 1.5亿元, 500元, 100元/亩. Exact decimal arithmetic.</summary>
public static class Money
{
    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;

    public static string Format(decimal yuan, decimal? yuanHigh = null, string unit = "元")
    {
        var suffix = unit.StartsWith('元') ? unit[1..] : "";
        if (yuanHigh is { } high && high != yuan)
        {
            var scale = Scale(Math.Max(yuan, high));
            return $"{Number(yuan, scale.Divisor)}–{Number(high, scale.Divisor)}{scale.Name}元{suffix}";
        }
        var s = Scale(yuan);
        return $"{Number(yuan, s.Divisor)}{s.Name}元{suffix}";
    }

    // A round 万/亿 reads better than 300000元; an odd 12345元 stays in 元.
    private static (decimal Divisor, string Name) Scale(decimal yuan) => Math.Abs(yuan) switch
    {
        >= Yi => (Yi, "亿"),
        >= Wan when yuan % 100m == 0 => (Wan, "万"),
        _ => (1m, ""),
    };

    private static string Number(decimal yuan, decimal divisor) => DecimalText.Canonical(yuan / divisor);
}
