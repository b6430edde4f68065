using System.Text;
using Microsoft.AspNetCore.Builder;
using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;

namespace PolicyIngest.Web.Tests;

/// <summary>Where the repository and the user's shared material are.</summary>
public static class Repo
{
    public static string Root => RepositoryPaths.Root;
    public static string Shared => RepositoryPaths.Shared;
    public static string Seed(string name) => System.IO.Path.Combine(Shared, "seeds", name);
}

/// <summary>
/// A real catalogue (SQLite file) filled through the real ingest service, served by the real web app on a free
/// loopback port. Disposed with its files.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly TempDir _dir = new("policyingest-web-");
    private WebApplication? _app;

    public TestSite() => DbPath = _dir.File("catalogue.db");

    /// <summary>One composition root for every test in the run: loading jieba's dictionary and the model takes seconds.</summary>
    public static PolicyIngestServices SharedServices { get; } = new(PolicyIngestSettings.ForHome(Repo.Root));

    public static ClauseAnalyzer Analyzer => SharedServices.Analyzer;

    /// <summary>This site's services: its catalogue and its clock (<see cref="Now"/>), the shared models.</summary>
    public PolicyIngestServices Services => SharedServices.With(PolicyIngestSettings.ForHome(Repo.Root, DbPath) with { Clock = new FixedClock(Now) });

    public string DbPath { get; }
    public string Folder => _dir.Path;
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public HttpClient Client { get; private set; } = new();

    /// <summary>Today as the site sees it (statuses are computed as of this date).</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="text"/> to a file under the site's folder and ingests it from there.</summary>
    public IngestResult IngestText(string fileName, string text)
    {
        var path = _dir.File(fileName);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return IngestFile(path);
    }

    public IngestResult IngestFile(string path)
    {
        using var store = new CatalogueStore(DbPath);
        var result = Services.CreateIngest(store).IngestFile(path);
        Assert.NotEqual(IngestOutcome.Failed, result.Outcome);
        return result;
    }

    /// <summary>Stores a document as the pipeline would have produced it (amounts, parts …) through the ingest service.</summary>
    public IngestResult Store(PolicyDocument document)
    {
        using var store = new CatalogueStore(DbPath);
        return Services.CreateIngest(store).Store(document);
    }

    public async Task StartAsync()
    {
        _app = PolicyWebApp.Build(new WebOptions(Services) { Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First() + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dir.Dispose();
    }
}
