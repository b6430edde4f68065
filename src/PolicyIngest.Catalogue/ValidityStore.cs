using System.Globalization;
using System.Data.Common;
using PolicyIngest.Catalogue.Sql;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue;

/// <summary>
/// The SQL of validity bases and 有效期调整 (migration 071). Its public reads see what is committed; writes take the
/// transaction of the version being stored.
/// </summary>
public sealed class ValidityStore(CatalogueStore catalogue)
{
    /// <summary>The version's bases and the changes it states about other policies; called when the version is stored.</summary>
    internal void Write(DbTransaction tx, string versionId, PolicyDocument document)
    {
        var v = document.Validity;
        Exec(tx, ValiditySql.Insert, ("@v", versionId),
            ("@effective_rule", v.EffectiveFrom?.Rule), ("@effective_sentence", v.EffectiveFrom?.Sentence),
            ("@effective_clause", v.EffectiveFrom?.ClauseId), ("@effective_note", v.EffectiveFrom?.Note),
            ("@expires_rule", v.ExpiresOn?.Rule), ("@expires_sentence", v.ExpiresOn?.Sentence),
            ("@expires_clause", v.ExpiresOn?.ClauseId), ("@expires_note", v.ExpiresOn?.Note),
            ("@stated_expires_on", Iso(document.ExpiresOn)), ("@trial_rule", v.Trial?.Rule), ("@trial_sentence", v.Trial?.Sentence));
        for (var i = 0; i < v.Changes.Count; i++)
        {
            var c = v.Changes[i];
            Exec(tx, ValiditySql.InsertChangeRef, ("@v", versionId), ("@ord", i), ("@title", c.Title), ("@doc_number", c.DocNumber),
                ("@text", c.Text), ("@expires_on", Iso(c.ExpiresOn)), ("@extend_months", c.ExtendMonths));
        }
    }

    /// <summary>The version's validity row; null for an unknown version.</summary>
    public ValidityRow? Of(string versionId) => Of(versionId, null);

    internal ValidityRow? Of(string versionId, DbTransaction? tx) =>
        Query(tx, ValiditySql.Of, r => new ValidityRow(r.GetString(0), Basis(r, 1), Basis(r, 5), Date(r, 9),
            Text(r, 10) is { } trial ? new ValidityBasis(trial, Text(r, 11) ?? "", null) : null, Text(r, 12), Text(r, 13)),
            ("@v", versionId)).FirstOrDefault();

    internal IReadOnlyList<ValidityChangeRef> ChangeRefsNaming(string? titleKey, string? docNumberKey, DbTransaction? tx) =>
        Query(tx, ValiditySql.ChangeRefsByKeys, ChangeRef, ("@title_key", titleKey), ("@doc_number_key", docNumberKey));

    internal IReadOnlyList<ValidityChangeRef> ChangeRefsOf(string versionId, DbTransaction? tx) =>
        Query(tx, ValiditySql.ChangeRefsOf, ChangeRef, ("@v", versionId));

    private static ValidityChangeRef ChangeRef(DbDataReader r) =>
        new(r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3), Date(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5));

    /// <summary>Sets the version's end (status reads it) and who changed it; a null <paramref name="changedBy"/> restores its own.</summary>
    internal void SetExpiresOn(DbTransaction tx, string versionId, DateOnly? expiresOn, string? changedBy, string? reason)
    {
        Exec(tx, ValiditySql.SetExpiresOn, ("@v", versionId), ("@expires_on", Iso(expiresOn)));
        Exec(tx, ValiditySql.SetChange, ("@v", versionId), ("@by", changedBy), ("@reason", reason));
    }

    private List<T> Query<T>(DbTransaction? tx, string sql, Func<DbDataReader, T> read, params (string, object?)[] args)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(sql, args);
            cmd.Transaction = tx;
            using var r = cmd.ExecuteReader();
            var rows = new List<T>();
            while (r.Read()) rows.Add(read(r));
            return rows;
        }
    }

    private void Exec(DbTransaction tx, string sql, params (string, object?)[] args)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(sql, args);
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Four columns from <paramref name="i"/>: rule, sentence, clause, note.</summary>
    private static ValidityBasis? Basis(DbDataReader r, int i) =>
        Text(r, i) is { } rule ? new ValidityBasis(rule, Text(r, i + 1) ?? "", Text(r, i + 2), Text(r, i + 3)) : null;

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
