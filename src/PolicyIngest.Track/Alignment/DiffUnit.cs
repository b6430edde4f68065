using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Alignment;

/// <summary>
/// One provision compared as a whole: an article with its 款/项, or in an outline document an item such as （八）
/// with everything under it. Units are what the aligner pairs.
/// </summary>
public sealed record DiffUnit
{
    /// <summary>Position in the document's unit list.</summary>
    public required int Index { get; init; }
    /// <summary>Part number (0 = the document, 1… = attachments) and the id of the unit's first clause.</summary>
    public required int Part { get; init; }
    public required string ClauseId { get; init; }
    public required string Label { get; init; }
    public required IReadOnlyList<string> Path { get; init; }
    /// <summary>The unit's text as the document prints it (clauses joined by line breaks).</summary>
    public required string Text { get; init; }
    /// <summary>The clause ids the unit covers (amounts are mapped to units through them).</summary>
    public required IReadOnlyList<string> ClauseIds { get; init; }
    /// <summary>Text for comparison: cosmetic differences removed.</summary>
    public required ComparableText Comparable { get; init; }
    /// <summary>Where the body starts in <see cref="Comparable"/> (after the unit's own label, e.g. 第十五条).</summary>
    public required int BodyStart { get; init; }

    /// <summary>The comparable text without the unit's own label: what "same text" means.</summary>
    public string Body { get; private init; } = "";
    public string CanonicalLabel { get; private init; } = "";
    public string Key => $"{Part}:{ClauseId}";

    public static DiffUnit Create(int index, int part, string clauseId, string label, IReadOnlyList<string> path, string text,
        IReadOnlyList<string> clauseIds)
    {
        var comparable = ComparableText.From(text);
        var bodyStart = UnitLabels.LeadingLabelLength(comparable.Text);
        return new DiffUnit
        {
            Index = index, Part = part, ClauseId = clauseId, Label = label, Path = path, Text = text, ClauseIds = clauseIds,
            Comparable = comparable, BodyStart = bodyStart, Body = comparable.Text[bodyStart..], CanonicalLabel = UnitLabels.Canonical(label),
        };
    }
}

public static partial class UnitLabels
{
    /// <summary>第15条 → 第十五条, (一)/㈠ → （一）, spaces dropped: labels compare equal when they mean the same.</summary>
    public static string Canonical(string label) => ComparableText.From(label).Text;

    /// <summary>Length of a leading provision number in comparable text (第十五条, （八）, 八、, 3.), 0 when none.</summary>
    public static int LeadingLabelLength(string comparable)
    {
        var m = LeadingLabel().Match(comparable);
        return m.Success ? m.Length : 0;
    }

    [GeneratedRegex(@"^(?:第[零〇一二两三四五六七八九十百千]+[条章节编](?:之[一二三四五六七八九十]+)?|（[一二三四五六七八九十]+）|[一二三四五六七八九十百]+、|\d{1,3}[.、](?!\d))")]
    private static partial Regex LeadingLabel();
}

/// <summary>Turns a document's clause list into the units the aligner compares.</summary>
public static class UnitBuilder
{
    public static IReadOnlyList<DiffUnit> Build(PolicyDocument document)
    {
        var units = new List<DiffUnit>();
        AddPart(units, 0, null, document.Clauses);
        for (var p = 0; p < document.Parts.Count; p++)
            AddPart(units, p + 1, document.Parts[p].Title, document.Parts[p].Clauses);
        return units;
    }

    private sealed class Draft(Clause head, int depth)
    {
        public Clause Head { get; } = head;
        public int Depth { get; } = depth;
        public List<Clause> Members { get; } = [head];
    }

    private static void AddPart(List<DiffUnit> units, int part, string? partTitle, IReadOnlyList<Clause> clauses)
    {
        var drafts = new List<Draft>();
        var hasArticles = clauses.Any(c => c.Kind == ClauseKind.Article);
        var outlineTop = clauses.Where(c => !IsHeading(c) && c.Label.Length > 0 && c.Path.Count > 0)
            .Select(c => c.Path.Count).DefaultIfEmpty(0).Min();
        Draft? current = null;
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            if (IsHeading(c)) { current = null; continue; }
            if (hasArticles)
            {
                if (c.Kind == ClauseKind.Article) drafts.Add(current = new Draft(c, c.Path.Count));
                else if (current is not null && Belongs(current, c)) current.Members.Add(c);
                else { drafts.Add(new Draft(c, c.Path.Count)); current = null; }
                continue;
            }
            // Outline numbering (一、（一）1.): the top level is a heading when numbered children follow it;
            // the level below it carries the provisions and absorbs everything deeper.
            if (current is not null && Belongs(current, c)) { current.Members.Add(c); continue; }
            var next = i + 1 < clauses.Count ? clauses[i + 1] : null;
            var isTopContainer = c.Label.Length > 0 && c.Path.Count == outlineTop && next is not null
                && next.Label.Length > 0 && next.Path.Count > c.Path.Count && StartsWith(next.Path, c.Path)
                && LabelOnlyOrShort(c);
            if (isTopContainer) { current = null; continue; }
            drafts.Add(current = new Draft(c, c.Path.Count));
        }

        foreach (var d in drafts)
        {
            var text = string.Join("\n", d.Members.Select(m => m.Text).Where(t => t.Length > 0));
            var path = partTitle is null ? d.Head.Path : [partTitle, .. d.Head.Path];
            units.Add(DiffUnit.Create(units.Count, part, d.Head.Id, d.Head.Label, path, text, d.Members.Select(m => m.Id).ToList()));
        }
    }

    private static bool IsHeading(Clause c) => c.Kind is ClauseKind.Chapter or ClauseKind.Section;

    /// <summary>A clause belongs to the open unit when its path lies under the unit's (or, without paths, when it is an unnumbered paragraph or a deeper item).</summary>
    private static bool Belongs(Draft unit, Clause c)
    {
        // A 款 paragraph may carry its article's own path; a deeper item carries the article's path as a prefix.
        if (unit.Head.Path.Count > 0 && c.Path.Count > 0)
            return StartsWith(c.Path, unit.Head.Path) && (c.Path.Count > unit.Head.Path.Count || c.Label.Length == 0)
                   && c.Kind is not (ClauseKind.Article or ClauseKind.Chapter or ClauseKind.Section);
        return unit.Head.Kind switch
        {
            ClauseKind.Article => c.Kind is ClauseKind.Item or ClauseKind.Subitem or ClauseKind.Paragraph,
            ClauseKind.Item => c.Kind is ClauseKind.Subitem,
            _ => false,
        };
    }

    private static bool StartsWith(IReadOnlyList<string> path, IReadOnlyList<string> prefix)
    {
        if (prefix.Count > path.Count) return false;
        for (var i = 0; i < prefix.Count; i++) if (path[i] != prefix[i]) return false;
        return true;
    }

    private static bool LabelOnlyOrShort(Clause c)
    {
        var body = ComparableText.From(c.Text).Text;
        body = body[UnitLabels.LeadingLabelLength(body)..];
        return body.Length <= 40 || c.Heading is not null && body.Length <= c.Heading.Length + 2;
    }
}
