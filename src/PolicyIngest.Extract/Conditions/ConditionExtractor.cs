using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>The eligibility conditions of one support clause and what it pays (null when it names no award).</summary>
public sealed record ConditionFindings(IReadOnlyList<EligibilityCondition> Conditions, AwardAmount? Amount)
{
    public static readonly ConditionFindings None = new([], null);
}

/// <summary>
/// Reads eligibility conditions and the award out of one support clause. Pure: text in, records out.
/// The clause is cut into phrases; each phrase is read for every typed condition (place, sector, title, new title,
/// threshold, time window, exclusion). A phrase of a condition list that states a requirement none of them reads
/// is kept as <see cref="ConditionType.Other"/> with its text, never dropped.
/// </summary>
public static partial class ConditionExtractor
{
    /// <param name="text">The clause text, as stored (spans are offsets into it).</param>
    /// <param name="heading">The clause's heading (申报条件, 支持对象 …), when there is one: it says the clause lists conditions.</param>
    /// <param name="place">What the document means by 本市/本区; unknown leaves those words as written.</param>
    public static ConditionFindings Extract(string text, string? heading = null, PlaceContext? place = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return ConditionFindings.None;
        place ??= PlaceContext.Unknown;
        var pieces = ClausePieces.Split(text);
        var listsConditions = (heading is not null && ConditionHeading().IsMatch(heading)) || ConditionLead().IsMatch(text);
        var pays = Pays().IsMatch(text);
        var conditions = new List<EligibilityCondition>();
        Piece? previous = null;
        var items = new ExcludedItems(text);
        var itemSentences = new List<(EligibilityCondition Item, int Sentence)>();
        var ruledSentences = new HashSet<int>();
        foreach (var piece in pieces)
        {
            var typed = Regions.Find(piece, place)
                .Concat(Industries.Find(piece, pays))
                .Concat(Titles.Find(piece))
                .Concat(Thresholds.Find(piece))
                .Concat(TimeWindows.Find(piece))
                .Concat(Exclusions.Find(piece))
                .ToList();
            // The titles and sectors an exclusion names are the ones it leaves out (获得…支持的“小巨人”企业不纳入支持范围).
            if (typed.Any(c => c.Type == ConditionType.Exclusion))
                typed.RemoveAll(c => c.Type is ConditionType.Title or ConditionType.NewTitle or ConditionType.Industry);
            // 改造后引入的业态应为战略性新兴产业…; 吸引“专精特新”企业入驻: the sectors and titles a project or park is to bring in
            // are its future tenants', not the applicant's.
            if (Tenants().IsMatch(text.AsSpan(piece.SentenceStart, Math.Max(0, Math.Min(piece.SentenceEnd, text.Length) - piece.SentenceStart))))
                typed.RemoveAll(c => c.Type is ConditionType.Title or ConditionType.NewTitle or ConditionType.Industry);
            // 同一企业获得同类资金最多不超过三年: a count in a no-double-support rule limits the support, it asks nothing of the applicant.
            if (typed.Any(c => c.Rule is ExclusionRule.NoDoubleSupport or ExclusionRule.HighestOnly))
                typed.RemoveAll(c => c.Type == ConditionType.Threshold);
            // 有下列情形之一的，不予资助：the rest of a list's lead states the rule its items carry, it is not one itself.
            if (items.InLead(piece)) typed.RemoveAll(c => c.Type == ConditionType.Exclusion);
            var covered = items.Covers(piece);
            if (typed.Any(c => c.Type == ConditionType.Exclusion)) ruledSentences.Add(piece.SentenceStart);
            else if (covered && Exclusions.ExcludedItem(piece) is { } item)
            {
                typed.Add(item);
                itemSentences.Add((item, piece.SentenceStart));
            }
            items.Read(piece);
            if (typed.Count == 0 && listsConditions && Requirement().IsMatch(piece.Text))
            {
                typed.Add(new EligibilityCondition { Type = ConditionType.Other, Span = piece.Span });
            }
            // （1）年营业收入不低于10亿元，或细分行业市场占有率全国前10名: a phrase opening with 或 is an alternative to the one before.
            // Exclusions are not grouped: any one of them rules the applicant out.
            if (OrLead().IsMatch(piece.Text) && typed.Any(Groupable) && previous is { } p && p.SentenceStart == piece.SentenceStart)
            {
                var group = conditions.Where(c => c.Span.Start == p.Start).Select(c => c.Alternative).FirstOrDefault(a => a is not null) ?? $"或{p.Start}";
                for (var i = conditions.Count - 1; i >= 0 && conditions[i].Span.Start == p.Start; i--)
                    if (Groupable(conditions[i])) conditions[i] = conditions[i] with { Alternative = group };
                typed = typed.Select(c => Groupable(c) ? c with { Alternative = group } : c).ToList();
            }
            conditions.AddRange(typed);
            if (typed.Any(Groupable)) previous = piece;
        }
        // An item that states its own rule (…已含…的，或已享受区级相同或类似补贴政策的) is that one rule.
        foreach (var (item, sentence) in itemSentences)
        {
            if (ruledSentences.Contains(sentence)) conditions.Remove(item);
        }
        return new ConditionFindings(MergeExclusions(text, ExclusiveBoundaries(conditions)), AwardAmounts.Find(text, pieces));
    }

    /// <summary>
    /// Where a list of excluded items runs (有下列情形之一的不得申报：（1）…的；（2）…的。): from the sentence after its lead, while
    /// the sentences open with the first item's kind of marker (or none); a sentence opening with another kind (3. 申报单位应…)
    /// ends it.
    /// </summary>
    private sealed class ExcludedItems(string text)
    {
        private int _leadEnd = -1;
        private char? _marker;
        private int _sentence = -1;
        private bool _open;

        public bool Covers(Piece piece)
        {
            if (!_open || piece.SentenceStart <= _leadEnd) return false;
            if (piece.SentenceStart != _sentence)
            {
                _sentence = piece.SentenceStart;
                var kind = ClausePieces.MarkerKind(text, piece.SentenceStart);
                _marker ??= kind;
                if (kind != '\0' && kind != _marker) _open = false;
            }
            return _open;
        }

        private int _leadPieceEnd = -1;

        /// <summary>A phrase of the lead's own sentence before its colon (有下列情形之一的，不予资助：).</summary>
        public bool InLead(Piece piece) =>
            _open && piece.SentenceEnd == _leadEnd && piece.Start >= _leadPieceEnd && text.AsSpan(_leadPieceEnd, piece.Start - _leadPieceEnd).IndexOfAny("：:") < 0;

        public void Read(Piece piece)
        {
            if (!Exclusions.LeadsExcludedItems(piece)) return;
            _open = true;
            _leadEnd = piece.SentenceEnd;
            _leadPieceEnd = piece.End;
            _marker = null;
        }
    }

    /// <summary>
    /// Steps of one scale do not overlap: after 100—500亩（含500亩）, 500亩以上 starts above 500. A floor equal to a ceiling
    /// stated earlier in the clause on the same unit is strict.
    /// </summary>
    private static List<EligibilityCondition> ExclusiveBoundaries(List<EligibilityCondition> conditions)
    {
        var result = new List<EligibilityCondition>(conditions.Count);
        foreach (var c in conditions)
        {
            var steppedUp = c is { Type: ConditionType.Threshold, Op: ComparisonOp.AtLeast }
                && result.Any(p => p is { Type: ConditionType.Threshold, Op: ComparisonOp.AtMost } && p.Span.Start < c.Span.Start
                    && p.Unit == c.Unit && p.Normalized == c.Normalized && result.Any(q => q.Span == p.Span && q.Op == ComparisonOp.AtLeast));
            result.Add(steppedUp ? c with { Op = ComparisonOp.MoreThan } : c);
        }
        return result;
    }

    /// <summary>
    /// One exclusion stated over several phrases of a sentence (申报单位涉嫌违法犯罪，正在接受相关部门立案调查的) is one
    /// condition: neighbouring exclusions of the same rule in a sentence become one spanning both.
    /// </summary>
    private static List<EligibilityCondition> MergeExclusions(string text, List<EligibilityCondition> conditions)
    {
        var result = new List<EligibilityCondition>();
        foreach (var c in conditions)
        {
            var previous = result.LastOrDefault(r => r.Type == ConditionType.Exclusion);
            if (c.Type == ConditionType.Exclusion && previous is not null && previous.Rule == c.Rule
                && previous.Span.End < c.Span.Start && text.AsSpan(previous.Span.End, c.Span.Start - previous.Span.End).IndexOfAny("。；;\n") < 0)
            {
                var merged = previous with { Span = new TextSpan(text[previous.Span.Start..c.Span.End], previous.Span.Start) };
                result[result.LastIndexOf(previous)] = merged;
                continue;
            }
            result.Add(c);
        }
        return result;
    }

    private static bool Groupable(EligibilityCondition c) => c.Type is not (ConditionType.Exclusion or ConditionType.Other);

    /// <summary>A sentence about whom a project or park brings in (引入的业态, 吸引…企业入驻, 招引…入驻).</summary>
    [GeneratedRegex("引入的(?:业态|产业|企业|项目)|(?:吸引|招引|引入)[^，。；;]{0,20}?入驻")]
    private static partial Regex Tenants();

    [GeneratedRegex("^(?:或者|或)(?!其他|类似)")]
    private static partial Regex OrLead();

    /// <summary>A clause that pays something to its applicants (给予…奖励, 一次性补贴).</summary>
    [GeneratedRegex("给予|予以|奖励|补贴|补助|资助|贴息")]
    private static partial Regex Pays();

    [GeneratedRegex("条件|对象|要求|资格|范围|标准")]
    private static partial Regex ConditionHeading();

    [GeneratedRegex("申报条件|申请条件|支持条件|应(?:当)?(?:同时)?(?:符合|具备|满足)(?:以下|下列|如下)")]
    private static partial Regex ConditionLead();

    /// <summary>A phrase that asks something of the applicant.</summary>
    [GeneratedRegex("^(?:具有|具备|拥有|有|无|应|须|需|必须|建立|设有|配备|开展|取得)|应当|应具|须|必须|需具备|良好|健全|完善")]
    private static partial Regex Requirement();
}
