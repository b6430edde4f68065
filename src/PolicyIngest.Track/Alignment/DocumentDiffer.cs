using DiffPlex;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track.Alignment;

/// <summary>A span [Start, End) of a unit's printed text that the other version does not have.</summary>
public readonly record struct TextMark(int Start, int End);

/// <summary>An aligned pair with its character-level changes marked on both sides.</summary>
public sealed record PairDiff(AlignedPair Pair, IReadOnlyList<TextMark> OldMarks, IReadOnlyList<TextMark> NewMarks)
{
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
        var oldMarks = new List<TextMark>();
        var newMarks = new List<TextMark>();
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteCountA > 0)
            {
                var from = o.BodyStart + head + block.DeleteStartA;
                var (s, e) = o.Comparable.OriginalSpan(from, from + block.DeleteCountA);
                oldMarks.Add(new TextMark(s, e));
            }
            if (block.InsertCountB > 0)
            {
                var from = n.BodyStart + head + block.InsertStartB;
                var (s, e) = n.Comparable.OriginalSpan(from, from + block.InsertCountB);
                newMarks.Add(new TextMark(s, e));
            }
        }
        return new PairDiff(pair, oldMarks, newMarks);
    }
}
