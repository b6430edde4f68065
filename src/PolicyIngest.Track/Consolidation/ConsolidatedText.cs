using System.Text.Json.Serialization;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Track.Consolidation;

/// <summary>One version of a policy's chain as the consolidation reads it.</summary>
public sealed record ChainVersion(string VersionId, PolicyDocument Document, string? DocNumber, DateOnly? IssuedOn);

/// <summary>How the revision that last touched a provision changed it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoteKind>))]
public enum NoteKind
{
    [JsonStringEnumMemberName("modified")] Modified,
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("merged")] Merged,
    [JsonStringEnumMemberName("split")] Split,
    /// <summary>Only the number changed (the text is the first version's).</summary>
    [JsonStringEnumMemberName("renumbered")] Renumbered,
}

/// <summary>A later renumbering of a provision whose text last changed in an earlier revision.</summary>
public sealed record Renumbering(Revision Revision, string FromLabel);

/// <summary>
/// The 编注 of one provision (<see cref="Label"/>, as the consolidated version numbers it) of the consolidated text:
/// which revision last changed it, how, and what it was called before (<see cref="FormerLabels"/>: the labels in the
/// version before <see cref="Revision"/>; several for a merge).
/// </summary>
public sealed record EditorNote(
    string Label, NoteKind Kind, Revision Revision, IReadOnlyList<string> FormerLabels, string LabelAtRevision, Renumbering? RenumberedLater, string Text)
{
    public const string Prefix = "【编注】";

    public string Display => Prefix + Text;
}

/// <summary>One clause of the consolidated text in reading order; <see cref="Note"/> sits on the last clause of a noted provision.</summary>
public sealed record ConsolidatedClause(int Part, Clause Clause, EditorNote? Note);

/// <summary>A provision of the version before the last revision that the last revision removed.</summary>
public sealed record RemovedProvision(string Label, string Text, Revision Revision)
{
    public string Display => $"{EditorNote.Prefix}原{Label}根据{Revision.Phrase}删除";
}

/// <summary>
/// The 整理版 of a policy's newest version: its clauses in order, each provision that a revision in the chain changed
/// carrying an <see cref="EditorNote"/>, and the provisions the last revision removed.
/// </summary>
public sealed record ConsolidatedDocument(
    IReadOnlyList<ChainVersion> Chain, IReadOnlyList<Revision> Revisions, IReadOnlyList<string> PartTitles,
    IReadOnlyList<ConsolidatedClause> Clauses, IReadOnlyList<RemovedProvision> Removed)
{
    public ChainVersion Current => Chain[^1];

    public IEnumerable<EditorNote> Notes => Clauses.Select(c => c.Note).OfType<EditorNote>();

    /// <summary>The version a revision was made to (for a link to its 新旧对照).</summary>
    public string PreviousOf(Revision revision) => Chain.TakeWhile(v => v.VersionId != revision.VersionId).Last().VersionId;
}

/// <summary>
/// Builds the consolidated text of the newest version of a chain (oldest → newest). For every provision (a
/// <see cref="DiffUnit"/>) of the newest version it follows the provision's partner back through the chain with the
/// <see cref="DocumentDiffer"/>, pair of versions by pair, until the revision that modified, added, merged or split it.
/// Provisions the same as in the first version get no note: the chain's first version may not be the policy's first
/// text, and a note on every untouched article would hide the changed ones. Pure.
/// </summary>
public static class ConsolidatedText
{
    public static ConsolidatedDocument Build(IReadOnlyList<ChainVersion> chain, DocumentDiffer? differ = null)
    {
        if (chain.Count == 0) throw new ArgumentException("a chain has at least one version", nameof(chain));
        differ ??= new DocumentDiffer();
        var current = chain[^1];
        var revisions = chain.Skip(1).Select(Revision.Of).ToList();
        // diffs[k] compares chain[k] with chain[k + 1]: revision k.
        var diffs = chain.Zip(chain.Skip(1), (a, b) => differ.Diff(a.Document, b.Document)).ToList();
        var byNew = diffs.Select(d => d.Pairs.Where(p => p.Pair.New is not null).ToLookup(p => p.Pair.New!.Key)).ToList();

        var units = UnitBuilder.Build(current.Document);
        var annotateUnlabelled = units.All(u => u.Label.Length == 0);
        var noteByLastClause = new Dictionary<(int Part, string ClauseId), EditorNote>();
        foreach (var unit in units)
        {
            if (unit.Label.Length == 0 && !annotateUnlabelled) continue; // title and promulgation lines above the articles
            if (History(unit, byNew, revisions) is { } note) noteByLastClause[(unit.Part, unit.ClauseIds[^1])] = note;
        }

        var clauses = new List<ConsolidatedClause>();
        void AddPart(int part, IReadOnlyList<Clause> list)
        {
            foreach (var c in list) clauses.Add(new ConsolidatedClause(part, c, noteByLastClause.GetValueOrDefault((part, c.Id))));
        }
        AddPart(0, current.Document.Clauses);
        for (var p = 0; p < current.Document.Parts.Count; p++) AddPart(p + 1, current.Document.Parts[p].Clauses);

        var removed = diffs.Count == 0 ? [] : diffs[^1].Pairs
            .Where(p => p.Change == PairChange.Removed && (p.Pair.Old!.Label.Length > 0 || annotateUnlabelled))
            .Select(p => new RemovedProvision(FormerLabel(p.Pair.Old!), p.Pair.Old!.Text, revisions[^1]))
            .ToList();
        return new ConsolidatedDocument(chain, revisions, current.Document.Parts.Select(p => p.Title).ToList(), clauses, removed);
    }

    /// <summary>Walks from the newest version back until the revision that changed the provision's text.</summary>
    private static EditorNote? History(DiffUnit unit, IReadOnlyList<ILookup<string, PairDiff>> byNew, IReadOnlyList<Revision> revisions)
    {
        var key = unit.Key;
        Renumbering? renumbering = null;
        for (var k = byNew.Count - 1; k >= 0; k--)
        {
            var pairs = byNew[k][key].ToList();
            if (pairs.Count == 0) return null; // not in this diff (cannot happen for units of the compared documents)
            var pair = pairs[0].Pair;
            var labelThen = pair.New!.Label;
            switch (pair.Change)
            {
                case PairChange.Unchanged:
                    key = pair.Old!.Key;
                    continue;
                case PairChange.Moved:
                    renumbering ??= new Renumbering(revisions[k], FormerLabel(pair.Old!));
                    key = pair.Old!.Key;
                    continue;
                case PairChange.Added:
                    return Note(NoteKind.Added, revisions[k], [], labelThen, unit, renumbering);
                case PairChange.Merged:
                    return Note(NoteKind.Merged, revisions[k], pairs.Select(p => FormerLabel(p.Pair.Old!)).ToList(), labelThen, unit, renumbering);
                case PairChange.Split:
                    return Note(NoteKind.Split, revisions[k], [FormerLabel(pair.Old!)], labelThen, unit, renumbering);
                default:
                    return Note(NoteKind.Modified, revisions[k], [FormerLabel(pair.Old!)], labelThen, unit, renumbering);
            }
        }
        return renumbering is null ? null
            : Note(NoteKind.Renumbered, renumbering.Revision, [renumbering.FromLabel], unit.Label, unit, null);
    }

    private static EditorNote Note(NoteKind kind, Revision revision, IReadOnlyList<string> former, string labelThen, DiffUnit unit, Renumbering? later) =>
        new(unit.Label, kind, revision, former, labelThen, later, EditorNoteText.Compose(kind, revision, former, labelThen, unit.Label, later));

    /// <summary>An old provision as a note names it: its label, or for an unnumbered paragraph its place.</summary>
    private static string FormerLabel(DiffUnit u) => u.Label.Length > 0 ? u.Label : $"第{u.Index + 1}段";
}

/// <summary>The Chinese wording of a 编注. Pure.</summary>
public static class EditorNoteText
{
    /// <summary>
    /// <paramref name="labelThen"/> is the provision's label in the revised version, <paramref name="labelNow"/> in the
    /// newest; they differ when a later revision renumbered it (<paramref name="later"/>).
    /// </summary>
    public static string Compose(NoteKind kind, Revision revision, IReadOnlyList<string> former, string labelThen, string labelNow, Renumbering? later)
    {
        var self = Self(labelNow);
        var movedLater = later is not null && !SameLabel(labelThen, labelNow);
        // Before a later renumbering the provision had another number: the first sentence names it by that number.
        var then = movedLater ? labelThen : self;
        var r = revision.Phrase;
        var text = kind switch
        {
            NoteKind.Added => $"{then}根据{r}增加",
            NoteKind.Merged => $"{then}根据{r}由原{Labels(former)}合并",
            NoteKind.Split => $"{then}根据{r}由原{Labels(former)}拆分",
            NoteKind.Renumbered => $"原{former[0]}，根据{r}改为{self}",
            _ when SameLabel(former[0], labelThen) => $"{then}根据{r}修改",
            _ => $"原{former[0]}，根据{r}修改后改为{then}",
        };
        return movedLater ? $"{text}；原{labelThen}，根据{later!.Revision.Phrase}改为{self}" : text;
    }

    /// <summary>本条 for an article, 本项 for an outline item, 本段 for an unnumbered paragraph.</summary>
    public static string Self(string label) =>
        label.Length == 0 ? "本段" : label.StartsWith('第') && label.Contains('条') ? "本条" : "本项";

    /// <summary>原第四十三条、第四十四条: the labels joined as a Chinese list.</summary>
    private static string Labels(IReadOnlyList<string> labels) => string.Join("、", labels);

    private static bool SameLabel(string a, string b) => UnitLabels.Canonical(a) == UnitLabels.Canonical(b);
}
