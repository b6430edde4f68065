using System.Globalization;

namespace PolicyIngest.Core;

/// <summary>Which clause classifier labels the clauses: the trained model in models/ (the default) or the keyword rules.</summary>
public enum ClassifierChoice
{
    /// <summary>models/classify.model.bin.gz; a missing or unloadable model is an error, never a silent fall-back.</summary>
    Trained,
    /// <summary>The keyword rules (KeywordClauseClassifier), asked for by name: --classifier keywords or POLICYINGEST_CLASSIFIER=keywords.</summary>
    Keywords,
}

/// <summary>Reader limits the user may set (null: the reader's own default).</summary>
public sealed record ReaderLimits
{
    /// <summary>--max-file-mb, POLICYINGEST_MAX_FILE_MB.</summary>
    public long? MaxFileBytes { get; init; }
    /// <summary>POLICYINGEST_MAX_UNPACKED_MB (DOCX zip-bomb guard).</summary>
    public long? MaxUncompressedBytes { get; init; }
    /// <summary>--file-timeout, POLICYINGEST_FILE_TIMEOUT_S.</summary>
    public TimeSpan? FileTimeout { get; init; }
}

/// <summary>
/// Everything the installation and the user decide, in one immutable value: built once at start (the CLI's
/// <c>CliContext</c>, the evaluation tool's) from the command line, the environment (<c>POLICYINGEST_*</c>) and the
/// defaults, then handed to the composition root, the commands, the web app and the fetch runner. Nothing below reads
/// the environment or looks for folders itself.
/// </summary>
public sealed record PolicyIngestSettings
{
    public const string HomeVariable = "POLICYINGEST_HOME";
    public const string CatalogueVariable = "POLICYINGEST_DB";
    public const string MaxFileMbVariable = "POLICYINGEST_MAX_FILE_MB";
    public const string MaxUnpackedMbVariable = "POLICYINGEST_MAX_UNPACKED_MB";
    public const string FileTimeoutVariable = "POLICYINGEST_FILE_TIMEOUT_S";
    public const string ClassifierVariable = "POLICYINGEST_CLASSIFIER";
    public const string TodayVariable = "POLICYINGEST_TODAY";
    public const string SearchEngineVariable = "POLICYINGEST_SEARCH_ENGINE";

    /// <summary>The folders a catalogue keeps next to its file (CatalogueLayout names them from here).</summary>
    public const string ArchiveFolder = "archive", ReportsFolder = "reports";

    /// <summary>The folder holding models/, pipelines/ and corpus/ (a checkout, or where a publish put them).</summary>
    public required string Home { get; init; }

    /// <summary>
    /// The catalogue: --db, else $POLICYINGEST_DB, else data/policyingest.db under <see cref="Home"/>. A SQLite file, or a
    /// PostgreSQL database as a <c>postgresql://USER@HOST:PORT/DB</c> URL (<see cref="CatalogueAddress"/>).
    /// </summary>
    public required string CataloguePath { get; init; }

    /// <summary>Whether the user named the catalogue (--db or $POLICYINGEST_DB); demo never resets a named one.</summary>
    public bool CatalogueNamed { get; init; }

    public ReaderLimits Reader { get; init; } = new();

    /// <summary>The clock: "today" (<see cref="Today"/>) and the timestamps of records. The system clock unless
    /// $POLICYINGEST_TODAY pins the date (a testing and "as of" aid).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ClassifierChoice Classifier { get; init; } = ClassifierChoice.Trained;

    public string ModelsDirectory => Path.Combine(Home, "models");
    public string TrainingDirectory => Path.Combine(ModelsDirectory, "training");
    public string PipelinesDirectory => Path.Combine(Home, "pipelines");
    public string CorpusDirectory => Path.Combine(Home, "corpus");
    /// <summary>
    /// Where the catalogue's archive/, reports/, locks/, search index and the scheduler's store live: the folder holding the
    /// SQLite file; for a PostgreSQL catalogue a local folder under the home, data/pg-HOST-PORT-DB/.
    /// </summary>
    public string DataDirectory => CatalogueAddress.IsPostgres(CataloguePath)
        ? Path.Combine(Home, "data", CatalogueAddress.Parse(CataloguePath).DataFolderName)
        : Path.GetDirectoryName(Path.GetFullPath(CataloguePath)) ?? Directory.GetCurrentDirectory();
    /// <summary>Fetched originals under their SHA-256.</summary>
    public string ArchiveDirectory => Path.Combine(DataDirectory, ArchiveFolder);

    /// <summary>"Today" in Asia/Shanghai from <see cref="Clock"/>.</summary>
    public DateOnly Today => PolicyClock.Today(Clock);

    /// <summary>The default catalogue of a home: data/policyingest.db.</summary>
    public static string DefaultCatalogue(string home) => Path.Combine(home, "data", "policyingest.db");

    /// <summary>Settings for a known home with every default (tests, tools); the catalogue under it unless named.</summary>
    public static PolicyIngestSettings ForHome(string home, string? catalogue = null) => new()
    {
        Home = Path.GetFullPath(home),
        CataloguePath = catalogue ?? DefaultCatalogue(Path.GetFullPath(home)),
        CatalogueNamed = catalogue is not null,
    };

    /// <summary>
    /// The settings from the command line's values (<paramref name="options"/>), the environment and the defaults.
    /// </summary>
    /// <exception cref="SettingsException">no home with models/ is found, or a variable has a value that cannot be used</exception>
    public static PolicyIngestSettings Resolve(SettingsOptions options, Func<string, string?> environment, string binaryDirectory, string currentDirectory)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var home = ResolveHome(Env(HomeVariable), binaryDirectory, currentDirectory);
        var named = options.Catalogue ?? Env(CatalogueVariable);
        if (named is not null && CatalogueAddress.IsPostgres(named))
        {
            try { CatalogueAddress.Parse(named); }
            catch (FormatException ex) { throw new SettingsException($"catalogue {ex.Message} (--db, ${CatalogueVariable})", isUsage: true); }
        }
        var reader = new ReaderLimits
        {
            MaxFileBytes = Megabytes(options.MaxFileMb) ?? Megabytes(Number(Env(MaxFileMbVariable))),
            MaxUncompressedBytes = Megabytes(Number(Env(MaxUnpackedMbVariable))),
            FileTimeout = Seconds(options.FileTimeoutSeconds) ?? Seconds(Number(Env(FileTimeoutVariable))),
        };
        var classifier = (options.Classifier ?? Env(ClassifierVariable)) switch
        {
            null or "trained" => ClassifierChoice.Trained,
            "keywords" => ClassifierChoice.Keywords,
            var other => throw new SettingsException($"classifier '{other}' is not one of: trained, keywords (--classifier, ${ClassifierVariable})"),
        };
        // One engine since issue 18: the Lucene index beside the catalogue. The variable is still read so a script that
        // asks for the removed FTS5 path is told so instead of silently searching another way.
        switch (Env(SearchEngineVariable))
        {
            case null or "lucene": break;
            case "fts5": throw new SettingsException($"${SearchEngineVariable}=fts5: FTS5 search was removed (Lucene measured at least as good on every figure); unset the variable", isUsage: true);
            case var other: throw new SettingsException($"${SearchEngineVariable}={other}: the only engine is lucene", isUsage: true);
        }
        var clock = TimeProvider.System;
        if (Env(TodayVariable) is { } today)
        {
            if (!DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new SettingsException($"${TodayVariable}={today}: expected a date YYYY-MM-DD");
            clock = PolicyClock.StartingOn(date);
        }
        return new PolicyIngestSettings
        {
            Home = home,
            CataloguePath = named ?? DefaultCatalogue(home),
            CatalogueNamed = named is not null,
            Reader = reader,
            Clock = clock,
            Classifier = classifier,
        };
    }

    /// <summary>
    /// $POLICYINGEST_HOME when set; else the folder of the running binary when a publish put models/ there; else the
    /// current directory when it has models/. Never a guess: none of them → <see cref="SettingsException"/>.
    /// </summary>
    public static string ResolveHome(string? variable, string binaryDirectory, string currentDirectory)
    {
        if (variable is not null)
        {
            var home = Path.GetFullPath(variable);
            return IsHome(home) ? home
                : throw new SettingsException($"${HomeVariable}={variable} has no {HomeMarker}: point it at the PolicyIngest folder holding models/, pipelines/ and corpus/");
        }
        foreach (var candidate in new[] { binaryDirectory, currentDirectory })
            if (IsHome(candidate)) return Path.GetFullPath(candidate);
        throw new SettingsException($"no PolicyIngest home: set ${HomeVariable} to the folder holding models/, pipelines/ and corpus/ (neither {Path.GetFullPath(currentDirectory)} nor the program's folder has {HomeMarker})");
    }

    /// <summary>What makes a folder a PolicyIngest home: the segmenter's dictionary, which every command that reads needs
    /// (a bare models/ folder could be any project's).</summary>
    public const string HomeMarker = "models/jieba/dict.txt";

    private static bool IsHome(string directory) => File.Exists(Path.Combine(directory, "models", "jieba", "dict.txt"));

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? Megabytes(decimal? mb) => mb is { } v and > 0 ? (long)(v * 1024 * 1024) : null;

    private static TimeSpan? Seconds(decimal? seconds) => seconds is { } v and > 0 ? TimeSpan.FromSeconds((double)v) : null;
}

/// <summary>What the command line said about the settings (null: not given).</summary>
public sealed record SettingsOptions
{
    public string? Catalogue { get; init; }
    public decimal? MaxFileMb { get; init; }
    public decimal? FileTimeoutSeconds { get; init; }
    public string? Classifier { get; init; }
}

/// <summary>
/// The installation or the settings cannot be used (no home, a bad variable): one line for the user, exit 4; a value
/// the user typed that cannot mean anything (<see cref="IsUsage"/>: a malformed --db address) is a usage error, exit 1.
/// </summary>
public sealed class SettingsException(string message, bool isUsage = false) : Exception(message)
{
    public bool IsUsage { get; } = isUsage;
}
