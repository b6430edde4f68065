using Microsoft.Data.Sqlite;

namespace PolicyIngest.TestSupport;

/// <summary>
/// A catalogue file read or changed straight through SQLite, for what the catalogue's API does not offer (a column's raw
/// value, a status set by hand). Works beside a <c>CatalogueStore</c> that has the file open (WAL).
/// </summary>
public static class CatalogueFile
{
    /// <summary>The first row of <paramref name="sql"/>'s result, every column; null when there is none.</summary>
    public static object?[]? Row(string path, string sql, params (string Name, object Value)[] args)
    {
        using var connection = Open(path);
        using var cmd = Command(connection, sql, args);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var row = new object?[r.FieldCount];
        for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
        return row;
    }

    public static int Execute(string path, string sql, params (string Name, object Value)[] args)
    {
        using var connection = Open(path);
        using var cmd = Command(connection, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] args)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }
}
