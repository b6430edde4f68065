using System.Globalization;
using System.Text;
using System.Data;
using System.Data.Common;
using PolicyIngest.Catalogue.Sql;

namespace PolicyIngest.Catalogue;

/// <summary>One clause matching the full-text expression and the filters: what ranking and facets need.</summary>
public sealed record ClauseMatch(long RowId, double Rank, string? Region, string? Issuer, string? Category,
    string InstrumentsJson, string IndustriesJson, string Status);

/// <summary>Everything a search hit shows about its clause; title and docNumber are the card's for a compilation card.</summary>
public sealed record ClauseHitRow(long RowId, string VersionId, string PolicyId, int PartNo, string ClauseId, string Label,
    string PathJson, string? Heading, string Text, string Title, string? DocNumber, string? Region, string? Issuer,
    string? IssuedOn, string Status, string Source, string? Category);

public sealed record ClauseAmountRow(decimal Yuan, string Role, string Text);

/// <summary>
/// The one place that knows clause-search SQL: index rows, matches with filters, hit details, the trigram baseline.
/// Each read runs under the catalogue's lock; the index rows of a version are written through its <see cref="IVersionWrite"/>.
/// </summary>
public static class ClauseSearchStore
{
    /// <summary>Clauses of a version to index: (rowid, heading, text).</summary>
    internal static List<(long RowId, string Heading, string Text)> ClausesOfVersion(CatalogueStore catalogue, DbTransaction tx, string versionId)
    {
        using var cmd = catalogue.Command(tx, SearchSql.ClausesOfVersion, ("@v", versionId));
        return ReadClauseTexts(cmd);
    }

    private static List<(long RowId, string Heading, string Text)> AllClauses(DbConnection connection)
    {
        using var cmd = Command(connection, SearchSql.AllClauses);
        return ReadClauseTexts(cmd);
    }

    /// <summary>Current clauses with each file of their version (rowid, source, label + heading + text: what the index sees); a clause of a version with renditions comes once per file.</summary>
    public static List<(long RowId, string Source, string Text)> ClauseSources(CatalogueStore catalogue)
    {
        lock (catalogue.Gate)
        {
            using var cmd = Command(catalogue.Connection, SearchSql.ClauseSources);
            return ReadClauseTexts(cmd);
        }
    }

    /// <summary>A prepared insert for many rows in one transaction.</summary>
    internal sealed class TermWriter : IDisposable
    {
        private readonly DbCommand _cmd;
        private readonly DbParameter _rowid, _words, _grams;

        public TermWriter(DbTransaction tx)
        {
            _cmd = tx.Connection!.CreateCommand();
            _cmd.Transaction = tx;
            _cmd.CommandText = SearchSql.InsertTerms;
            _rowid = AddParameter(_cmd, "@rowid", DbType.Int64);
            _words = AddParameter(_cmd, "@words", DbType.String);
            _grams = AddParameter(_cmd, "@grams", DbType.String);
            _cmd.Prepare();
        }

        public void Write(long rowId, string words, string grams)
        {
            _rowid.Value = rowId;
            _words.Value = words;
            _grams.Value = grams;
            _cmd.ExecuteNonQuery();
        }

        public void Dispose() => _cmd.Dispose();
    }

    internal static void DeleteVersionTerms(DbTransaction tx, string versionId)
    {
        using var cmd = Command(tx.Connection!, SearchSql.DeleteVersionTerms, ("@v", versionId));
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Moves the write-ahead log into the database file (so its size is the whole catalogue).</summary>
    public static void Checkpoint(CatalogueStore catalogue)
    {
        lock (catalogue.Gate)
        {
            using var cmd = Command(catalogue.Connection, SearchSql.Checkpoint);
            cmd.ExecuteNonQuery();
        }
    }

    public static long CountIndexed(CatalogueStore catalogue)
    {
        lock (catalogue.Gate)
        {
            using var cmd = Command(catalogue.Connection, SearchSql.CountIndexed);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// All clauses matching an FTS5 expression over clause_fts and the filters, best first; with <paramref name="ranked"/>
    /// false every rank is 0 (the set only, in row order) and the bm25 statistics are not computed.
    /// </summary>
    public static List<ClauseMatch> Matches(CatalogueStore catalogue, string match, double wordsWeight, double gramsWeight, ClauseFilter filter,
        bool ranked = true)
    {
        lock (catalogue.Gate)
            return FilteredMatches(catalogue.Connection, ranked ? SearchSql.RankedMatches : SearchSql.UnrankedMatches, filter,
                ("@match", match), ("@wWords", wordsWeight), ("@wGrams", gramsWeight));
    }

    /// <summary>
    /// For a query no clause fully matches: the clauses passing the filters that have the most of its groups (each an FTS5
    /// expression); unranked. Each group is matched once, whatever the number of levels tried.
    /// </summary>
    public static List<ClauseMatch> MostGroupsMatches(CatalogueStore catalogue, IReadOnlyList<string> groups, ClauseFilter filter)
    {
        lock (catalogue.Gate) return MostGroupsMatches(catalogue.Connection, groups, filter);
    }

    private static List<ClauseMatch> MostGroupsMatches(DbConnection connection, IReadOnlyList<string> groups, ClauseFilter filter)
    {
        using (var create = Command(connection, SearchSql.CreateGroupHits)) create.ExecuteNonQuery();
        using (var clear = Command(connection, SearchSql.ClearGroupHits)) clear.ExecuteNonQuery();
        var union = string.Join(" UNION ALL ", groups.Select((_, i) => string.Format(CultureInfo.InvariantCulture, SearchSql.GroupRows, "@g" + i.ToString(CultureInfo.InvariantCulture))));
        using (var fill = Command(connection, string.Format(CultureInfo.InvariantCulture, SearchSql.FillGroupHits, union),
                   groups.Select((g, i) => ("@g" + i.ToString(CultureInfo.InvariantCulture), (object?)g)).ToArray()))
            fill.ExecuteNonQuery();
        var levels = new List<int>();
        using (var read = Command(connection, SearchSql.GroupHitLevels))
        using (var r = read.ExecuteReader())
            while (r.Read()) levels.Add(r.GetInt32(0));
        foreach (var n in levels)
        {
            var matches = FilteredMatches(connection, SearchSql.HitsWithCount, filter, ("@n", n));
            if (matches.Count > 0) return matches;
        }
        return [];
    }

    private static List<ClauseMatch> FilteredMatches(DbConnection connection, string source, ClauseFilter filter, params (string, object?)[] sourceArgs)
    {
        var where = new StringBuilder();
        var args = new List<(string, object?)>(sourceArgs) { ("@asOf", Iso(filter.AsOf)) };
        if (!filter.AllVersions) where.Append(SearchSql.FilterCurrent);
        Add(filter.Region, SearchSql.FilterRegion, "@region");
        Add(filter.Issuer, SearchSql.FilterIssuer, "@issuer");
        Add(filter.Category, SearchSql.FilterCategory, "@category");
        Add(filter.Instrument, SearchSql.FilterInstrument, "@instrument");
        Add(filter.Industry, SearchSql.FilterIndustry, "@industry");
        Add(filter.Status, SearchSql.FilterStatus, "@status");
        Add(filter.From is { } f ? Iso(f) : null, SearchSql.FilterFrom, "@from");
        Add(filter.To is { } t ? Iso(t) : null, SearchSql.FilterTo, "@to");
        if (filter.MinYuan is { } min)
        {
            where.Append(SearchSql.FilterMinAmount);
            args.Add(("@minFen", (long)decimal.Round(min * 100m)));
            args.Add(("@minYuan", (double)min));
        }
        var sql = string.Format(CultureInfo.InvariantCulture, SearchSql.Matches, where, StatusSql.Case, source);
        using var cmd = Command(connection, sql, args.ToArray());
        using var r = cmd.ExecuteReader();
        var rows = new List<ClauseMatch>();
        // Region, issuer and status belong to a version's part: read once per part, not once per matching clause
        // (decoding those strings was as costly as the joins for a query with a thousand matches).
        var parts = new Dictionary<(long Version, int Part), (string? Region, string? Issuer, string Status)>();
        while (r.Read())
        {
            var key = (r.GetInt64(2), r.GetInt32(3));
            if (!parts.TryGetValue(key, out var part)) parts[key] = part = (Str(r, 7), Str(r, 8), r.GetString(9));
            rows.Add(new ClauseMatch(r.GetInt64(0), r.GetDouble(1), part.Region, part.Issuer, Str(r, 4),
                Str(r, 5) ?? "[]", Str(r, 6) ?? "[]", part.Status));
        }
        rows.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.RowId.CompareTo(b.RowId));
        return rows;

        void Add(string? value, string fragment, string name)
        {
            if (string.IsNullOrEmpty(value)) return;
            where.Append(fragment);
            args.Add((name, value));
        }
    }

    /// <summary>bm25 (lower is better) of the given rows under an expression they match.</summary>
    public static Dictionary<long, double> RanksOfRows(CatalogueStore catalogue, string match, double wordsWeight, double gramsWeight,
        IReadOnlyCollection<long> rowIds)
    {
        lock (catalogue.Gate) return RanksOfRows(catalogue.Connection, match, wordsWeight, gramsWeight, rowIds);
    }

    private static Dictionary<long, double> RanksOfRows(DbConnection connection, string match, double wordsWeight, double gramsWeight,
        IReadOnlyCollection<long> rowIds)
    {
        using var cmd = Command(connection, SearchSql.RanksOfRows, ("@match", match), ("@wWords", wordsWeight), ("@wGrams", gramsWeight),
            ("@rids", "[" + string.Join(',', rowIds) + "]"));
        using var r = cmd.ExecuteReader();
        var ranks = new Dictionary<long, double>(rowIds.Count);
        while (r.Read()) ranks[r.GetInt64(0)] = r.GetDouble(1);
        return ranks;
    }

    /// <summary>Details of the hits shown, by row id (one statement for the whole page).</summary>
    public static Dictionary<long, ClauseHitRow> HitDetails(CatalogueStore catalogue, IReadOnlyList<long> rowIds, DateOnly asOf)
    {
        lock (catalogue.Gate)
        {
            var sql = string.Format(CultureInfo.InvariantCulture, catalogue.Dialect.Text(SearchSql.HitDetails), StatusSql.Case);
            using var cmd = catalogue.Command(sql, ("@rids", "[" + string.Join(',', rowIds) + "]"), ("@asOf", Iso(asOf)));
            using var r = cmd.ExecuteReader();
            var rows = new Dictionary<long, ClauseHitRow>();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                rows[id] = new ClauseHitRow(id, r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    Str(r, 7), r.GetString(8), r.GetString(9), Str(r, 10), Str(r, 11), Str(r, 12), Str(r, 13), r.GetString(14), r.GetString(15), Str(r, 16));
            }
            return rows;
        }
    }

    /// <summary>Amounts of the hits' clauses, by row id, in clause order.</summary>
    public static Dictionary<long, List<ClauseAmountRow>> AmountsOfClauses(CatalogueStore catalogue, IReadOnlyList<long> rowIds)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(catalogue.Dialect.Text(SearchSql.AmountsOfClauses), ("@rids", "[" + string.Join(',', rowIds) + "]"));
            using var r = cmd.ExecuteReader();
            var rows = new Dictionary<long, List<ClauseAmountRow>>();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!rows.TryGetValue(id, out var list)) rows[id] = list = [];
                list.Add(new ClauseAmountRow(Column.Decimal(r, 1), r.GetString(2), r.GetString(3)));
            }
            return rows;
        }
    }

    /// <summary>The trigram-only baseline table (evaluation databases only), filled from clause.text.</summary>
    public static void BuildTrigramBaseline(CatalogueStore catalogue)
    {
        lock (catalogue.Gate) BuildTrigramBaseline(catalogue.Connection);
    }

    private static void BuildTrigramBaseline(DbConnection connection)
    {
        using (var create = Command(connection, SearchSql.CreateTrigramTable)) create.ExecuteNonQuery();
        var clauses = AllClauses(connection);
        using var tx = connection.BeginTransaction();
        using var cmd = Command(connection, SearchSql.InsertTrigram);
        cmd.Transaction = tx;
        var rowid = AddParameter(cmd, "@rowid", DbType.Int64);
        var text = AddParameter(cmd, "@text", DbType.String);
        foreach (var c in clauses)
        {
            rowid.Value = c.RowId;
            text.Value = c.Heading.Length == 0 ? c.Text : c.Heading + "\n" + c.Text;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public static List<long> TrigramMatches(CatalogueStore catalogue, string match, int limit)
    {
        lock (catalogue.Gate) return TrigramMatches(catalogue.Connection, match, limit);
    }

    private static List<long> TrigramMatches(DbConnection connection, string match, int limit)
    {
        using var cmd = Command(connection, SearchSql.TrigramMatches, ("@match", match), ("@limit", limit));
        using var r = cmd.ExecuteReader();
        var rows = new List<long>();
        while (r.Read()) rows.Add(r.GetInt64(0));
        return rows;
    }

    private static List<(long, string, string)> ReadClauseTexts(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var rows = new List<(long, string, string)>();
        while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2)));
        return rows;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) AddParameter(cmd, name, null).Value = value ?? DBNull.Value;
        return cmd;
    }

    private static DbParameter AddParameter(DbCommand cmd, string name, DbType? type)
    {
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } t) parameter.DbType = t;
        cmd.Parameters.Add(parameter);
        return parameter;
    }
}
