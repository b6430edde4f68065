using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

public class SentenceReadingTest
{
    private static readonly SentenceReading Reading = new(MinimumClauseLength: 20, MinimumSentenceLength: 8);

    public static TheoryData<string, string[]> Splits => new()
    {
        // why: the ordinary case, cut after 。
        { "对企业给予一次性资金奖励。对贷款利息给予贴息支持。", ["对企业给予一次性资金奖励。", "对贷款利息给予贴息支持。"] },
        // why: ；, ASCII ; and line breaks cut too (card measures are often one per line)
        { "对企业给予一次性资金奖励；对贷款利息给予贴息支持;对入驻企业给予房租补贴\n对人才给予落户支持。", ["对企业给予一次性资金奖励；", "对贷款利息给予贴息支持;", "对入驻企业给予房租补贴", "对人才给予落户支持。"] },
        // why: a list number on its own line is too short to read alone: it joins the measure after it
        { "1．\n对企业给予一次性资金奖励。2．\n对贷款利息给予贴息支持。", ["1．\n对企业给予一次性资金奖励。", "2．\n对贷款利息给予贴息支持。"] },
        // why: a short remainder joins the last sentence instead of being dropped
        { "对企业给予一次性资金奖励。另附。", ["对企业给予一次性资金奖励。另附。"] },
        // why: text with no long piece at all is still one sentence
        { "短句。又短。", ["短句。又短。"] },
        // why: blanks around sentences are trimmed, and a blank text gives nothing
        { "  对企业给予一次性资金奖励。  \n  对贷款利息给予贴息支持。  ", ["对企业给予一次性资金奖励。", "对贷款利息给予贴息支持。"] },
        { "   ", [] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_CutsAtSentenceEnds_JoiningShortPieces(string text, string[] expected) =>
        Assert.Equal(expected, Reading.Split(text));

    private static LabelledClause Clause(string text, string category, params string[] instruments) =>
        new(text, "test", text, new ClauseInput(text, null, null, "article", 0.5), category, instruments, ["general"]);

    /// <summary>Support clauses where 贴息 always stands with interest_subsidy, grant with 资金奖励; and non-support ones.</summary>
    private static readonly LabelledClause[] Training =
    [
        Clause("对企业实际支付的贷款利息按50%给予贴息支持。", "support", "interest_subsidy"),
        Clause("对企业的银行贷款给予贴息。", "support", "interest_subsidy"),
        Clause("对发行债券的企业按利息的40%给予贴息支持。", "support", "interest_subsidy"),
        Clause("对首次认定的企业给予一次性30万元资金奖励。", "support", "grant"),
        Clause("对软件企业给予不超过100万元资金奖励。", "support", "grant"),
        Clause("对研发投入大的企业给予资金奖励。", "support", "grant"),
        Clause("对新建项目给予最高500万元资金奖励，对技术改造项目给予资金奖励，对设备购置给予资金奖励。", "support", "grant"),
        Clause("申报单位应当提交申报表、营业执照等材料。", "procedure"),
        Clause("本办法自印发之日起施行。", "final"),
    ];

    /// <summary>A long support clause of money measures with one 贴息 sentence in it.</summary>
    private static readonly ClauseInput LongClause = new(
        "对新建项目给予最高500万元资金奖励，对技术改造项目给予资金奖励。对首次认定的企业给予一次性30万元资金奖励。"
        + "对研发投入大的企业给予资金奖励，对软件企业给予不超过100万元资金奖励。对企业的银行贷款给予贴息。"
        + "对设备购置给予资金奖励，对新建项目给予资金奖励。",
        null, null, "article", 0.5);

    [Fact]
    public void Predict_LongSupportClause_AddsWhatOneSentenceGives_RemovesNothing()
    {
        var features = new FeatureOptions(Bits: 12);
        var whole = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value) { SentenceReading = null }.Train(Training);
        var reading = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value) { SentenceReading = new SentenceReading(MinimumClauseLength: 60) }.Train(Training);

        var before = whole.Predict(LongClause);
        var after = reading.Predict(LongClause);
        Assert.Equal("support", before.Category);
        // why: the one 贴息 sentence is drowned in the whole clause's n-grams; read alone it is plainly interest_subsidy
        Assert.DoesNotContain("interest_subsidy", before.Instruments);
        Assert.Contains("interest_subsidy", after.Instruments);
        Assert.InRange(after.InstrumentConfidences["interest_subsidy"], 0.85, 1.0);
        // why: sentence reading only adds; what the whole clause gives stays, in taxonomy order
        Assert.All(before.Instruments, i => Assert.Contains(i, after.Instruments));
        Assert.Equal(after.Instruments.OrderBy(i => ClauseTaxonomy.Instruments.ToList().IndexOf(i)), after.Instruments);
        Assert.Equal(before.Category, after.Category);
        Assert.Equal(before.Industries, after.Industries);
        // why: the reference path (each sentence extracted whole, double sums) must agree with the fast one
        Assert.Equal(after.Instruments, reading.Predict(reading.Features.Extract(LongClause), LongClause).Instruments);
    }

    [Fact]
    public void Predict_ShortOrNonSupportClause_IsReadWholeOnly()
    {
        var features = new FeatureOptions(Bits: 12);
        var whole = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value) { SentenceReading = null }.Train(Training);
        var reading = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value) { SentenceReading = new SentenceReading(MinimumClauseLength: 1000) }.Train(Training);
        // why: below the minimum length nothing changes, even though a sentence would add interest_subsidy
        Assert.Equal(whole.Predict(LongClause).Instruments, reading.Predict(LongClause).Instruments);
        var final = new ClauseInput("本办法自印发之日起施行。本办法由区经济和信息化局负责解释。对企业的银行贷款给予贴息的规定同时废止。", null, null, "article", 1);
        var eager = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value) { SentenceReading = new SentenceReading(MinimumClauseLength: 10) }.Train(Training);
        var p = eager.Predict(final);
        // why: instruments are only ever given to support clauses, also when read by sentence
        if (p.Category != "support") Assert.Empty(p.Instruments);
    }

    public static TheoryData<string, bool> Cues => new()
    {
        // why: a sentence naming an instrument its clause matched is read
        { "对企业的银行贷款给予贴息。", true },
        // why: a procedure step names no instrument: skipped, it cannot add one
        { "申报单位应当提交申报表、营业执照等材料。", false },
        // why: an instrument word inside a cited title is masked, as in the features
        { "按照《贷款贴息管理办法》执行。", false },
    };

    [Theory]
    [MemberData(nameof(Cues))]
    public void HasInstrumentCue_OnlyRulesTheClauseMatched(string sentence, bool expected)
    {
        var features = new ClauseFeatures(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value);
        var buffer = features.NewBuffer();
        features.ExtractInto(LongClause, buffer);
        Assert.Equal(expected, features.HasInstrumentCue(sentence, ClauseFeatures.MatchesOf(buffer)));
        // why: a clause that matched no instrument rule gives no sentence a cue
        Assert.False(features.HasInstrumentCue(sentence, new ClauseFeatures.TextMatches([], false, false)));
    }

    [Fact]
    public void SaveLoad_KeepsTheSentenceReading()
    {
        var features = new FeatureOptions(Bits: 12);
        foreach (var setting in new SentenceReading?[] { null, SentenceReading.Default, new(200, 30, 0.9) })
        {
            var model = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value) { SentenceReading = setting }.Train(Training);
            using var stream = new MemoryStream();
            model.Save(stream);
            stream.Position = 0;
            Assert.Equal(setting, ClauseModel.Load(stream, segmenter: TrainerTest.Segmenter.Value).SentenceReading);
        }
    }
}
