using System.Globalization;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Amounts;

namespace PolicyIngest.Extract.Tests;

/// <summary>
/// Compact expectations for table rows: "300000 fixed", "100000..1000000 range", "500000 cap per=enterprise",
/// "300000 fixed cond=国际标准", "100 fixed unit=元/亩"; rates "10 rate base=上年度研发费用", "5..20 rate".
/// Several findings are separated by " ; ". Fields not named are not checked, except yuan/percent and role.
/// </summary>
internal static class PhraseExpectation
{
    public static string Describe(FoundAmount a) =>
        $"{Num(a.Yuan)}{(a.YuanHigh is { } h ? ".." + Num(h) : "")} {a.Role.ToId()} per={a.Per ?? "-"} cond={a.Condition?.Replace(' ', '_') ?? "-"} unit={a.Unit}";

    public static string Describe(FoundRate r) =>
        $"{Num(r.Percent)}{(r.PercentHigh is { } h ? ".." + Num(h) : "")} {r.Role.ToId()} base={r.Base ?? "-"}";

    public static void AssertAmounts(string text, string expected)
    {
        var found = AmountPhrases.Find(text).Amounts;
        var wants = Split(expected);
        var actual = string.Join(" ; ", found.Select(Describe));
        Assert.True(wants.Length == found.Count, $"'{text}': expected {wants.Length} amounts [{expected}], found {found.Count} [{actual}]");
        for (var i = 0; i < wants.Length; i++) AssertOne(text, wants[i], Describe(found[i]), actual);
    }

    public static void AssertRates(string text, string expected)
    {
        var found = AmountPhrases.Find(text).Rates;
        var wants = Split(expected);
        var actual = string.Join(" ; ", found.Select(Describe));
        Assert.True(wants.Length == found.Count, $"'{text}': expected {wants.Length} rates [{expected}], found {found.Count} [{actual}]");
        for (var i = 0; i < wants.Length; i++) AssertOne(text, wants[i], Describe(found[i]), actual);
    }

    private static void AssertOne(string text, string want, string got, string all)
    {
        var wantParts = want.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var gotParts = got.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var gotFields = gotParts.Skip(2).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.True(wantParts[0] == gotParts[0], $"'{text}': value {wantParts[0]} expected, got {gotParts[0]} (all: {all})");
        Assert.True(wantParts[1] == gotParts[1], $"'{text}': role {wantParts[1]} expected for {wantParts[0]}, got {gotParts[1]} (all: {all})");
        foreach (var field in wantParts.Skip(2))
        {
            var kv = field.Split('=', 2);
            Assert.True(gotFields.TryGetValue(kv[0], out var v) && v == kv[1], $"'{text}': {field} expected for {wantParts[0]}, got {kv[0]}={v} (all: {all})");
        }
    }

    private static string[] Split(string expected) =>
        expected.Length == 0 ? [] : expected.Split(" ; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Num(decimal d) => DecimalText.Canonical(d).ToString(CultureInfo.InvariantCulture);
}
