using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;
using PolicyIngest.Portal;

namespace PolicyIngest.Fetch.Tests;

/// <summary>
/// A small corpus of real policy texts (../shared) in the shape of corpus/ (files + manifest.json), served by the
/// mock portal. Text files keep these tests independent of the PDF/Word readers and fast.
/// </summary>
public static class TestCorpus
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>One composition root over this checkout's models for every fixture (loading them takes seconds).</summary>
    public static PolicyIngest.Ingest.PolicyIngestServices Services { get; } = new(PolicyIngest.Core.PolicyIngestSettings.ForHome(RepositoryRoot));
    public static string Shared => RepositoryPaths.Shared;

    public const string OldRevision = "data/revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.txt";
    public const string NewRevision = "data/revisions/09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.txt";

    public static readonly string[] Sources =
    [
        OldRevision,
        "data/revisions/03_liuhe-lvyou-fazhan-ruogan-yijian_2019.txt",
        "seeds/001_b6577d9982b2cb39.txt",
        "data/revisions/14_pair-F_shanghai-nongye-keji-jinbu-ruogan-guiding_2007.txt",
        "data/revisions/06_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2020.txt",
        "data/revisions/19_xinyu-lvse-jianzhu-guanli-banfa_2012.txt",
        "data/revisions/18_shanghai-lingang-shuangte-ruogan-yijian_2016.txt",
    ];

    /// <summary>Writes the corpus under <paramref name="root"/>; files are named by position so order is stable.</summary>
    public static string Create(string root)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(root, "txt"));
        var manifest = new List<object>();
        for (var i = 0; i < Sources.Length; i++)
        {
            var file = $"txt/{i:00}_{System.IO.Path.GetFileName(Sources[i])}";
            System.IO.File.Copy(System.IO.Path.Combine(Shared, Sources[i]), System.IO.Path.Combine(root, file));
            manifest.Add(new { file, from = Sources[i], format = "txt", notes = "test copy" });
        }
        System.IO.File.WriteAllText(System.IO.Path.Combine(root, "manifest.json"), JsonSerializer.Serialize(manifest));
        return root;
    }

    public static byte[] SharedBytes(string relative) => System.IO.File.ReadAllBytes(System.IO.Path.Combine(Shared, relative));

    /// <summary>The portal's pipeline as a pipelines/*.yaml would say it (listing → detail pages → attachments).</summary>
    public static string PipelineYaml(string name = "portal", int concurrency = 2, int retries = 2, int timeoutSeconds = 5,
        int delayMs = 0, string schedule = "0 0 6 * * ?") => $$"""
        name: {{name}}
        schedule: "{{schedule}}"
        sources:
          - name: district-portal
            kind: listing
            url: ${PORTAL}/zwgk/index.html
            links: "ul.list a[href]"
            include: '\.(pdf|docx?|html?|txt)$'
            nextPage: "a.next"
            maxPages: 20
            detail:
              match: '/zwgk/detail/\d+\.shtml$'
              links: "div.attachments a[href]"
            delayMs: {{delayMs}}
            concurrency: {{concurrency}}
            timeoutSeconds: {{timeoutSeconds}}
            retries: {{retries}}
            retryDelayMs: 20
            maxBytes: 5000000
        """;

    public static PipelineDefinition Pipeline(LocalPortal portal, int timeoutSeconds = 5, int retries = 2) =>
        PipelineLoader.Parse(PipelineYaml(timeoutSeconds: timeoutSeconds, retries: retries),
            new Dictionary<string, string> { ["PORTAL"] = portal.BaseUrl.AbsoluteUri.TrimEnd('/') });
}

/// <summary>A catalogue in a temp folder, a portal over the test corpus, and a runner wired like the CLI's.</summary>
public sealed class FetchFixture : IAsyncDisposable
{
    private readonly TempDir _dir = new("policyingest-fetch-");
    private readonly HttpClient _client = DocumentFetcher.CreateClient();

    public FetchFixture(int pageSize = 3)
    {
        Portal = LocalPortal.Start(TestCorpus.Create(_dir.File("corpus")), pageSize);
        DbPath = _dir.File("data/catalogue.db");
        Catalogue = new CatalogueStore(DbPath);
        Runner = FetchServices.CreateRunner(TestCorpus.Services, Catalogue, _client);
    }

    public LocalPortal Portal { get; }
    public string DbPath { get; }
    public CatalogueStore Catalogue { get; }
    public PipelineRunner Runner { get; }
    public string Dir => _dir.Path;

    public Task<RunReport> RunAsync(int timeoutSeconds = 5, int retries = 2) =>
        Runner.RunAsync(TestCorpus.Pipeline(Portal, timeoutSeconds, retries), "test", CancellationToken.None);

    public DocumentOutcome Outcome(RunReport report, PortalItem item) =>
        report.Documents.Single(d => d.Url == Portal.FileUrl(item).AbsoluteUri);

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        Catalogue.Dispose();
        _client.Dispose();
        _dir.Dispose();
    }
}
