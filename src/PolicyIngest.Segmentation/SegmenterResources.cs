namespace PolicyIngest.Segmentation;

/// <summary>
/// Where the segmenter's data lives: Debian python3-jieba's dictionary and HMM tables, and the project's own
/// dictionaries (every <c>models/dict/*.txt</c>, in name order, jieba user-dictionary format).
/// </summary>
public sealed record SegmenterResources(string JiebaDirectory, IReadOnlyList<string> UserDictionaries)
{
    public const string DebianJiebaDirectory = "/usr/lib/python3/dist-packages/jieba";

    public string MainDictionary => Path.Combine(JiebaDirectory, "dict.txt");

    public string FinalsegDirectory => Path.Combine(JiebaDirectory, "finalseg");

    /// <summary>Debian's jieba plus the dictionaries under <paramref name="modelsDirectory"/>/dict (none when absent).</summary>
    public static SegmenterResources ForModels(string? modelsDirectory)
    {
        var dictDir = modelsDirectory is null ? null : Path.Combine(modelsDirectory, "dict");
        var user = dictDir is not null && Directory.Exists(dictDir)
            ? Directory.GetFiles(dictDir, "*.txt").Order(StringComparer.Ordinal).ToArray()
            : [];
        return new SegmenterResources(DebianJiebaDirectory, user);
    }

    /// <summary>models/ of the checkout: $POLICYINGEST_HOME/models, else found upward from the running binary.</summary>
    public static string? LocateModelsDirectory()
    {
        if (Environment.GetEnvironmentVariable("POLICYINGEST_HOME") is { Length: > 0 } home)
            return Path.Combine(Path.GetFullPath(home), "models");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return Path.Combine(dir.FullName, "models");
        return null;
    }

    /// <summary>Debian's jieba plus the repository's models/dict (<see cref="LocateModelsDirectory"/>): what <see cref="Shared"/> loads.</summary>
    public static SegmenterResources OfRepository() => ForModels(LocateModelsDirectory());

    private static readonly Lazy<JiebaSegmenter> SharedSegmenter = new(() => OfRepository().Load());

    /// <summary>
    /// The process's one segmenter: Debian's jieba plus the repository's models/dict, built on first use. Search and
    /// the classifier's word features share it, so both cut with the dictionaries the shipped model was trained with.
    /// </summary>
    public static JiebaSegmenter Shared => SharedSegmenter.Value;

    /// <summary>
    /// SHA-256 over jieba's dictionary and the user dictionaries, in load order: what a model with word features
    /// records, since another dictionary cuts other words.
    /// </summary>
    public string DictionarySha256()
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in new[] { MainDictionary }.Concat(UserDictionaries)) sha.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Reads everything and builds the immutable segmenter (about a second: build once, inject).</summary>
    public JiebaSegmenter Load(KeepWholeRules? rules = null)
    {
        if (!File.Exists(MainDictionary))
            throw new FileNotFoundException($"jieba dictionary not found (install Debian python3-jieba): {MainDictionary}", MainDictionary);
        var dictionary = JiebaDictionary.Load(MainDictionary, UserDictionaries);
        var hmm = HmmModel.Load(FinalsegDirectory);
        return new JiebaSegmenter(dictionary, hmm, rules ?? KeepWholeRules.All);
    }
}
