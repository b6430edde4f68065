using System.Text.Json.Serialization;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Alignment;

/// <summary>What happened to a provision between two versions (the `change` ids of spec/cli.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PairChange>))]
public enum PairChange
{
    [JsonStringEnumMemberName("unchanged")] Unchanged,
    [JsonStringEnumMemberName("modified")] Modified,
    [JsonStringEnumMemberName("moved")] Moved,
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("merged")] Merged,
    [JsonStringEnumMemberName("split")] Split,
}

/// <summary>One aligned pair. A merge gives one pair per old unit (all with the same new unit); a split one per new unit.</summary>
public sealed record AlignedPair(DiffUnit? Old, DiffUnit? New, PairChange Change, double Similarity);

/// <summary>Thresholds of the aligner, named so they can be tuned against the simulator.</summary>
public sealed record AlignmentOptions
{
    /// <summary>Dice on character bigrams at which two provisions are the same one without further evidence.</summary>
    public double MinSimilarity { get; init; } = 0.5;
    /// <summary>Lower bar when the label or the neighbours agree.</summary>
    public double MinSimilarityWithEvidence { get; init; } = 0.3;
    /// <summary>Share of one text found in the other for an extended/shortened provision, a merge or a split.</summary>
    public double MinContainment { get; init; } = 0.75;
    /// <summary>Bonus for equal canonical labels and for aligned neighbours when ranking candidates.</summary>
    public double LabelBonus { get; init; } = 0.15;
    public double ContextBonus { get; init; } = 0.15;

    /// <summary>
    /// Rewrites: after the close matches, the provisions left over are paired by TF-IDF cosine over character bigrams
    /// (rare words weigh, boilerplate such as 人民政府 or 应当 hardly does). A pair is accepted at this cosine alone…
    /// </summary>
    public double MinContentSimilarity { get; init; } = 0.25;
    /// <summary>…at this cosine when the new provision lies between the partners of the old one's nearest aligned neighbours…</summary>
    public double MinContentSimilarityInPlace { get; init; } = 0.12;
    /// <summary>
    /// …or at this cosine when each is the other's most similar provision. Being each other's best among all
    /// provisions of both versions is strong evidence on its own; 0.12 (was 0.15) admits rewrites such as 自然科学资金 →
    /// 自然科学基金 (0.136) once abbreviations are folded.
    /// </summary>
    public double MinContentSimilarityMutual { get; init; } = 0.12;
    /// <summary>
    /// Content similarity reads standard abbreviations as their full form (科技 = 科学技术, 科普 = 科学技术普及,
    /// 高校 = 高等学校 = 高等院校: <see cref="AbbreviationFolding"/>). Only the TF-IDF stage sees the folded text; what counts
    /// as unchanged and the marks shown are not affected.
    /// </summary>
    public bool FoldAbbreviations { get; init; } = true;
    /// <summary>A leftover provision joins an aligned pair as a merge or split at this cosine with the other side…</summary>
    public double MinShareSimilarity { get; init; } = 0.5;
    /// <summary>…when that is at least this share of the pair's own cosine.</summary>
    public double ShareRatio { get; init; } = 0.9;
    /// <summary>…and it sits within this many positions of the group or its neighbour's partner does of the whole (neighbour consistency).</summary>
    public int ShareNeighbourDistance { get; init; } = 5;
    /// <summary>
    /// "In place" (<see cref="MinContentSimilarityInPlace"/>) needs a narrow slot: at most this many new provisions
    /// between the partners of the old one's nearest aligned neighbours (a wide gap says nothing about where it went).
    /// </summary>
    public int InPlaceWindow { get; init; } = 3;
    /// <summary>
    /// Pieces by residual coverage: a leftover provision whose closest provision on the other side (TF-IDF cosine at
    /// least this) is already aligned becomes a split piece or a merge member when enough of it lies in the part of
    /// that provision its partner does not explain…
    /// </summary>
    public double MinPieceSimilarity { get; init; } = 0.12;
    /// <summary>…at least this share of a new provision's bigrams in the old provision's residual (a split piece)…</summary>
    public double MinSplitResidual { get; init; } = 0.1;
    /// <summary>…at least this share of an old provision's bigrams in the new provision's residual (a merge member)…</summary>
    public double MinMergeResidual { get; init; } = 0.12;
    /// <summary>…and when it sits next to the group: at most this many positions from a piece of the split…</summary>
    public int SplitPieceDistance { get; init; } = 5;
    /// <summary>…or from a member of the merge.</summary>
    public int MergeMemberDistance { get; init; } = 2;
    /// <summary>…or, away from the group, when a neighbour of the leftover is aligned within this many positions of the closest provision.</summary>
    public int PieceNeighbourDistance { get; init; } = 3;
    /// <summary>Leftovers closest to the same leftover on the other side form a merge (split) at this cosine each…</summary>
    public double MinLeftoverGroupSimilarity { get; init; } = 0.08;
    /// <summary>…when they lie within this many positions of each other.</summary>
    public int LeftoverGroupSpan { get; init; } = 5;
    /// <summary>A leftover is tried as a piece of its closest this many provisions (by cosine), closest first…</summary>
    public int PieceCandidates { get; init; } = 5;
    /// <summary>…a provision other than the closest when at least this share of the leftover lies in its residual.</summary>
    public double MinResidualBeyondClosest { get; init; } = 0.2;
    /// <summary>
    /// Many-to-many: an aligned provision is also linked to a second aligned one on the other side when at least this
    /// share of each one's bigrams lies in the other and not in its own partner…
    /// </summary>
    public double MinSharedResidual { get; init; } = 0.2;
    /// <summary>…and the second one is within this many positions of the first one's partner.</summary>
    public int SharedPieceDistance { get; init; } = 5;

    /// <summary>
    /// Content matches and pieces need shared wording that is not a legal template (<see cref="DistinctWording"/>): a run of
    /// at least this many characters found in at most <see cref="DistinctRunUnits"/> provisions of both versions…
    /// </summary>
    public int DistinctRunLength { get; init; } = 4;
    /// <summary>…at least this many for a split piece or merge member, found in one old provision only…</summary>
    public int PieceDistinctRunLength { get; init; } = 5;
    /// <summary>…in at most this many provisions. 0 turns the check off.</summary>
    public int DistinctRunUnits { get; init; } = 3;

    public static AlignmentOptions Default { get; } = new();
}

/// <summary>
/// Aligns the provisions of two versions: identical bodies first (unchanged or moved), then candidates ranked by
/// character-bigram similarity with bonuses for the same label and aligned neighbours, then merges and splits
/// found by containment; whatever is left is added or removed.
/// </summary>
public sealed class ClauseAligner(AlignmentOptions? options = null)
{
    private readonly AlignmentOptions _o = options ?? AlignmentOptions.Default;

    public IReadOnlyList<AlignedPair> Align(IReadOnlyList<DiffUnit> oldUnits, IReadOnlyList<DiffUnit> newUnits)
    {
        var n = oldUnits.Count;
        var m = newUnits.Count;
        var oldGrams = oldUnits.Select(u => Bigrams.Of(u.Body)).ToArray();
        var newGrams = newUnits.Select(u => Bigrams.Of(u.Body)).ToArray();
        var matchOld = Enumerable.Repeat(-1, n).ToArray();
        var matchNew = Enumerable.Repeat(-1, m).ToArray();
        var similarity = new double[n];

        MatchIdentical(oldUnits, newUnits, matchOld, matchNew, similarity);
        // Three passes: the first places only matches on their own text; each later one extends from the matches before.
        for (var pass = 0; pass < 3; pass++)
            MatchSimilar(oldUnits, newUnits, oldGrams, newGrams, matchOld, matchNew, similarity, firstPass: pass == 0);

        var mergedInto = new Dictionary<int, List<(int Old, double Sim)>>();
        var splitFrom = new Dictionary<int, List<(int New, double Sim)>>();
        FindMergesAndSplits(oldGrams, newGrams, matchOld, matchNew, similarity, mergedInto, splitFrom);
        if (matchOld.Any(x => x < 0) || matchNew.Any(x => x < 0))
        {
            var cosine = TfIdf.Cosines(TfIdf.Vectors([.. oldUnits.Select(u => ContentText(u.Body)), .. newUnits.Select(u => ContentText(u.Body))]), n, m);
            var wording = new DistinctWording(oldUnits.Select(u => u.Body), newUnits.Select(u => u.Body));
            if (MatchByContent(cosine, n, m, matchOld, matchNew, similarity, wording))
                FindMergesAndSplits(oldGrams, newGrams, matchOld, matchNew, similarity, mergedInto, splitFrom);
            GroupsOnOneLeftover(cosine, n, m, matchOld, matchNew, similarity, mergedInto, splitFrom, wording);
            ShareByContent(cosine, n, m, oldGrams, newGrams, matchOld, matchNew, mergedInto, splitFrom);
            PiecesByResidual(cosine, n, m, oldGrams, newGrams, matchOld, matchNew, mergedInto, splitFrom, wording);
        }

        var pairs = Assemble(oldUnits, newUnits, matchOld, matchNew, similarity, mergedInto, splitFrom);
        foreach (var (i, j) in SharedPieces(oldGrams, newGrams, matchOld, matchNew, mergedInto, splitFrom))
        {
            var at = pairs.FindLastIndex(p => p.New == newUnits[j]);
            pairs.Insert(at + 1, new AlignedPair(oldUnits[i], newUnits[j], PairChange.Split, Round(Dice(oldGrams[i], newGrams[j]))));
        }
        return pairs;
    }

    /// <summary>
    /// Many-to-many: an aligned old provision whose text also went into a second aligned new one (old 20 ¶3 → new 23 ¶1,
    /// whose partner is old 63). Linked as well when at least <see cref="AlignmentOptions.MinSharedResidual"/> of the old
    /// one's bigrams lie in the second new one but not in its own partner, at least that share of the second new one's
    /// bigrams lie in the old one but not in its partner, and the second new one is within
    /// <see cref="AlignmentOptions.SharedPieceDistance"/> positions of the old one's partner. Provisions already in a
    /// merge or split are left as they are.
    /// </summary>
    private List<(int Old, int New)> SharedPieces(HashSet<int>[] oldGrams, HashSet<int>[] newGrams, int[] matchOld, int[] matchNew,
        Dictionary<int, List<(int Old, double Sim)>> mergedInto, Dictionary<int, List<(int New, double Sim)>> splitFrom)
    {
        const int minGrams = 8;
        var found = new List<(int, int)>();
        var grouped = mergedInto.Values.SelectMany(g => g.Select(x => x.Old)).Concat(splitFrom.Keys).ToHashSet();
        for (var i = 0; i < matchOld.Length; i++)
        {
            var p = matchOld[i];
            if (p < 0 || grouped.Contains(i) || oldGrams[i].Count < minGrams) continue;
            for (var j = Math.Max(0, p - _o.SharedPieceDistance); j <= Math.Min(matchNew.Length - 1, p + _o.SharedPieceDistance); j++)
            {
                var q = matchNew[j];
                if (j == p || q < 0 || q == i || newGrams[j].Count < minGrams || mergedInto.ContainsKey(j)) continue;
                if (Residual(oldGrams[i], newGrams[j], newGrams[p]) >= _o.MinSharedResidual
                    && Residual(newGrams[j], oldGrams[i], oldGrams[q]) >= _o.MinSharedResidual)
                    found.Add((i, j));
            }
        }
        return found;
    }

    /// <summary>Share of <paramref name="part"/>'s bigrams found in <paramref name="other"/> but not in <paramref name="partner"/>.</summary>
    private static double Residual(HashSet<int> part, HashSet<int> other, HashSet<int> partner)
    {
        var r = 0;
        foreach (var g in part) if (other.Contains(g) && !partner.Contains(g)) r++;
        return (double)r / part.Count;
    }

    private static void MatchIdentical(IReadOnlyList<DiffUnit> oldUnits, IReadOnlyList<DiffUnit> newUnits,
        int[] matchOld, int[] matchNew, double[] similarity)
    {
        var byBody = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < newUnits.Count; j++)
        {
            var key = BodyKey(newUnits[j]);
            if (!byBody.TryGetValue(key, out var list)) byBody[key] = list = [];
            list.Add(j);
        }
        // Same label first among identical bodies, then document order.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < oldUnits.Count; i++)
            {
                if (matchOld[i] >= 0 || !byBody.TryGetValue(BodyKey(oldUnits[i]), out var candidates)) continue;
                var label = oldUnits[i].CanonicalLabel;
                foreach (var j in candidates)
                {
                    if (matchNew[j] >= 0) continue;
                    if (round == 0 && newUnits[j].CanonicalLabel != label) continue;
                    matchOld[i] = j; matchNew[j] = i; similarity[i] = 1;
                    break;
                }
            }
        }
    }

    /// <summary>Heading-only units (empty body) are identified by their label instead.</summary>
    private static string BodyKey(DiffUnit u) => u.Body.Length > 0 ? u.Body : "\u0001" + u.CanonicalLabel;

    private void MatchSimilar(IReadOnlyList<DiffUnit> oldUnits, IReadOnlyList<DiffUnit> newUnits, HashSet<int>[] oldGrams,
        HashSet<int>[] newGrams, int[] matchOld, int[] matchNew, double[] similarity, bool firstPass)
    {
        var postings = new Dictionary<int, List<int>>();
        for (var j = 0; j < newUnits.Count; j++)
        {
            if (matchNew[j] >= 0) continue;
            foreach (var g in newGrams[j])
            {
                if (!postings.TryGetValue(g, out var list)) postings[g] = list = [];
                list.Add(j);
            }
        }
        // A provision wholly contained in a larger one on the other side is a piece of a split or merge: a weak
        // match backed only by the neighbours must not take it from there.
        var newIndex = new GramIndex(newGrams);
        var oldIndex = new GramIndex(oldGrams);
        int Holder(GramIndex index, HashSet<int> part) =>
            part.Count < 4 ? -1 : index.Containers(part, 0.9) is [var first, ..] ? first.Index : -1;
        var candidates = new List<(int I, int J, double Sim, double Score, bool Deferred)>();
        var shared = new int[newUnits.Count];
        var touched = new List<int>();
        for (var i = 0; i < oldUnits.Count; i++)
        {
            if (matchOld[i] >= 0 || oldGrams[i].Count == 0) continue;
            foreach (var j in touched) shared[j] = 0;
            touched.Clear();
            foreach (var g in oldGrams[i])
                if (postings.TryGetValue(g, out var list))
                    foreach (var j in list)
                        if (shared[j]++ == 0) touched.Add(j);
            foreach (var j in touched)
            {
                var s = shared[j];
                var a = oldGrams[i].Count;
                var b = newGrams[j].Count;
                var dice = 2.0 * s / (a + b);
                var containment = (double)s / Math.Min(a, b);
                var sameLabel = oldUnits[i].Label.Length > 0 && oldUnits[i].CanonicalLabel == newUnits[j].CanonicalLabel;
                var context = NeighboursAgree(i, j, matchOld, oldUnits.Count, newUnits.Count);
                var accepted = dice >= _o.MinSimilarity
                    || dice >= _o.MinSimilarityWithEvidence && (sameLabel || context)
                    || containment >= _o.MinContainment && dice >= _o.MinSimilarityWithEvidence * 0.66;
                if (!accepted) continue;
                if (dice < _o.MinSimilarity && !(containment >= _o.MinContainment)
                    && (Holder(oldIndex, newGrams[j]) is var hj && hj >= 0 && hj != i || Holder(newIndex, oldGrams[i]) is var hi && hi >= 0 && hi != j))
                    continue;
                // A match that rests on the label or the neighbours waits for a later pass. The neighbours a pass sees are
                // those placed before it: in the first, only identical provisions, so a rival next to an identical one won on
                // the bonus over a closer text whose neighbour was matched in the same pass (公司法 209 over 208 → 258).
                var deferred = firstPass && dice < _o.MinSimilarity && !(containment >= _o.MinContainment);
                candidates.Add((i, j, dice, dice + (sameLabel ? _o.LabelBonus : 0) + (context ? _o.ContextBonus : 0), deferred));
            }
        }
        // A deferred match still holds its two provisions against lower-scored rivals in this pass: a distant text at
        // Dice 0.52 (the 股份有限公司 twin of a 有限责任公司 rule) does not take an article whose rewrite sits in place.
        var held = new HashSet<(bool Old, int Unit)>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => Math.Abs(c.I - c.J)))
        {
            if (matchOld[c.I] >= 0 || matchNew[c.J] >= 0 || held.Contains((true, c.I)) || held.Contains((false, c.J))) continue;
            if (c.Deferred) { held.Add((true, c.I)); held.Add((false, c.J)); continue; }
            matchOld[c.I] = c.J; matchNew[c.J] = c.I; similarity[c.I] = c.Sim;
        }
    }

    /// <summary>
    /// Leftovers paired by TF-IDF cosine, greedily best first, in rounds (a pair placed in one round is an anchor for
    /// the next). Accepted when the cosine is high, or moderate and the new provision sits where the old one's aligned
    /// neighbours put it, or moderate and the two are each other's best leftover.
    /// </summary>
    private bool MatchByContent(double[][] cos, int n, int m, int[] matchOld, int[] matchNew, double[] similarity, DistinctWording wording)
    {
        if (!matchOld.Any(x => x < 0) || !matchNew.Any(x => x < 0)) return false;
        var found = false;
        var cosine = new Dictionary<(int, int), double>();
        // Each other's best is judged against every provision, aligned ones included: a leftover whose closest text
        // is already taken is not the best match of what is left.
        var rowBest = new double[n];
        var colBest = new double[m];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
            {
                var c = cos[i][j];
                rowBest[i] = Math.Max(rowBest[i], c);
                colBest[j] = Math.Max(colBest[j], c);
                if (matchOld[i] < 0 && matchNew[j] < 0 && c >= _o.MinContentSimilarityInPlace) cosine[(i, j)] = c;
            }
        for (var round = 0; round < 4; round++)
        {
            var candidates = new List<(int I, int J, double Sim, double Score)>();
            foreach (var ((i, j), c) in cosine)
            {
                if (matchOld[i] >= 0 || matchNew[j] >= 0) continue;
                var inPlace = BetweenAnchors(i, j, matchOld, m, _o.InPlaceWindow);
                var mutual = c >= rowBest[i] && c >= colBest[j];
                if ((c >= _o.MinContentSimilarity || inPlace || mutual && c >= _o.MinContentSimilarityMutual) && Distinct(wording, i, j, _o.DistinctRunLength))
                    candidates.Add((i, j, c, c + (inPlace ? _o.ContextBonus : 0)));
            }
            if (candidates.Count == 0) break;
            foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => Math.Abs(c.I - c.J)))
            {
                if (matchOld[c.I] >= 0 || matchNew[c.J] >= 0) continue;
                matchOld[c.I] = c.J; matchNew[c.J] = c.I; similarity[c.I] = c.Sim;
                found = true;
            }
        }
        return found;
    }

    /// <summary>
    /// Several leftovers whose closest provision on the other side is the same leftover: old 31, 32 and 34 of the 上海市科学技术
    /// 进步条例 each hold a piece of new 5, which none of them is close enough to alone (cosines 0.09–0.16), and new 5 is
    /// closest to none of them. Two or more such leftovers within <see cref="AlignmentOptions.LeftoverGroupSpan"/> positions,
    /// each at a cosine of at least <see cref="AlignmentOptions.MinLeftoverGroupSimilarity"/>, one at
    /// <see cref="AlignmentOptions.MinContentSimilarityMutual"/> with wording of its own, are merged into it (split from it).
    /// </summary>
    private void GroupsOnOneLeftover(double[][] cos, int n, int m, int[] matchOld, int[] matchNew, double[] similarity,
        Dictionary<int, List<(int Old, double Sim)>> mergedInto, Dictionary<int, List<(int New, double Sim)>> splitFrom, DistinctWording wording)
    {
        // Merges: leftover old provisions closest to the same leftover new one.
        foreach (var (j, members) in ClosestLeftovers(n, m, (i, x) => cos[i][x], matchOld, matchNew))
        {
            if (!IsGroup(members, (i, c) => c >= _o.MinContentSimilarityMutual && Distinct(wording, i, j, _o.DistinctRunLength))) continue;
            var anchor = members.MaxBy(x => x.Cos);
            matchNew[j] = anchor.Unit;
            similarity[anchor.Unit] = anchor.Cos;
            mergedInto[j] = [.. members.Select(x => (x.Unit, Math.Round(x.Cos, 2)))];
            foreach (var (i, _) in members) matchOld[i] = j;
        }
        // Splits: leftover new provisions closest to the same leftover old one.
        foreach (var (i, pieces) in ClosestLeftovers(m, n, (j, x) => cos[x][j], matchNew, matchOld))
        {
            if (!IsGroup(pieces, (j, c) => c >= _o.MinContentSimilarityMutual && Distinct(wording, i, j, _o.DistinctRunLength))) continue;
            var anchor = pieces.MaxBy(x => x.Cos);
            matchOld[i] = anchor.Unit;
            similarity[i] = anchor.Cos;
            splitFrom[i] = [.. pieces.Select(x => (x.Unit, Math.Round(x.Cos, 2)))];
            foreach (var (j, _) in pieces) matchNew[j] = i;
        }
    }

    /// <summary>Leftovers on one side grouped by their closest provision on the other, where that one is a leftover too.</summary>
    private Dictionary<int, List<(int Unit, double Cos)>> ClosestLeftovers(int count, int otherCount, Func<int, int, double> cos, int[] match, int[] otherMatch)
    {
        var groups = new Dictionary<int, List<(int Unit, double Cos)>>();
        for (var k = 0; k < count; k++)
        {
            if (match[k] >= 0) continue;
            var (x, c) = Best(otherCount, y => cos(k, y));
            if (x >= 0 && otherMatch[x] < 0 && c >= _o.MinLeftoverGroupSimilarity) (groups.TryGetValue(x, out var l) ? l : groups[x] = []).Add((k, c));
        }
        return groups;
    }

    private bool IsGroup(List<(int Unit, double Cos)> members, Func<int, double, bool> strong) =>
        members.Count >= 2 && members.Max(x => x.Unit) - members.Min(x => x.Unit) <= _o.LeftoverGroupSpan && members.Any(x => strong(x.Unit, x.Cos));

    /// <summary>
    /// A leftover old provision that is about as close to an aligned new one as that one's own partner (two old articles
    /// with the same rules folded into one) is merged into it; a leftover new provision as close to an aligned old one
    /// as its partner is split from it. Close means a TF-IDF cosine of at least <see cref="AlignmentOptions.MinShareSimilarity"/>
    /// and at least <see cref="AlignmentOptions.ShareRatio"/> of the partner's.
    /// </summary>
    private void ShareByContent(double[][] cos, int n, int m, HashSet<int>[] oldGrams, HashSet<int>[] newGrams,
        int[] matchOld, int[] matchNew, Dictionary<int, List<(int Old, double Sim)>> mergedInto, Dictionary<int, List<(int New, double Sim)>> splitFrom)
    {
        double Cos(int i, int j) => cos[i][j];
        var splitTargets = splitFrom.Values.SelectMany(g => g.Select(x => x.New)).ToHashSet();
        for (var i = 0; i < n; i++)
        {
            if (matchOld[i] >= 0 || oldGrams[i].Count < 4) continue;
            var (best, bestCos) = (-1, 0.0);
            for (var j = 0; j < m; j++)
            {
                if (matchNew[j] < 0 || splitTargets.Contains(j) || splitFrom.ContainsKey(matchNew[j])) continue;
                var c = Cos(i, j);
                if (c > bestCos) (best, bestCos) = (j, c);
            }
            if (best < 0 || bestCos < _o.MinShareSimilarity) continue;
            var partner = matchNew[best];
            // A partner that already accounts for the whole new text leaves nothing for a merge to explain.
            if (bestCos < _o.ShareRatio * Cos(partner, best) || Containment(newGrams[best], oldGrams[partner]) >= 0.9) continue;
            if (!InPlaceOfGroup(i, best, mergedInto.TryGetValue(best, out var mg) ? mg.Select(x => x.Old) : [partner], matchOld, oldGrams)) continue;
            if (!mergedInto.ContainsKey(best)) mergedInto[best] = [(partner, Math.Round(Cos(partner, best), 2))];
            mergedInto[best].Add((i, bestCos));
            matchOld[i] = best;
        }
        var mergeTargets = mergedInto.Keys.ToHashSet();
        for (var j = 0; j < m; j++)
        {
            if (matchNew[j] >= 0 || newGrams[j].Count < 4) continue;
            var (best, bestCos) = (-1, 0.0);
            for (var i = 0; i < n; i++)
            {
                if (matchOld[i] < 0 || mergeTargets.Contains(matchOld[i])) continue;
                var c = Cos(i, j);
                if (c > bestCos) (best, bestCos) = (i, c);
            }
            if (best < 0 || bestCos < _o.MinShareSimilarity) continue;
            var partner = matchOld[best];
            if (bestCos < _o.ShareRatio * Cos(best, partner) || Containment(oldGrams[best], newGrams[partner]) >= 0.9) continue;
            if (!InPlaceOfGroup(j, best, splitFrom.TryGetValue(best, out var sg) ? sg.Select(x => x.New) : [partner], matchNew, newGrams)) continue;
            if (!splitFrom.ContainsKey(best)) splitFrom[best] = [(partner, Math.Round(Cos(best, partner), 2))];
            splitFrom[best].Add((j, bestCos));
            matchNew[j] = best;
        }
    }

    /// <summary>
    /// Neighbour consistency of a piece: leftover <paramref name="k"/> joins the group of <paramref name="whole"/> (on the
    /// other side) only when it lies within <see cref="AlignmentOptions.ShareNeighbourDistance"/> positions of a group
    /// member, or its nearest neighbour with a body is aligned within that distance of the whole. Parallel provisions (the same
    /// rule for 有限责任公司 and for 股份有限公司 in two chapters) are close by content but sit elsewhere.
    /// </summary>
    private bool InPlaceOfGroup(int k, int whole, IEnumerable<int> members, int[] match, HashSet<int>[] grams)
    {
        var d = _o.ShareNeighbourDistance;
        return members.Any(x => Math.Abs(x - k) <= d) || NeighbourNear(k, whole, match, grams, d);
    }

    /// <summary>
    /// Whether new position j lies strictly between the partners of old unit i's nearest aligned neighbours (the
    /// document's ends where there is none), in a slot of at most <paramref name="window"/> new units, or right after
    /// the partner of the unit before i.
    /// </summary>
    private static bool BetweenAnchors(int i, int j, int[] matchOld, int m, int window)
    {
        // Right after the old one's left neighbour's partner, whatever the right neighbour did (it may have moved to
        // another chapter, leaving no slot between the two).
        if (i > 0 && j > 0 && matchOld[i - 1] == j - 1) return true;
        var low = -1;
        for (var k = i - 1; k >= 0; k--) if (matchOld[k] >= 0) { low = matchOld[k]; break; }
        var high = m;
        for (var k = i + 1; k < matchOld.Length; k++) if (matchOld[k] >= 0) { high = matchOld[k]; break; }
        return low < j && j < high && high - low - 1 <= window;
    }

    /// <summary>
    /// Pieces by residual coverage. A leftover new provision whose closest old provision (TF-IDF cosine) is aligned
    /// elsewhere is a piece split from it when a share of its bigrams lies in the residual of that old provision (what
    /// its partner does not contain) and it sits next to the split's other pieces (148 → 181, 182, 183, 184, 186: one
    /// list of prohibitions written out as five articles). Likewise a leftover old provision merges into its closest
    /// new provision when a share of it lies in what that one's partner does not explain, next to the merge's members.
    /// </summary>
    private void PiecesByResidual(double[][] cos, int n, int m, HashSet<int>[] oldGrams, HashSet<int>[] newGrams,
        int[] matchOld, int[] matchNew, Dictionary<int, List<(int Old, double Sim)>> mergedInto, Dictionary<int, List<(int New, double Sim)>> splitFrom,
        DistinctWording wording)
    {
        // Splits: leftover new pieces of an aligned old provision (the group is keyed by the old one).
        AddPieces(matchNew, newGrams, matchOld, oldGrams, n, (piece, whole) => cos[whole][piece], splitFrom, _o.MinSplitResidual, _o.SplitPieceDistance,
            (piece, whole) => PieceDistinct(wording, whole, piece));
        // Merges: leftover old members of an aligned new provision (the group is keyed by the new one).
        AddPieces(matchOld, oldGrams, matchNew, newGrams, m, (piece, whole) => cos[piece][whole], mergedInto, _o.MinMergeResidual, _o.MergeMemberDistance,
            (piece, whole) => PieceDistinct(wording, piece, whole));
    }

    private bool Distinct(DistinctWording wording, int i, int j, int minLength) =>
        _o.DistinctRunUnits <= 0 || wording.Shares(i, j, minLength, _o.DistinctRunUnits);

    /// <summary>A piece's wording must also be its own old provision's: a run found in one old provision only.</summary>
    private bool PieceDistinct(DistinctWording wording, int i, int j) =>
        _o.DistinctRunUnits <= 0 || wording.Shares(i, j, _o.PieceDistinctRunLength, _o.DistinctRunUnits, maxOldUnits: 1);

    /// <summary>
    /// One direction of <see cref="PiecesByResidual"/>: each leftover unit on one side (<paramref name="pieceMatch"/>) joins
    /// the group of its closest unit on the other side (<paramref name="wholeMatch"/>) when that one is aligned, the group
    /// has a member within <paramref name="maxDistance"/> positions, and at least <paramref name="minResidual"/> of the
    /// leftover's bigrams lie in the closest unit but not in its partner.
    /// </summary>
    private void AddPieces(int[] pieceMatch, HashSet<int>[] pieceGrams, int[] wholeMatch, HashSet<int>[] wholeGrams, int wholeCount,
        Func<int, int, double> cos, Dictionary<int, List<(int, double)>> groups, double minResidual, int maxDistance, Func<int, int, bool> distinct)
    {
        var found = new List<(int Piece, int Whole, double Sim)>();
        for (var k = 0; k < pieceMatch.Length; k++)
        {
            if (pieceMatch[k] >= 0 || pieceGrams[k].Count < 4) continue;
            // The closest few: the provision a piece came from is often not the closest by cosine (公司法 new 211 is closest
            // to old 149 by shared liability wording, yet holds old 166's 违反规定分配的利润退还公司); beyond the closest, a
            // stronger residual is asked.
            var ranked = Enumerable.Range(0, wholeCount).Select(x => (Whole: x, Cos: cos(k, x))).Where(x => x.Cos > 0)
                .OrderByDescending(x => x.Cos).ThenBy(x => x.Whole).Take(_o.PieceCandidates).ToList();
            for (var rank = 0; rank < ranked.Count; rank++)
            {
                var (i, c) = ranked[rank];
                if (c < _o.MinPieceSimilarity || wholeMatch[i] < 0) continue;
                var partner = wholeMatch[i];
                IEnumerable<int> members = groups.TryGetValue(i, out var g) ? g.Select(x => x.Item1) : [partner];
                if (members.Min(x => Math.Abs(x - k)) > maxDistance && !NeighbourNear(k, i, pieceMatch, pieceGrams, _o.PieceNeighbourDistance)) continue;
                var residual = 0;
                foreach (var gram in pieceGrams[k]) if (wholeGrams[i].Contains(gram) && !pieceGrams[partner].Contains(gram)) residual++;
                var share = (double)residual / pieceGrams[k].Count;
                if (share < minResidual || rank > 0 && share < _o.MinResidualBeyondClosest) continue;
                // A piece copied from the whole (反垄断法 不具有排除、限制竞争效果的，处…罚款 split off its article) needs no
                // wording of its own; a piece that shares only part of its text does.
                if (Containment(pieceGrams[k], wholeGrams[i]) < _o.MinContainment && !distinct(k, i)) continue;
                found.Add((k, i, c));
                break;
            }
        }
        foreach (var (k, i, c) in found)
        {
            if (!groups.ContainsKey(i)) groups[i] = [(wholeMatch[i], Math.Round(cos(wholeMatch[i], i), 2))];
            groups[i].Add((k, Math.Round(c, 2)));
            pieceMatch[k] = i;
        }
    }

    /// <summary>
    /// Whether a neighbour of <paramref name="k"/> (the nearest provision with a body on each side: headings are
    /// skipped) is aligned within <paramref name="d"/> positions of <paramref name="whole"/>.
    /// </summary>
    private static bool NeighbourNear(int k, int whole, int[] match, HashSet<int>[] grams, int d)
    {
        foreach (var step in (int[])[-1, 1])
        {
            var x = k + step;
            while (x >= 0 && x < match.Length && grams[x].Count == 0) x += step;
            if (x >= 0 && x < match.Length && match[x] >= 0 && Math.Abs(match[x] - whole) <= d) return true;
        }
        return false;
    }

    /// <summary>The index in [0, count) with the highest score, first on ties; (-1, 0) when no score is positive.</summary>
    private static (int Index, double Score) Best(int count, Func<int, double> score)
    {
        var (best, bestScore) = (-1, 0.0);
        for (var x = 0; x < count; x++)
        {
            var s = score(x);
            if (s > bestScore) (best, bestScore) = (x, s);
        }
        return (best, bestScore);
    }

    /// <summary>The text content similarity is measured on: the body, with abbreviations folded when asked.</summary>
    private string ContentText(string body) => _o.FoldAbbreviations ? AbbreviationFolding.Fold(body) : body;

    private static bool NeighboursAgree(int i, int j, int[] matchOld, int n, int m) =>
        i > 0 && j > 0 && matchOld[i - 1] == j - 1 || i + 1 < n && j + 1 < m && matchOld[i + 1] == j + 1;

    private void FindMergesAndSplits(HashSet<int>[] oldGrams, HashSet<int>[] newGrams, int[] matchOld, int[] matchNew,
        double[] similarity, Dictionary<int, List<(int Old, double Sim)>> mergedInto, Dictionary<int, List<(int New, double Sim)>> splitFrom)
    {
        const int minGrams = 4;
        var newIndex = new GramIndex(newGrams);
        var oldIndex = new GramIndex(oldGrams);
        // Merges: an unaligned old provision contained in a new one that already has a partner.
        for (var i = 0; i < oldGrams.Length; i++)
        {
            if (matchOld[i] >= 0 || oldGrams[i].Count < minGrams) continue;
            foreach (var (j, contained) in newIndex.Containers(oldGrams[i], _o.MinContainment))
            {
                if (matchNew[j] < 0) { matchOld[i] = j; matchNew[j] = i; similarity[i] = Dice(oldGrams[i], newGrams[j]); break; }
                var partner = matchNew[j];
                // A partner that already accounts for the whole new text leaves nothing for a merge to explain.
                if (Containment(oldGrams[partner], newGrams[j]) < 0.6 || Containment(newGrams[j], oldGrams[partner]) >= 0.9) continue;
                var group = mergedInto.TryGetValue(j, out var g) ? g.Select(x => x.Old).ToList() : [partner];
                var union = new HashSet<int>(group.SelectMany(o => oldGrams[o]));
                union.UnionWith(oldGrams[i]);
                if (Containment(newGrams[j], union) < 0.6) continue;
                if (!mergedInto.ContainsKey(j)) mergedInto[j] = [(partner, Containment(oldGrams[partner], newGrams[j]))];
                mergedInto[j].Add((i, contained));
                matchOld[i] = j;
                break;
            }
        }
        // Splits: an unaligned new provision contained in an old one that already has a partner.
        for (var j = 0; j < newGrams.Length; j++)
        {
            if (matchNew[j] >= 0 || newGrams[j].Count < minGrams) continue;
            foreach (var (i, contained) in oldIndex.Containers(newGrams[j], _o.MinContainment))
            {
                if (matchOld[i] < 0) { matchOld[i] = j; matchNew[j] = i; similarity[i] = Dice(oldGrams[i], newGrams[j]); break; }
                var partner = matchOld[i];
                if (mergedInto.ContainsKey(partner)) continue;
                if (Containment(newGrams[partner], oldGrams[i]) < 0.6 || Containment(oldGrams[i], newGrams[partner]) >= 0.9) continue;
                var group = splitFrom.TryGetValue(i, out var g) ? g.Select(x => x.New).ToList() : [partner];
                var union = new HashSet<int>(group.SelectMany(x => newGrams[x]));
                union.UnionWith(newGrams[j]);
                if (Containment(oldGrams[i], union) < 0.6) continue;
                if (!splitFrom.ContainsKey(i)) splitFrom[i] = [(partner, Containment(newGrams[partner], oldGrams[i]))];
                splitFrom[i].Add((j, contained));
                matchNew[j] = i;
                break;
            }
        }
    }

    /// <summary>Share of <paramref name="part"/>'s bigrams found in <paramref name="whole"/>.</summary>
    private static double Containment(HashSet<int> part, HashSet<int> whole)
    {
        if (part.Count == 0) return 0;
        var s = 0;
        foreach (var g in part) if (whole.Contains(g)) s++;
        return (double)s / part.Count;
    }

    private static double Dice(HashSet<int> a, HashSet<int> b)
    {
        if (a.Count + b.Count == 0) return 1;
        var s = 0;
        foreach (var g in a) if (b.Contains(g)) s++;
        return 2.0 * s / (a.Count + b.Count);
    }

    private static List<AlignedPair> Assemble(IReadOnlyList<DiffUnit> oldUnits, IReadOnlyList<DiffUnit> newUnits, int[] matchOld,
        int[] matchNew, double[] similarity, Dictionary<int, List<(int Old, double Sim)>> mergedInto,
        Dictionary<int, List<(int New, double Sim)>> splitFrom)
    {
        var keyed = new List<(double Key, AlignedPair Pair)>();
        var mergedOld = mergedInto.Values.SelectMany(g => g.Select(x => x.Old)).ToHashSet();
        for (var j = 0; j < newUnits.Count; j++)
        {
            if (mergedInto.TryGetValue(j, out var merged))
            {
                foreach (var (o, sim) in merged.OrderBy(x => x.Old))
                    keyed.Add((j + o * 1e-6, new AlignedPair(oldUnits[o], newUnits[j], PairChange.Merged, Round(sim))));
                continue;
            }
            var i = matchNew[j];
            if (i < 0) { keyed.Add((j, new AlignedPair(null, newUnits[j], PairChange.Added, 0))); continue; }
            if (splitFrom.TryGetValue(i, out var split))
            {
                keyed.Add((j, new AlignedPair(oldUnits[i], newUnits[j], PairChange.Split, Round(split.First(x => x.New == j).Sim))));
                continue;
            }
            var change = oldUnits[i].Body == newUnits[j].Body
                ? oldUnits[i].CanonicalLabel == newUnits[j].CanonicalLabel ? PairChange.Unchanged : PairChange.Moved
                : PairChange.Modified;
            keyed.Add((j, new AlignedPair(oldUnits[i], newUnits[j], change, change == PairChange.Modified ? Round(similarity[i]) : 1)));
        }
        var anchor = -1.0;
        for (var i = 0; i < oldUnits.Count; i++)
        {
            if (matchOld[i] >= 0 || mergedOld.Contains(i)) { if (matchOld[i] >= 0) anchor = matchOld[i]; continue; }
            keyed.Add((anchor + 0.5 + i * 1e-6, new AlignedPair(oldUnits[i], null, PairChange.Removed, 0)));
        }
        return keyed.OrderBy(k => k.Key).Select(k => k.Pair).ToList();
    }

    private static double Round(double d) => Math.Round(d, 2);
}

/// <summary>An inverted index from bigram to the texts holding it.</summary>
internal sealed class GramIndex
{
    private readonly HashSet<int>[] _texts;
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly int[] _shared;

    public GramIndex(HashSet<int>[] texts)
    {
        _texts = texts;
        _shared = new int[texts.Length];
        for (var k = 0; k < texts.Length; k++)
            foreach (var g in texts[k])
            {
                if (!_postings.TryGetValue(g, out var list)) _postings[g] = list = [];
                list.Add(k);
            }
    }

    /// <summary>Texts holding at least <paramref name="min"/> of <paramref name="part"/>'s bigrams, best first.</summary>
    public List<(int Index, double Containment)> Containers(HashSet<int> part, double min)
    {
        Array.Clear(_shared);
        foreach (var g in part)
            if (_postings.TryGetValue(g, out var list))
                foreach (var k in list) _shared[k]++;
        var found = new List<(int, double)>();
        for (var k = 0; k < _texts.Length; k++)
        {
            if (_texts[k].Count < part.Count || part.Count == 0) continue;
            var c = (double)_shared[k] / part.Count;
            if (c >= min) found.Add((k, c));
        }
        found.Sort((x, y) => y.Item2.CompareTo(x.Item2));
        return found;
    }
}

/// <summary>TF-IDF vectors over character bigrams (sublinear term frequency, smoothed IDF over both versions' units), L2-normalised.</summary>
internal static class TfIdf
{
    public static Dictionary<int, double>[] Vectors(IReadOnlyList<string> texts)
    {
        var counts = new Dictionary<int, int>[texts.Count];
        var df = new Dictionary<int, int>();
        for (var k = 0; k < texts.Count; k++)
        {
            var c = new Dictionary<int, int>();
            var t = texts[k];
            if (t.Length == 1) c[t[0]] = 1;
            for (var x = 0; x + 1 < t.Length; x++)
            {
                var g = t[x] << 16 | t[x + 1];
                c[g] = c.GetValueOrDefault(g) + 1;
            }
            foreach (var g in c.Keys) df[g] = df.GetValueOrDefault(g) + 1;
            counts[k] = c;
        }
        var n = texts.Count;
        var vectors = new Dictionary<int, double>[n];
        for (var k = 0; k < n; k++)
        {
            var v = new Dictionary<int, double>(counts[k].Count);
            var norm = 0.0;
            foreach (var (g, c) in counts[k])
            {
                var w = (1 + Math.Log(c)) * (Math.Log((n + 1.0) / (df[g] + 1.0)) + 1);
                v[g] = w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            if (norm > 0) foreach (var g in v.Keys.ToList()) v[g] /= norm;
            vectors[k] = v;
        }
        return vectors;
    }

    /// <summary>Cosines of every old vector (the first <paramref name="n"/>) with every new one (the next <paramref name="m"/>).</summary>
    public static double[][] Cosines(Dictionary<int, double>[] vectors, int n, int m)
    {
        var index = new Index(vectors, n, m);
        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            result[i] = new double[m];
            foreach (var (j, c) in index.Cosines(vectors[i])) result[i][j] = c;
        }
        return result;
    }

    /// <summary>Postings of the new version's vectors (those after the first <c>offset</c>), for cosines against an old one.</summary>
    public sealed class Index
    {
        private readonly Dictionary<int, List<(int Unit, double Weight)>> _postings = [];
        private readonly double[] _acc;
        private readonly List<int> _touched = [];

        public Index(Dictionary<int, double>[] vectors, int offset, int count)
        {
            _acc = new double[count];
            for (var j = 0; j < count; j++)
                foreach (var (g, w) in vectors[offset + j])
                {
                    if (!_postings.TryGetValue(g, out var list)) _postings[g] = list = [];
                    list.Add((j, w));
                }
        }

        public List<(int Unit, double Cosine)> Cosines(Dictionary<int, double> vector)
        {
            foreach (var j in _touched) _acc[j] = 0;
            _touched.Clear();
            foreach (var (g, w) in vector)
                if (_postings.TryGetValue(g, out var list))
                    foreach (var (j, x) in list)
                    {
                        if (_acc[j] == 0) _touched.Add(j);
                        _acc[j] += w * x;
                    }
            return _touched.Select(j => (j, _acc[j])).ToList();
        }
    }
}

/// <summary>Character bigrams (a single character for one-character texts) as integer keys.</summary>
public static class Bigrams
{
    public static HashSet<int> Of(string text)
    {
        var set = new HashSet<int>();
        if (text.Length == 1) set.Add(text[0]);
        for (var k = 0; k + 1 < text.Length; k++) set.Add(text[k] << 16 | text[k + 1]);
        return set;
    }
}
