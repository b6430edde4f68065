using PolicyIngest.Core.Model;
using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using PolicyIngest.Catalogue.Sql;

namespace PolicyIngest.Catalogue.Reads;

/// <summary>Which versions a read covers.</summary>
public enum VersionScope { Current = 0, All = 1 }

/// <summary>A stored version with its catalogue status (as of a date) and what set it.</summary>
public sealed record VersionStatusRow(
    string PolicyId, string VersionId, int Seq, string Title, string? NoticeTitle, string? DocNumber, string? Issuer,
    string? Region, string DocType, string Format, DateOnly? IssuedOn, DateOnly? EffectiveFrom, DateOnly? ExpiresOn,
    string? Interprets, string Status, string? StatusReason, string? SupersededBy, string? RepealedBy,
    string? RepealedByTitle, string? RepealedByDocNumber, string Source, string Sha256, DateTimeOffset IngestedAt,
    string? LinkReason, int ClauseCount, int AmountCount);

/// <summary>One amount row of the catalogue with the policy it belongs to. Part 0 is the document itself.</summary>
public sealed record AmountExportRow(
    string PolicyId, string VersionId, string PolicyTitle, string? DocNumber, int PartNo, string? PartTitle,
    string ClauseId, string Article, string Text, decimal Yuan, decimal? YuanHigh, string Unit, string Role,
    string? Per, string? Condition);

/// <summary>One clause row of the catalogue with the policy it belongs to.</summary>
public sealed record ClauseExportRow(
    string PolicyId, string VersionId, string PolicyTitle, string? DocNumber, int PartNo, string? PartTitle, int Ord,
    string ClauseId, string Kind, string Label, IReadOnlyList<string> Path, string? Heading, string Text, int? Page,
    string? Category, IReadOnlyList<string> Instruments, IReadOnlyList<string> Industries)
{
    /// <summary>The lowest confidence among the clause's given labels (<see cref="ClauseReview"/>); null when it has none.</summary>
    public double? LowestConfidence { get; init; }

    /// <summary>Flagged <see cref="ClauseReview.Flag"/>: a label was given with a confidence below <see cref="ClauseReview.Threshold"/>.</summary>
    public bool NeedsReview => ClauseReview.NeedsReview(LowestConfidence);
}

/// <summary>
/// Read-only queries over the catalogue for exports and the web UI. Rows are streamed: enumerate each result once,
/// on a store that no other thread uses at the same time.
/// </summary>
public sealed class CatalogueReader(CatalogueStore store)
{
    public IEnumerable<VersionStatusRow> Versions(DateOnly asOf, VersionScope scope) =>
        Query(ExportSql.Versions, ReadVersion, ("@asOf", Iso(asOf)), ("@scope", (int)scope));

    public IReadOnlyList<VersionStatusRow> VersionsOfPolicy(string policyId, DateOnly asOf) =>
        Query(ExportSql.VersionsOfPolicy, ReadVersion, ("@asOf", Iso(asOf)), ("@policy", policyId)).ToList();

    public VersionStatusRow? Version(string versionId, DateOnly asOf) =>
        Query(ExportSql.VersionById, ReadVersion, ("@asOf", Iso(asOf)), ("@id", versionId)).FirstOrDefault();

    /// <summary>The newest version that nothing supersedes; null for an unknown policy id.</summary>
    public string? CurrentVersionId(string policyId) =>
        Query(ExportSql.CurrentVersionOfPolicy, r => r.GetString(0), ("@policy", policyId)).FirstOrDefault();

    public IReadOnlyList<VersionStatusRow> RecentlyIngested(DateOnly asOf, int limit) =>
        Query(ExportSql.RecentVersions, ReadVersion, ("@asOf", Iso(asOf)), ("@limit", limit)).ToList();

    public IEnumerable<AmountExportRow> Amounts(VersionScope scope) =>
        Query(ExportSql.Amounts, r => new AmountExportRow(
            r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetInt32(4), Text(r, 5), r.GetString(6), r.GetString(7),
            r.GetString(8), Dec(r, 9), r.IsDBNull(10) ? null : Dec(r, 10), r.GetString(11), r.GetString(12),
            Text(r, 13), Text(r, 14)), ("@scope", (int)scope));

    public IEnumerable<ClauseExportRow> Clauses(VersionScope scope) =>
        Query(ExportSql.Clauses, r => new ClauseExportRow(
            r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetInt32(4), Text(r, 5), r.GetInt32(6), r.GetString(7),
            r.GetString(8), r.GetString(9), List(r.GetString(10)), Text(r, 11), r.GetString(12), r.IsDBNull(13) ? null : r.GetInt32(13),
            Text(r, 14), List(r.GetString(15)), List(r.GetString(16)))
        {
            LowestConfidence = Text(r, 14) is null ? null : ClauseReview.LowestConfidence(r.IsDBNull(17) ? null : r.GetDouble(17),
                Confidences(r.GetString(18)), Confidences(r.GetString(19))),
        }, ("@scope", (int)scope));

    private static IReadOnlyDictionary<string, double> Confidences(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];

    private static VersionStatusRow ReadVersion(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
        r.GetString(8), r.GetString(9), Date(r, 10), Date(r, 11), Date(r, 12), Text(r, 13), r.GetString(14), Text(r, 15),
        Text(r, 16), Text(r, 17), Text(r, 18), Text(r, 19), r.GetString(20), r.GetString(21),
        DateTimeOffset.Parse(r.GetString(22), CultureInfo.InvariantCulture), Text(r, 23), r.GetInt32(24), r.GetInt32(25));

    private IEnumerable<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string, object?)[] args)
    {
        using var cmd = store.Command(sql, args);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return read(r);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Dec(DbDataReader r, int i) => Column.Decimal(r, i);

    private static IReadOnlyList<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
