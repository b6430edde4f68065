using PolicyIngest.Catalogue;

namespace PolicyIngest.Track;

/// <summary>A policy in force whose validity ends soon: its end, the days left, and what the end rests on.</summary>
public sealed record ExpiringPolicy(TrackedVersion Version, DateOnly ExpiresOn, int DaysLeft, ValidityRow? Validity)
{
    /// <summary>The sentence (or page field, or later document) the end rests on, for people.</summary>
    public string Basis => ValidityReport.EndBasis(Validity) ?? "未记录";
}

/// <summary>
/// Validity as an analyst reads it, each with the sentence it rests on: the expiring list of <c>changes</c> and the web,
/// the 已失效 reason, and the reason a later document gives for changing an end (有效期调整). Chinese, like what it quotes.
/// </summary>
public static class ValidityReport
{
    /// <summary>Current versions in force whose end falls within <paramref name="days"/> days of <paramref name="asOf"/>, soonest first.</summary>
    public static IReadOnlyList<ExpiringPolicy> Expiring(TrackStore store, DateOnly asOf, int days)
    {
        var validity = new ValidityStore(store.Catalogue);
        return [.. store.ExpiringWithin(asOf, days).Select(v =>
            new ExpiringPolicy(v, v.ExpiresOn!.Value, v.ExpiresOn.Value.DayNumber - asOf.DayNumber, validity.Of(v.Id)))];
    }

    /// <summary>What a version's end rests on: a later document's change, else the document's own sentence or page field.</summary>
    public static string? EndBasis(ValidityRow? row) => row?.ChangeReason ?? row?.ExpiresOn?.Describe();

    /// <summary>已失效 because the end has passed, and which sentence set that end.</summary>
    public static string Expired(DateOnly expiresOn, ValidityRow? row) =>
        $"有效期至{Day(expiresOn)}届满" + (EndBasis(row) is { } basis ? $"，依据：{basis}" : "（依据未记录）");

    /// <summary>The 已失效 reason of a stored version (for <c>changes</c>).</summary>
    public static string Expired(TrackStore store, TrackedVersion v) =>
        Expired(v.ExpiresOn!.Value, new ValidityStore(store.Catalogue).Of(v.Id));

    /// <summary>尚未生效 until the start, and which sentence set it.</summary>
    public static string NotYetEffective(DateOnly effectiveFrom, ValidityRow? row) =>
        $"自{Day(effectiveFrom)}起施行" + (row?.EffectiveFrom is { } b ? $"，依据：{b.Describe()}" : "（依据未记录）");

    /// <summary>The reason an expired or not yet effective version has its status (the other statuses have a stored reason); else null.</summary>
    public static string? StatusReason(string status, DateOnly? effectiveFrom, DateOnly? expiresOn, ValidityRow? row) => status switch
    {
        "expired" when expiresOn is { } end => Expired(end, row),
        "not_yet_effective" when effectiveFrom is { } start => NotYetEffective(start, row),
        _ => null,
    };

    /// <summary>有效期由《…》（…号）延长至2027年12月31日：&lt;sentence&gt; (调整至 when the new end is earlier).</summary>
    public static string Changed(TrackedVersion by, DateOnly? before, DateOnly after, string sentence) =>
        $"有效期由《{by.Title}》{(by.DocNumber is null ? "" : $"（{by.DocNumber}）")}{(before is { } b && after < b ? "调整至" : "延长至")}{Day(after)}：{sentence}";

    public static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
