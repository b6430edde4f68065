using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Amounts;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// What a clause pays, from the amounts and rates <see cref="AmountPhrases"/> finds in it: one fixed sum, one cap, a rate
/// of a base (its cap, when one follows in the same sentence, belongs to it), a list of sums for different cases
/// (tiers), or several different awards (mixed). Sums that are thresholds, funds or penalties are not awards.
/// </summary>
internal static partial class AwardAmounts
{
    [GeneratedRegex("一定比例")]
    private static partial Regex VagueRate();

    [GeneratedRegex("(?:给予|予以)[^，。；]{0,10}一定(?:的)?(?:资金|奖励|补贴|补助|扶持|支持)")]
    private static partial Regex VagueSum();

    [GeneratedRegex("(?:按|按照|给予|享受|奖励)(?<base>[^，。；]{2,24}?)(?:的)?一定比例")]
    private static partial Regex VagueBase();

    public static AwardAmount? Find(string text, IReadOnlyList<Piece> pieces)
    {
        var found = AmountPhrases.Find(text);
        var sums = found.Amounts.Where(a => a.Role is AmountRole.Fixed or AmountRole.Cap or AmountRole.Range).ToList();
        var rates = found.Rates.Where(r => r.Role is RateRole.Rate or RateRole.RateCap).ToList();
        // A price per thing (元/亩, 元/人/夜) or per increment (每满一万人奖励一万元) is a rate on a count; a sum per
        // period (元/年, 元/月) is still a sum.
        var perUnit = sums.Where(a => (a.Unit.Contains('/') && !PerPeriod().IsMatch(a.Unit)) || a.Condition?.StartsWith("每满", StringComparison.Ordinal) == true).ToList();
        sums = sums.Except(perUnit).ToList();

        if (sums.Count == 0 && rates.Count == 0 && perUnit.Count == 0)
        {
            if (VagueRate().Match(text) is { Success: true } vr)
            {
                var b = VagueBase().Match(text);
                return new AwardAmount { Kind = AwardKind.Rate, Span = SpanAt(text, pieces, vr.Index), Base = b.Success ? b.Groups["base"].Value : null };
            }
            if (VagueSum().Match(text) is { Success: true } vs) return new AwardAmount { Kind = AwardKind.Fixed, Span = SpanAt(text, pieces, vs.Index) };
            return null;
        }

        // A cap in the sentence of a rate bounds that rate: 按投资总额20%给予支持，最高600万元.
        var capsOfRates = sums.Where(a => a.Role == AmountRole.Cap && rates.Any(r => r.Start < a.Start && SameSentence(text, r.Start, a.Start))).ToList();
        var standalone = sums.Except(capsOfRates).ToList();
        var items = standalone.Count + rates.Count + perUnit.Count;
        var max = sums.Count > 0 ? sums.Max(a => a.YuanHigh ?? a.Yuan) : (decimal?)null;
        var firstAt = new[] { sums.Select(a => a.Start), rates.Select(r => r.Start), perUnit.Select(a => a.Start) }.SelectMany(x => x).Min();
        var span = SpanAt(text, pieces, firstAt);

        if (items == 1 && rates.Count == 1)
        {
            var r = rates[0];
            return new AwardAmount
            {
                Kind = AwardKind.Rate, Span = span, MaxYuan = max,
                Rate = (r.PercentHigh ?? r.Percent) / 100m, RateMin = r.PercentHigh is null ? null : r.Percent / 100m, Base = r.Base,
            };
        }
        if (items == 1 && perUnit.Count == 1)
        {
            var p = perUnit[0];
            return new AwardAmount { Kind = AwardKind.Rate, Span = span, Rate = p.Yuan, Base = p.Condition?.StartsWith("每满", StringComparison.Ordinal) == true ? p.Condition : p.Unit };
        }
        // One rate and ceilings on it stated apart (按票面利息的40%给予贴息。单家企业年度不超过50万元): still one rate.
        if (rates.Count == 1 && perUnit.Count == 0 && standalone.Count == 1 && standalone[0].Role == AmountRole.Cap)
        {
            var r = rates[0];
            return new AwardAmount
            {
                Kind = AwardKind.Rate, Span = span, MaxYuan = max,
                Rate = (r.PercentHigh ?? r.Percent) / 100m, RateMin = r.PercentHigh is null ? null : r.Percent / 100m, Base = r.Base,
            };
        }
        if (items == 1)
        {
            var a = standalone[0];
            var kind = a.Role == AmountRole.Fixed ? AwardKind.Fixed : AwardKind.Cap;
            return new AwardAmount { Kind = kind, Span = span, MinYuan = kind == AwardKind.Fixed ? a.Yuan : null, MaxYuan = a.YuanHigh ?? a.Yuan };
        }

        var tiers = standalone.Select(a => new AwardTier(a.Condition, a.YuanHigh ?? a.Yuan, null, a.Text))
            .Concat(rates.Select(r => new AwardTier(null, null, (r.PercentHigh ?? r.Percent) / 100m, r.Text)))
            .Concat(perUnit.Select(a => new AwardTier(a.Condition, a.Yuan, null, a.Text)))
            .ToList();
        // Sums of one kind for different cases (分别给予20万元、50万元) are tiers; caps or rates beside sums are different awards.
        var isTiers = (rates.Count == 0 && capsOfRates.Count == 0 && standalone.All(a => a.Role == AmountRole.Fixed))
            || (standalone.Count == 0 && perUnit.Count == 0 && capsOfRates.Count == 0);
        return new AwardAmount
        {
            Kind = isTiers ? AwardKind.Tiers : AwardKind.Mixed,
            Span = span,
            MinYuan = isTiers && standalone.Count > 0 ? standalone.Min(a => a.Yuan) : null,
            MaxYuan = max,
            Tiers = tiers,
        };
    }

    [GeneratedRegex("元/(?:年|月|学年|学期|天|日)$")]
    private static partial Regex PerPeriod();

    private static bool SameSentence(string text, int a, int b) => text.AsSpan(a, b - a).IndexOfAny("。；;\n") < 0;

    private static TextSpan SpanAt(string text, IReadOnlyList<Piece> pieces, int at)
    {
        var piece = pieces.FirstOrDefault(p => p.Start <= at && at < p.End);
        if (piece is null) return new TextSpan(text, 0);
        return new TextSpan(text[piece.SentenceStart..Math.Min(piece.SentenceEnd, text.Length)], piece.SentenceStart);
    }
}
