using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using PolicyIngest.Catalogue.Sql;

namespace PolicyIngest.Catalogue;

/// <summary><see cref="IClauseFeed"/> of the catalogue (either engine): its change log (filled by triggers) and clause rows.</summary>
public sealed class CatalogueClauseFeed(CatalogueStore catalogue) : IClauseFeed
{
    public CataloguePosition Position()
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(FeedSql.Position);
            using var r = cmd.ExecuteReader();
            r.Read();
            return new CataloguePosition(r.GetString(0), r.GetInt64(1));
        }
    }

    public IReadOnlyList<CatalogueChange> ChangesAfter(long seq, int max)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(FeedSql.ChangesAfter, ("@seq", seq), ("@max", max));
            using var r = cmd.ExecuteReader();
            var changes = new List<CatalogueChange>();
            while (r.Read()) changes.Add(new CatalogueChange(r.GetInt64(0), r.GetString(1), r.GetString(2)));
            return changes;
        }
    }

    public IReadOnlyList<ClauseDocument> ClauseDocuments(IReadOnlyCollection<string> versionIds)
    {
        if (versionIds.Count == 0) return [];
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(catalogue.Dialect.Text(FeedSql.ClauseDocuments), ("@ids", JsonSerializer.Serialize(versionIds)));
            using var r = cmd.ExecuteReader();
            var documents = new List<ClauseDocument>();
            while (r.Read())
            {
                var head = new VersionHead(r.GetString(5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9));
                var facts = new ClauseFacts(Text(r, 10), Text(r, 11), Date(r, 12), Text(r, 13), Labels(r, 14), Labels(r, 15),
                    r.GetBoolean(16), r.GetBoolean(17), Date(r, 18), Date(r, 19), r.IsDBNull(20) ? null : r.GetInt64(20));
                documents.Add(new ClauseDocument(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), head, facts));
            }
            return documents;
        }
    }

    public long ClauseCount()
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(FeedSql.ClauseCount);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) || !DateOnly.TryParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? null : d;

    private static string[] Labels(DbDataReader r, int i) =>
        r.IsDBNull(i) || r.GetString(i).Length <= 2 ? [] : JsonSerializer.Deserialize<string[]>(r.GetString(i)) ?? [];
}
