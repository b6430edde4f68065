using DiffPlex;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track.Alignment;

/// <summary>A span [Start, End) of a unit's printed text that the other version does not have.</summary>
public readonly record struct TextMark(int Start, int End);

/// <summary>An aligned pair with its character-level changes marked on both sides.</summary>
/// <summary>One edit inside a pair: what the old text had there and what the new one has (either may be empty).</summary>
public sealed record TextEdit(TextMark? Old, TextMark? New);

public sealed record PairDiff(AlignedPair Pair, IReadOnlyList<TextMark> OldMarks, IReadOnlyList<TextMark> NewMarks)
{
    /// <summary>The edits in reading order, nearby ones joined (for summaries: 「超过100亿元」→「超过120亿元」).</summary>
    public IReadOnlyList<TextEdit> Edits { get; init; } = [];

    public PairChange Change => Pair.Change;
}

public sealed record DiffSummary(int Unchanged, int Modified, int Moved, int Added, int Removed, int Merged, int Split)
{
    public int Changed => Modified + Moved + Added + Removed + Merged + Split;
}

/// <summary>Everything `diff` prints: the aligned pairs with their marks and the amount changes.</summary>
public sealed record DocumentDiff(PolicyDocument Old, PolicyDocument New, IReadOnlyList<PairDiff> Pairs, IReadOnlyList<AmountChange> AmountChanges)
{
    public DiffSummary Summary { get; } = new(
        Pairs.Count(p => p.Change == PairChange.Unchanged), Pairs.Count(p => p.Change == PairChange.Modified),
        Pairs.Count(p => p.Change == PairChange.Moved), Pairs.Count(p => p.Change == PairChange.Added),
        Pairs.Count(p => p.Change == PairChange.Removed), Pairs.Count(p => p.Change == PairChange.Merged),
        Pairs.Count(p => p.Change == PairChange.Split));
}

/// <summary>Two versions in, their clause-level comparison out. Pure.</summary>
public sealed class DocumentDiffer(ClauseAligner? aligner = null)
{
    private static readonly Differ Chars = new();
    private readonly ClauseAligner _aligner = aligner ?? new ClauseAligner();

    public DocumentDiff Diff(PolicyDocument oldDoc, PolicyDocument newDoc)
    {
        var pairs = _aligner.Align(UnitBuilder.Build(oldDoc), UnitBuilder.Build(newDoc));
        var diffs = pairs.Select(Mark).ToList();
        return new DocumentDiff(oldDoc, newDoc, diffs, AmountChangeFinder.Find(pairs, oldDoc, newDoc));
    }

    private static PairDiff Mark(AlignedPair pair)
    {
        if (pair.Old is not { } o || pair.New is not { } n)
        {
            var whole = pair.Old ?? pair.New!;
            IReadOnlyList<TextMark> all = whole.Text.Length == 0 ? [] : [new TextMark(0, whole.Text.Length)];
            return pair.Old is null ? new PairDiff(pair, [], all) : new PairDiff(pair, all, []);
        }
        if (o.Body == n.Body) return new PairDiff(pair, [], []);
        // The common head and tail are cut before DiffPlex sees the texts: most revisions touch a few characters.
        var a = o.Body;
        var b = n.Body;
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
        var result = Chars.CreateCharacterDiffs(a[head..(a.Length - tail)], b[head..(b.Length - tail)], ignoreWhitespace: false);
        // Blocks a few characters apart are one edit for the reader: 100亿 → 120亿 is not 0 → 2.
        const int join = 2;
        var blocks = new List<(int A, int ACount, int B, int BCount)>();
        foreach (var block in result.DiffBlocks)
        {
            var cur = (A: head + block.DeleteStartA, ACount: block.DeleteCountA, B: head + block.InsertStartB, BCount: block.InsertCountB);
            if (blocks.Count > 0)
            {
                var last = blocks[^1];
                if (cur.A - (last.A + last.ACount) <= join && cur.B - (last.B + last.BCount) <= join)
                {
                    blocks[^1] = (last.A, cur.A + cur.ACount - last.A, last.B, cur.B + cur.BCount - last.B);
                    continue;
                }
            }
            blocks.Add(cur);
        }
        var oldMarks = new List<TextMark>();
        var newMarks = new List<TextMark>();
        var edits = new List<TextEdit>();
        foreach (var (aStart, aCount, bStart, bCount) in blocks)
        {
            TextMark? om = null, nm = null;
            if (aCount > 0)
            {
                var (s, e) = o.Comparable.OriginalSpan(o.BodyStart + aStart, o.BodyStart + aStart + aCount);
                oldMarks.Add((om = new TextMark(s, e)).Value);
            }
            if (bCount > 0)
            {
                var (s, e) = n.Comparable.OriginalSpan(n.BodyStart + bStart, n.BodyStart + bStart + bCount);
                newMarks.Add((nm = new TextMark(s, e)).Value);
            }
            edits.Add(new TextEdit(om, nm));
        }
        return new PairDiff(pair, oldMarks, newMarks) { Edits = edits };
    }
}
