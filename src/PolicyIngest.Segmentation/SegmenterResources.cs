namespace PolicyIngest.Segmentation;

/// <summary>
/// The segmenter's data under a models directory: jieba's dictionary and HMM tables shipped in <c>models/jieba/</c>
/// (<c>dict.txt</c>, <c>hmm.tsv</c>; regenerated from python3-jieba by <c>scripts/jieba-models.py</c>) and the
/// project's own dictionaries (every <c>models/dict/*.txt</c>, in name order, jieba user-dictionary format).
/// </summary>
public sealed record SegmenterResources(string MainDictionary, string HmmTables, IReadOnlyList<string> UserDictionaries)
{
    public const string JiebaFolder = "jieba";
    public const string UserDictionaryFolder = "dict";

    /// <summary>jieba's data under <paramref name="modelsDirectory"/>/jieba plus its dict/*.txt (none when that folder is absent).</summary>
    public static SegmenterResources ForModels(string modelsDirectory)
    {
        var jieba = Path.Combine(modelsDirectory, JiebaFolder);
        var dictDir = Path.Combine(modelsDirectory, UserDictionaryFolder);
        var user = Directory.Exists(dictDir) ? Directory.GetFiles(dictDir, "*.txt").Order(StringComparer.Ordinal).ToArray() : [];
        return new SegmenterResources(Path.Combine(jieba, "dict.txt"), Path.Combine(jieba, "hmm.tsv"), user);
    }

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
        foreach (var file in new[] { MainDictionary, HmmTables })
            if (!File.Exists(file))
                throw new FileNotFoundException($"jieba's data not found (models/{JiebaFolder}, made by scripts/jieba-models.py): {file}", file);
        var dictionary = JiebaDictionary.Load(MainDictionary, UserDictionaries);
        var hmm = HmmModel.Load(HmmTables);
        return new JiebaSegmenter(dictionary, hmm, rules ?? KeepWholeRules.All);
    }
}
