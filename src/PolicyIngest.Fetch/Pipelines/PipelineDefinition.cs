using System.Text.RegularExpressions;

namespace PolicyIngest.Fetch.Pipelines;

public enum SourceKind { Listing, Urls, Folder }

/// <summary>A pipeline: what to fetch (its sources) and when (a Quartz cron in <see cref="TimeZone"/>).</summary>
public sealed record PipelineDefinition(string Name, string Schedule, TimeZoneInfo TimeZone, IReadOnlyList<SourceDefinition> Sources)
{
    /// <summary>The file it was read from, when it came from one.</summary>
    public string? File { get; init; }
}

/// <summary>One source of documents and the limits that keep fetching it polite and bounded.</summary>
public sealed record SourceDefinition
{
    public required string Name { get; init; }
    public required SourceKind Kind { get; init; }
    /// <summary>Listing: the first listing page.</summary>
    public Uri? Url { get; init; }
    /// <summary>Urls: the documents themselves.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];
    /// <summary>Folder: a local directory whose files are documents.</summary>
    public string? Folder { get; init; }
    /// <summary>CSS selector for the links on a listing page.</summary>
    public string Links { get; init; } = "a[href]";
    /// <summary>Which links (absolute URLs, or file names for a folder) are documents.</summary>
    public Regex Include { get; init; } = DefaultDocumentPattern;
    public Regex? Exclude { get; init; }
    /// <summary>CSS selector of the next-page link on a listing page; none: one page only.</summary>
    public string? NextPage { get; init; }
    public int MaxPages { get; init; } = 20;
    public DetailPages? Detail { get; init; }
    public SourceLimits Limits { get; init; } = SourceLimits.Default;

    public static readonly Regex DefaultDocumentPattern =
        new(@"\.(pdf|ofd|docx?|wps|html?|shtml|txt)(\?.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}

/// <summary>Listing links that lead to a policy's own page, whose attachments are followed.</summary>
public sealed record DetailPages
{
    /// <summary>Which listing links are detail pages (checked before <see cref="SourceDefinition.Include"/>).</summary>
    public required Regex Match { get; init; }
    /// <summary>CSS selector for attachment links on a detail page.</summary>
    public string Links { get; init; } = "a[href]";
    public Regex Include { get; init; } = DefaultAttachmentPattern;
    /// <summary>Also ingest the detail page itself (when it carries the policy text).</summary>
    public bool IngestPage { get; init; }

    public static readonly Regex DefaultAttachmentPattern =
        new(@"\.(pdf|ofd|docx?|wps|txt)(\?.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}

/// <summary>Per-source politeness, size and time limits, and where requests may go.</summary>
public sealed record SourceLimits
{
    public static readonly SourceLimits Default = new();

    /// <summary>Minimum time between the starts of two requests to this source.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(200);
    public int Concurrency { get; init; } = 2;
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;
    /// <summary>Time allowed to one attempt (connect, headers and body).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Retries after the first attempt, on timeouts, broken bodies and 5xx only.</summary>
    public int Retries { get; init; } = 3;
    /// <summary>First backoff; doubled each retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxRedirects { get; init; } = 5;
    /// <summary>Hosts requests and redirects may go to (host or host:port); empty: the source's own hosts.</summary>
    public IReadOnlySet<string> AllowedHosts { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public bool Allows(Uri url) =>
        AllowedHosts.Contains(url.Host) || AllowedHosts.Contains(url.Authority);
}
