using Microsoft.Data.Sqlite;

namespace PolicyIngest.Catalogue;

/// <summary>Which database a <see cref="JobStoreDatabase"/> is: the scheduler picks Quartz's matching persistent store.</summary>
public enum JobStoreKind
{
    Sqlite = 0,
}

/// <summary>
/// Where the Quartz scheduler keeps its jobs and triggers, and how to reach it: the one place that says so. Today a SQLite
/// file beside the catalogue (<see cref="CatalogueLayout.SchedulerStore"/>) that Quartz provisions on first start.
/// </summary>
public sealed record JobStoreDatabase(JobStoreKind Kind, string ConnectionString, string Location)
{
    /// <summary>The job store of the catalogue whose data directory is <paramref name="dataDirectory"/>.</summary>
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
}
