namespace PolicyIngest.Catalogue.Sql;

/// <summary>One statement where the two engines need different text (JSON functions, FTS5 rows, scalar MAX).</summary>
internal sealed record DialectSql(string Sqlite, string Postgres);
