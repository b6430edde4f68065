using System.Text.RegularExpressions;
using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Conditions;
using PolicyIngest.Extract.Matching;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// One support clause judged for an enterprise: its conditions (its own, its section's and its document's), what it may
/// pay. <see cref="Part"/> is 0 for the document's own clauses, N for its N-th attachment or guide card (<see cref="PartTitle"/>).
/// </summary>
public sealed record ClauseMatch(
    string PolicyId, string VersionId, string Title, string? Region, string? DocNumber, string ClauseId, string Label,
    string? Heading, string Text, ExpectedAmount? Amount, ClauseVerdict Verdict, IReadOnlyList<string> Conflicts,
    int Part = 0, string? PartTitle = null);

/// <summary>
/// What an enterprise can apply for on a date: the clauses it meets as far as its profile tells (no condition unmet and
/// at least one that says who the clause is for met: its sector, a title, a threshold), those it misses by one
/// condition, and the <see cref="Possible"/> ones: nothing unmet, but nothing in the profile shows the clause is for
/// this enterprise beyond its region (a 标准制修订 subsidy, a patent award: open to anyone who has the result).
/// </summary>
public sealed record MatchResult(DateOnly AsOf, IReadOnlyList<ClauseMatch> Matches, IReadOnlyList<ClauseMatch> Almost)
{
    public IReadOnlyList<ClauseMatch> Possible { get; init; } = [];
}

/// <summary>
/// 政策匹配 over the catalogue: every support clause of the policies in force on the date asked about, its eligibility
/// conditions read from its text (<see cref="ConditionExtractor"/>), joined by the conditions its document and its
/// section state for everything in them (an 适用范围 article, a card's 条件要求), and by the policy's own region when
/// the text names none; each judged against the profile (<see cref="ConditionMatcher"/>, <see cref="SectorFit"/>). A
/// clause with no unmet condition is a match when it shows fit (<see cref="ShowsFit"/>), else "possible"; one short of
/// a bar, title or date is "almost" (<see cref="IsAlmost"/>); all ordered by the most they may pay. Clauses that state
/// neither a condition nor an amount are left out: there is nothing to apply for.
/// </summary>
public sealed partial class PolicyMatchService(CatalogueStore catalogue)
{
    private const string SupportCategory = "support", ScopeCategory = "scope";

    public MatchResult Match(EnterpriseProfile profile, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var judged = JudgeAll(profile, asOf, cancellationToken);
        var open = judged.Where(m => m.Verdict.UnmetCount == 0).ToList();
        return new MatchResult(asOf, Ordered(open.Where(ShowsFit).ToList()), Ordered(judged.Where(m => IsAlmost(m, profile, asOf)).ToList()))
        {
            Possible = Ordered(open.Where(m => !ShowsFit(m)).ToList()),
        };
    }

    /// <summary>Every support clause of the policies in force on the date, judged, whatever the verdict.</summary>
    public IReadOnlyList<ClauseMatch> JudgeAll(EnterpriseProfile profile, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var versions = catalogue.ReadConsistently(() => new CatalogueReader(catalogue).Versions(asOf, VersionScope.Current)
            .Where(v => v.Status == PolicyStatus.InForce.ToId()).ToList());
        var judged = new List<ClauseMatch>();
        foreach (var version in versions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (catalogue.LoadDocument(version.VersionId) is not { } document) continue;
            judged.AddRange(Judge(profile, version, document, asOf));
        }
        return judged;
    }

    /// <summary>
    /// The support clauses of one document and of each of its parts (an attachment, a guide card), each with its
    /// conditions judged. A part's clauses take the part's own scope clauses (a card's 条件要求) and the document's
    /// top-level ones (an 适用范围 article covers its 实施细则 attachment); its region is the part's, else the document's.
    /// </summary>
    public static IEnumerable<ClauseMatch> Judge(EnterpriseProfile profile, VersionStatusRow version, PolicyDocument document, DateOnly asOf)
    {
        var sectors = new SectorFit(profile);
        var documentRegion = document.Region ?? version.Region;
        var documentScopes = Scopes(document, PlaceContexts.Of(documentRegion));
        var topLevelScopes = documentScopes.Where(s => s.Clause.Path.Count <= 1).Select(s => s with { Inherited = true }).ToList();
        foreach (var match in JudgePart(profile, sectors, version, document, documentScopes, documentRegion, asOf, 0, null))
            yield return match;
        for (var p = 0; p < document.Parts.Count; p++)
        {
            var part = document.Parts[p];
            if (!InForce(part, asOf)) continue;
            var region = part.Region ?? documentRegion;
            var scopes = Scopes(part, PlaceContexts.Of(region)).Concat(topLevelScopes).ToList();
            foreach (var match in JudgePart(profile, sectors, version, part, scopes, region, asOf, p + 1, part.Title))
                yield return match;
        }
    }

    private static List<(Clause Clause, ConditionFindings Findings, bool Inherited)> Scopes(PolicyDocument part, PlaceContext place) =>
        part.Clauses.Where(c => c.Category == ScopeCategory)
            .Select(c => (Clause: c, Findings: ConditionExtractor.Extract(c.Text, c.Heading, place), Inherited: false))
            .Where(s => s.Findings.Conditions.Count > 0)
            .ToList();

    private static IEnumerable<ClauseMatch> JudgePart(
        EnterpriseProfile profile, SectorFit sectors, VersionStatusRow version, PolicyDocument part,
        IReadOnlyList<(Clause Clause, ConditionFindings Findings, bool Inherited)> scopes, string? region, DateOnly asOf,
        int partNo, string? partTitle)
    {
        var place = PlaceContexts.Of(region);
        var cardFields = part.Clauses.Where(c => c.Kind == ClauseKind.CardField && c.Path.Count == 1).Select(c => c.Path[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var clause in part.Clauses.Where(c => c.Category == SupportCategory && IsMeasure(c, cardFields)))
        {
            var inherited = scopes.Where(s => s.Inherited || Covers(s.Clause, clause, cardFields)).SelectMany(s => s.Findings.Conditions).ToList();
            var whole = ConditionExtractor.Extract(clause.Text, clause.Heading, place);
            // The clause's sector is the same for each of its awards; it counts only for an award naming no industry.
            var sector = sectors.Judge(clause, partTitle);
            // Read on the whole clause, the same for each award: a numbered commerce item pays the outlets its head names
            // (蔬菜零售网点, 餐饮业), not all of 商贸流通业; a clause paying on a patent or a 版号 does so for each award (a yearly
            // total is still per patent); an item for firms trading or investing abroad (走出去, 外贸业务) is theirs only
            // when the profile shows such business.
            var ofClause = new[] { Trade.Judge(profile, clause.Text), HeldResult.Judge(profile, clause.Text), ForeignTrade.Judge(profile, clause.Text) }
                .OfType<ConditionVerdict>().ToList();
            ClauseMatch? best = null;
            var open = 0;
            var awards = Awards(clause, whole, place);
            foreach (var (conditionsOfAward, amount, awardText) in awards)
            {
                var conditions = conditionsOfAward.Concat(inherited).DistinctBy(c => (c.Type, c.Text)).ToList();
                if (conditions.Count == 0 && amount is null) continue;
                if (!conditions.Any(c => c.Type == ConditionType.Region) && PolicyRegion(region) is { } policyRegion)
                    conditions.Insert(0, policyRegion);
                var judged = new List<ConditionVerdict>();
                if (sector is not null && !conditions.Any(c => c.Type == ConditionType.Industry)) judged.Add(sector);
                // An award paid to a bank, a guarantor, a fund or a university is not the borrower's to apply for.
                if (Payee.Judge(profile, awardText) is { } payee) judged.Add(payee);
                judged.AddRange(ofClause);
                var verdict = ConditionMatcher.Evaluate(profile, conditions, asOf, judged);
                var match = new ClauseMatch(version.PolicyId, version.VersionId, version.Title, region, version.DocNumber,
                    clause.Id, clause.Label, clause.Heading, clause.Text, ConditionMatcher.Expected(profile, amount), verdict,
                    Conflicts(conditions), partNo, partTitle);
                if (verdict.UnmetCount == 0) open++;
                if (best is null || Better(match, best)) best = match;
            }
            if (best is null) continue;
            // Several awards open to the enterprise, or the one it is closest to states no sum: the clause's sum as a whole.
            if (awards.Count > 1 && (open > 1 || best.Amount is null))
                best = best with { Amount = ConditionMatcher.Expected(profile, whole.Amount) };
            yield return best;
        }
    }

    /// <summary>
    /// The awards a clause states, each with the conditions that are its own. An article often pays several applicants
    /// in turn (对首次升规的…企业给予20万元；对连续三年保持规上的…企业每年给予10万元): each sentence that states an amount
    /// is an award with the conditions written in it, plus those of the sentences that state none (the lead, shared by
    /// all); an enterprise needs to meet one award. A clause with one award or none is read whole.
    /// </summary>
    private static List<(IReadOnlyList<EligibilityCondition> Conditions, AwardAmount? Amount, string Text)> Awards(Clause clause, ConditionFindings whole, PlaceContext place)
    {
        var sentences = AwardSentence().Split(clause.Text).Where(t => t.Trim().Length > 0).ToList();
        if (sentences.Count < 2) return [(whole.Conditions, whole.Amount, clause.Text)];
        var read = sentences.Select(t => (Text: t, Findings: ConditionExtractor.Extract(t, clause.Heading, place))).ToList();
        var paying = read.Where(r => r.Findings.Amount is not null).ToList();
        if (paying.Count < 2) return [(whole.Conditions, whole.Amount, clause.Text)];
        var lead = read.Where(r => r.Findings.Amount is null).ToList();
        var shared = lead.SelectMany(r => r.Findings.Conditions).ToList();
        var sharedText = string.Concat(lead.Select(r => r.Text));
        return paying.Select(award => ((IReadOnlyList<EligibilityCondition>)[.. shared, .. award.Findings.Conditions], award.Findings.Amount, sharedText + award.Text)).ToList();
    }

    [GeneratedRegex("(?<=[。；;])")]
    private static partial Regex AwardSentence();

    /// <summary>The award an enterprise is closest to: fewer unmet conditions, then one its profile speaks for, then the larger sum.</summary>
    private static bool Better(ClauseMatch a, ClauseMatch b)
    {
        if (a.Verdict.UnmetCount != b.Verdict.UnmetCount) return a.Verdict.UnmetCount < b.Verdict.UnmetCount;
        if (ShowsFit(a) != ShowsFit(b)) return ShowsFit(a);
        return (a.Amount?.Max ?? -1m) > (b.Amount?.Max ?? -1m);
    }

    /// <summary>
    /// Whether a scope clause states conditions for <paramref name="clause"/>: it sits in one of the clause's enclosing
    /// sections (a document-level 适用范围 article covers every article), or anywhere in a field of a guide card (its
    /// 服务对象 and 条件要求, with their numbered items, cover the whole card).
    /// </summary>
    private static bool Covers(Clause scope, Clause clause, IReadOnlySet<string> cardFields)
    {
        if (scope.Path.Count > 0 && cardFields.Contains(scope.Path[0])) return true;
        var parent = scope.Path.Count == 0 ? 0 : scope.Path.Count - 1;
        if (clause.Path.Count < parent) return false;
        for (var i = 0; i < parent; i++)
            if (!string.Equals(scope.Path[i], clause.Path[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>
    /// "Almost": a clause that pays a stated amount and fails exactly one condition the enterprise could come to meet (a
    /// bar, a title, a date); a clause for another place or another sector is not almost, it is for someone else. Apart
    /// from that one condition it needs what a match needs (<see cref="ShowsFit"/>): a met condition other than the place,
    /// the classifier's sector, an open door or a legal form that says the clause is for this kind of enterprise, and the
    /// result an award is paid on named in the profile. A 独角兽 or 产业链龙头 award whose only other condition is the
    /// region is not one title away for any firm in the city; it is for someone else.
    /// </summary>
    public static bool IsAlmost(ClauseMatch match) =>
        match.Verdict.UnmetCount == 1 && match.Amount is not null
        && match.Verdict.Conditions.Where(v => v.State == ConditionState.Unmet).All(v => v.Condition.Type is not (ConditionType.Region or ConditionType.Industry))
        && ShowsFit(match);

    /// <summary>
    /// <see cref="IsAlmost(ClauseMatch)"/>, and the one unmet condition a near miss (<see cref="ConditionMatcher.NearMiss"/>):
    /// a bar the enterprise reaches at least half of, not a "首次…" title it has held for years.
    /// </summary>
    public static bool IsAlmost(ClauseMatch match, EnterpriseProfile profile, DateOnly asOf) =>
        IsAlmost(match) && match.Verdict.Conditions.All(v => ConditionMatcher.NearMiss(profile, v, asOf));

    /// <summary>
    /// Whether a met condition other than the place says the clause is for this enterprise (a sector its text names, a
    /// title, a bar it clears). The sector the classifier gave the clause does not: it says which field the measure is
    /// in (a robot card, a 新基建 card), not that the enterprise is the one it pays; with nothing else met the clause is
    /// "possible". Nor does a legal form (独立法人资格), true of nearly every company, nor an open door (…均可申报). An award paid on a result already
    /// held (a patent granted, a 版号) fits only when the profile names the result (<see cref="HeldResult"/>).
    /// </summary>
    public static bool ShowsFit(ClauseMatch match) =>
        match.Amount is not null &&
        // An award paid on a patent, a trademark, a 版号: only when the profile names the result.
        // An item for firms doing business abroad: only when the profile shows such business.
        !match.Verdict.Conditions.Any(v => (HeldResult.Is(v.Condition) || ForeignTrade.Is(v.Condition)) && v.State != ConditionState.Met) &&
        match.Verdict.Conditions.Any(v => v.State == ConditionState.Met && v.Condition.Type != ConditionType.Region
            && !SectorFit.IsClassified(v.Condition) && !OpenDoor().IsMatch(v.Condition.Text)
            && !(v.Condition.Type == ConditionType.Title && ConditionMatcher.IsLegalForm(v.Condition.Title ?? v.Condition.Text)));

    /// <summary>
    /// …的文化单位或机构均可申报: the door open to a whole class of applicants. It says who may apply, not that the
    /// projects the clause pays for (a stage production, an exhibition) are this enterprise's.
    /// </summary>
    [GeneratedRegex("均可(?:申报|申请)")]
    private static partial Regex OpenDoor();

    /// <summary>
    /// Whether an attachment or card is in force on the date: a card published after it (its own 发布日期) or ended
    /// before it (an end date of its own) is not, whatever the compilation holding it says.
    /// </summary>
    private static bool InForce(PolicyDocument part, DateOnly asOf) =>
        ((part.EffectiveFrom ?? part.IssuedOn) is not { } from || from <= asOf)
        && (part.ExpiresOn is not { } until || until >= asOf);

    /// <summary>In a guide card only its 服务内容 holds measures; 服务对象, 条件要求 and the rest describe them.</summary>
    private static bool IsMeasure(Clause clause, IReadOnlySet<string> cardFields) =>
        cardFields.Count == 0 || clause.Path.Count > 0 && clause.Path[0] == ContentField;

    private const string ContentField = "服务内容";

    /// <summary>A district or city policy is for enterprises there even when the clause does not say so.</summary>
    private static EligibilityCondition? PolicyRegion(string? region) =>
        string.IsNullOrWhiteSpace(region) ? null : new EligibilityCondition
        {
            Type = ConditionType.Region, Span = new TextSpan($"政策适用地区：{region}", -1), Place = region, Aspect = RegionAspect.Any,
        };

    /// <summary>The no-double-support rules a clause is subject to, as written (就高不重复, 不重复支持).</summary>
    private static IReadOnlyList<string> Conflicts(IEnumerable<EligibilityCondition> conditions) =>
        conditions.Where(c => c.Type == ConditionType.Exclusion && c.Rule is ExclusionRule.NoDoubleSupport or ExclusionRule.HighestOnly)
            .Select(c => c.Text).Distinct(StringComparer.Ordinal).ToList();

    private static List<ClauseMatch> Ordered(List<ClauseMatch> matches) =>
        matches.OrderByDescending(m => m.Amount?.Max ?? m.Amount?.Min ?? -1m)
            .ThenByDescending(m => m.Amount?.Min ?? -1m)
            .ThenBy(m => m.Verdict.Conditions.Count(c => c.State == ConditionState.Unknown))
            .ThenBy(m => m.VersionId, StringComparer.Ordinal).ThenBy(m => m.ClauseId, StringComparer.Ordinal)
            .ToList();
}
