using System.CommandLine;

namespace PolicyIngest.Cli;

/// <summary>Options every command shares, and where the repository's own folders are.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "catalogue SQLite file (default $POLICYINGEST_DB, else data/policyingest.db under the repository)",
        Recursive = true,
    };

    public static readonly Option<decimal?> MaxFileMb = new("--max-file-mb")
    {
        Description = "refuse input files larger than this many MB (default $POLICYINGEST_MAX_FILE_MB, else 200)",
        Recursive = true,
    };

    public static readonly Option<decimal?> FileTimeout = new("--file-timeout")
    {
        Description = "seconds allowed to read one file before it is reported as failed (default $POLICYINGEST_FILE_TIMEOUT_S, else 120)",
        Recursive = true,
    };

    public static readonly Option<string?> PdfEngine = CreatePdfEngine();

    private static Option<string?> CreatePdfEngine()
    {
        var option = new Option<string?>("--pdf-engine")
        {
            Description = "PDF text engine: auto (PdfPig; poppler for pages PdfPig reads garbled; the default), pdfpig or poppler (that engine for every page)",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("auto", "pdfpig", "poppler");
        return option;
    }

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "print exactly one JSON document on stdout",
        Recursive = true,
    };

    /// <summary>Every global option, in the order the help lists them (the CLI's root and the evaluation tool's).</summary>
    public static IReadOnlyList<Option> All => [Db, Json, MaxFileMb, FileTimeout, PdfEngine];
}

public sealed class CliContext(ParseResult parse)
{
    public ParseResult Parse => parse;

    public bool Json { get; } = parse.GetValue(GlobalOptions.Json);

    /// <summary>Reader limits: --max-file-mb over the environment's defaults.</summary>
    public PolicyIngest.Read.ReadOptions ReadOptions { get; } = BuildReadOptions(parse);

    private static PolicyIngest.Read.ReadOptions BuildReadOptions(ParseResult parse)
    {
        var options = PolicyIngest.Read.ReadOptions.Default;
        if (parse.GetValue(GlobalOptions.MaxFileMb) is { } mb and > 0) options = options with { MaxFileBytes = (long)(mb * 1024 * 1024) };
        if (parse.GetValue(GlobalOptions.FileTimeout) is { } seconds and > 0) options = options with { FileTimeout = TimeSpan.FromSeconds((double)seconds) };
        if (parse.GetValue(GlobalOptions.PdfEngine) is { } engine)
            options = options with { PdfEngine = Enum.Parse<PolicyIngest.Read.PdfEngine>(engine, ignoreCase: true) };
        return options;
    }

    public TextWriter Out { get; } = Console.Out;
    public TextWriter Err { get; } = Console.Error;

    public string DbPath => NamedDbPath ?? Path.Combine(RepositoryRoot, "data", "policyingest.db");

    /// <summary>The catalogue the user named: --db, else $POLICYINGEST_DB; null when neither names one.</summary>
    public string? NamedDbPath =>
        parse.GetValue(GlobalOptions.Db)
        ?? (Environment.GetEnvironmentVariable("POLICYINGEST_DB") is { Length: > 0 } env ? env : null);

    public string DbPathOrDefault(string fallback) => parse.GetValue(GlobalOptions.Db) ?? fallback;

    /// <summary>The checkout holding corpus/, models/ and pipelines/ ($POLICYINGEST_HOME, else found from the binary).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("POLICYINGEST_HOME") is { Length: > 0 } home) return Path.GetFullPath(home);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
