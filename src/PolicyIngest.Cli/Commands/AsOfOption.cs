using System.CommandLine;
using System.Globalization;
using PolicyIngest.Core;

namespace PolicyIngest.Cli.Commands;

/// <summary>`--as-of DATE`: the day status and expiry are computed for (default: today in Asia/Shanghai).</summary>
public static class AsOfOption
{
    public static Option<string?> Create() => new("--as-of") { Description = "compute status as of this date (yyyy-MM-dd; default today)" };

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The date asked for, or today (the settings' clock); null (after printing a usage error) when the text is not a date.</summary>
    public static DateOnly? Resolve(CliContext ctx, string? text, string option = "--as-of")
    {
        if (text is null) return ctx.Today;
        if (TryParseDate(text, out var d)) return d;
        ctx.Err.WriteLine($"error: {option} {text}: expected a date as yyyy-MM-dd");
        return null;
    }
}
