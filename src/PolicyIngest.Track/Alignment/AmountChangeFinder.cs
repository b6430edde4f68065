using System.Text.Json.Serialization;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Alignment;

[JsonConverter(typeof(JsonStringEnumConverter<AmountChangeKind>))]
public enum AmountChangeKind
{
    [JsonStringEnumMemberName("increased")] Increased,
    [JsonStringEnumMemberName("decreased")] Decreased,
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("role_changed")] RoleChanged,
}

/// <summary>A sum that changed between versions; <see cref="PairIndex"/> is the aligned pair it belongs to.</summary>
public sealed record AmountChange(MonetaryAmount? Old, MonetaryAmount? New, AmountChangeKind Change, int PairIndex)
{
    /// <summary>
    /// The change end by end, as an analyst lists it: a range 三千元以上五万元以下 has a lower and an upper end, and each
    /// end is paired with the end of the other sum that plays the same part (a cap 二十万元以下 replaces the upper end;
    /// the lower end then has no successor). Ends with equal values are left out.
    /// </summary>
    public IReadOnlyList<(decimal? OldYuan, decimal? NewYuan)> EndChanges()
    {
        var olds = AmountSlot.Ends(Old);
        var news = AmountSlot.Ends(New);
        var result = new List<(decimal?, decimal?)>();
        if (olds.Count == 0) { result.AddRange(news.Select(e => ((decimal?)null, (decimal?)e.Yuan))); return result; }
        if (news.Count == 0) { result.AddRange(olds.Select(e => ((decimal?)e.Yuan, (decimal?)null))); return result; }
        var usedNew = new bool[news.Count];
        int Successor(AmountEnd o)
        {
            for (var k = 0; k < news.Count; k++) if (!usedNew[k] && news[k].Bound == o.Bound) return k;
            // A sum that names no end (处五十万元罚款) stands for whichever end is left on the other side.
            for (var k = 0; k < news.Count; k++)
                if (!usedNew[k] && (o.Bound == AmountBound.Exact && olds.Count == 1 || news[k].Bound == AmountBound.Exact && news.Count == 1)) return k;
            return -1;
        }
        foreach (var o in olds)
        {
            var k = Successor(o);
            if (k < 0) { result.Add((o.Yuan, null)); continue; }
            usedNew[k] = true;
            if (o.Yuan != news[k].Yuan) result.Add((o.Yuan, news[k].Yuan));
        }
        for (var k = 0; k < news.Count; k++) if (!usedNew[k]) result.Add((null, news[k].Yuan));
        return result;
    }
}

/// <summary>
/// Compares the documents' amounts inside each aligned group of provisions. Amounts are paired by what they are for
/// (<see cref="AmountSlot"/>): the same tier (情节严重 or not), compatible ends (an upper limit is not paired with a
/// lower one), the same kind of party fined or paid (a unit, a person) when both say; then by the words around them
/// (the sum itself masked), with a bonus for equal value and role. Paired sums that differ are increases, decreases or
/// role changes, unpaired ones are added or removed. In a merge each old provision is compared with the new one on its
/// own (two old articles with the same fines both find their successor sums).
/// </summary>
public static class AmountChangeFinder
{
    private const int ContextChars = 12;

    /// <summary>
    /// A sum (or, with <see cref="Rate"/> set, a percentage: <see cref="Amount"/> is then null) with the words around
    /// it; <see cref="Slot"/> is null when its text was not found in the provision.
    /// </summary>
    private sealed record Located(MonetaryAmount? Amount, string Context, double Position, AmountSlot? Slot, Rate? Rate = null);

    public static IReadOnlyList<AmountChange> Find(IReadOnlyList<AlignedPair> pairs, PolicyDocument oldDoc, PolicyDocument newDoc)
    {
        var oldByUnit = Locate(pairs.Select(p => p.Old), ByClause(oldDoc, d => d.Amounts), ByClause(oldDoc, d => d.Rates));
        var newByUnit = Locate(pairs.Select(p => p.New), ByClause(newDoc, d => d.Amounts), ByClause(newDoc, d => d.Rates));
        var changes = new List<AmountChange>();
        var groups = new Dictionary<string, (int First, List<AlignedPair> Members)>(StringComparer.Ordinal);
        for (var k = 0; k < pairs.Count; k++)
        {
            var key = GroupOf(pairs[k]);
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = (k, []);
            g.Members.Add(pairs[k]);
        }
        foreach (var (first, members) in groups.Values.OrderBy(g => g.First))
        {
            var oldKeys = members.Where(q => q.Old is not null).Select(q => q.Old!.Key).Distinct().ToList();
            var news = members.Where(q => q.New is not null).Select(q => q.New!.Key).Distinct()
                .SelectMany(key => newByUnit.GetValueOrDefault(key) ?? []).ToList();
            // A merge: each old provision against the new one on its own.
            var oldSets = members[0].Change == PairChange.Merged
                ? oldKeys.Select(key => oldByUnit.GetValueOrDefault(key) ?? []).ToList()
                : [oldKeys.SelectMany(key => oldByUnit.GetValueOrDefault(key) ?? []).ToList()];
            var usedNew = new bool[news.Count];
            var result = new List<(double Order, AmountChange Change)>();
            foreach (var olds in oldSets) result.AddRange(Compare(olds, news, first, usedNew));
            for (var n = 0; n < news.Count; n++)
                if (!usedNew[n] && news[n].Amount is { } added) result.Add((n, new AmountChange(null, added, AmountChangeKind.Added, first)));
            changes.AddRange(result.OrderBy(r => r.Order).Select(r => r.Change));
        }
        return changes;
    }

    /// <summary>A merge target, a split source or a single pair: the provisions whose sums are compared together.</summary>
    private static string GroupOf(AlignedPair p) => p.Change switch
    {
        PairChange.Merged => "n" + p.New!.Key,
        PairChange.Split => "o" + p.Old!.Key,
        _ => $"{p.Old?.Key}|{p.New?.Key}",
    };

    private static List<(double Order, AmountChange Change)> Compare(List<Located> olds, List<Located> news, int pairIndex, bool[] pairedNew)
    {
        var candidates = new List<(int O, int N, double Score)>();
        var oneSumEach = olds.Count(x => x.Amount is not null) == 1 && news.Count(x => x.Amount is not null) == 1;
        for (var o = 0; o < olds.Count; o++)
        for (var n = 0; n < news.Count; n++)
        {
            var (x, y) = (olds[o], news[n]);
            if (x.Slot is { } os && y.Slot is { } ns && !os.CompatibleWith(ns)) continue;
            var context = Similarity(x.Context, y.Context);
            var party = x.Slot is { Party.Length: > 0 } p1 && p1.Party == y.Slot?.Party;
            // A first penalty succeeds a first penalty, a fallback a fallback (Fallback of AmountSlot).
            var rank = x.Slot?.Fallback == y.Slot?.Fallback;
            var score = context + (party ? 0.25 : 0) + (rank ? 0.15 : 0) + 0.2 * (1 - Math.Abs(x.Position - y.Position));
            if (x.Amount is { } a && y.Amount is { } b)
            {
                var same = a.Yuan == b.Yuan && a.YuanHigh == b.YuanHigh && a.Role == b.Role;
                score += (same ? 0.5 : 0) + (a.Role == b.Role ? 0.1 : 0);
                if (context >= 0.25 || same || party || oneSumEach) candidates.Add((o, n, score));
            }
            else if (x.Rate is { } r && y.Rate is { } q)
            {
                var same = r.Percent == q.Percent && r.PercentHigh == q.PercentHigh;
                if (context >= 0.25 || same || party) candidates.Add((o, n, score + (same ? 0.5 : 0)));
            }
            // A sum and a percentage stand for one another only when both sentences name the same party
            // (对单位…二十万元 → 对单位…上一年度销售额百分之一): the sum was replaced by a share, not moved to a fallback.
            else if (party) candidates.Add((o, n, score));
        }
        var usedOld = new bool[olds.Count];
        var usedNew = new bool[news.Count];
        var result = new List<(double Order, AmountChange Change)>();
        foreach (var c in candidates.OrderByDescending(c => c.Score))
        {
            if (usedOld[c.O] || usedNew[c.N]) continue;
            usedOld[c.O] = usedNew[c.N] = pairedNew[c.N] = true;
            var a = olds[c.O].Amount;
            var b = news[c.N].Amount;
            // A sum succeeded by a percentage is gone (removed); a sum that took a percentage's place is new (added).
            if (a is not null && b is not null)
            {
                if (Classify(a, b) is { } k) result.Add((c.N, new AmountChange(a, b, k, pairIndex)));
            }
            else if (a is not null) result.Add((c.N, new AmountChange(a, null, AmountChangeKind.Removed, pairIndex)));
            else if (b is not null) result.Add((c.N, new AmountChange(null, b, AmountChangeKind.Added, pairIndex)));
        }
        for (var o = 0; o < olds.Count; o++)
            if (!usedOld[o] && olds[o].Amount is { } removed) result.Add((o - 0.5, new AmountChange(removed, null, AmountChangeKind.Removed, pairIndex)));
        return result;
    }

    private static AmountChangeKind? Classify(MonetaryAmount a, MonetaryAmount b)
    {
        var oldValue = a.YuanHigh ?? a.Yuan;
        var newValue = b.YuanHigh ?? b.Yuan;
        if (a.Yuan != b.Yuan) return b.Yuan > a.Yuan ? AmountChangeKind.Increased : AmountChangeKind.Decreased;
        if (oldValue != newValue) return newValue > oldValue ? AmountChangeKind.Increased : AmountChangeKind.Decreased;
        if (a.Role != b.Role) return AmountChangeKind.RoleChanged;
        return null;
    }

    /// <summary>The document's sums or percentages by part and clause (key <c>part:clauseId</c>).</summary>
    private static Dictionary<string, List<T>> ByClause<T>(PolicyDocument doc, Func<PolicyDocument, IEnumerable<T>> select)
        where T : class
    {
        var map = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        void Add(int part, IEnumerable<T> items)
        {
            foreach (var item in items)
            {
                var key = $"{part}:{ClauseOf(item)}";
                if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                list.Add(item);
            }
        }
        Add(0, select(doc));
        for (var p = 0; p < doc.Parts.Count; p++) Add(p + 1, select(doc.Parts[p]));
        return map;
    }

    private static string ClauseOf(object item) => item switch
    {
        MonetaryAmount a => a.ClauseId,
        Rate r => r.ClauseId,
        _ => "",
    };

    /// <summary>
    /// Each unit's sums in clause order, then its percentages that set a share of a base (a rate or a cap on one,
    /// not a threshold), each with the words around it in the unit's text.
    /// </summary>
    private static Dictionary<string, List<Located>> Locate(IEnumerable<DiffUnit?> units, Dictionary<string, List<MonetaryAmount>> amountsByClause,
        Dictionary<string, List<Rate>> ratesByClause)
    {
        var result = new Dictionary<string, List<Located>>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            if (u is null || result.ContainsKey(u.Key)) continue;
            var amounts = u.ClauseIds.SelectMany(id => amountsByClause.GetValueOrDefault($"{u.Part}:{id}") ?? []).ToList();
            var rates = u.ClauseIds.SelectMany(id => ratesByClause.GetValueOrDefault($"{u.Part}:{id}") ?? [])
                .Where(r => r.Role is RateRole.Rate or RateRole.RateCap).ToList();
            var located = new List<Located>();
            foreach (var (a, context, position, before) in Find(u.Text, amounts.Select(a => a.Text).ToList()).Zip(amounts, (f, a) => (a, f.Context, f.Position, f.Before)))
                located.Add(new Located(a, context, position, before is null ? null : AmountSlot.Of(a, before)));
            foreach (var (r, context, position, before) in Find(u.Text, rates.Select(r => r.Text).ToList()).Zip(rates, (f, r) => (r, f.Context, f.Position, f.Before)))
                located.Add(new Located(null, context, position, before is null ? null : AmountSlot.Of(AmountSlot.BoundOf(r), before), r));
            result[u.Key] = located;
        }
        return result;
    }

    /// <summary>
    /// Where each of <paramref name="texts"/> (in clause order) stands in <paramref name="unitText"/>: the words around it,
    /// its relative position, and the comparable text before it (null when not found).
    /// </summary>
    private static List<(string Context, double Position, string? Before)> Find(string unitText, List<string> texts)
    {
        var found = new List<(string, double, string?)>();
        var searchFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var from = searchFrom.GetValueOrDefault(text);
            var at = text.Length == 0 ? -1 : IndexOfWhole(unitText, text, Math.Min(from, unitText.Length));
            if (at < 0 && from > 0) at = IndexOfWhole(unitText, text, 0);
            if (at < 0)
            {
                found.Add(("", (double)found.Count / Math.Max(1, texts.Count), null));
                continue;
            }
            searchFrom[text] = at + text.Length;
            var left = unitText[Math.Max(0, at - ContextChars)..at];
            var right = unitText[(at + text.Length)..Math.Min(unitText.Length, at + text.Length + ContextChars)];
            var context = ComparableText.From(left).Text + "\u0001" + ComparableText.From(right).Text;
            found.Add((context, unitText.Length == 0 ? 0 : (double)at / unitText.Length, ComparableText.From(unitText[..at]).Text));
        }
        return found;
    }

    /// <summary>The sum's text where it is not the tail of a longer number (十万元 is not found inside 二十万元).</summary>
    private static int IndexOfWhole(string text, string sum, int from)
    {
        for (var at = text.IndexOf(sum, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(sum, at + 1, StringComparison.Ordinal))
            if (at == 0 || !IsNumeral(text[at - 1]) || !IsNumeral(sum[0])) return at;
        return -1;
    }

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || c is '.' or '０' or >= '１' and <= '９' || "零〇一二两三四五六七八九十百千万亿".Contains(c);

    private static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var x = Bigrams.Of(a);
        var y = Bigrams.Of(b);
        var s = x.Count(y.Contains);
        return 2.0 * s / (x.Count + y.Count);
    }
}
