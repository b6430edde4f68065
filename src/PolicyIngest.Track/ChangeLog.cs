using PolicyIngest.Catalogue;

namespace PolicyIngest.Track;

/// <summary>What `changes` lists: new, revised, repealed and expired versions in a period, with their reports.</summary>
public static class ChangeLog
{
    /// <summary>One line of `changes`: what happened to which version, and the report that shows it.</summary>
    public sealed record ChangeEntry(string Kind, string PolicyId, string VersionId, string Title, string? DocNumber, string Status,
        string Date, string? PreviousVersionId, string? Report, string? Reason, string? ByVersionId = null);

    public static List<ChangeEntry> Collect(TrackStore store, DateOnly from, DateOnly asOf)
    {
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var entries = new List<ChangeEntry>();
        foreach (var v in store.IngestedSince(since, asOf))
        {
            var report = store.ReportsOf(v.Id).FirstOrDefault(r => r.Kind == "revised");
            // Revised when an earlier version of the policy is catalogued: not by seq, which counts versions since folded
            // into this one as parts (a notice that arrived before its attachment).
            var previous = report?.PreviousVersionId ?? store.VersionsOf(v.PolicyId, asOf).TakeWhile(x => x.Id != v.Id).LastOrDefault()?.Id;
            var kind = previous is null ? "new" : "revised";
            entries.Add(new ChangeEntry(kind, v.PolicyId, v.Id, v.Title, v.DocNumber, v.Status, v.IngestedAt.ToString("yyyy-MM-dd"),
                previous, report?.Path, v.LinkReason));
        }
        foreach (var r in store.RepealedSince(since, asOf))
        {
            var report = store.ReportsOf(r.ByVersionId).FirstOrDefault(x => x.PreviousVersionId == r.Repealed.Id);
            entries.Add(new ChangeEntry("repealed", r.Repealed.PolicyId, r.Repealed.Id, r.Repealed.Title, r.Repealed.DocNumber, r.Repealed.Status,
                r.ByIngestedAt.ToString("yyyy-MM-dd"), null, report?.Path, r.Repealed.StatusReason, r.ByVersionId));
        }
        foreach (var v in store.ExpiredBetween(from, asOf))
            entries.Add(new ChangeEntry("expired", v.PolicyId, v.Id, v.Title, v.DocNumber, v.Status, v.ExpiresOn!.Value.ToString("yyyy-MM-dd"),
                null, null, ValidityReport.Expired(store, v)));
        return entries;
    }
}
