namespace PolicyIngest.Catalogue.Tests;

/// <summary>
/// One empty catalogue of one implementation, made for one test and removed after it. <see cref="Open"/> may be called
/// more than once: two stores open on one catalogue stand for two processes.
/// </summary>
public abstract class TestCatalogue : IDisposable
{
    public abstract CatalogueStore Open();

    public abstract void Dispose();
}

/// <summary>A SQLite catalogue file in a temporary folder.</summary>
public sealed class SqliteTestCatalogue : TestCatalogue
{
    private readonly TempDir _dir = new("policyingest-catalogue-");

    public string Path => _dir.File("catalogue.db");

    public override CatalogueStore Open() => new(Path);

    public override void Dispose() => _dir.Dispose();
}

/// <summary>
/// A database of its own on the test PostgreSQL server (<see cref="PostgresServer"/>), and a local data directory.
/// </summary>
public sealed class PostgresTestCatalogue : TestCatalogue
{
    private readonly PostgresDatabase _database = PostgresServer.Shared.CreateDatabase();
    private readonly TempDir _dir = new("policyingest-pg-data-");

    public string Url => _database.Url;

    public PostgresDatabase Database => _database;

    public override CatalogueStore Open() => new(Url, _dir.Path);

    public override void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }
}

/// <summary>
/// Every catalogue implementation the store tests run against, by name: a test takes the name as its first theory
/// argument (<see cref="Names"/>) and makes its catalogue with <see cref="Create"/>.
/// </summary>
public static class CatalogueImplementations
{
    private static readonly IReadOnlyDictionary<string, Func<TestCatalogue>> Factories = new Dictionary<string, Func<TestCatalogue>>
    {
        ["SQLite"] = () => new SqliteTestCatalogue(),
        ["PostgreSQL"] = () => new PostgresTestCatalogue(),
    };

    public static TestCatalogue Create(string name) => Factories[name]();

    public static TheoryData<string> Names => new(Factories.Keys);

    /// <summary>Every implementation with every one of <paramref name="cases"/>.</summary>
    public static TheoryData<string, T> With<T>(params T[] cases)
    {
        var data = new TheoryData<string, T>();
        foreach (var name in Factories.Keys)
            foreach (var c in cases) data.Add(name, c);
        return data;
    }
}
