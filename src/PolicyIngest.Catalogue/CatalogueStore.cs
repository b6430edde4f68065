using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using PolicyIngest.Core;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Catalogue.Sql;

namespace PolicyIngest.Catalogue;

/// <summary>A stored version of a policy (one distinct file).</summary>
public sealed record VersionRow(
    string Id, string PolicyId, int Seq, string Sha256, string Source, string Title,
    string? DocNumber, string? Issuer, DateTimeOffset IngestedAt);

/// <summary>What another file of a version is to it (version_file.role).</summary>
public static class VersionFileRoles
{
    /// <summary>The same text in another format.</summary>
    public const string Rendition = "rendition";
    /// <summary>Part of the version only: its 印发 notice without the attachment, one scanned page.</summary>
    public const string Part = "part";
}

/// <summary>Which policy a new version joins, and why (shown by <c>show</c>).</summary>
public sealed record PolicyLink(string? ExistingPolicyId, string Reason)
{
    public static PolicyLink NewPolicy(string reason = "新政策：未找到同题、同发文字号、废止关系或相同文字的已入库文件") => new(null, reason);
}

/// <summary>
/// The single place that knows the catalogue's SQL for documents and versions.
/// Every version is written in one transaction: a failure leaves nothing behind. What else is written with a version
/// goes through the <see cref="IVersionWrite"/> that <see cref="SaveVersion"/> hands out; no SQLite or Npgsql type leaves this project.
/// The catalogue is a SQLite file or a PostgreSQL database (<see cref="CatalogueAddress"/>); <see cref="CatalogueDialect"/> holds what differs.
/// </summary>
public sealed class CatalogueStore : IDisposable
{
    private readonly object _gate = new();

    /// <param name="path">A SQLite file, or a <c>postgresql://USER@HOST:PORT/DB</c> URL.</param>
    /// <param name="dataDirectory">
    /// Where reports, the archive, locks and the search index go: by default the SQLite file's folder. A PostgreSQL
    /// catalogue has no such folder: name one (the settings' <c>DataDirectory</c>).
    /// </param>
    public CatalogueStore(string path, string? dataDirectory = null)
    {
        Dialect = CatalogueDialect.For(path);
        if (Dialect.Engine == CatalogueEngine.PostgreSql && dataDirectory is null)
            throw new ArgumentException("a PostgreSQL catalogue needs a local data directory", nameof(dataDirectory));
        Path = path;
        DataDirectory = dataDirectory is null ? CatalogueLayout.DataDirectory(path) : System.IO.Path.GetFullPath(dataDirectory);
        Connection = Dialect.Open(path);
    }

    /// <summary>The catalogue as named: the SQLite file's path or the PostgreSQL URL.</summary>
    public string Path { get; }

    public CatalogueEngine Engine => Dialect.Engine;

    /// <summary>The local folder of its reports/, archive/, locks/ (<see cref="CatalogueLayout"/>).</summary>
    public string DataDirectory { get; }

    /// <summary>The Lucene clause index of this catalogue on this machine.</summary>
    public string SearchIndexPath => CatalogueLayout.SearchIndex(Path, DataDirectory);

    /// <summary>Whether the catalogue keeps FTS5 term rows of its clauses (SQLite only; on PostgreSQL search is Lucene's).</summary>
    public bool KeepsClauseTerms => Dialect.KeepsClauseTerms;

    internal CatalogueDialect Dialect { get; }

    /// <summary>For the other SQL-owning classes of this project (search, versions, runs).</summary>
    internal DbConnection Connection { get; }

    /// <summary>The connection's lock: every statement runs under it (one connection, many threads).</summary>
    internal object Gate => _gate;

    /// <summary>
    /// Runs several reads against one state of the catalogue: no version is stored or removed between them (a search's
    /// matches and the details of the page it shows).
    /// </summary>
    public T ReadConsistently<T>(Func<T> reads)
    {
        lock (_gate) return reads();
    }

    /// <summary>
    /// The run lock of a pipeline (see <see cref="CatalogueDialect.TryLockPipeline"/>): a lock file in the data directory
    /// of a SQLite catalogue, a PostgreSQL advisory lock for a shared one. Null when another run holds it.
    /// </summary>
    public IDisposable? TryLockPipeline(string pipeline) => Dialect.TryLockPipeline(Path, DataDirectory, pipeline);

    public VersionRow? FindVersionBySha(string sha256) =>
        QueryVersions(VersionSql.FindBySha, ("@sha", sha256)).FirstOrDefault();

    /// <summary>
    /// Remembers another file of a catalogued version, not a new version: the same text in another format
    /// (<see cref="VersionFileRoles.Rendition"/>) or a file holding part of it (<see cref="VersionFileRoles.Part"/>).
    /// </summary>
    public void AddVersionFile(string versionId, string sha256, string source, string format, DateTimeOffset now, string role = VersionFileRoles.Rendition)
    {
        lock (_gate)
        {
            using var cmd = Command(VersionSql.InsertVersionFile, ("@sha", sha256), ("@version", versionId), ("@source", source), ("@format", format),
                ("@now", now.ToString("O")), ("@role", role));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Other files of a version: sha256, source, format, when added, and their role (rendition or part).</summary>
    public IReadOnlyList<(string Sha256, string Source, string Format, string AddedAt, string Role)> FilesOf(string versionId)
    {
        lock (_gate)
        {
            using var cmd = Command(VersionSql.FilesOfVersion, ("@version", versionId));
            using var r = cmd.ExecuteReader();
            var files = new List<(string, string, string, string, string)>();
            while (r.Read()) files.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
            return files;
        }
    }

    /// <summary>Versions whose folded words have this key (Track's RenditionText), oldest first.</summary>
    public IReadOnlyList<VersionRow> VersionsWithTextKey(string textKey) =>
        QueryVersions(VersionSql.FindByTextKey, ("@key", textKey));

    /// <summary>
    /// Inside the transaction that stores <paramref name="wholeId"/>: a catalogued version found to be only part of it
    /// becomes a part file of it (see <see cref="VersionSql.AbsorbPart"/>).
    /// </summary>
    internal void AbsorbPart(DbTransaction tx, string partId, string wholeId) =>
        Exec(tx, Dialect.Text(VersionSql.AbsorbPart), ("@part", partId), ("@whole", wholeId));

    public VersionRow? FindLatestVersionBySource(string source) =>
        QueryVersions(VersionSql.FindLatestBySource, ("@source", source)).FirstOrDefault();

    public VersionRow? FindVersion(string id) =>
        QueryVersions(VersionSql.FindById, ("@id", id)).FirstOrDefault();

    public IReadOnlyList<VersionRow> VersionsOf(string policyId) =>
        QueryVersions(VersionSql.ListByPolicy, ("@policy", policyId));

    public PolicyDocument? LoadDocument(string versionId)
    {
        object? json;
        lock (_gate)
        {
            using var cmd = Command(VersionSql.DocumentJson, ("@id", versionId));
            json = cmd.ExecuteScalar();
        }
        // Read under the lock, parsed after it: other threads' statements do not wait for the JSON.
        return json is string text ? PolicyJson.Deserialize<PolicyDocument>(text) : null;
    }

    /// <summary>Bytes the database takes on disk: the SQLite file's pages, or the PostgreSQL database's size.</summary>
    public long StorageBytes()
    {
        lock (_gate)
        {
            using var cmd = Command(Dialect.Text(VersionSql.StorageBytes));
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public (long Policies, long Versions, long Clauses, long Amounts) Counts()
    {
        lock (_gate)
        {
            using var cmd = Command(VersionSql.Counts);
            using var r = cmd.ExecuteReader();
            r.Read();
            return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
        }
    }

    /// <summary>
    /// Stores a new version of a policy in one transaction. <paramref name="alsoWrite"/> runs inside the same
    /// transaction with the version's <see cref="IVersionWrite"/> (the search index rows, the tracker's links), so the
    /// catalogue and the index never disagree.
    /// </summary>
    /// <exception cref="DuplicateVersionException">Another process stored the same bytes first; nothing was written.</exception>
    public VersionRow SaveVersion(PolicyDocument document, PolicyLink link, DateTimeOffset now,
        Action<IVersionWrite>? alsoWrite = null)
    {
        var versionId = VersionIdFor(document.Sha256);
        var policyId = link.ExistingPolicyId ?? PolicyIdFor(document.Sha256);
        // Everything that needs only the document (its JSON, each row's values) is made before the lock.
        var json = PolicyJson.Serialize(document, indented: false);
        var rows = new List<(string Sql, (string, object?)[] Args)>();
        AddPartRows(rows, versionId, 0, document);
        for (var i = 0; i < document.Parts.Count; i++) AddPartRows(rows, versionId, i + 1, document.Parts[i]);
        AddRefRows(rows, versionId, "repeals", document.Repeals);
        AddRefRows(rows, versionId, "references", document.References);
        lock (_gate)
        {
            using var tx = Dialect.BeginWrite(Connection);
            if (link.ExistingPolicyId is null)
            {
                InsertOnce(tx, document, VersionSql.InsertPolicy, ("@id", policyId), ("@title", document.Title), ("@doc_number", document.DocNumber),
                    ("@issuer", document.Issuer), ("@region", document.Region), ("@now", now.ToString("O")));
            }
            else
            {
                Exec(tx, VersionSql.UpdatePolicyHead, ("@id", policyId), ("@title", document.Title), ("@doc_number", document.DocNumber),
                    ("@issuer", document.Issuer), ("@region", document.Region));
            }
            var seq = Convert.ToInt32(Scalar(tx, VersionSql.NextSeq, ("@policy", policyId)), CultureInfo.InvariantCulture);
            InsertOnce(tx, document, VersionSql.InsertVersion,
                ("@id", versionId), ("@policy_id", policyId), ("@seq", seq), ("@sha256", document.Sha256), ("@source", document.Source),
                ("@format", document.Format.ToId()), ("@doc_type", document.DocType.ToId()), ("@title", document.Title),
                ("@notice_title", document.NoticeTitle), ("@doc_number", document.DocNumber), ("@issuer", document.Issuer),
                ("@region", document.Region), ("@issued_on", Iso(document.IssuedOn)), ("@effective_from", Iso(document.EffectiveFrom)),
                ("@expires_on", Iso(document.ExpiresOn)), ("@interprets", document.Interprets), ("@page_count", document.PageCount),
                ("@link_reason", link.Reason), ("@now", now.ToString("O")));
            Exec(tx, VersionSql.InsertDocument, ("@id", versionId), ("@json", json));

            using (var statements = new PreparedStatements(Dialect, tx))
            {
                foreach (var (sql, args) in rows) statements.Execute(sql, args);
            }

            new ValidityStore(this).Write(tx, versionId, document);

            alsoWrite?.Invoke(new VersionWrite(this, tx, versionId, policyId));
            tx.Commit();
            return new VersionRow(versionId, policyId, seq, document.Sha256, document.Source, document.Title, document.DocNumber, document.Issuer, now);
        }
    }

    /// <summary>Version ids are content-addressed: the same bytes always have the same id.</summary>
    public static string VersionIdFor(string sha256) => "v" + sha256[..12];

    public static string PolicyIdFor(string firstSha256) => "p" + firstSha256[..12];

    /// <summary>The rows of one part (the document itself is part 0): the part, its clauses, amounts and rates.</summary>
    private static void AddPartRows(List<(string, (string, object?)[])> rows, string versionId, int partNo, PolicyDocument part)
    {
        rows.Add((VersionSql.InsertPart, [("@v", versionId), ("@p", partNo), ("@title", part.Title), ("@doc_number", part.DocNumber),
            ("@issuer", part.Issuer), ("@region", part.Region), ("@issued_on", Iso(part.IssuedOn)), ("@doc_type", part.DocType.ToId()),
            ("@fields", part.Fields is null ? null : JsonSerializer.Serialize(part.Fields, PolicyJson.Compact))]));
        for (var i = 0; i < part.Clauses.Count; i++)
        {
            var c = part.Clauses[i];
            rows.Add((VersionSql.InsertClause, [("@v", versionId), ("@p", partNo), ("@ord", i), ("@clause_id", c.Id), ("@kind", c.Kind.ToId()),
                ("@label", c.Label), ("@path", JsonSerializer.Serialize(c.Path, PolicyJson.Compact)), ("@heading", c.Heading), ("@text", c.Text),
                ("@page", c.Page), ("@category", c.Category), ("@confidence", c.CategoryConfidence),
                ("@instruments", JsonSerializer.Serialize(c.Instruments, PolicyJson.Compact)),
                ("@industries", JsonSerializer.Serialize(c.Industries, PolicyJson.Compact)),
                ("@instrument_confidences", JsonSerializer.Serialize(c.InstrumentConfidences, PolicyJson.Compact)),
                ("@industry_confidences", JsonSerializer.Serialize(c.IndustryConfidences, PolicyJson.Compact))]));
        }
        for (var i = 0; i < part.Amounts.Count; i++)
        {
            var a = part.Amounts[i];
            rows.Add((VersionSql.InsertAmount, [("@v", versionId), ("@p", partNo), ("@ord", i), ("@clause_id", a.ClauseId), ("@article", a.Article),
                ("@text", a.Text), ("@yuan", a.Yuan), ("@yuan_fen", (long)decimal.Round(a.Yuan * 100m)),
                ("@yuan_high", a.YuanHigh), ("@unit", a.Unit), ("@role", a.Role.ToId()),
                ("@per", a.Per), ("@condition", a.Condition)]));
        }
        for (var i = 0; i < part.Rates.Count; i++)
        {
            var r = part.Rates[i];
            rows.Add((VersionSql.InsertRate, [("@v", versionId), ("@p", partNo), ("@ord", i), ("@clause_id", r.ClauseId), ("@article", r.Article),
                ("@text", r.Text), ("@percent", r.Percent),
                ("@percent_high", r.PercentHigh), ("@role", r.Role.ToId()), ("@base", r.Base)]));
        }
    }

    private static void AddRefRows(List<(string, (string, object?)[])> rows, string versionId, string kind, IReadOnlyList<DocRef> refs)
    {
        for (var i = 0; i < refs.Count; i++)
            rows.Add((VersionSql.InsertDocRef, [("@v", versionId), ("@kind", kind), ("@ord", i), ("@title", refs[i].Title),
                ("@doc_number", refs[i].DocNumber), ("@text", refs[i].Text)]));
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private List<VersionRow> QueryVersions(string sql, params (string, object?)[] args)
    {
        lock (_gate)
        {
            using var cmd = Command(sql, args);
            using var r = cmd.ExecuteReader();
            var rows = new List<VersionRow>();
            while (r.Read())
            {
                rows.Add(new VersionRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                    DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture)));
            }
            return rows;
        }
    }

    internal DbCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Dialect.Value(value);
            cmd.Parameters.Add(parameter);
        }
        return cmd;
    }

    /// <summary><see cref="Command(string, (string Name, object? Value)[])"/> on a transaction (null: none).</summary>
    internal DbCommand Command(DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Command(sql, args);
        cmd.Transaction = tx;
        return cmd;
    }

    private void Exec(DbTransaction tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The insert of the version's own policy or version row: a primary-key or unique clash there means these bytes were
    /// stored by another process since our look-up (both ids and the sha256 come from the bytes).
    /// </summary>
    private void InsertOnce(DbTransaction tx, PolicyDocument document, string sql, params (string, object?)[] args)
    {
        try
        {
            Exec(tx, sql, args);
        }
        catch (DbException ex) when (Dialect.IsUniqueViolation(ex))
        {
            throw new DuplicateVersionException(document.Sha256, ex);
        }
    }

    private object? Scalar(DbTransaction tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.Transaction = tx;
        return cmd.ExecuteScalar();
    }

    public void Dispose() => Connection.Dispose();
}
