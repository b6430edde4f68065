using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

public class LogCountRatiosTest
{
    private static SparseVector Vector(params (int Index, float Value)[] entries) =>
        new([.. entries.Select(e => e.Index)], [.. entries.Select(e => e.Value)]);

    // Feature 0 in both positives, feature 1 in both negatives, feature 2 in one of each; dimension 3.
    // Counts + 1: positive [3, 1, 2] of 6, negative [1, 3, 2] of 6.
    private static readonly SparseVector[] X =
    [
        Vector((0, 1f), (2, 0.5f)),
        Vector((0, 2f)),
        Vector((1, 1f), (2, 3f)),
        Vector((1, 0.25f)),
    ];
    private static readonly bool[] Y = [true, true, false, false];

    public static TheoryData<double, double[]> Mixes => new()
    {
        // why: mix 0 must leave the features as they are (the option off)
        { 0.0, [1, 1, 1] },
        // why: full ratios: ln 3 for a positive-only feature, −ln 3 for a negative-only one, 0 for one seen in both alike
        { 1.0, [Math.Log(3), -Math.Log(3), 0] },
        // why: the interpolation is linear between the two
        { 0.5, [0.5 + 0.5 * Math.Log(3), 0.5 - 0.5 * Math.Log(3), 0.5] },
    };

    [Theory]
    [MemberData(nameof(Mixes))]
    public void Compute_KnownCounts_GivesTheRatios(double mix, double[] expected)
    {
        var scales = LogCountRatios.Compute(X, Y, dimension: 3, mix);
        Assert.Equal(expected.Length, scales.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], scales[i], 12);
    }

    [Fact]
    public void Compute_PresenceNotValue_CountsAnExampleOnce()
    {
        // why: the ratios count in how many examples a feature occurs; a large value in one example must not weigh more
        var heavy = X.Select((v, e) => e == 0 ? Vector((0, 100f), (2, 0.5f)) : v).ToArray();
        Assert.Equal(LogCountRatios.Compute(X, Y, 3, 1.0), LogCountRatios.Compute(heavy, Y, 3, 1.0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Compute_MixOutsideUnitInterval_IsRefused(double mix) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LogCountRatios.Compute(X, Y, 3, mix));

    [Fact]
    public void Fold_ScoresLikeTheScaledFeatures()
    {
        var scales = LogCountRatios.Compute(X, Y, 3, 0.5);
        float[] weights = [0.7f, -1.3f, 2.1f, -0.4f];
        var folded = LogCountRatios.Fold(weights, scales);
        foreach (var x in X)
        {
            var scaled = LogCountRatios.Scale(x, scales);
            Assert.Equal(scaled.Dot(weights) + weights[3], x.Dot(folded) + folded[3], 5);
        }
        Assert.Equal(weights[3], folded[3]); // the bias is not scaled
    }

    public static TheoryData<double, double[]?> FitMixes => new()
    {
        // why: mix 0 fits on the features as they are and has nothing to fold (the option off)
        { 0.0, null },
        // why: mix 1 fits on the full ratios of these examples (ln 3, −ln 3, 0): the fitter must see them, not plain features
        { 1.0, [Math.Log(3), -Math.Log(3), 0] },
        // why: a mix in between fits on the interpolated scales
        { 0.5, [0.5 + 0.5 * Math.Log(3), 0.5 - 0.5 * Math.Log(3), 0.5] },
    };

    [Theory]
    [MemberData(nameof(FitMixes))]
    public void FitScaled_KnownCounts_FitsOnScaledFeaturesAndFoldsBack(double mix, double[]? expectedScales)
    {
        IReadOnlyList<SparseVector>? seen = null;
        float[] weights = [0.7f, -1.3f, 2.1f, -0.4f];
        var fitted = LogCountRatios.FitScaled(X, Y, dimension: 3, mix, x => { seen = x; return weights; });
        if (expectedScales is null) Assert.Null(fitted.Scales);
        else
        {
            Assert.NotNull(fitted.Scales);
            for (var i = 0; i < expectedScales.Length; i++) Assert.Equal(expectedScales[i], fitted.Scales[i], 12);
        }
        var folded = fitted.Fold(fitted.Model);
        for (var e = 0; e < X.Length; e++)
        {
            Assert.Equal(X[e].Indices, seen![e].Indices);
            for (var k = 0; k < X[e].Count; k++)
                Assert.Equal(X[e].Values[k] * (expectedScales?[X[e].Indices[k]] ?? 1), seen[e].Values[k], 5);
            // what the fitter's weights give on the scaled features, the folded weights give on the plain ones
            Assert.Equal(seen[e].Dot(weights) + weights[3], X[e].Dot(folded) + folded[3], 5);
        }
    }

    [Fact]
    public void Trainer_WithRatios_ChangesOnlyTheInstrumentModels()
    {
        LabelledClause Clause(string text, string category, params string[] instruments) =>
            new(text, "test", text, new ClauseInput(text, null, null, "article", 0.5), category, instruments, ["general"]);
        LabelledClause[] clauses =
        [
            Clause("对首次认定的高新技术企业给予一次性30万元奖励。", "support", "grant", "certification"),
            Clause("对企业实际支付的贷款利息按50%给予贴息支持。", "support", "interest_subsidy"),
            Clause("对软件企业给予不超过100万元资金支持。", "support", "grant"),
            Clause("对入驻园区的企业给予房租补贴。", "support", "grant", "rent_space"),
            Clause("申报单位应当提交申报表、营业执照等材料。", "procedure"),
            Clause("本办法自印发之日起施行。", "final"),
        ];
        var features = new FeatureOptions(Bits: 10);
        var plain = new ClauseModelTrainer(features, LogisticOptions.Default with { InstrumentLogCountMix = 0 }, segmenter: TrainerTest.Segmenter.Value).Train(clauses);
        var scaled = new ClauseModelTrainer(features, LogisticOptions.Default with { InstrumentLogCountMix = 0.5 }, segmenter: TrainerTest.Segmenter.Value).Train(clauses);
        var probe = clauses[0].Input;
        // why: the category model must not see the option; the instrument confidences must (else the option does nothing)
        Assert.Equal(plain.Predict(probe).Category, scaled.Predict(probe).Category);
        Assert.Equal(plain.Predict(probe).CategoryConfidence, scaled.Predict(probe).CategoryConfidence, 12);
        Assert.NotEqual(plain.Predict(probe).InstrumentConfidences["grant"], scaled.Predict(probe).InstrumentConfidences["grant"]);
    }
}
