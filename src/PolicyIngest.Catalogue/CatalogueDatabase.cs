using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace PolicyIngest.Catalogue;

/// <summary>
/// The catalogue's schema migrations, per engine: the embedded Migrations/Sqlite/*.sql and Migrations/Postgres/*.sql,
/// applied in name order, each in its own transaction, and recorded by name in schema_migration (the SQLite names are
/// those of the files before they moved into Migrations/Sqlite, so an existing catalogue file upgrades unchanged).
/// </summary>
public static class CatalogueDatabase
{
    internal const string SqliteFolder = "Sqlite", PostgresFolder = "Postgres";

    /// <summary>The SQLite migrations' resource names, in the order they apply.</summary>
    public static IReadOnlyList<string> MigrationNames() => MigrationNames(SqliteFolder);

    /// <summary>The name schema_migration records for a migration resource: its file name (001_catalogue.sql).</summary>
    public static string MigrationName(string resource)
    {
        var folder = resource.LastIndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length;
        return resource[(resource.IndexOf('.', folder) + 1)..];
    }

    internal static IReadOnlyList<string> MigrationNames(string folder) =>
        typeof(CatalogueDatabase).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains($".Migrations.{folder}.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    internal static void Migrate(DbConnection connection, string folder)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = new HashSet<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM schema_migration";
            using var r = cmd.ExecuteReader();
            while (r.Read()) applied.Add(r.GetString(0));
        }
        foreach (var resource in MigrationNames(folder))
        {
            var name = MigrationName(resource);
            if (applied.Contains(name)) continue;
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var sql = reader.ReadToEnd();
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO schema_migration(name, applied_at) VALUES (@n, @t)";
                Add(cmd, "@n", name);
                Add(cmd, "@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    internal static void Execute(DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
