using PolicyIngest.Core.Model;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// A condition the matcher reads from the clause as a whole (its classified sector, whom an award pays, the trade an item
/// names, the result it pays on, business abroad), not from a span of its text: written "lead：detail" at no offset, so
/// the page shows where it came from and <see cref="PolicyMatchService"/> can tell one kind from another.
/// </summary>
internal static class ClauseReading
{
    public static TextSpan Span(string lead, string detail) => new($"{lead}：{detail}", -1);

    public static bool Is(EligibilityCondition condition, string lead) =>
        condition.Span.Start < 0 && condition.Text.StartsWith(lead, StringComparison.Ordinal);
}
