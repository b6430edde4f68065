using System.Globalization;

namespace PolicyIngest.Core;

public static class DecimalText
{
    /// <summary>Invariant text of a decimal with trailing fractional zeros removed.</summary>
    public static string Canonical(decimal value)
    {
        var s = value.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        return s == "-0" ? "0" : s;
    }
}
