using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;
using PolicyIngest.Ingest.Matching;
using PolicyIngest.Core.Model;
using PolicyIngest.Track;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Consolidation;
using PolicyIngest.Web.Export;
using PolicyIngest.Web.Html;
using PolicyIngest.Web.Pages;
using PolicyIngest.Web.Policies;

namespace PolicyIngest.Web;

/// <summary>What the web UI serves and where: the catalogue, the clock and the search analyzer come from the services' settings.</summary>
public sealed record WebOptions(PolicyIngestServices Services)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Kestrel URLs; loopback unless the user asks otherwise.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The catalogue served (the settings' catalogue).</summary>
    public string DbPath => Services.Settings.CataloguePath;

    /// <summary>"Today" for statuses (in force / expired …): the settings' clock.</summary>
    public TimeProvider Clock => Services.Settings.Clock;

    /// <summary>Path of an archived original by its SHA-256, or null (the fetch archive).</summary>
    public Func<string, string?> ArchiveLookup { get; init; } = _ => null;

    /// <summary>Request logging to the console (the serve command turns it on; tests keep it off).</summary>
    public bool LogRequests { get; init; }
}

/// <summary>
/// The analysts' web UI: server-rendered Chinese pages (no JavaScript needed) and the JSON API behind them.
/// Handlers are thin: each opens the catalogue, asks a service, renders.
/// </summary>
public static class PolicyWebApp
{
    public static WebApplication Build(WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (options.LogRequests)
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
                // A failed bind is reported by the serve command in one line.
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        }
        var app = builder.Build();
        if (options.LogRequests)
        {
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyIngest.Web");
            app.Use(async (context, next) =>
            {
                var started = Stopwatch.GetTimestamp();
                await next(context);
                log.LogInformation("{Method} {Path}{Query} {Status} {Ms:0.0} ms", context.Request.Method, context.Request.Path,
                    context.Request.QueryString, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });
        }
        app.UseExceptionHandler(error => error.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Html(context, Layout.Page("出错了", Layout.Message("出错了", "服务器处理请求时出错，请稍后再试。")));
        }));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Frame-Options"] = "DENY";
            // Pages carry no script at all: even a value that escaped encoding could not run.
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            await next(context);
        });

        var site = new Site(options);
        app.MapGet("/", site.Home);
        app.MapGet("/policies/{id}", site.Policy);
        app.MapGet("/policies/{id}/consolidated", site.Consolidated);
        app.MapGet("/policies/{id}/consolidated.docx", site.ConsolidatedDocx);
        app.MapGet("/api/policies/{id}", site.PolicyJson);
        app.MapGet("/versions/{id}/original", site.Original);
        app.MapGet("/versions/{id}/files/{sha256}", site.Rendition);
        app.MapGet("/search", site.Search);
        app.MapGet("/api/search", site.SearchJson);
        app.MapGet("/diff", site.Diff);
        app.MapGet("/api/diff", site.DiffJson);
        app.MapGet("/changes", site.Changes);
        app.MapGet("/match", site.Match);
        app.MapGet("/match.xlsx", site.MatchXlsx);
        app.MapGet("/export", site.ExportPage);
        app.MapGet("/export/catalogue.xlsx", site.ExportXlsx);
        app.MapGet("/export/catalogue.json", site.ExportJson);
        app.MapGet("/export/{table}.csv", site.ExportCsv);
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Html(context, NotFound("没有这个页面"));
        });
        return app;
    }

    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    internal static Task Html(HttpContext context, Markup page)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(page.Value);
    }

    internal static Markup NotFound(string what) => Layout.Page("未找到", Layout.Message("未找到", what));

    private sealed class Site(WebOptions options)
    {
        private DateOnly Today => PolicyClock.Today(options.Clock);

        private CatalogueStore OpenCatalogue() => options.Services.OpenCatalogue();

        public Task Home(HttpContext context)
        {
            using var store = OpenCatalogue();
            var recent = new CatalogueReader(store).RecentlyIngested(Today, 30);
            return Html(context, HomePage.Render(store.Counts(), recent));
        }

        public Task Policy(HttpContext context, string id)
        {
            using var store = OpenCatalogue();
            return new PolicyLookup(store).Find(id, Today) is { } details
                ? Html(context, PolicyPage.Render(details))
                : NotFoundPage(context, $"目录中没有编号为 {id} 的政策或版本");
        }

        public IResult PolicyJson(string id)
        {
            using var store = OpenCatalogue();
            return new PolicyLookup(store).Find(id, Today) is { } details
                ? Results.Text(PolicyApi.Serialize(details), "application/json; charset=utf-8")
                : Results.NotFound(new { error = $"no policy or version with id '{id}'" });
        }

        public Task Consolidated(HttpContext context, string id)
        {
            using var store = OpenCatalogue();
            return LoadConsolidated(store, id) is { } c
                ? Html(context, ConsolidatedPage.Render(c.Version, c.Document))
                : NotFoundPage(context, $"目录中没有编号为 {id} 的政策或版本");
        }

        public IResult ConsolidatedDocx(string id)
        {
            using var store = OpenCatalogue();
            if (LoadConsolidated(store, id) is not { } c) return Results.NotFound(new { error = $"no policy or version with id '{id}'" });
            using var docx = new MemoryStream();
            Export.ConsolidatedDocx.Write(docx, c.Document);
            return Results.File(docx.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", c.Version.Title + "（整理版）.docx");
        }

        private (VersionStatusRow Version, ConsolidatedDocument Document)? LoadConsolidated(CatalogueStore store, string id)
        {
            if (new PolicyLookup(store).Find(id, Today) is not { } details
                || ConsolidationChain.Load(new TrackStore(store), details.Version.VersionId, Today) is not { } chain)
                return null;
            return (details.Version, ConsolidatedText.Build(chain));
        }

        public IResult Original(HttpContext context, string id)
        {
            using var store = OpenCatalogue();
            if (new PolicyLookup(store).FindVersion(id, Today) is not { } version)
                return Results.NotFound(new { error = $"no version with id '{id}'" });
            if (new OriginalFiles(options.ArchiveLookup).Find(version) is not { } file)
                return Results.NotFound(new { error = $"the original file of version '{id}' is not in the archive" });
            return Results.File(file.Path, file.ContentType, file.FileName);
        }

        /// <summary>Another file of a version, named by its SHA-256; only a file the catalogue lists for that version is sent.</summary>
        public IResult Rendition(HttpContext context, string id, string sha256)
        {
            using var store = OpenCatalogue();
            if (new PolicyLookup(store).FindVersion(id, Today) is not { } version)
                return Results.NotFound(new { error = $"no version with id '{id}'" });
            if (PolicyLookup.RenditionsOf(store, version.VersionId).FirstOrDefault(f => string.Equals(f.Sha256, sha256, StringComparison.OrdinalIgnoreCase)) is not { } rendition)
                return Results.NotFound(new { error = $"version '{id}' has no other file with SHA-256 '{sha256}'" });
            if (new OriginalFiles(options.ArchiveLookup).Find(version, rendition) is not { } file)
                return Results.NotFound(new { error = $"that file of version '{id}' is not in the archive" });
            return Results.File(file.Path, file.ContentType, file.FileName);
        }

        public Task Search(HttpContext context)
        {
            var form = SearchForm.Parse(name => context.Request.Query[name].FirstOrDefault(), Today);
            return Html(context, SearchPage.Render(form, form.Query.Length == 0 ? null : RunSearch(form, (form.Page - 1) * SearchForm.PageSize, SearchForm.PageSize, context.RequestAborted)));
        }

        public IResult SearchJson(HttpContext context)
        {
            var form = SearchForm.Parse(name => context.Request.Query[name].FirstOrDefault(), Today);
            if (form.Query.Length == 0) return Results.BadRequest(new { error = "q is required: /api/search?q=…" });
            if (form.Problems.Count > 0) return Results.BadRequest(new { error = string.Join("; ", form.Problems) });
            var limit = int.TryParse(context.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 500) : SearchForm.PageSize;
            var offset = int.TryParse(context.Request.Query["offset"], out var o) ? Math.Max(0, o) : 0;
            return Results.Text(PolicyIngest.Core.Json.PolicyJson.Serialize(SearchResultJson.ToJson(RunSearch(form, offset, limit, context.RequestAborted))), "application/json; charset=utf-8");
        }

        /// <summary>A search the browser gave up on (closed the tab, a newer query) stops in the searcher, not after it.</summary>
        private SearchResult RunSearch(SearchForm form, int offset, int limit, CancellationToken aborted)
        {
            using var store = OpenCatalogue();
            var search = options.Services.CreateSearch(store);
            return search.Search(new SearchRequest { Query = form.Query, Filter = form.Filter, Offset = offset, Limit = limit }, aborted);
        }

        public Task Diff(HttpContext context)
        {
            using var store = OpenCatalogue();
            if (LoadDiff(store, context) is not { } d)
                return NotFoundPage(context, "对照需要两个目录中的版本编号：/diff?old=旧版本&new=新版本");
            return Html(context, DiffPage.Render(d.Old, d.New, d.Diff, context.Request.Query["only"] == "changed"));
        }

        /// <summary>The `diff --json` document of ../shared/spec/cli.md for two catalogue versions.</summary>
        public IResult DiffJson(HttpContext context)
        {
            using var store = OpenCatalogue();
            return LoadDiff(store, context) is { } d
                ? Results.Text(Track.Reports.DiffJson.Serialize(d.Diff), "application/json; charset=utf-8")
                : Results.NotFound(new { error = "old and new must be version ids in the catalogue: /api/diff?old=v…&new=v…" });
        }

        private (VersionStatusRow Old, VersionStatusRow New, DocumentDiff Diff)? LoadDiff(CatalogueStore store, HttpContext context)
        {
            var lookup = new PolicyLookup(store);
            if (lookup.FindVersion(context.Request.Query["old"].ToString(), Today) is not { } oldVersion
                || lookup.FindVersion(context.Request.Query["new"].ToString(), Today) is not { } newVersion
                || store.LoadDocument(oldVersion.VersionId) is not { } oldDoc || store.LoadDocument(newVersion.VersionId) is not { } newDoc)
                return null;
            return (oldVersion, newVersion, new DocumentDiffer().Diff(oldDoc, newDoc));
        }

        public Task Changes(HttpContext context)
        {
            var today = Today;
            var since = today.AddDays(-7);
            string? problem = null;
            if (context.Request.Query["since"].FirstOrDefault() is { Length: > 0 } text
                && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since))
            {
                since = today.AddDays(-7);
                problem = $"日期“{text}”不是 yyyy-MM-dd 格式，显示近 7 天的变更";
            }
            using var store = OpenCatalogue();
            var track = new TrackStore(store);
            var entries = ChangeLog.Collect(track, since, today);
            return Html(context, ChangesPage.Render(since, today, entries, ValidityReport.Expiring(track, today, ChangesPage.ExpiringDays), problem));
        }

        public Task Match(HttpContext context)
        {
            var (asOf, profile, problem) = MatchRequest(context);
            if (profile is null || !context.Request.Query.Any()) return Html(context, MatchPage.Render(context.Request.Query, asOf, null, problem));
            using var store = OpenCatalogue();
            var result = new PolicyMatchService(store).Match(profile, asOf, context.RequestAborted);
            return Html(context, MatchPage.Render(context.Request.Query, asOf, result, problem));
        }

        public async Task MatchXlsx(HttpContext context)
        {
            var (asOf, profile, problem) = MatchRequest(context);
            if (profile is null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Html(context, MatchPage.Render(context.Request.Query, asOf, null, problem));
                return;
            }
            MatchResult result;
            using (var store = OpenCatalogue()) result = new PolicyMatchService(store).Match(profile, asOf, context.RequestAborted);
            using var buffer = new MemoryStream();
            XlsxExport.WriteMatches(buffer, result);
            context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"match-{asOf:yyyy-MM-dd}.xlsx\"";
            await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
        }

        /// <summary>The date and the profile a /match request asks about; a field that cannot be read gives a problem line.</summary>
        private (DateOnly AsOf, EnterpriseProfile? Profile, string? Problem) MatchRequest(HttpContext context)
        {
            var asOf = Today;
            string? problem = null;
            if (context.Request.Query["asOf"].FirstOrDefault() is { Length: > 0 } text
                && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            {
                asOf = Today;
                problem = $"日期“{text}”不是 yyyy-MM-dd 格式，按今天匹配";
            }
            var (profile, fieldProblem) = MatchPage.ProfileFrom(context.Request.Query);
            return (asOf, profile, fieldProblem ?? problem);
        }

        public Task ExportPage(HttpContext context) => Html(context, ExportPageView.Render(AllVersions(context)));

        public Task ExportXlsx(HttpContext context) =>
            Download(context, "catalogue.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                (exporter, stream) => exporter.WriteXlsx(stream, ExportOptionsFor(context)));

        public Task ExportJson(HttpContext context) =>
            Download(context, "catalogue.json", "application/json; charset=utf-8",
                (exporter, stream) => exporter.WriteJson(stream, ExportOptionsFor(context)));

        public Task ExportCsv(HttpContext context, string table)
        {
            if (!ExportTables.Names.Contains(table)) return NotFoundPage(context, $"没有名为 {table} 的导出表");
            return Download(context, table + ".csv", "text/csv; charset=utf-8",
                (exporter, stream) => exporter.WriteCsv(stream, table, ExportOptionsFor(context)));
        }

        private ExportOptions ExportOptionsFor(HttpContext context) =>
            new(Today, AllVersions(context) ? VersionScope.All : VersionScope.Current);

        private static bool AllVersions(HttpContext context) => context.Request.Query["versions"] == "all";

        // The export is built in a temporary file first: a failure then gives an error page, never a truncated download.
        private async Task Download(HttpContext context, string fileName, string contentType, Action<CatalogueExporter, Stream> write)
        {
            var temp = Path.GetTempFileName();
            try
            {
                using (var store = OpenCatalogue())
                await using (var file = File.Create(temp))
                    write(new CatalogueExporter(store), file);
                context.Response.ContentType = contentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
                await context.Response.SendFileAsync(temp);
            }
            finally
            {
                File.Delete(temp);
            }
        }

        private static Task NotFoundPage(HttpContext context, string what)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Html(context, NotFound(what));
        }
    }
}
