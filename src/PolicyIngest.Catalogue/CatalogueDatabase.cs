using System.Reflection;
using Microsoft.Data.Sqlite;

namespace PolicyIngest.Catalogue;

/// <summary>Opens the catalogue SQLite file and applies the embedded migrations (Migrations/*.sql, in name order).</summary>
public static class CatalogueDatabase
{
    public static SqliteConnection Open(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        // mmap: a search looks up each match's clause, version and part rows at random; read through the mapping they
        // are memory reads instead of a pread per page (measured: p95 of bench search about 15% lower).
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA mmap_size=1073741824;");
        Migrate(connection);
        return connection;
    }

    public static IReadOnlyList<string> MigrationNames() =>
        typeof(CatalogueDatabase).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(".Migrations."))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = new HashSet<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM schema_migration";
            using var r = cmd.ExecuteReader();
            while (r.Read()) applied.Add(r.GetString(0));
        }
        foreach (var name in MigrationNames())
        {
            var shortName = name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            if (applied.Contains(shortName)) continue;
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var sql = reader.ReadToEnd();
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
                cmd.CommandText = "INSERT INTO schema_migration(name, applied_at) VALUES ($n, $t)";
                cmd.Parameters.AddWithValue("$n", shortName);
                cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
