using System.Globalization;
using System.Data.Common;
using PolicyIngest.Catalogue.Sql;

namespace PolicyIngest.Catalogue;

/// <summary>A version repealed by another one (for `changes`).</summary>
public sealed record RepealEvent(TrackedVersion Repealed, string ByVersionId, string ByTitle, DateTimeOffset ByIngestedAt);

public sealed record ChangeReport(string VersionId, string Kind, string PreviousVersionId, string? Path, DateTimeOffset CreatedAt);

/// <summary>
/// The SQL of version tracking: link keys, repeals, the superseded chain, status (always through
/// <see cref="StatusSql.Case"/>), expiry lists and change reports. Its public look-ups read what is committed; the
/// writes of a version being stored go through that version's <see cref="IVersionWrite"/> (<see cref="VersionWrite"/>).
/// </summary>
public sealed class TrackStore(CatalogueStore catalogue) : IVersionLookup
{
    public CatalogueStore Catalogue => catalogue;

    public IReadOnlyList<TrackedVersion> ByDocNumberKey(string key, DateOnly asOf) => ByDocNumberKey(key, asOf, null);

    public IReadOnlyList<TrackedVersion> ByTitleKey(string key, DateOnly asOf) => ByTitleKey(key, asOf, null);

    public TrackedVersion? Version(string id, DateOnly asOf) => Version(id, asOf, null);

    /// <summary>The versions of a policy, oldest first (by issue date, then arrival).</summary>
    public IReadOnlyList<TrackedVersion> VersionsOf(string policyId, DateOnly asOf) => VersionsOf(policyId, asOf, null);

    public IReadOnlyList<RepealRef> RepealRefsNaming(string? titleKey, string? docNumberKey) => RepealRefsNaming(titleKey, docNumberKey, null);

    internal void SetKeys(DbTransaction tx, string versionId, string? titleKey, string? docNumberKey, string? textKey) =>
        Exec(tx, TrackSql.SetKeys, ("@id", versionId), ("@title_key", titleKey), ("@doc_number_key", docNumberKey), ("@text_key", textKey));

    internal IReadOnlyList<TrackedVersion> ByDocNumberKey(string key, DateOnly asOf, DbTransaction? tx) =>
        Query(tx, TrackSql.ByDocNumberKey, asOf, ("@key", key));

    internal IReadOnlyList<TrackedVersion> ByTitleKey(string key, DateOnly asOf, DbTransaction? tx) =>
        Query(tx, TrackSql.ByTitleKey, asOf, ("@key", key));

    internal TrackedVersion? Version(string id, DateOnly asOf, DbTransaction? tx) =>
        Query(tx, TrackSql.ById, asOf, ("@id", id)).FirstOrDefault();

    internal IReadOnlyList<TrackedVersion> VersionsOf(string policyId, DateOnly asOf, DbTransaction? tx) =>
        Query(tx, TrackSql.ByPolicy, asOf, ("@policy", policyId));

    internal IReadOnlyList<RepealRef> RepealRefsNaming(string? titleKey, string? docNumberKey, DbTransaction? tx)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(TrackSql.RepealRefsByKeys, ("@title_key", titleKey), ("@doc_number_key", docNumberKey));
            cmd.Transaction = tx;
            using var r = cmd.ExecuteReader();
            var list = new List<RepealRef>();
            while (r.Read()) list.Add(new RepealRef(r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetString(3)));
            return list;
        }
    }

    internal IReadOnlyList<UnkeyedRef> UnkeyedRefs(DbTransaction tx)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(TrackSql.UnkeyedRefs);
            cmd.Transaction = tx;
            using var r = cmd.ExecuteReader();
            var list = new List<UnkeyedRef>();
            while (r.Read()) list.Add(new UnkeyedRef(r.GetInt64(0), NullableString(r, 1), NullableString(r, 2)));
            return list;
        }
    }

    internal void SetRefKeys(DbTransaction tx, long refId, string? titleKey, string? docNumberKey) =>
        Exec(tx, TrackSql.SetRefKeys, ("@id", refId), ("@title_key", titleKey), ("@doc_number_key", docNumberKey));

    internal void SetRepealedBy(DbTransaction tx, string versionId, string byVersionId, string reason) =>
        Exec(tx, TrackSql.SetRepealedBy, ("@id", versionId), ("@by", byVersionId), ("@reason", reason));

    internal void SetSupersededBy(DbTransaction tx, string versionId, string? byVersionId, string? reason) =>
        Exec(tx, TrackSql.SetSupersededBy, ("@id", versionId), ("@by", byVersionId), ("@reason", reason));

    /// <summary>Records a 新旧对照 report written after the version's transaction committed (its path null when it could not be written).</summary>
    public void AddReport(string versionId, string kind, string previousVersionId, string? path, DateTimeOffset now) =>
        Exec(null, TrackSql.InsertReport, ("@version", versionId), ("@kind", kind), ("@previous", previousVersionId), ("@path", path),
            ("@now", now.ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Forgets a version's reports of one kind (the chain changed under it; the tracker writes the right one).</summary>
    public void RemoveReports(string versionId, string kind) =>
        Exec(null, TrackSql.DeleteReports, ("@version", versionId), ("@kind", kind));

    public IReadOnlyList<ChangeReport> ReportsOf(string versionId)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(TrackSql.ReportsOf, ("@version", versionId));
            using var r = cmd.ExecuteReader();
            var list = new List<ChangeReport>();
            while (r.Read())
                list.Add(new ChangeReport(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3),
                    DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture)));
            return list;
        }
    }

    public string? ReportFor(string previousVersionId, string kind)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(TrackSql.ReportFor, ("@previous", previousVersionId), ("@kind", kind));
            return cmd.ExecuteScalar() as string;
        }
    }

    public IReadOnlyList<TrackedVersion> IngestedSince(DateTimeOffset since, DateOnly asOf) =>
        Query(null, TrackSql.IngestedSince, asOf, ("@since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));

    public IReadOnlyList<RepealEvent> RepealedSince(DateTimeOffset since, DateOnly asOf)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(TrackSql.RepealedSince, ("@since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("@asOf", Iso(asOf)));
            using var r = cmd.ExecuteReader();
            var list = new List<RepealEvent>();
            while (r.Read()) list.Add(new RepealEvent(Read(r), r.GetString(18), r.GetString(19), DateTimeOffset.Parse(r.GetString(20), CultureInfo.InvariantCulture)));
            return list;
        }
    }

    public IReadOnlyList<TrackedVersion> ExpiredBetween(DateOnly from, DateOnly asOf) =>
        Query(null, TrackSql.ExpiredBetween, asOf, ("@from", Iso(from)));

    public IReadOnlyList<TrackedVersion> ExpiringWithin(DateOnly asOf, int days) =>
        Query(null, TrackSql.ExpiringBetween, asOf, ("@until", Iso(asOf.AddDays(days))));

    private List<TrackedVersion> Query(DbTransaction? tx, string sql, DateOnly asOf, params (string, object?)[] args)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(sql, [.. args, ("@asOf", Iso(asOf))]);
            cmd.Transaction = tx;
            using var r = cmd.ExecuteReader();
            var list = new List<TrackedVersion>();
            while (r.Read()) list.Add(Read(r));
            return list;
        }
    }

    private static TrackedVersion Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), NullableString(r, 4), NullableString(r, 5), NullableString(r, 6),
        Date(r, 7), Date(r, 8), Date(r, 9), DateTimeOffset.Parse(r.GetString(10), CultureInfo.InvariantCulture), NullableString(r, 11),
        NullableString(r, 12), NullableString(r, 13), NullableString(r, 14), r.GetString(15), r.GetString(16), r.GetString(17));

    private void Exec(DbTransaction? tx, string sql, params (string, object?)[] args)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(sql, args);
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
