using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyIngest.Catalogue.Postgres;
using PolicyIngest.Core;

namespace PolicyIngest.Catalogue;

/// <summary>Which database a <see cref="JobStoreDatabase"/> is: the scheduler picks Quartz's matching persistent store.</summary>
public enum JobStoreKind
{
    /// <summary>A SQLite file in the local data directory: one scheduler, not clustered.</summary>
    Sqlite = 0,
    /// <summary>The PostgreSQL catalogue's own database: Quartz's AdoJobStore clustered over every node that runs it.</summary>
    PostgreSql = 1,
}

/// <summary>
/// Where the Quartz scheduler keeps its jobs and triggers, and how to reach it: the one place that says so. For a SQLite
/// catalogue a SQLite file beside it (<see cref="CatalogueLayout.SchedulerStore"/>) that Quartz provisions on first start;
/// for a PostgreSQL catalogue the same database, shared by every scheduler node as one Quartz cluster.
/// </summary>
public sealed record JobStoreDatabase(JobStoreKind Kind, string ConnectionString, string Location)
{
    /// <summary>The Quartz table prefix (Quartz's default, said once so the lock rows below and the store agree).</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>The scheduler name every node of a cluster shares: Quartz's SCHED_NAME, which makes them one cluster.</summary>
    public const string ClusterSchedulerName = "PolicyIngest";

    /// <summary>The rows of QRTZ_LOCKS the AdoJobStore locks (Quartz 4.7.3: StdRowLockSemaphore's TRIGGER_ACCESS, STATE_ACCESS).</summary>
    public static IReadOnlyList<string> LockNames { get; } = ["TRIGGER_ACCESS", "STATE_ACCESS"];

    /// <summary>pg_advisory_lock key held while the lock rows are prepared: nodes starting at once create the table once.</summary>
    internal const long PrepareLock = 0x506f6c6963795172;   // "PolicyQr"

    /// <summary>Whether schedulers on this store form a cluster (several nodes, one schedule).</summary>
    public bool Clustered => Kind == JobStoreKind.PostgreSql;

    /// <summary>The ADO.NET provider of a PostgreSQL store (Npgsql's), for Quartz; null for SQLite, which Quartz names itself.</summary>
    public DbProviderFactory? ProviderFactory => Kind == JobStoreKind.PostgreSql ? NpgsqlFactory.Instance : null;

    /// <summary>The job store of a SQLite catalogue whose data directory is <paramref name="dataDirectory"/>.</summary>
    public static JobStoreDatabase In(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, CatalogueLayout.SchedulerStore);
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();
        return new JobStoreDatabase(JobStoreKind.Sqlite, connection, file);
    }

    /// <summary>The job store of <paramref name="catalogue"/>: its own PostgreSQL database, or the SQLite file in its data directory.</summary>
    public static JobStoreDatabase Of(CatalogueStore catalogue) => For(catalogue.Path, catalogue.DataDirectory);

    /// <summary>The job store of the catalogue <paramref name="catalogue"/> (a SQLite file or a PostgreSQL URL).</summary>
    public static JobStoreDatabase For(string catalogue, string dataDirectory)
    {
        if (!CatalogueAddress.IsPostgres(catalogue)) return In(dataDirectory);
        var address = CatalogueAddress.Parse(catalogue);
        var connection = new NpgsqlConnectionStringBuilder(PostgresDialect.ConnectionString(address))
        {
            ApplicationName = "policyingest scheduler",
        }.ToString();
        return new JobStoreDatabase(JobStoreKind.PostgreSql, connection, address.ToString());
    }

    /// <summary>
    /// Creates QRTZ_LOCKS (as Quartz's own PostgreSQL schema does) and its <see cref="LockNames"/> rows for
    /// <paramref name="schedulerName"/> when missing; idempotent, safe for nodes starting at once. A missing row is
    /// inserted by the first node that locks it, and two nodes doing so at once fail one of them (Quartz.NET #1786):
    /// every node calls this before its scheduler starts. Nothing to do for a SQLite store (one scheduler).
    /// </summary>
    public void PrepareClusterLocks(string schedulerName)
    {
        if (Kind != JobStoreKind.PostgreSql) return;
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        Execute(connection, $"SELECT pg_advisory_lock({PrepareLock})");
        try
        {
            Execute(connection, $"""
                CREATE TABLE IF NOT EXISTS {TablePrefix}locks (
                  sched_name text not null,
                  lock_name text not null,
                  primary key (sched_name, lock_name)
                )
                """);
            foreach (var name in LockNames)
            {
                using var cmd = new NpgsqlCommand(
                    $"INSERT INTO {TablePrefix}locks(sched_name, lock_name) VALUES (@sched, @lock) ON CONFLICT DO NOTHING", connection);
                cmd.Parameters.AddWithValue("sched", schedulerName);
                cmd.Parameters.AddWithValue("lock", name);
                cmd.ExecuteNonQuery();
            }
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({PrepareLock})");
        }
    }

    /// <summary>The QRTZ_LOCKS rows of <paramref name="schedulerName"/> (for tests and checks); empty for a SQLite store.</summary>
    public IReadOnlyList<string> ClusterLockRows(string schedulerName)
    {
        if (Kind != JobStoreKind.PostgreSql) return [];
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var cmd = new NpgsqlCommand($"SELECT lock_name FROM {TablePrefix}locks WHERE sched_name = @sched ORDER BY lock_name", connection);
        cmd.Parameters.AddWithValue("sched", schedulerName);
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
