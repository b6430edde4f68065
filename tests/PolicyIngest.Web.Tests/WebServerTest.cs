using System.Net;
using System.Text.Json;

namespace PolicyIngest.Web.Tests;

/// <summary>The real app on a loopback port over a real catalogue: pages, API, downloads, safety.</summary>
public class WebServerTest
{
    private const string ScriptTitle = "关于<script>alert('x')</script>的通知";

    [Fact]
    public async Task PolicyPage_TitleWithScript_IsEncodedEverywhere()
    {
        await using var site = new TestSite();
        var doc = site.IngestText("evil.txt", ScriptTitle + "\n第一条 给予<b>30万元</b>支持\"><img src=x onerror=alert(2)>。\n");
        await site.StartAsync();

        using (var api = System.Text.Json.JsonDocument.Parse(await site.Client.GetStringAsync($"api/policies/{doc.PolicyId}")))
            Assert.Equal(ScriptTitle, api.RootElement.GetProperty("title").GetString()); // the parser kept the title as written
        foreach (var url in new[] { $"policies/{doc.PolicyId}", $"policies/{doc.VersionId}", "", "search?q=%E6%94%AF%E6%8C%81" })
        {
            var html = await site.Client.GetStringAsync(url);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b>30万元</b>", html);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        }
    }

    [Fact]
    public async Task Pages_SendHeadersThatForbidScripts()
    {
        await using var site = new TestSite();
        await site.StartAsync();

        using var response = await site.Client.GetAsync("");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task PolicyPage_ShowsMetadataStatusClauseAnchorsAmountsAndVersions()
    {
        await using var site = new TestSite();
        var stored = site.Store(Documents.WithAmounts());
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{stored.PolicyId}");

        Assert.Contains("测经信发〔2025〕7号", html);
        Assert.Contains("现行有效", html);
        Assert.Contains("有效期至 2028-02-28", html);
        Assert.Contains("id=\"c-ch1-art1\"", html);
        Assert.Contains("href=\"#c-ch1-art1\"", html); // amounts table links to the clause anchor
        Assert.Contains("30万元", html);
        Assert.Contains("10–100万元", html);
        Assert.Contains("支持措施", html); // category chip in Chinese
        Assert.Contains($"/versions/{stored.VersionId}/original", html);
        Assert.Contains("版本（1）", html);
    }

    [Fact]
    public async Task PolicyPage_ExpiredPolicy_SaysWhy()
    {
        await using var site = new TestSite { Now = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var stored = site.Store(Documents.WithAmounts());
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{stored.PolicyId}");

        Assert.Contains("已失效", html);
        Assert.Contains("有效期至2028年2月28日届满（依据未记录）", html);   // why: a document stored without a validity basis says so
    }

    [Fact]
    public async Task PolicyPage_TwoVersions_TimelineLinksTheDiff()
    {
        await using var site = new TestSite();
        var first = site.IngestText("p.txt", "测试办法\n第一条 给予30万元支持。\n");
        var second = site.IngestText("p.txt", "测试办法\n第一条 给予50万元支持。\n");
        Assert.Equal(first.PolicyId, second.PolicyId);
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{second.PolicyId}");

        Assert.Contains("版本（2）", html);
        Assert.Contains($"/diff?old={first.VersionId}&amp;new={second.VersionId}", html);
    }

    [Fact]
    public async Task PolicyPage_ListsOtherFilesWithTheSameText()
    {
        await using var site = new TestSite();
        var html1 = site.IngestText("p.txt", "测试办法\n第一条 给予30万元支持。\n");
        using (var store = new PolicyIngest.Catalogue.CatalogueStore(site.DbPath))
            store.AddVersionFile(html1.VersionId!, new string('c', 64), "https://gov.example/p<1>.pdf", "pdf", DateTimeOffset.UtcNow);
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{html1.PolicyId}");

        Assert.Contains("同一文本的其他文件：<span>https://gov.example/p&lt;1&gt;.pdf", html);
        Assert.Contains($"/versions/{html1.VersionId}/files/{new string('c', 64)}", html);
    }

    [Fact]
    public async Task Rendition_ByVersionAndHash_SendsThatFilesBytes()
    {
        await using var site = new TestSite();
        var stored = site.IngestText("r.txt", "另一格式办法\n第一条 给予30万元支持。\n");
        var pdf = Path.Combine(site.Folder, "r.pdf");
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37];
        await File.WriteAllBytesAsync(pdf, bytes);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var other = site.IngestText("o.txt", "别的办法\n第一条 给予10万元支持。\n");
        using (var store = new PolicyIngest.Catalogue.CatalogueStore(site.DbPath))
            store.AddVersionFile(stored.VersionId!, sha, pdf, "pdf", DateTimeOffset.UtcNow);
        await site.StartAsync();

        using var response = await site.Client.GetAsync($"versions/{stored.VersionId}/files/{sha}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition!.FileNameStar);

        // why: a file is sent only under the version the catalogue lists it for, and only by a hash it lists
        foreach (var url in new[] { $"versions/{other.VersionId}/files/{sha}", $"versions/{stored.VersionId}/files/{new string('0', 64)}",
                     $"versions/{stored.VersionId}/files/..%2F..%2Fetc%2Fpasswd" })
        {
            using var refused = await site.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task ApiPolicy_ReturnsStatusVersionsAndTheStoredDocument()
    {
        await using var site = new TestSite();
        var stored = site.Store(Documents.WithAmounts());
        await site.StartAsync();

        using var json = JsonDocument.Parse(await site.Client.GetStringAsync($"api/policies/{stored.PolicyId}"));
        var root = json.RootElement;

        Assert.Equal(stored.VersionId, root.GetProperty("versionId").GetString());
        Assert.Equal("in_force", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("versions").GetArrayLength());
        var amounts = root.GetProperty("document").GetProperty("amounts");
        Assert.Equal(4, amounts.GetArrayLength());
        Assert.Equal("150000000", amounts[2].GetProperty("yuan").GetRawText());
        Assert.Equal("cap", amounts[1].GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("api/policies/pnosuch000000")] // why: a well-formed id that is not in the catalogue
    [InlineData("api/policies/..%2F..%2Fetc%2Fpasswd")] // why: an id is never a path
    [InlineData("policies/x'%20OR%201=1")] // why: not an id shape at all: never reaches SQL
    [InlineData("versions/..%2F..%2Fetc%2Fpasswd/original")] // why: traversal in the download id
    [InlineData("versions/%2Fetc%2Fpasswd/original")] // why: an absolute path in the download id
    [InlineData("versions/vnosuch000000/original")] // why: unknown version
    [InlineData("export/..%2Fcatalogue.csv")] // why: only the three named tables export
    [InlineData("no/such/page")] // why: the fallback
    public async Task UnknownOrMalformedIds_Are404(string url)
    {
        await using var site = new TestSite();
        site.Store(Documents.WithAmounts());
        await site.StartAsync();

        using var response = await site.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Original_ByVersionId_SendsTheIngestedBytes()
    {
        await using var site = new TestSite();
        var file = Path.Combine(site.Folder, "原件.txt");
        await File.WriteAllTextAsync(file, "下载测试办法\n第一条 给予30万元支持。\n");
        var stored = site.IngestFile(file);
        await site.StartAsync();

        using var response = await site.Client.GetAsync($"versions/{stored.VersionId}/original");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".txt", response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task Original_FileChangedSinceIngest_IsNotSent()
    {
        await using var site = new TestSite();
        var stored = site.IngestText("changing.txt", "会变的办法\n第一条 原文。\n");
        await File.WriteAllTextAsync(Path.Combine(site.Folder, "changing.txt"), "别的内容");
        await site.StartAsync();

        using var response = await site.Client.GetAsync($"versions/{stored.VersionId}/original");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Original_FromArchive_ByHashOnly()
    {
        await using var site = new TestSite();
        var stored = site.Store(Documents.WithAmounts());
        var archived = Path.Combine(site.Folder, "archived.pdf");
        await File.WriteAllBytesAsync(archived, [0x25, 0x50, 0x44, 0x46]);
        string? asked = null;
        var app = PolicyWebApp.Build(new WebOptions(site.Services)
        {
            Urls = "http://127.0.0.1:0",
            ArchiveLookup = sha => { asked = sha; return archived; },
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var response = await client.GetAsync($"/versions/{stored.VersionId}/original");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Documents.WithAmounts().Sha256, asked);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary>A real fee table read from an HTML page is shown as a table on the policy page, its sums with their headers.</summary>
public class PolicyTablesPageTest
{
    [Fact]
    public async Task PolicyPage_ShowsTheDocumentsTableAsATable()
    {
        await using var site = new TestSite();
        var doc = site.IngestText("fees.html", """
            <html><head><meta charset="utf-8"><title>某市关于占道收费标准的通知</title></head><body>
            <p>某市物价局关于占道收费标准的通知</p>
            <p>各区物价局：现将占道收费标准通知如下，自2026年1月1日起施行。</p>
            <p>单位：元/天·平方米</p>
            <table><tr><td rowspan="2">收费项目</td><td colspan="2">收费标准</td></tr><tr><td>主干道</td><td>其他道路</td></tr>
            <tr><td>经营性占道</td><td>0.80-1.50</td><td>0.60-1.10</td></tr></table>
            <p>某市物价局</p><p>2025年12月1日</p></body></html>
            """);
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{doc.PolicyId}");
        Assert.Contains("表格（1）", html);
        Assert.Contains("<th>主干道</th>", html);
        Assert.Contains("<td>0.80-1.50</td>", html);
        Assert.Contains("单位：元/天·平方米", html);
        // The sums printed bare in the table carry their unit and headers into the catalogue's JSON.
        var api = System.Text.RegularExpressions.Regex.Unescape(await site.Client.GetStringAsync($"api/policies/{doc.PolicyId}"));
        Assert.Contains("经营性占道 / 收费标准 主干道", api);
        Assert.Contains("元/天·平方米", api);
    }
}
