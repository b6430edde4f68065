using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

public class TrainerTest
{
    private static LabelledClause Clause(string text, string category, string[]? instruments = null, string[]? industries = null, string? heading = null) =>
        new(text, "test", text, new ClauseInput(text, heading, null, "article", 0.5), category, instruments ?? [], industries ?? ["general"]);

    /// <summary>A small hand-written set: enough for the model to separate the obvious cases.</summary>
    private static readonly LabelledClause[] Small =
    [
        Clause("为了促进中小企业发展，根据有关法律，制定本办法。", "purpose"),
        Clause("为推动制造业高质量发展，结合本区实际，制定本措施。", "purpose", industries: ["advanced_manufacturing"]),
        Clause("本办法适用于在本区注册的企业。", "scope"),
        Clause("本办法所称中小企业，是指符合划型标准的企业。", "scope"),
        Clause("对首次认定的高新技术企业给予一次性30万元奖励。", "support", ["grant", "certification"]),
        Clause("对企业实际支付的贷款利息按50%给予贴息支持。", "support", ["interest_subsidy"]),
        Clause("对软件企业给予不超过100万元资金支持。", "support", ["grant"], ["software_it"]),
        Clause("对生物医药企业进入临床阶段的给予200万元资金支持。", "support", ["grant"], ["biomedicine"]),
        Clause("申报单位应当提交申报表、营业执照等材料。", "procedure"),
        Clause("区经济和信息化局组织专家评审后拨付资金。", "procedure"),
        Clause("提供虚假材料骗取财政资金的，责令退回已拨付资金。", "supervision"),
        Clause("违反本办法规定的，处五万元以下罚款。", "supervision"),
        Clause("本办法自印发之日起施行。", "final"),
        Clause("本办法由区经济和信息化局负责解释。", "final"),
        Clause("现将《扶持办法》印发给你们，请遵照执行。", "notice"),
        Clause("公司股东会由全体股东组成。", "other"),
    ];

    [Fact]
    public void Train_Twice_SameModelBytes()
    {
        var trainer = new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value);
        Assert.Equal(Bytes(trainer.Train(Small)), Bytes(trainer.Train(Small)));
    }

    [Fact]
    public void Train_SmallSet_FitsItsOwnExamples()
    {
        var model = new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value).Train(Small);
        foreach (var c in Small)
        {
            var p = model.Predict(c.Input);
            Assert.Equal(c.Category, p.Category);
            if (c.Category == "support") Assert.Equal(c.Instruments.Order(), p.Instruments.Order());
        }
    }

    [Fact]
    public void CrossValidate_ExtraTraining_TrainsEveryFold_ButIsNeverScored()
    {
        var trainer = new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value);
        // why: copies of the real clauses as extra training put every held-out text into its fold's training set,
        // so the scores can only rise to (near) perfect if the extras are used; they must not be counted as clauses
        var copies = Small.Select(c => c with { Id = "copy-" + c.Id, Source = TrainingData.SyntheticSourcePrefix + "copy", Group = "copy" }).ToList();
        var plain = Evaluation.ClassifierEvaluation.CrossValidate(Small, trainer, folds: 4, seed: 1);
        var withExtra = Evaluation.ClassifierEvaluation.CrossValidate(Small, trainer, folds: 4, seed: 1, extraTraining: copies);
        Assert.Equal(Small.Length, withExtra.Clauses);
        Assert.Equal(copies.Count, withExtra.ExtraTraining);
        Assert.Equal(1.0, withExtra.Model.Category.Accuracy, 6);
        Assert.True(plain.Model.Category.Accuracy < 1.0, $"plain accuracy {plain.Model.Category.Accuracy}");
    }

    [Fact]
    public void Train_SectorSeenInFewDocuments_IsLeftToItsKeywordRule()
    {
        var model = new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value).Train(Small);
        // why: software_it and biomedicine come from one document each here, integrated_circuits from none
        Assert.Contains("software_it", model.RuleIndustries);
        Assert.Contains("integrated_circuits", model.RuleIndustries);
        var chips = model.Predict(new ClauseInput("对集成电路设计企业首次流片给予最高500万元补贴。", null, null, "article", 0.5));
        Assert.Equal(["integrated_circuits"], chips.Industries);
        Assert.Equal(1.0, chips.IndustryConfidences["integrated_circuits"]);
        var any = model.Predict(new ClauseInput("对新认定的企业给予一次性奖励。", null, null, "article", 0.5));
        Assert.Equal(["general"], any.Industries);

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(model.RuleIndustries, ClauseModel.Load(stream, segmenter: TrainerTest.Segmenter.Value).RuleIndustries);
    }

    [Fact]
    public void Predict_NonSupport_NeverHasInstruments()
    {
        var model = new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value).Train(Small);
        var p = model.Predict(new ClauseInput("本办法自2026年1月1日起施行。", null, "附则", "article", 1));
        Assert.Equal("final", p.Category);
        Assert.Empty(p.Instruments);
        Assert.Equal(["general"], p.Industries);
    }

    [Fact]
    public void Train_CategoryOneVsRestOrSoftmax_BothFitAndTheFileKeepsWhich()
    {
        var features = new FeatureOptions(Bits: 12);
        var oneVsRest = new ClauseModelTrainer(features, LogisticOptions.Default with { CategoryLogCountMix = 0.5 }, segmenter: TrainerTest.Segmenter.Value).Train(Small);
        var softmax = new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value).Train(Small); // the shipped default
        Assert.True(oneVsRest.CategoryOneVsRest);
        Assert.False(softmax.CategoryOneVsRest);
        foreach (var c in Small)
        {
            Assert.Equal(c.Category, oneVsRest.Predict(c.Input).Category);
            Assert.Equal(c.Category, softmax.Predict(c.Input).Category);
            // why: a one-vs-rest confidence is the winner's share of all categories' probabilities, so above 1/8 and at most 1
            Assert.InRange(oneVsRest.Predict(c.Input).CategoryConfidence, 1.0 / ClauseTaxonomy.Categories.Count, 1.0);
        }
        // why: the two kinds read the same rows differently; a file must say which it holds
        Assert.True(ClauseModel.Load(new MemoryStream(Bytes(oneVsRest)), segmenter: TrainerTest.Segmenter.Value).CategoryOneVsRest);
        Assert.False(ClauseModel.Load(new MemoryStream(Bytes(softmax)), segmenter: TrainerTest.Segmenter.Value).CategoryOneVsRest);
    }

    [Fact]
    public void NestedCrossValidation_ChoosesInsideEachFold_AndScoresEveryClause()
    {
        var features = new FeatureOptions(Bits: 12);
        ClauseModelTrainer[] candidates =
        [
            new(features, LogisticOptions.Default with { InstrumentLogCountMix = 0, InstrumentL2 = 3e-5 }, Segmenter.Value),
            new(features, segmenter: Segmenter.Value),
        ];
        var clauses = Small.Concat(Small.Select(c => c with { Id = c.Id + "-b", Group = c.Group + "-b" })).ToList();
        var nested = PolicyIngest.Evaluation.Classify.NestedCrossValidation.Run(clauses, candidates, folds: 2, seed: 1, innerFolds: 2);
        // why: each outer fold must take the candidate its own inner CV (on that fold's training clauses only) scores best
        var foldOf = Evaluation.GroupedFolds.Assign([.. clauses.Select(c => c.Group)], 2, 1);
        for (var f = 0; f < 2; f++)
        {
            var outer = clauses.Where((_, i) => foldOf[i] != f).ToList();
            var inner = candidates.Select(t => Evaluation.ClassifierEvaluation.CrossValidate(outer, t, 2, 1 + 1 + f).Model.Instruments.MicroF1).ToList();
            Assert.Equal(inner.IndexOf(inner.Max()), nested.Chosen[f]);
        }
        Assert.Equal(clauses.Count, nested.Report.Clauses);
        Assert.Equal(clauses.Count, nested.Report.Model.Category.PerLabel.Sum(l => l.Support));
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameBytesAndPredictions()
    {
        var model = new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value).Train(Small);
        var bytes = Bytes(model);
        var loaded = ClauseModel.Load(new MemoryStream(bytes), segmenter: TrainerTest.Segmenter.Value);
        Assert.Equal(bytes, Bytes(loaded));
        foreach (var c in Small)
        {
            var a = model.Predict(c.Input);
            var b = loaded.Predict(c.Input);
            Assert.Equal(a.Category, b.Category);
            Assert.Equal(a.CategoryConfidence, b.CategoryConfidence);
            Assert.Equal(a.Instruments, b.Instruments);
            Assert.Equal(a.Industries, b.Industries);
        }
    }

    [Fact]
    public void Train_WithCalibratedThresholds_DeterministicAndRoundTrips()
    {
        // why: calibration runs inner folds; they must be as reproducible as the main fit, and the file must keep the thresholds and feature options
        var trainer = new ClauseModelTrainer(new FeatureOptions(Bits: 12, ChapterRules: true), LogisticOptions.Default with { ThresholdFolds = 2 }, segmenter: TrainerTest.Segmenter.Value);
        var model = trainer.Train(Small);
        Assert.Equal(Bytes(model), Bytes(trainer.Train(Small)));
        var loaded = ClauseModel.Load(new MemoryStream(Bytes(model)), segmenter: TrainerTest.Segmenter.Value);
        Assert.Equal(model.Features.Options, loaded.Features.Options);
        Assert.Equal(model.InstrumentThresholds, loaded.InstrumentThresholds);
        Assert.Equal(model.IndustryThresholds, loaded.IndustryThresholds);
        // Under 8 positives per label in this set: every threshold stays at its default.
        Assert.All(model.InstrumentThresholds, t => Assert.Equal(ClauseModel.InstrumentThreshold, t));
        Assert.All(model.IndustryThresholds, t => Assert.Equal(ClauseModel.IndustryThreshold, t));
    }

    [Fact]
    public void Train_CalibratedThresholds_OnTheTrainingData_StayOnTheGrid()
    {
        var clauses = TrainingData.LoadClauses(Repo.Training);
        var model = new ClauseModelTrainer(new FeatureOptions(Bits: 12), LogisticOptions.Default with { ThresholdFolds = 2, MaxIterations = 60 }, segmenter: TrainerTest.Segmenter.Value).Train(clauses);
        Assert.All(model.InstrumentThresholds.Concat(model.IndustryThresholds), t =>
        {
            Assert.InRange(t, 0.1, 0.8);
            Assert.Equal(0, Math.Round(t * 20, 6) % 1); // why: thresholds come from the 0.05 grid, never an exact fit to one clause's probability
        });
    }

    [Fact]
    public void Model_UsingWords_LoadsWithTheGivenSegmenter_AndIsRefusedWithout()
    {
        // why: no process-wide default segmenter any more (#17): a word model is given the composition root's segmenter
        var bytes = Bytes(new ClauseModelTrainer(new FeatureOptions(Bits: 12, WordWeight: 0.7f), segmenter: Segmenter.Value).Train(Small));
        var loaded = ClauseModel.Load(new MemoryStream(bytes), segmenter: TrainerTest.Segmenter.Value);
        Assert.Equal("support", loaded.Predict(Small[4].Input).Category);
        Assert.Throws<ArgumentNullException>(() => ClauseModel.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void InstrumentWords_ChangeOnlyTheInstrumentModels()
    {
        // why: the word block is read by the instrument models alone, so category and industry weights (and hence
        // their confidences) must be exactly those of the same model without it, while instrument confidences move
        var without = new ClauseModelTrainer(new FeatureOptions(Bits: 12, InstrumentWordWeight: 0), segmenter: TrainerTest.Segmenter.Value).Train(Small);
        var with = new ClauseModelTrainer(new FeatureOptions(Bits: 12, InstrumentWordWeight: 0.7f), segmenter: TrainerTest.Segmenter.Value).Train(Small);
        var instrumentsMoved = false;
        foreach (var c in Small)
        {
            var a = without.Predict(c.Input);
            var b = with.Predict(c.Input);
            Assert.Equal(a.Category, b.Category);
            Assert.Equal(a.CategoryConfidence, b.CategoryConfidence, 12);
            Assert.Equal(a.Industries, b.Industries);
            foreach (var (label, p) in b.InstrumentConfidences)
                instrumentsMoved |= !a.InstrumentConfidences.TryGetValue(label, out var q) || Math.Abs(p - q) > 1e-6;
        }
        Assert.True(instrumentsMoved);
        var reloaded = ClauseModel.Load(new MemoryStream(Bytes(with)), segmenter: TrainerTest.Segmenter.Value);
        Assert.Equal(0.7f, reloaded.Features.Options.InstrumentWordWeight);
        Assert.Equal(with.Predict(Small[4].Input).InstrumentConfidences, reloaded.Predict(Small[4].Input).InstrumentConfidences);
    }

    [Fact]
    public void Load_FileWithoutTheInstrumentWordOption_ReadsNoInstrumentWords()
    {
        // why: the option's default is on; a file written before it existed was trained without it
        var bytes = Bytes(new ClauseModelTrainer(new FeatureOptions(Bits: 12, InstrumentWordWeight: 0), segmenter: TrainerTest.Segmenter.Value).Train(Small));
        var older = WithOptionsJson(bytes, json => json.Replace(",\"InstrumentWordWeight\":0", "", StringComparison.Ordinal));
        Assert.Equal(0f, ClauseModel.Load(new MemoryStream(older), segmenter: TrainerTest.Segmenter.Value).Features.Options.InstrumentWordWeight);
        Assert.Equal(0.7f, ClauseModel.Load(new MemoryStream(Bytes(new ClauseModelTrainer(new FeatureOptions(Bits: 12), segmenter: TrainerTest.Segmenter.Value).Train(Small))), segmenter: TrainerTest.Segmenter.Value).Features.Options.InstrumentWordWeight);
    }

    [Fact]
    public void SegmenterWarning_OnlyWhenTheTrainingDictionariesDiffer()
    {
        // why: a model with words trained against one jieba dictionary cuts other words on a machine with another;
        // that must be said on load, not found out from worse labels
        var dir = Directory.CreateTempSubdirectory("pi-segmenter-").FullName;
        try
        {
            new ClauseModelTrainer(new FeatureOptions(Bits: 12, InstrumentWordWeight: 0.7f), segmenter: TrainerTest.Segmenter.Value).Train(Small).Save(Path.Combine(dir, ClauseModel.FileName));
            var resources = PolicyIngest.Segmentation.SegmenterResources.ForModels(Repo.Models);
            var meta = Path.Combine(dir, ClassifierModels.MetadataFileName);
            File.WriteAllText(meta, $"{{\"segmenterDictionarySha256\": \"{resources.DictionarySha256()}\"}}");
            Assert.Null(ClassifierModels.SegmenterWarning(dir, resources));
            File.WriteAllText(meta, $"{{\"segmenterDictionarySha256\": \"{new string('0', 64)}\"}}");
            Assert.Contains("other segmenter dictionaries", ClassifierModels.SegmenterWarning(dir, resources));
            File.WriteAllText(meta, "{ not json");
            Assert.Contains("not valid JSON", ClassifierModels.SegmenterWarning(dir, resources));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Model_UsingWords_FromBeforeVersion6_IsRefused()
    {
        // why: before v6 words were cut from the raw text with the keep-whole rules; reading such weights with
        // today's words would give quietly wrong labels, so the file must be retrained instead.
        var bytes = Bytes(new ClauseModelTrainer(new FeatureOptions(Bits: 12, WordWeight: 0.7f), segmenter: Segmenter.Value).Train(Small));
        var v5 = WithHeader(bytes, "PolicyIngest.ClauseModel/5");
        var error = Assert.Throws<InvalidDataException>(() => ClauseModel.Load(new MemoryStream(v5), segmenter: TrainerTest.Segmenter.Value));
        Assert.Contains("retrain", error.Message);
        var withoutWords = WithHeader(Bytes(new ClauseModelTrainer(new FeatureOptions(Bits: 12, WordWeight: 0, InstrumentWordWeight: 0), segmenter: TrainerTest.Segmenter.Value).Train(Small)), "PolicyIngest.ClauseModel/5");
        Assert.Equal("support", ClauseModel.Load(new MemoryStream(withoutWords), segmenter: TrainerTest.Segmenter.Value).Predict(Small[4].Input).Category);
    }

    /// <summary>The model file with its feature-options JSON (the second string, after the header and the hash bits) rewritten.</summary>
    private static byte[] WithOptionsJson(byte[] model, Func<string, string> rewrite)
    {
        using var raw = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(new MemoryStream(model), System.IO.Compression.CompressionMode.Decompress)) gz.CopyTo(raw);
        raw.Position = 0;
        var reader = new BinaryReader(raw);
        var header = reader.ReadString();
        var bits = reader.ReadInt32();
        var json = reader.ReadString();
        var rest = raw.ToArray()[(int)raw.Position..];
        var output = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(gz))
        {
            writer.Write(header);
            writer.Write(bits);
            writer.Write(rewrite(json));
            writer.Write(rest);
        }
        return output.ToArray();
    }

    private static byte[] WithHeader(byte[] model, string header)
    {
        using var raw = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(new MemoryStream(model), System.IO.Compression.CompressionMode.Decompress)) gz.CopyTo(raw);
        var text = raw.ToArray();
        var current = System.Text.Encoding.UTF8.GetBytes("PolicyIngest.ClauseModel/6");
        Assert.True(text.AsSpan(1, current.Length).SequenceEqual(current));   // BinaryWriter: one length byte, then the header
        System.Text.Encoding.UTF8.GetBytes(header).CopyTo(text, 1);
        var output = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gz.Write(text);
        return output.ToArray();
    }

    internal static readonly Lazy<PolicyIngest.Segmentation.JiebaSegmenter> Segmenter = new(() => PolicyIngest.Segmentation.SegmenterResources.ForModels(Repo.Models).Load());

    [Fact]
    public void Load_NotAModel_Throws()
    {
        var junk = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(junk, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(gz)) w.Write("something else");
        junk.Position = 0;
        Assert.Throws<InvalidDataException>(() => ClauseModel.Load(junk, segmenter: TrainerTest.Segmenter.Value));
    }

    private static byte[] Bytes(ClauseModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
