using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Read;

namespace PolicyIngest.Portal;

/// <summary>A file of the portal, from <c>corpus/manifest.json</c> (<c>{"file","from","format","notes"}</c>).</summary>
public sealed record PortalItem(int Id, string File, string Format, string Title, string? From = null);

/// <summary>What the portal does wrong for one path, for the next <see cref="Times"/> requests.</summary>
public sealed record Fault(FaultKind Kind, int Times = int.MaxValue)
{
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);
}

public enum FaultKind
{
    /// <summary>HTTP 500 (then, after <see cref="Fault.Times"/> requests, the file).</summary>
    ServerError,
    /// <summary>Waits <see cref="Fault.Delay"/> before answering.</summary>
    Slow,
    /// <summary>Declares the full Content-Length, sends half the body and drops the connection.</summary>
    TruncatedBody,
    /// <summary>The right bytes under a wrong Content-Type (text/html).</summary>
    WrongContentType,
    /// <summary>A "页面不存在" HTML page sent with 200 and the file's own Content-Type.</summary>
    SoftNotFound,
    /// <summary>302 to a twin path that 302s back.</summary>
    RedirectLoop,
    /// <summary>302 to a host the pipeline does not allow.</summary>
    RedirectOffsite,
    NotFound,
    /// <summary>No ETag / Last-Modified, and conditional headers ignored (many old portals).</summary>
    NoValidators,
}

/// <summary>
/// A government-style policy portal on 127.0.0.1 (a free port), serving a corpus for tests and the demo:
/// paginated listing pages <c>/zwgk/index.html</c>, <c>index_1.html</c> … with a 下一页 link; HTML policies linked
/// directly (<c>/zwgk/art/…</c>); every other file behind a GBK-encoded detail page (<c>/zwgk/detail/N.shtml</c>)
/// whose attachment link points at <c>/files/…</c>. Files carry ETag and Last-Modified and answer 304 to matching
/// conditional requests. Faults are set per path; <see cref="Revise"/> serves new bytes for a file.
/// </summary>
public sealed class LocalPortal : IAsyncDisposable
{
    public const string ListingPath = "/zwgk/index.html";
    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, PortalItem> _byPath;
    private readonly ConcurrentDictionary<string, Served> _content = new();
    private readonly ConcurrentDictionary<string, Fault> _faults = new();
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private readonly ConcurrentDictionary<string, int> _faultHits = new();

    private sealed record Served(byte[] Bytes, string ETag, DateTimeOffset LastModified, string? Charset = null);

    private LocalPortal(HttpListener listener, Uri baseUrl, string corpusRoot, IReadOnlyList<PortalItem> items, int pageSize)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        CorpusRoot = corpusRoot;
        Items = items;
        PageSize = pageSize;
        _byPath = items.ToDictionary(FilePath, StringComparer.Ordinal);
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }
    public string CorpusRoot { get; }
    public IReadOnlyList<PortalItem> Items { get; }
    public int PageSize { get; }
    public Uri ListingUrl => new(BaseUrl, ListingPath);
    /// <summary>Added to every answer (to make runs long enough to interrupt, or to measure).</summary>
    public TimeSpan Latency { get; set; }
    public int PageCount => Math.Max(1, (Items.Count + PageSize - 1) / PageSize);

    /// <summary>Starts on a free loopback port. Items come from <c>manifest.json</c> when present, else every file under the root.</summary>
    /// <param name="include">which manifest entries (file, from) to serve; all when null</param>
    public static LocalPortal Start(string corpusRoot, int pageSize = 10, Func<string, string?, bool>? include = null)
    {
        var items = LoadItems(Path.GetFullPath(corpusRoot), include);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LocalPortal(listener, new Uri($"http://127.0.0.1:{port}/"), Path.GetFullPath(corpusRoot), items, pageSize);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // the port was taken between probing and binding: try another
            }
        }
    }

    /// <summary>The URL of an item's file (what gets ingested for non-HTML items; the page itself for HTML ones).</summary>
    public Uri FileUrl(PortalItem item) => new(BaseUrl, FilePath(item));

    public PortalItem Item(string file) => Items.First(i => i.File == file);

    public static string FilePath(PortalItem item) =>
        (item.Format == "html" ? "/zwgk/art/" : "/files/") + string.Join('/', item.File.Split('/').Select(Uri.EscapeDataString));

    public void SetFault(string path, Fault fault)
    {
        _faultHits.TryRemove(path, out _);
        _faults[path] = fault;
    }

    public void SetFault(PortalItem item, Fault fault) => SetFault(FilePath(item), fault);

    public void ClearFaults()
    {
        _faults.Clear();
        _faultHits.Clear();
    }

    /// <summary>
    /// From now on the item's URL serves <paramref name="bytes"/>, with a new ETag and Last-Modified, and
    /// <paramref name="charset"/> (when given) as the Content-Type's charset parameter.
    /// </summary>
    public void Revise(PortalItem item, byte[] bytes, string? charset = null) =>
        _content[FilePath(item)] = new Served(bytes, ETagOf(bytes), DateTimeOffset.UtcNow, charset);

    public int Requests(string path) => _requests.GetValueOrDefault(path);

    public int TotalRequests => _requests.Values.Sum();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try { await _loop.ConfigureAwait(false); }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException) { }
        _listener.Close();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var rawPath = context.Request.Url!.AbsolutePath;
            _requests.AddOrUpdate(rawPath, 1, (_, n) => n + 1);
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, _stop.Token).ConfigureAwait(false);
            if (rawPath.EndsWith('~') && _faults.TryGetValue(rawPath[..^1], out var loop) && loop.Kind == FaultKind.RedirectLoop)
            {
                response.StatusCode = 302;
                response.RedirectLocation = rawPath[..^1];
                response.Close();
                return;
            }
            var fault = ActiveFault(rawPath);
            if (fault is not null && await ApplyFaultAsync(fault, rawPath, context).ConfigureAwait(false)) return;
            if (path == "/" || path == "/index.html") { Html(response, HomePage()); return; }
            if (path.StartsWith("/zwgk/index", StringComparison.Ordinal) && ListingPageNumber(path) is { } page && page < PageCount)
            {
                Html(response, ListingPage(page), gbk: false);
                return;
            }
            if (path.StartsWith("/zwgk/detail/", StringComparison.Ordinal) && DetailId(path) is { } id && id >= 1 && id <= Items.Count)
            {
                Html(response, DetailPage(Items[id - 1]), gbk: true);
                return;
            }
            if (_byPath.TryGetValue(rawPath, out var item))
            {
                await ServeFileAsync(context, item, fault?.Kind == FaultKind.NoValidators).ConfigureAwait(false);
                return;
            }
            response.StatusCode = 404;
            Html(response, "<html><body><h1>404 页面不存在</h1></body></html>");
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    private Fault? ActiveFault(string path)
    {
        if (!_faults.TryGetValue(path, out var fault)) return null;
        var hits = _faultHits.AddOrUpdate(path, 1, (_, n) => n + 1);
        return hits <= fault.Times ? fault : null;
    }

    /// <summary>Returns true when the fault answered the request.</summary>
    private async Task<bool> ApplyFaultAsync(Fault fault, string path, HttpListenerContext context)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.ServerError:
                response.StatusCode = 500;
                Html(response, "<html><body>500 服务器内部错误</body></html>");
                return true;
            case FaultKind.NotFound:
                response.StatusCode = 404;
                Html(response, "<html><body>404 页面不存在</body></html>");
                return true;
            case FaultKind.Slow:
                await Task.Delay(fault.Delay, _stop.Token).ConfigureAwait(false);
                return false;
            case FaultKind.RedirectLoop:
                response.StatusCode = 302;
                response.RedirectLocation = path + "~";
                response.Close();
                return true;
            case FaultKind.RedirectOffsite:
                response.StatusCode = 302;
                response.RedirectLocation = "http://203.0.113.9" + path; // TEST-NET-3: never fetched
                response.Close();
                return true;
            case FaultKind.TruncatedBody when _byPath.TryGetValue(path, out var item):
            {
                var bytes = Current(item).Bytes;
                response.StatusCode = 200;
                response.ContentType = ContentTypeOf(item.Format);
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), _stop.Token).ConfigureAwait(false);
                await response.OutputStream.FlushAsync(_stop.Token).ConfigureAwait(false);
                response.Abort();
                return true;
            }
            case FaultKind.WrongContentType when _byPath.TryGetValue(path, out var item):
            {
                var bytes = Current(item).Bytes;
                response.StatusCode = 200;
                response.ContentType = item.Format == "html" ? "application/octet-stream" : "text/html; charset=utf-8";
                await WriteAsync(response, bytes).ConfigureAwait(false);
                return true;
            }
            case FaultKind.SoftNotFound when _byPath.TryGetValue(path, out var item):
            {
                response.StatusCode = 200;
                response.ContentType = ContentTypeOf(item.Format);
                await WriteAsync(response, Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>提示</title></head><body>页面不存在或已删除</body></html>"))
                    .ConfigureAwait(false);
                return true;
            }
            default:
                return false;
        }
    }

    private async Task ServeFileAsync(HttpListenerContext context, PortalItem item, bool noValidators)
    {
        var served = Current(item);
        var request = context.Request;
        var response = context.Response;
        if (!noValidators)
        {
            response.Headers["ETag"] = served.ETag;
            response.Headers["Last-Modified"] = served.LastModified.ToString("R");
            var ifNoneMatch = request.Headers["If-None-Match"];
            var ifModifiedSince = request.Headers["If-Modified-Since"];
            var notModified = ifNoneMatch is not null
                ? ifNoneMatch.Split(',').Any(t => t.Trim() == served.ETag)
                : ifModifiedSince is not null && DateTimeOffset.TryParse(ifModifiedSince, out var since) &&
                  served.LastModified <= since.AddSeconds(1) && served.LastModified.AddSeconds(-1) <= since;
            if (notModified)
            {
                response.StatusCode = 304;
                response.Close();
                return;
            }
        }
        response.StatusCode = 200;
        response.ContentType = served.Charset is { } charset ? ContentTypeOf(item.Format).Split(';')[0] + "; charset=" + charset : ContentTypeOf(item.Format);
        await WriteAsync(response, served.Bytes).ConfigureAwait(false);
    }

    private Served Current(PortalItem item) =>
        _content.GetOrAdd(FilePath(item), _ =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(CorpusRoot, item.File));
            return new Served(bytes, ETagOf(bytes), Epoch.AddDays(item.Id));
        });

    private static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";

    private static async Task WriteAsync(HttpListenerResponse response, byte[] bytes)
    {
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }

    private static void Html(HttpListenerResponse response, string html, bool gbk = false)
    {
        var bytes = (gbk ? TextDecoding.Gb18030 : Encoding.UTF8).GetBytes(html);
        response.ContentType = gbk ? "text/html; charset=gbk" : "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private static string ContentTypeOf(string format) => format switch
    {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "ofd" => "application/ofd",
        "html" => "text/html",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static int? ListingPageNumber(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name == "index") return 0;
        return name.StartsWith("index_", StringComparison.Ordinal) && int.TryParse(name[6..], out var n) && n > 0 ? n : null;
    }

    private static int? DetailId(string path) =>
        int.TryParse(Path.GetFileNameWithoutExtension(path), out var id) ? id : null;

    private static string Escape(string s) => WebUtility.HtmlEncode(s);

    private static string Frame(string title, string body, string charset = "utf-8") => $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="{charset}"><title>{Escape(title)}</title></head>
        <body>
        <div class="header"><a href="/">首页</a> <a href="/zwgk/index.html">政务公开</a> <a href="/about.html">关于我们</a></div>
        {body}
        <div class="footer">主办单位：某区人民政府办公室 <a href="/sitemap.html">网站地图</a></div>
        </body></html>
        """;

    private string HomePage() => Frame("某区人民政府", "<p><a href=\"/zwgk/index.html\">政策文件</a></p>");

    private string ListingPage(int page)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"crumb\">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>\n<ul class=\"list\">\n");
        foreach (var item in Items.Skip(page * PageSize).Take(PageSize))
        {
            var href = item.Format == "html" ? FilePath(item) : $"/zwgk/detail/{item.Id}.shtml";
            sb.Append($"  <li><a href=\"{href}\" title=\"{Escape(item.Title)}\">{Escape(item.Title)}</a><span>{Epoch.AddDays(item.Id):yyyy-MM-dd}</span></li>\n");
        }
        sb.Append("</ul>\n<div class=\"page\">");
        if (page > 0) sb.Append($"<a class=\"prev\" href=\"{(page == 1 ? "index.html" : $"index_{page - 1}.html")}\">上一页</a> ");
        sb.Append($"第{page + 1}页/共{PageCount}页");
        if (page + 1 < PageCount) sb.Append($" <a class=\"next\" href=\"index_{page + 1}.html\">下一页</a>");
        sb.Append("</div>");
        return Frame("政策文件", sb.ToString());
    }

    private string DetailPage(PortalItem item)
    {
        var name = Path.GetFileName(item.File);
        var body = $"""
            <div class="article"><h1>{Escape(item.Title)}</h1>
            <div class="info">发布日期：{Epoch.AddDays(item.Id):yyyy-MM-dd}　来源：区政府办公室</div>
            <div class="content"><p>现将《{Escape(item.Title)}》印发给你们，请认真贯彻执行。全文详见附件。</p></div>
            <div class="attachments">附件：<a href="{FilePath(item)}">{Escape(name)}</a></div></div>
            <div class="share"><a href="javascript:void(0)">分享</a> <a href="#top">返回顶部</a></div>
            """;
        return Frame(item.Title, body, "gb2312");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed record ManifestEntry(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("from")] string? From,
        [property: JsonPropertyName("format")] string? Format,
        [property: JsonPropertyName("notes")] string? Notes);

    private static List<PortalItem> LoadItems(string root, Func<string, string?, bool>? include)
    {
        var manifest = Path.Combine(root, "manifest.json");
        List<(string File, string? Format, string? From)> files;
        if (File.Exists(manifest))
        {
            var entries = JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllText(manifest)) ?? [];
            files = entries.Where(e => File.Exists(Path.Combine(root, e.File))).Select(e => (e.File, e.Format, e.From)).ToList();
        }
        else
        {
            files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').Any(p => p.StartsWith('.')) && !f.StartsWith("build/", StringComparison.Ordinal) &&
                            !f.StartsWith("gold/", StringComparison.Ordinal) && f != "README.md")
                .Order(StringComparer.Ordinal)
                .Select(f => (f, (string?)null, (string?)null))
                .ToList();
        }
        return files.Where(f => include?.Invoke(f.File, f.From) ?? true).Select((f, i) =>
        {
            var format = f.Format ?? ContentCheck.FromExtension(f.File)?.ToString().ToLowerInvariant() ?? "bin";
            return new PortalItem(i + 1, f.File, format, TitleOf(root, f.File, format), f.From);
        }).ToList();
    }

    /// <summary>Text files and HTML pages give their first line or &lt;title&gt;; other formats their file name.</summary>
    private static string TitleOf(string root, string file, string format)
    {
        var fallback = Path.GetFileNameWithoutExtension(file);
        if (format is not ("txt" or "html")) return fallback;
        var bytes = File.ReadAllBytes(Path.Combine(root, file));
        var text = format == "html" ? HtmlLinks.Decode(bytes, null) : TextDecoding.Decode(bytes, out _);
        if (format == "html")
        {
            var m = System.Text.RegularExpressions.Regex.Match(text, "<title>([^<]+)</title>", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            return m.Success ? m.Groups[1].Value.Trim() : fallback;
        }
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null ? fallback : line.Length > 60 ? line[..60] : line;
    }
}
