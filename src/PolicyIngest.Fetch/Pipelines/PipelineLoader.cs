using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PolicyIngest.Fetch.Pipelines;

/// <summary>A pipeline file that cannot be used: one line saying why.</summary>
public sealed class InvalidPipelineException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Reads <c>pipelines/*.yaml</c>. <c>${NAME}</c> placeholders are replaced from the variables given
/// (the environment, or the demo's portal address) before parsing; an unset one is an error, never an empty string.
/// </summary>
public static partial class PipelineLoader
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static PipelineDefinition LoadFile(string path, IReadOnlyDictionary<string, string>? variables = null)
    {
        string yaml;
        try { yaml = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidPipelineException($"{path}: {ex.Message}");
        }
        try
        {
            return Parse(yaml, variables, Path.GetDirectoryName(Path.GetFullPath(path))) with { File = Path.GetFullPath(path) };
        }
        catch (InvalidPipelineException ex)
        {
            throw new InvalidPipelineException($"{path}: {ex.Reason}");
        }
    }

    /// <summary>Every <c>*.yaml</c> / <c>*.yml</c> in a folder, in name order.</summary>
    public static IReadOnlyList<PipelineDefinition> LoadFolder(string folder, IReadOnlyDictionary<string, string>? variables = null)
    {
        if (!Directory.Exists(folder)) throw new InvalidPipelineException($"{folder}: no such folder");
        var pipelines = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => LoadFile(f, variables))
            .ToList();
        var duplicate = pipelines.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidPipelineException($"{folder}: two pipelines are named {duplicate.Key}");
        return pipelines;
    }

    /// <summary>Finds a pipeline by file path, or by name in <paramref name="folder"/>.</summary>
    public static PipelineDefinition Resolve(string nameOrPath, string folder, IReadOnlyDictionary<string, string>? variables = null)
    {
        if (File.Exists(nameOrPath)) return LoadFile(nameOrPath, variables);
        foreach (var ext in new[] { ".yaml", ".yml" })
        {
            var candidate = Path.Combine(folder, nameOrPath + ext);
            if (File.Exists(candidate)) return LoadFile(candidate, variables);
        }
        throw new InvalidPipelineException($"{nameOrPath}: no such pipeline file, and no {nameOrPath}.yaml in {folder}");
    }

    public static PipelineDefinition Parse(string yaml, IReadOnlyDictionary<string, string>? variables = null, string? baseFolder = null)
    {
        var text = Substitute(yaml, variables ?? EnvironmentVariables());
        PipelineYaml raw;
        try
        {
            raw = Deserializer.Deserialize<PipelineYaml>(text) ?? throw new InvalidPipelineException("empty pipeline file");
        }
        catch (YamlException ex)
        {
            throw new InvalidPipelineException($"line {ex.Start.Line}: {(ex.InnerException ?? ex).Message.Split('\n')[0]}");
        }
        var name = Required(raw.Name, "name");
        if (!NamePattern().IsMatch(name)) throw new InvalidPipelineException($"name '{name}': use letters, digits, '-' and '_' only");
        var schedule = raw.Schedule ?? "0 0 6 * * ?";
        if (!Quartz.CronExpression.TryParse(schedule, out _))
            throw new InvalidPipelineException($"schedule '{schedule}' is not a Quartz cron expression (sec min hour day month weekday)");
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(raw.TimeZone ?? DefaultTimeZone); }
        catch (TimeZoneNotFoundException) { throw new InvalidPipelineException($"timeZone '{raw.TimeZone}' is unknown"); }
        if (raw.Sources is not { Count: > 0 }) throw new InvalidPipelineException("no sources");
        var sources = raw.Sources.Select((s, i) => ToSource(s, i, baseFolder)).ToList();
        var dup = sources.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidPipelineException($"two sources are named {dup.Key}");
        return new PipelineDefinition(name, schedule, zone, sources);
    }

    public static IReadOnlyDictionary<string, string> EnvironmentVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    private static string Substitute(string yaml, IReadOnlyDictionary<string, string> variables) =>
        PlaceholderPattern().Replace(yaml, m =>
            variables.TryGetValue(m.Groups[1].Value, out var value) && value.Length > 0
                ? value
                : throw new InvalidPipelineException($"${{{m.Groups[1].Value}}} is used but not set"));

    private static SourceDefinition ToSource(SourceYaml s, int index, string? baseFolder)
    {
        var name = s.Name ?? $"source-{index + 1}";
        string Where(string key) => $"source {name}: {key}";
        var kind = (s.Kind ?? "listing").ToLowerInvariant() switch
        {
            "listing" => SourceKind.Listing,
            "urls" => SourceKind.Urls,
            "folder" => SourceKind.Folder,
            var other => throw new InvalidPipelineException($"{Where("kind")} '{other}' is not listing, urls or folder"),
        };
        Uri? url = null;
        var urls = new List<Uri>();
        string? folder = null;
        switch (kind)
        {
            case SourceKind.Listing:
                url = HttpUri(Required(s.Url, Where("url")), Where("url"));
                break;
            case SourceKind.Urls:
                if (s.Urls is not { Count: > 0 }) throw new InvalidPipelineException($"{Where("urls")}: none listed");
                urls.AddRange(s.Urls.Select(u => HttpUri(u, Where("urls"))));
                break;
            case SourceKind.Folder:
                folder = Required(s.Folder, Where("folder"));
                if (!Path.IsPathRooted(folder) && baseFolder is not null) folder = Path.GetFullPath(Path.Combine(baseFolder, folder));
                break;
        }
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (s.AllowedHosts is { Count: > 0 }) hosts.UnionWith(s.AllowedHosts);
        else
        {
            if (url is not null) hosts.Add(url.Authority);
            foreach (var u in urls) hosts.Add(u.Authority);
        }
        var limits = new SourceLimits
        {
            Delay = TimeSpan.FromMilliseconds(NonNegative(s.DelayMs ?? 200, Where("delayMs"))),
            Concurrency = (int)Positive(s.Concurrency ?? 2, Where("concurrency")),
            MaxBytes = Positive(s.MaxBytes ?? 100L * 1024 * 1024, Where("maxBytes")),
            Timeout = TimeSpan.FromSeconds(Positive(s.TimeoutSeconds ?? 60, Where("timeoutSeconds"))),
            Retries = (int)NonNegative(s.Retries ?? 3, Where("retries")),
            RetryDelay = TimeSpan.FromMilliseconds(NonNegative(s.RetryDelayMs ?? 1000, Where("retryDelayMs"))),
            MaxRedirects = (int)NonNegative(s.MaxRedirects ?? 5, Where("maxRedirects")),
            AllowedHosts = hosts,
        };
        DetailPages? detail = null;
        if (s.Detail is { } d)
        {
            detail = new DetailPages
            {
                Match = Pattern(Required(d.Match, Where("detail.match")), Where("detail.match")),
                Links = d.Links ?? "a[href]",
                Include = d.Include is null ? DetailPages.DefaultAttachmentPattern : Pattern(d.Include, Where("detail.include")),
                IngestPage = d.IngestPage ?? false,
            };
        }
        return new SourceDefinition
        {
            Name = name,
            Kind = kind,
            Url = url,
            Urls = urls,
            Folder = folder,
            Links = s.Links ?? "a[href]",
            Include = s.Include is null ? SourceDefinition.DefaultDocumentPattern : Pattern(s.Include, Where("include")),
            Exclude = s.Exclude is null ? null : Pattern(s.Exclude, Where("exclude")),
            NextPage = s.NextPage,
            MaxPages = (int)Positive(s.MaxPages ?? 20, Where("maxPages")),
            Detail = detail,
            Limits = limits,
        };
    }

    private static Uri HttpUri(string text, string where) =>
        Uri.TryCreate(text, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : throw new InvalidPipelineException($"{where} '{text}' is not an http(s) URL");

    private static Regex Pattern(string text, string where)
    {
        try { return new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException ex) { throw new InvalidPipelineException($"{where}: {ex.Message}"); }
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidPipelineException($"{key} is required") : value;

    private static long Positive(long value, string key) =>
        value > 0 ? value : throw new InvalidPipelineException($"{key} must be positive");

    private static long NonNegative(long value, string key) =>
        value >= 0 ? value : throw new InvalidPipelineException($"{key} must not be negative");

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePattern();

    // The file's shape, as YamlDotNet fills it; turned into the immutable definition above.
    private sealed class PipelineYaml
    {
        public string? Name { get; set; }
        public string? Schedule { get; set; }
        public string? TimeZone { get; set; }
        public string? Description { get; set; }
        public List<SourceYaml>? Sources { get; set; }
    }

    private sealed class SourceYaml
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Url { get; set; }
        public List<string>? Urls { get; set; }
        public string? Folder { get; set; }
        public string? Links { get; set; }
        public string? Include { get; set; }
        public string? Exclude { get; set; }
        public string? NextPage { get; set; }
        public long? MaxPages { get; set; }
        public DetailYaml? Detail { get; set; }
        public long? DelayMs { get; set; }
        public int? Concurrency { get; set; }
        public long? MaxBytes { get; set; }
        public long? TimeoutSeconds { get; set; }
        public long? Retries { get; set; }
        public long? RetryDelayMs { get; set; }
        public long? MaxRedirects { get; set; }
        public List<string>? AllowedHosts { get; set; }
    }

    private sealed class DetailYaml
    {
        public string? Match { get; set; }
        public string? Links { get; set; }
        public string? Include { get; set; }
        public bool? IngestPage { get; set; }
    }
}
