using System.Data.Common;
using PolicyIngest.Catalogue.Postgres;
using PolicyIngest.Catalogue.Sqlite;
using PolicyIngest.Core;

namespace PolicyIngest.Catalogue;

/// <summary>Which database engine holds a catalogue.</summary>
public enum CatalogueEngine
{
    Sqlite = 0,
    PostgreSql = 1,
}

/// <summary>
/// What differs between the catalogue's engines, and nothing else: opening (with the migrations), a write transaction,
/// parameter values, the duplicate-key error, and which text of a <see cref="Sql.DialectSql"/> runs. The stores talk to
/// the connection through the ADO.NET base types; provider types stay in Sqlite/ and Postgres/.
/// </summary>
internal abstract class CatalogueDialect
{
    public static CatalogueDialect For(string location) =>
        CatalogueAddress.IsPostgres(location) ? new PostgresDialect() : new SqliteDialect();

    public abstract CatalogueEngine Engine { get; }

    /// <summary>An open connection to the catalogue at <paramref name="location"/>, its migrations applied.</summary>
    public abstract DbConnection Open(string location);

    /// <summary>
    /// A transaction for a write that may add change rows (catalogue_change): once it returns, no other writer's such
    /// transaction commits until this one ends, so change sequence order is commit order.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A value as this engine stores it (null as DBNull).</summary>
    public virtual object Value(object? value) => value ?? DBNull.Value;

    /// <summary>Prepares a statement run for many rows of one transaction.</summary>
    public virtual void Prepare(DbCommand command) => command.Prepare();

    /// <summary>
    /// Takes the run lock of <paramref name="pipeline"/> for as long as the result is held: one run of a pipeline at a time
    /// among every process that runs this catalogue's pipelines, whatever machine it is on. Null when another run holds it.
    /// The lock goes with the process that holds it, even when that process is killed.
    /// </summary>
    public abstract IDisposable? TryLockPipeline(string location, string dataDirectory, string pipeline);

    /// <summary>A primary-key or unique constraint failed.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Whether the catalogue keeps its own clause search index (FTS5 term rows, <see cref="IVersionWrite.WriteClauseTerms"/>).</summary>
    public bool KeepsClauseTerms => Engine == CatalogueEngine.Sqlite;

    public string Text(Sql.DialectSql sql) => Engine == CatalogueEngine.Sqlite ? sql.Sqlite : sql.Postgres;
}
