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

    /// <summary>A sum with the words around it; <see cref="Slot"/> is null when its text was not found in the provision.</summary>
    private sealed record Located(MonetaryAmount Amount, string Context, double Position, AmountSlot? Slot);

    public static IReadOnlyList<AmountChange> Find(IReadOnlyList<AlignedPair> pairs, PolicyDocument oldDoc, PolicyDocument newDoc)
    {
        var oldByUnit = Locate(pairs.Select(p => p.Old), AmountsByClause(oldDoc));
        var newByUnit = Locate(pairs.Select(p => p.New), AmountsByClause(newDoc));
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
                if (!usedNew[n]) result.Add((n, new AmountChange(null, news[n].Amount, AmountChangeKind.Added, first)));
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
        for (var o = 0; o < olds.Count; o++)
        for (var n = 0; n < news.Count; n++)
        {
            var a = olds[o].Amount;
            var b = news[n].Amount;
            if (olds[o].Slot is { } os && news[n].Slot is { } ns && !os.CompatibleWith(ns)) continue;
            var context = Similarity(olds[o].Context, news[n].Context);
            var same = a.Yuan == b.Yuan && a.YuanHigh == b.YuanHigh && a.Role == b.Role;
            var party = olds[o].Slot is { Party.Length: > 0 } p1 && p1.Party == news[n].Slot?.Party;
            var score = context + (same ? 0.5 : 0) + (party ? 0.25 : 0) + (a.Role == b.Role ? 0.1 : 0)
                        + 0.2 * (1 - Math.Abs(olds[o].Position - news[n].Position));
            if (context >= 0.25 || same || party || olds.Count == 1 && news.Count == 1) candidates.Add((o, n, score));
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
            var kind = Classify(a, b);
            if (kind is { } k) result.Add((c.N, new AmountChange(a, b, k, pairIndex)));
        }
        for (var o = 0; o < olds.Count; o++)
            if (!usedOld[o]) result.Add((o - 0.5, new AmountChange(olds[o].Amount, null, AmountChangeKind.Removed, pairIndex)));
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

    private static Dictionary<string, List<MonetaryAmount>> AmountsByClause(PolicyDocument doc)
    {
        var map = new Dictionary<string, List<MonetaryAmount>>(StringComparer.Ordinal);
        void Add(int part, IEnumerable<MonetaryAmount> amounts)
        {
            foreach (var a in amounts)
            {
                var key = $"{part}:{a.ClauseId}";
                if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                list.Add(a);
            }
        }
        Add(0, doc.Amounts);
        for (var p = 0; p < doc.Parts.Count; p++) Add(p + 1, doc.Parts[p].Amounts);
        return map;
    }

    /// <summary>Each unit's amounts in clause order, with the words around each one in the unit's text.</summary>
    private static Dictionary<string, List<Located>> Locate(IEnumerable<DiffUnit?> units, Dictionary<string, List<MonetaryAmount>> byClause)
    {
        var result = new Dictionary<string, List<Located>>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            if (u is null || result.ContainsKey(u.Key)) continue;
            var amounts = u.ClauseIds.SelectMany(id => byClause.GetValueOrDefault($"{u.Part}:{id}") ?? []).ToList();
            var located = new List<Located>();
            var searchFrom = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var a in amounts)
            {
                var from = searchFrom.GetValueOrDefault(a.Text);
                var at = a.Text.Length == 0 ? -1 : IndexOfWhole(u.Text, a.Text, Math.Min(from, u.Text.Length));
                if (at < 0 && from > 0) at = IndexOfWhole(u.Text, a.Text, 0);
                string context;
                var slot = at < 0 ? null : AmountSlot.Of(a, ComparableText.From(u.Text[..at]).Text);
                if (at < 0) context = "";
                else
                {
                    searchFrom[a.Text] = at + a.Text.Length;
                    var left = u.Text[Math.Max(0, at - ContextChars)..at];
                    var rightEnd = Math.Min(u.Text.Length, at + a.Text.Length + ContextChars);
                    var right = u.Text[(at + a.Text.Length)..rightEnd];
                    context = ComparableText.From(left).Text + "\u0001" + ComparableText.From(right).Text;
                }
                var position = at < 0 || u.Text.Length == 0 ? (double)located.Count / Math.Max(1, amounts.Count) : (double)at / u.Text.Length;
                located.Add(new Located(a, context, position, slot));
            }
            result[u.Key] = located;
        }
        return result;
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
