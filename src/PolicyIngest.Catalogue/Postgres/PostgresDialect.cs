using System.Data.Common;
using Npgsql;
using PolicyIngest.Core;

namespace PolicyIngest.Catalogue.Postgres;

/// <summary>A shared catalogue on PostgreSQL (Migrations/Postgres), named by a <c>postgresql://</c> URL.</summary>
internal sealed class PostgresDialect : CatalogueDialect
{
    /// <summary>
    /// pg_advisory_xact_lock key every catalogue write transaction takes first. A change row's seq is drawn before its
    /// transaction commits; without the lock a transaction with seq N could commit after one with N+1, and an index that
    /// had read N+1 would never read N. Under it writes are serialised across nodes, as SQLite serialises them.
    /// </summary>
    internal const long WriteLock = 0x506f6c6963795772;   // "PolicyWr"

    /// <summary>pg_advisory_lock key held while migrating: two processes starting at once do not both migrate.</summary>
    internal const long MigrationLock = 0x506f6c6963794d67;   // "PolicyMg"

    public override CatalogueEngine Engine => CatalogueEngine.PostgreSql;

    public override DbConnection Open(string location)
    {
        CatalogueAddress address;
        try { address = CatalogueAddress.Parse(location); }
        catch (FormatException ex) { throw new CatalogueUnavailableException(ex.Message, ex); }
        var connection = new NpgsqlConnection(ConnectionString(address));
        try
        {
            connection.Open();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw new CatalogueUnavailableException($"catalogue {address} cannot be reached: {ex.Message}", ex);
        }
        CatalogueDatabase.Execute(connection, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            CatalogueDatabase.Migrate(connection, CatalogueDatabase.PostgresFolder);
        }
        finally
        {
            CatalogueDatabase.Execute(connection, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
        return connection;
    }

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({WriteLock})";
        cmd.ExecuteNonQuery();
        return tx;
    }

    // Npgsql prepares statements it sees repeatedly by itself (Max Auto Prepare below). An explicit Prepare would fix each
    // parameter's type from the first row's value, and a first NULL has no type.
    public override void Prepare(DbCommand command)
    {
    }

    /// <summary>
    /// A session-level <c>pg_try_advisory_lock</c> keyed by the pipeline's name (<see cref="PipelineLockKey"/>), on a
    /// connection of its own held for the run: the nodes of a cluster share the database, not a file system. When the
    /// process dies its connection closes and the server releases the lock. Its own connection, not the catalogue's:
    /// advisory locks are re-entrant within a session, and two runs in one process must exclude each other too.
    /// </summary>
    public override IDisposable? TryLockPipeline(string location, string dataDirectory, string pipeline)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(CatalogueAddress.Parse(location)))
        {
            Pooling = false,   // closing the connection ends the session, and with it the lock, whatever happens
            ApplicationName = "policyingest pipeline lock",
        };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            connection.Open();
            using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            cmd.Parameters.AddWithValue("key", PipelineLockKey(pipeline));
            if (cmd.ExecuteScalar() is true) return new PipelineLock(connection, PipelineLockKey(pipeline));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw new CatalogueUnavailableException($"pipeline lock of {pipeline}: {ex.Message}", ex);
        }
        connection.Dispose();
        return null;
    }

    /// <summary>The advisory lock key of a pipeline: the first 8 bytes of SHA-256("pipeline:" + name).</summary>
    internal static long PipelineLockKey(string pipeline) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("pipeline:" + pipeline)), 0);

    private sealed class PipelineLock(NpgsqlConnection connection, long key) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                cmd.Parameters.AddWithValue("key", key);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its locks with it.
            }
            connection.Dispose();
        }
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static string ConnectionString(CatalogueAddress address) => new NpgsqlConnectionStringBuilder
    {
        Host = address.Host,
        Port = address.Port,
        Username = address.User,
        Password = address.Password,
        Database = address.Database,
        MaxAutoPrepare = 64,
        AutoPrepareMinUsages = 2,
        ApplicationName = "policyingest",
    }.ToString();
}
