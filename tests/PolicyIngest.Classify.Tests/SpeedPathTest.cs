using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

/// <summary>
/// The fast inference path (allocation-free features into a per-thread buffer, feature-major weights, float sums)
/// against the reference path (features built the plain way, every label summed separately in double precision).
/// </summary>
public class SpeedPathTest
{
    private static readonly Lazy<ClauseModel> Model = new(() =>
        ClassifierModels.TryLoad(Repo.Models, () => TrainerTest.Segmenter.Value)?.Model ?? throw new InvalidOperationException("models/classify.model.bin.gz missing: run policyingest train"));

    private static readonly Lazy<IReadOnlyList<ClauseInput>> Corpus = new(() =>
        [.. TrainingData.LoadClauses(Repo.Training).Select(c => c.Input)]);

    /// <summary>The reference implements the default feature weights; the shipped model may differ only in what it takes as parameters.</summary>
    private static ReferenceFeatures Reference(ClauseFeatures features)
    {
        var o = features.Options;
        Assert.Equal(new FeatureOptions(Bits: features.Bits, ChapterRules: o.ChapterRules, MaskCitedTitles: o.MaskCitedTitles, WordWeight: o.WordWeight, InstrumentWordWeight: o.InstrumentWordWeight), o);
        return new ReferenceFeatures(features.Bits, o.ChapterRules, o.MaskCitedTitles, o.WordWeight);
    }

    [Theory]
    [InlineData(false, false, 0f)]
    [InlineData(true, false, 0f)]
    [InlineData(false, true, 0f)]
    [InlineData(true, true, 0f)]
    [InlineData(true, true, 0.7f)]
    [InlineData(false, false, 0.7f)]
    public void Features_BothRuleSettings_SameAsReference(bool chapterRules, bool maskTitles, float wordWeight)
    {
        // why: the chapter rules, title masking and word switches must act the same on both paths, whichever the shipped
        // model uses; with words, the span cut of the folded buffer must give the words the string cut gives
        var features = new ClauseFeatures(new FeatureOptions(ChapterRules: chapterRules, MaskCitedTitles: maskTitles, WordWeight: wordWeight), segmenter: TrainerTest.Segmenter.Value);
        var reference = new ReferenceFeatures(features.Bits, chapterRules, features.Options.MaskCitedTitles, features.Options.WordWeight);
        foreach (var input in Corpus.Value.Where((_, i) => i % 7 == 0))
        {
            var fast = features.Extract(input);
            var slow = reference.Extract(input);
            Assert.Equal(slow.Indices, fast.Indices);
            for (var i = 0; i < slow.Count; i++) Assert.Equal(slow.Values[i], fast.Values[i], 1e-5f);
        }
    }

    [Fact]
    public void Features_SameAsReference_OnTheTrainingClauses()
    {
        var features = Model.Value.Features;
        var reference = Reference(features);
        foreach (var input in Corpus.Value)
        {
            var fast = features.Extract(input);
            var slow = reference.Extract(input);
            Assert.Equal(slow.Indices, fast.Indices);
            for (var i = 0; i < slow.Count; i++) Assert.Equal(slow.Values[i], fast.Values[i], 1e-5f);
        }
    }

    public static TheoryData<ClauseInput> EdgeInputs => new()
    {
        new("", null, null, "paragraph", 0),                         // why: nothing to hash; only structure flags
        new("　 \n", "  ", " ", "article", 1),                        // why: whitespace heading/chapter count as absent
        new("给予30万元", null, null, "item", 0.5),                   // why: shorter than the 8 lead characters
        new(new string('支', 3000), "支持", "第二章", "article", 0.3), // why: longer than the buffers start with; one n-gram counted 3000 times
        new("根据《关于印发《某办法》的通知》和《条例", "《扶持办法》", "《附则》", "article", 0.5), // why: nested, unclosed and heading/chapter titles
        new("》》《》《", null, null, "article", 0.5),                   // why: stray closing brackets are text, empty titles stay
    };

    [Theory, MemberData(nameof(EdgeInputs))]
    public void Features_EdgeInputs_SameAsReference(ClauseInput input)
    {
        var fast = Model.Value.Features.Extract(input);
        var slow = Reference(Model.Value.Features).Extract(input);
        Assert.Equal(slow.Indices, fast.Indices);
        for (var i = 0; i < slow.Count; i++) Assert.Equal(slow.Values[i], fast.Values[i], 1e-5f);
    }

    [Fact]
    public void Features_TwoSettingsInterleavedOnOneThread_EachAsItsReference()
    {
        // why: heading/chapter rule results are kept per thread for the next clause; another feature set must not reuse them
        var with = new ClauseFeatures(new FeatureOptions(ChapterRules: true), segmenter: TrainerTest.Segmenter.Value);
        var without = new ClauseFeatures(new FeatureOptions(ChapterRules: false), segmenter: TrainerTest.Segmenter.Value);
        var input = new ClauseInput("本办法由区经济和信息化局负责解释。", "解释", "附则", "article", 1);
        var inputOtherChapter = input with { Chapter = "法律责任" };
        foreach (var (features, clause) in new[] { (with, input), (without, input), (with, input), (with, inputOtherChapter), (without, inputOtherChapter) })
            Assert.Equal(new ReferenceFeatures(features.Bits, features.Options.ChapterRules, features.Options.MaskCitedTitles, features.Options.WordWeight).Extract(clause).Indices, features.Extract(clause).Indices);
    }

    [Fact]
    public void Features_ContextPlusText_SameAsTheWholeClause()
    {
        // why: sentence reading sums a clause's context features once and each sentence's text features separately;
        // the two parts of a clause must add up to exactly its own features, or a sentence is not read "as a clause"
        var features = Model.Value.Features;
        var buffer = features.NewBuffer();
        foreach (var input in Corpus.Value.Where((_, i) => i % 3 == 0))
        {
            var whole = features.Extract(input);
            features.ExtractInto(input, buffer);
            var matches = ClauseFeatures.MatchesOf(buffer);
            var parts = new Dictionary<int, double>();
            features.ExtractContextInto(input, buffer);
            Accumulate(parts, buffer);
            features.ExtractTextInto(input, buffer, matches);
            Accumulate(parts, buffer);
            Assert.Equal(whole.Indices, parts.Keys.Order());
            for (var i = 0; i < whole.Count; i++) Assert.Equal(whole.Values[i], parts[whole.Indices[i]], 1e-5);
        }

        static void Accumulate(Dictionary<int, double> into, FeatureBuffer buffer)
        {
            for (var i = 0; i < buffer.Count; i++)
                into[buffer.Indices[i]] = into.GetValueOrDefault(buffer.Indices[i]) + buffer.Values[i];
        }
    }

    [Fact]
    public void InstrumentWords_SameAsReference_OnTheTrainingClauses()
    {
        // why: the instrument models read these words of every support clause and of its sentences; the span cut of the
        // folded buffer must give the block the string cut of the folded text gives
        var features = new ClauseFeatures(FeatureOptions.Default with { InstrumentWordWeight = 0.7f }, segmenter: TrainerTest.Segmenter.Value);
        var reference = new ReferenceFeatures(features.Bits, features.Options.ChapterRules, features.Options.MaskCitedTitles);
        var buffer = features.NewBuffer();
        foreach (var input in Corpus.Value)
        {
            var slow = reference.ExtractInstrumentWords(input, 0.7f);
            features.ExtractInstrumentWordsInto(input, buffer);
            var fast = buffer.ToSparseVector();
            Assert.Equal(slow.Indices, fast.Indices);
            for (var i = 0; i < slow.Count; i++) Assert.Equal(slow.Values[i], fast.Values[i], 1e-5f);
        }
    }

    [Fact]
    public void SentenceInstrumentWords_ReusingTheClauseCut_SameAsCuttingTheSentence()
    {
        // why: a sentence takes its clause's words where it is a run of whole blocks; that must be exactly the words
        // of the sentence cut on its own, for every sentence of every long clause, in order (the search moves on)
        var features = new ClauseFeatures(FeatureOptions.Default with { InstrumentWordWeight = 0.7f }, segmenter: TrainerTest.Segmenter.Value);
        var words = features.NewBuffer();
        var reading = SentenceReading.Default;
        var sentences = 0;
        foreach (var input in Corpus.Value.Where(c => c.Text.Length >= reading.MinimumClauseLength))
        {
            features.ExtractInstrumentWordsInto(input, words);
            var from = 0;
            foreach (var sentence in reading.Split(input.Text))
            {
                var alone = features.ExtractInstrumentWords(input with { Text = sentence });
                features.ExtractSentenceInstrumentWordsInto(sentence, words, ref from);
                var reused = words.ToSparseVector();
                Assert.Equal(alone.Indices, reused.Indices);
                for (var i = 0; i < alone.Count; i++) Assert.Equal(alone.Values[i], reused.Values[i], 1e-6f);
                sentences++;
            }
        }
        Assert.True(sentences > 500, $"{sentences} sentences");
    }

    [Fact]
    public void Predictions_SameAsReferencePath_OnTheTrainingClauses()
    {
        var model = Model.Value;
        var reference = Reference(model.Features);
        foreach (var input in Corpus.Value)
        {
            var fast = model.Predict(input);
            var slow = model.Predict(reference.Extract(input), input);
            Assert.Equal(slow.Category, fast.Category);
            Assert.Equal(slow.CategoryConfidence, fast.CategoryConfidence, 1e-5);
            Assert.Equal(slow.Instruments, fast.Instruments);
            Assert.Equal(slow.Industries, fast.Industries);
        }
    }

    [Fact]
    public void Predict_ManyThreads_SameAsOneThread()
    {
        // why: the feature buffer is per thread; sharing it would mix clauses
        var model = Model.Value;
        var sample = Corpus.Value.Where((_, i) => i % 3 == 0).ToList();
        var sequential = sample.Select(model.Predict).ToList();
        var parallel = new ClauseLabels[sample.Count];
        Parallel.For(0, sample.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = model.Predict(sample[i]));
        for (var i = 0; i < sample.Count; i++)
        {
            Assert.Equal(sequential[i].Category, parallel[i].Category);
            Assert.Equal(sequential[i].CategoryConfidence, parallel[i].CategoryConfidence);
            Assert.Equal(sequential[i].Instruments, parallel[i].Instruments);
        }
    }

    [Fact]
    public void Confidences_OneForEveryGivenLabel_AtLeastTheThreshold()
    {
        foreach (var input in Corpus.Value.Take(300))
        {
            var p = Model.Value.Predict(input);
            Assert.Equal(p.Instruments.Order(), p.InstrumentConfidences.Keys.Order());
            Assert.Equal(p.Industries.Order(), p.IndustryConfidences.Keys.Order());
            Assert.All(p.Instruments, i => Assert.InRange(p.InstrumentConfidences[i], ClauseModel.InstrumentThreshold, 1.0));
            Assert.All(p.Industries.Where(i => i != ClauseTaxonomy.GeneralIndustry), i => Assert.InRange(p.IndustryConfidences[i], ClauseModel.IndustryThreshold, 1.0));
            if (p.Industries.Contains(ClauseTaxonomy.GeneralIndustry))
                Assert.InRange(p.IndustryConfidences[ClauseTaxonomy.GeneralIndustry], 1 - ClauseModel.IndustryThreshold, 1.0); // why: general only when every specific one is below its threshold
        }
    }
}
