using System.CommandLine;
using PolicyIngest.Core;
using PolicyIngest.Ingest;
using PolicyIngest.Read;

namespace PolicyIngest.Cli;

/// <summary>Options every command shares.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "catalogue: a SQLite file, or postgresql://USER@HOST:PORT/DB for a shared one (its reports, archive, locks and search index then live in data/pg-HOST-PORT-DB/ under the home); default $POLICYINGEST_DB, else data/policyingest.db under the home, $POLICYINGEST_HOME",
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

    public static readonly Option<string?> Classifier = CreateClassifier();

    private static Option<string?> CreateClassifier()
    {
        var option = new Option<string?>("--classifier")
        {
            Description = "clause classifier: trained (models/classify.model.bin.gz; the default, an error when missing) or keywords (the keyword rules, said on stderr); default $POLICYINGEST_CLASSIFIER, else trained",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("trained", "keywords");
        return option;
    }

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "print exactly one JSON document on stdout",
        Recursive = true,
    };

    /// <summary>Every global option, in the order the help lists them (the CLI's root and the evaluation tool's).</summary>
    public static IReadOnlyList<Option> All => [Db, Json, MaxFileMb, FileTimeout, PdfEngine, Classifier];
}

/// <summary>
/// What a command gets: the parse result, the settings (built here once, from the options, the environment and the
/// defaults) and the composition root built from them. Every command makes one at start.
/// </summary>
public sealed class CliContext
{
    public CliContext(ParseResult parse)
    {
        Parse = parse;
        Json = parse.GetValue(GlobalOptions.Json);
        Settings = PolicyIngestSettings.Resolve(new SettingsOptions
        {
            Catalogue = parse.GetValue(GlobalOptions.Db),
            MaxFileMb = parse.GetValue(GlobalOptions.MaxFileMb),
            FileTimeoutSeconds = parse.GetValue(GlobalOptions.FileTimeout),
            Classifier = parse.GetValue(GlobalOptions.Classifier),
        }, Environment.GetEnvironmentVariable, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        Services = new PolicyIngestServices(Settings);
        ReadOptions = parse.GetValue(GlobalOptions.PdfEngine) is { } engine
            ? Services.ReadOptions with { PdfEngine = Enum.Parse<PdfEngine>(engine, ignoreCase: true) }
            : Services.ReadOptions;
    }

    public ParseResult Parse { get; }

    public bool Json { get; }

    public PolicyIngestSettings Settings { get; }

    /// <summary>The composition root over <see cref="Settings"/>: the one segmenter, analyzer and classifier of this run.</summary>
    public PolicyIngestServices Services { get; }

    /// <summary>Reader limits from the settings, with --pdf-engine.</summary>
    public ReadOptions ReadOptions { get; }

    public TextWriter Out { get; } = Console.Out;
    public TextWriter Err { get; } = Console.Error;

    /// <summary>The catalogue: --db, else $POLICYINGEST_DB, else data/policyingest.db under the home.</summary>
    public string DbPath => Settings.CataloguePath;

    /// <summary>The catalogue the user named: --db, else $POLICYINGEST_DB; null when neither names one.</summary>
    public string? NamedDbPath => Settings.CatalogueNamed ? Settings.CataloguePath : null;

    /// <summary>Whether there is a catalogue to read: the SQLite file exists, or it is a PostgreSQL database (asked when opened).</summary>
    public bool CatalogueExists => CatalogueAddress.IsPostgres(DbPath) || File.Exists(DbPath);

    public string DbPathOrDefault(string fallback) => Parse.GetValue(GlobalOptions.Db) ?? fallback;

    /// <summary>"Today" (Asia/Shanghai) from the settings' clock.</summary>
    public DateOnly Today => Settings.Today;

    /// <summary>The user's shared material next to the home (<c>../shared</c>): the evaluation tool's gold and seed texts.</summary>
    public string SharedRoot => Path.GetFullPath(Path.Combine(Settings.Home, "..", "shared"));
}
