using Microsoft.Playwright;

namespace PolicyIngest.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download: ExecutablePath and the flags of design.md).
/// Screenshots go to artifacts/screenshots/ for a person to look at.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync",
    ];

    public static string ScreenshotFolder { get; } = Path.Combine(Repo.Root, "artifacts", "screenshots");

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Never let the driver fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotFolder, name + ".png");
}

/// <summary>
/// The browser tests run alone, after the other test classes of the assembly: twice in this session both of them timed
/// out (90 s on a navigation) while the server tests ran beside them, and never when run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}

[Collection(BrowserCollection.Name)]
public class BrowserTest(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Navigations may take 90 s: with test assemblies running side by side on 2 cores a page load once took longer
    /// than Playwright's default 30 s. test.sh runs the assemblies one at a time, and this class runs alone.
    /// </summary>
    private static readonly PageWaitForURLOptions Navigation = new() { Timeout = 90_000 };

    private static string Revision(string name) => Path.Combine(Repo.Shared, "data", "revisions", name);

    /// <summary>Two versions of 经营者集中申报标准 from the same source, the 怀柔 policy, and a title with a script in it.</summary>
    private static async Task<TestSite> Site()
    {
        var site = new TestSite();
        site.IngestText("jizhong.txt", await File.ReadAllTextAsync(Revision("08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.txt")));
        site.IngestText("jizhong.txt", await File.ReadAllTextAsync(Revision("09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.txt")));
        site.IngestFile(Repo.Seed("000_cf5a06cb7cce2435.txt"));
        site.IngestText("evil.txt", "关于<script>alert('x')</script>的通知\n第一条 给予30万元支持。\n");
        await site.StartAsync();
        return site;
    }

    [Fact]
    public async Task SearchOpenPolicyThenItsDiff_RendersChineseWithoutOverlap()
    {
        await using var site = await Site();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync(site.BaseAddress.ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("01-home"), FullPage = true });

        // Search from the header box, as a person would: type, press Enter.
        await page.GetByLabel("检索词").First.FillAsync("营业额");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?**", Navigation);
        Assert.True(await page.Locator("mark").CountAsync() > 0, "terms are highlighted");
        Assert.Contains("现行有效", await page.InnerTextAsync(".results"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("02-search"), FullPage = true });
        await AssertNoHorizontalOverflow(page);

        await page.Locator(".hit a.title", new() { HasText = "国务院关于经营者集中申报标准的规定" }).First.ClickAsync();
        await page.WaitForURLAsync("**/policies/**", Navigation);
        Assert.Contains("版本（2）", await page.InnerTextAsync("main"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("03-policy"), FullPage = true });
        await AssertNoHorizontalOverflow(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "与第 1 版对照" }).ClickAsync();
        await page.WaitForURLAsync("**/diff?**", Navigation);
        var main = await page.InnerTextAsync("main");
        Assert.Contains("新旧对照", main);
        Assert.Contains("120亿元", main);
        Assert.True(await page.Locator("ins").CountAsync() > 0, "changed text is marked");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("04-diff"), FullPage = true });
        await AssertNoHorizontalOverflow(page);

        await page.GotoAsync(site.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "关于<script>alert('x')</script>的通知" }).ClickAsync();
        Assert.Contains("<script>", await page.InnerTextAsync("h1"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task NarrowScreen_PolicyAndDiff_FitWithoutSideScrolling()
    {
        await using var site = await Site();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 800 } });

        await page.GotoAsync(site.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法" }).First.ClickAsync();
        await page.WaitForURLAsync("**/policies/**", Navigation);
        await AssertNoHorizontalOverflow(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("05-policy-narrow"), FullPage = false });

        await page.GotoAsync(site.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "国务院关于经营者集中申报标准的规定" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "与第 1 版对照" }).ClickAsync();
        await page.WaitForURLAsync("**/diff?**", Navigation);
        await AssertNoHorizontalOverflow(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("06-diff-narrow"), FullPage = false });
    }

    /// <summary>Nothing sticks out sideways: the page is no wider than the window (tables scroll inside their own box).</summary>
    private static async Task AssertNoHorizontalOverflow(IPage page)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"page is {scroll}px wide in a {client}px window");
    }
}
