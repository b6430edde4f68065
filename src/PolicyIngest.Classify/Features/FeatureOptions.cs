namespace PolicyIngest.Classify.Features;

/// <summary>
/// Which features <see cref="ClauseFeatures"/> produces, and how strongly each block counts (every n-gram block is
/// L2-normalised, then scaled by its weight). Stored in the model file, so a model is always read with the features
/// it was trained on.
/// </summary>
/// <param name="Bits">hash buckets are 2^Bits</param>
/// <param name="TextMaxN">longest character n-gram of the clause text</param>
/// <param name="TextLogCounts">text n-grams count 1 + ln(count) (sublinear tf); false: presence only</param>
/// <param name="ChapterRules">chapter-heading category rules fire (附则 → chapter:final, 法律责任 → chapter:supervision; KeywordRules)</param>
/// <param name="WordWeight">weight of the block of segmented words of the clause text (jieba, precise mode); 0 leaves words out</param>
/// <param name="WordPairWeight">weight of the block of adjacent word pairs; 0 leaves them out</param>
/// <param name="InstrumentWordWeight">
/// weight of a block of segmented words that only the instrument models read (and only of clauses the category model
/// calls support, the only ones that get instruments); 0 leaves it out
/// </param>
/// <param name="MaskCitedTitles">the words inside 《》 (a cited document's title) give no n-grams and no rule matches</param>
public sealed record FeatureOptions(
    int Bits = FeatureOptions.DefaultBits,
    int TextMaxN = 3,
    bool TextLogCounts = true,
    float LeadWeight = 0.5f,
    float HeadingWeight = 0.7f,
    float ChapterWeight = 0.7f,
    int ChapterMaxN = 2,
    float StructureWeight = 0.5f,
    float RuleWeight = 0.5f,
    bool ChapterRules = true,
    float WordWeight = 0f,
    float WordPairWeight = 0f,
    bool MaskCitedTitles = true,
    float InstrumentWordWeight = 0.7f)
{
    public const int DefaultBits = 15;

    public static FeatureOptions Default { get; } = new();

    public bool UsesWords => WordWeight > 0 || WordPairWeight > 0 || InstrumentWordWeight > 0;
}
