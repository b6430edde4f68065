using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Tests;

public class ClauseFeaturesTest
{
    private static readonly ClauseFeatures Features = new(bits: 15, segmenter: TrainerTest.Segmenter.Value);

    private static ClauseInput Input(string text, string? heading = null, string? chapter = null, string kind = "article", double position = 0.5) =>
        new(text, heading, chapter, kind, position);

    public static TheoryData<string, string> FoldRows => new()
    {
        { "给予30万元支持", "给予00万元支持" },        // why: every ASCII digit hashes as 0, so amounts of any size share n-grams
        { "第１５条", "第00条" },                      // why: full-width digits fold to the same ASCII 0
        { "给予 30 万元", "给予00万元" },              // why: pdftotext's inserted spaces must not change the features
        { "（一）〔2025〕", "（一）〔0000〕" },          // why: Chinese numerals and brackets are kept as they are (no NFKC)
    };

    [Theory, MemberData(nameof(FoldRows))]
    public void Fold_Rows(string text, string folded) => Assert.Equal(folded, ClauseFeatures.Fold(text));

    public static TheoryData<string, string> MaskTitleRows => new()
    {
        { "根据《怀柔区扶持办法》，制定本细则。", "根据《》，制定本细则。" },   // why: a cited title's 扶持 says nothing about this clause
        { "《关于印发《某办法》的通知》和《条例》", "《》和《》" },          // why: nested titles are one span; each title leaves its brackets
        { "不含书名号的条文", "不含书名号的条文" },
        { "未闭合《标题", "未闭合《" },                                     // why: an unclosed title masks to the end, never beyond the text
    };

    [Theory, MemberData(nameof(MaskTitleRows))]
    public void MaskTitles_Rows(string text, string masked) => Assert.Equal(masked, ClauseFeatures.MaskTitles(text));

    [Fact]
    public void MaskedFeatures_IgnoreWhatACitedTitleSays()
    {
        var masking = new ClauseFeatures(FeatureOptions.Default with { MaskCitedTitles = true }, segmenter: TrainerTest.Segmenter.Value);
        var plain = new ClauseFeatures(FeatureOptions.Default with { MaskCitedTitles = false }, segmenter: TrainerTest.Segmenter.Value);
        var a = masking.Extract(Input("根据《怀柔区扶持办法》，制定本细则。"));
        var b = masking.Extract(Input("根据《北京市奖励规定》，制定本细则。"));
        Assert.Equal(a.Indices, b.Indices);
        Assert.NotEqual(plain.Extract(Input("根据《怀柔区扶持办法》，制定本细则。")).Indices, plain.Extract(Input("根据《北京市奖励规定》，制定本细则。")).Indices);
    }

    [Fact]
    public void Extract_SameInput_SameVector()
    {
        var a = Features.Extract(Input("对首次认定的企业给予一次性50万元奖励。", "支持企业升规", "加大培育力度"));
        var b = Features.Extract(Input("对首次认定的企业给予一次性50万元奖励。", "支持企业升规", "加大培育力度"));
        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void Extract_IndicesSortedDistinctAndInRange()
    {
        var v = Features.Extract(Input("本办法自印发之日起施行，由区经济和信息化局负责解释。"));
        Assert.True(v.Count > 20);
        for (var i = 1; i < v.Count; i++) Assert.True(v.Indices[i] > v.Indices[i - 1]);
        Assert.All(v.Indices, i => Assert.InRange(i, 0, Features.Dimension - 1));
    }

    [Fact]
    public void Extract_DifferentAmounts_SameVector()
    {
        // why: the amount's size says nothing about the category; 30万元 and 80万元 must look alike
        var a = Features.Extract(Input("给予30万元一次性资金支持"));
        var b = Features.Extract(Input("给予80万元一次性资金支持"));
        Assert.Equal(a.Indices, b.Indices);
    }

    public static TheoryData<ClauseInput, ClauseInput, string> ContextRows => new()
    {
        { Input("支持企业发展。"), Input("支持企业发展。", heading: "支持企业升规"), "a heading adds features" },
        { Input("支持企业发展。"), Input("支持企业发展。", chapter: "附则"), "a chapter heading adds features" },
        { Input("支持企业发展。", kind: "article"), Input("支持企业发展。", kind: "card-field"), "the kind is a feature" },
        { Input("支持企业发展。", position: 0), Input("支持企业发展。", position: 1), "first and last position differ" },
    };

    [Theory, MemberData(nameof(ContextRows))]
    public void Extract_Context_ChangesVector(ClauseInput a, ClauseInput b, string why)
    {
        var va = Features.Extract(a);
        var vb = Features.Extract(b);
        Assert.False(va.Indices.SequenceEqual(vb.Indices) && va.Values.SequenceEqual(vb.Values), why);
    }

    /// <summary>Every optional block off: what each option row adds to.</summary>
    private static readonly ClauseFeatures Plain = new(new FeatureOptions(ChapterRules: false, WordWeight: 0), TrainerTest.Segmenter.Value);

    public static TheoryData<FeatureOptions, ClauseInput, string> OptionRows => new()
    {
        { new(ChapterRules: true), Input("本办法由区经济和信息化局负责解释。", chapter: "附则"), "a 附则 chapter fires chapter:final" },
        { new(ChapterRules: false, TextMaxN: 4, WordWeight: 0), Input("给予一次性奖励。"), "4-grams add features" },
        { new(ChapterRules: false, WordWeight: 0.7f), Input("对首次认定的高新技术企业给予奖励。"), "segmented words add features" },
        { new(ChapterRules: false, WordWeight: 0, WordPairWeight: 0.5f), Input("对首次认定的高新技术企业给予奖励。"), "word pairs add features" },
    };

    [Theory, MemberData(nameof(OptionRows))]
    public void Extract_Option_AddsFeatures(FeatureOptions options, ClauseInput input, string why)
    {
        var plain = Plain.Extract(input);
        var with = new ClauseFeatures(options, options.UsesWords ? TrainerTest.Segmenter.Value : null).Extract(input);
        Assert.True(with.Count > plain.Count, why);
    }

    public static TheoryData<FeatureOptions, ClauseInput, string> NoChangeRows => new()
    {
        { new(ChapterRules: true, WordWeight: 0), Input("本办法由区经济和信息化局负责解释。", chapter: null), "no chapter: the chapter rules have nothing to fire on" },
        { new(ChapterRules: true, WordWeight: 0), Input("支持企业发展。", chapter: "组织领导"), "a chapter no chapter rule matches adds nothing" },
        { new(ChapterRules: false, TextMaxN: 4, WordWeight: 0), Input("给予"), "a two-character text has no 4-gram" },
        { new(ChapterRules: false, WordWeight: 0.7f), Input("。，、"), "punctuation only: no word of two letters" },
    };

    [Theory, MemberData(nameof(NoChangeRows))]
    public void Extract_Option_NothingToAdd(FeatureOptions options, ClauseInput input, string why)
    {
        var plain = Plain.Extract(input);
        var with = new ClauseFeatures(options, segmenter: TrainerTest.Segmenter.Value).Extract(input);
        Assert.True(plain.Indices.SequenceEqual(with.Indices), why);
    }

    [Fact]
    public void InstrumentWords_AreOneBlockOfTheirWeight_AndNotInTheClauseFeatures()
    {
        var features = new ClauseFeatures(new FeatureOptions(ChapterRules: false, InstrumentWordWeight: 0.7f), segmenter: TrainerTest.Segmenter.Value);
        var input = Input("对首次认定的高新技术企业给予一次性奖励，并提供贷款贴息。");
        var words = features.ExtractInstrumentWords(input);
        Assert.True(words.Count >= 5);
        Assert.Equal(0.7, Math.Sqrt(words.Values.Sum(v => (double)v * v)), 5);   // why: L2-normalised to its weight, like every block
        Assert.Equal(new ClauseFeatures(new FeatureOptions(ChapterRules: false, InstrumentWordWeight: 0), segmenter: TrainerTest.Segmenter.Value).Extract(input).Indices, features.Extract(input).Indices);
        Assert.Equal(0, new ClauseFeatures(new FeatureOptions(InstrumentWordWeight: 0), segmenter: TrainerTest.Segmenter.Value).ExtractInstrumentWords(input).Count);
    }

    [Fact]
    public void Extract_Words_ComeFromTheFoldedTextWithCitedTitlesMasked()
    {
        // why: words are read from what the n-grams read, so a cited title's words (补贴 in 《…补贴办法》) say nothing
        var features = new ClauseFeatures(new FeatureOptions(ChapterRules: false, WordWeight: 0.7f), segmenter: TrainerTest.Segmenter.Value);
        var cited = features.Extract(Input("根据《关于企业研发补贴的办法》制定本细则。"));
        var plain = features.Extract(Input("根据《》制定本细则。"));
        Assert.Equal(plain.Indices, cited.Indices);
        var digits = features.Extract(Input("给予最高500万元奖励"));
        Assert.Equal(digits.Indices, features.Extract(Input("给予最高 300 万元奖励")).Indices);
    }

    public static TheoryData<string> NothingToReadRows => new()
    {
        "",        // why: an empty clause still gives a (structure-only) vector, never an exception
        "　 \n",   // why: whitespace only folds to nothing
    };

    [Theory, MemberData(nameof(NothingToReadRows))]
    public void Extract_NoText_OnlyStructureFeatures(string text)
    {
        var v = Features.Extract(Input(text));
        Assert.InRange(v.Count, 1, 8);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(25)]
    public void Constructor_BitsOutOfRange_Throws(int bits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClauseFeatures(bits));
}
