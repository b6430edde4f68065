using Microsoft.Data.Sqlite;

namespace PolicyIngest.Catalogue;

/// <summary>
/// What the catalogue keeps next to its database file, in its data directory (the folder holding the file): one place
/// for the names the reports, the fetch archive, the pipeline locks and the scheduler use. Exports are not here: they
/// go wherever <c>export OUT</c> names.
/// </summary>
public static class CatalogueLayout
{
    /// <summary>新旧对照 HTML reports written after a revision or a repeal is stored (VersionTracker).</summary>
    public const string Reports = PolicyIngest.Core.PolicyIngestSettings.ReportsFolder;
    /// <summary>Every fetched original under its SHA-256 (PipelineRunner, the web UI's downloads).</summary>
    public const string Archive = PolicyIngest.Core.PolicyIngestSettings.ArchiveFolder;
    /// <summary>One lock file per running pipeline.</summary>
    public const string Locks = "locks";
    /// <summary>The Quartz scheduler's SQLite job store.</summary>
    public const string SchedulerStore = "scheduler.db";

    /// <summary>
    /// The Lucene clause index of a catalogue file: a folder named after it (policyingest.db → policyingest.db.lucene), so
    /// catalogues sharing a data directory keep their own indexes.
    /// </summary>
    public static string SearchIndex(string catalogueFile) => Path.GetFullPath(catalogueFile) + ".lucene";

    /// <summary>
    /// The Lucene clause index of a catalogue whose data directory is <paramref name="dataDirectory"/>: beside a SQLite
    /// file as above; for a PostgreSQL catalogue <see cref="SharedSearchIndex"/> in its local data directory (every node
    /// that serves search keeps its own, following the shared change log).
    /// </summary>
    public static string SearchIndex(string catalogue, string dataDirectory) =>
        PolicyIngest.Core.CatalogueAddress.IsPostgres(catalogue) ? Path.Combine(dataDirectory, SharedSearchIndex) : SearchIndex(catalogue);

    /// <summary>The search index folder of a PostgreSQL catalogue, in its local data directory.</summary>
    public const string SharedSearchIndex = "catalogue.lucene";

    /// <summary>The folders above, in that order.</summary>
    public static IReadOnlyList<string> OwnFolders { get; } = [Reports, Archive, Locks];

    public static string DataDirectory(string catalogueFile) =>
        Path.GetDirectoryName(Path.GetFullPath(catalogueFile)) ?? Directory.GetCurrentDirectory();

    public static string Folder(string catalogueFile, string name) => Path.Combine(DataDirectory(catalogueFile), name);

    /// <summary>
    /// Whether <paramref name="path"/> is a PolicyIngest catalogue: a SQLite file with the catalogue's own tables, opened
    /// read-only (never created, migrated or locked for writing). Any other file, or one that cannot be opened: false.
    /// </summary>
    public static bool IsCatalogue(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5,
            }.ToString());
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migration', 'version', 'change_report')";
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 3;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
