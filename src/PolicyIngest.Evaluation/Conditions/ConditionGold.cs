using System.Globalization;
using System.Text.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Evaluation.Conditions;

/// <summary>One labelled clause of corpus/conditions-gold: its input, its conditions and amount, and which split it is in.</summary>
public sealed record ConditionUnit(string Id, string Source, string? Heading, string Text, bool HeldOut, IReadOnlyList<GoldCondition> Conditions, GoldAmount? Amount);

/// <summary>A gold condition: its type, its text (an exact substring of the unit), and the typed fields the strict score compares.</summary>
public sealed record GoldCondition(
    ConditionType Type, string Text, string? Place, string? Title, IReadOnlyList<string> Sectors,
    ComparisonOp? Op, decimal? Normalized, DateOnly? From, DateOnly? To, ExclusionRule? Rule);

public sealed record GoldAmount(AwardKind Kind, decimal? Max);

/// <summary>Reads units.jsonl, gold.jsonl and split.json (the schema of corpus/conditions-gold/README.md).</summary>
public static class ConditionGoldFile
{
    public static IReadOnlyList<ConditionUnit> Load(string folder)
    {
        var units = File.ReadLines(Path.Combine(folder, "units.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var gold = File.ReadLines(Path.Combine(folder, "gold.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(g => g.GetProperty("id").GetString()!, StringComparer.Ordinal);
        using var split = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "split.json")));
        var heldOut = split.RootElement.GetProperty("heldOut").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);

        var result = new List<ConditionUnit>();
        foreach (var u in units)
        {
            var id = u.GetProperty("id").GetString()!;
            var g = gold[id];
            result.Add(new ConditionUnit(
                id,
                u.GetProperty("source").GetString()!,
                Str(u, "heading"),
                u.GetProperty("text").GetString()!,
                heldOut.Contains(id),
                g.GetProperty("conditions").EnumerateArray().Select(ReadCondition).ToList(),
                g.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Object ? ReadAmount(a) : null));
        }
        return result;
    }

    private static GoldCondition ReadCondition(JsonElement c) => new(
        EnumIds.Parse<ConditionType>(c.GetProperty("type").GetString()!),
        c.GetProperty("text").GetString()!,
        Str(c, "place"),
        Str(c, "title"),
        c.TryGetProperty("sectors", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [],
        Str(c, "op") is { } op ? EnumIds.Parse<ComparisonOp>(op) : null,
        Dec(Str(c, "normalized")),
        Date(Str(c, "from")),
        Date(Str(c, "to")),
        Str(c, "rule") is { } rule ? EnumIds.Parse<ExclusionRule>(rule) : null);

    private static GoldAmount ReadAmount(JsonElement a) => new(
        EnumIds.Parse<AwardKind>(a.GetProperty("kind").GetString()!),
        Dec(Str(a, "max")));

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static decimal? Dec(string? s) =>
        s is not null && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static DateOnly? Date(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// What a unit's document means by 本市/我区/县内, from its source name as the gold README's rule 10 names them
    /// (002/000/001 Beijing, 000/001 the Huairou compilation; Tianhe, Guangzhou, Liuhe, Shanghai, Chongqing pages).
    /// </summary>
    public static PlaceContext PlaceOf(string source)
    {
        foreach (var (marker, place) in Places)
        {
            if (source.Contains(marker, StringComparison.Ordinal)) return place;
        }
        return PlaceContext.Unknown;
    }

    private static readonly (string Marker, PlaceContext Place)[] Places =
    [
        ("000_", new PlaceContext("北京市", "北京市", "怀柔区")),
        ("001_", new PlaceContext("北京市", "北京市", "怀柔区")),
        ("002_", new PlaceContext("北京市", "北京市")),
        ("tianhe", new PlaceContext("广东省", "广州市", "天河区")),
        ("guangzhou", new PlaceContext("广东省", "广州市")),
        ("guangdong", new PlaceContext("广东省")),
        ("liuhe", new PlaceContext("吉林省", "通化市", "柳河县")),
        ("shanghai", new PlaceContext(null, "上海市")),
        ("chongqing", new PlaceContext(null, "重庆市")),
        ("ningbo", new PlaceContext("浙江省", "宁波市")),
        ("zhejiang", new PlaceContext("浙江省")),
        ("xinyu", new PlaceContext("江西省", "新余市")),
    ];
}
