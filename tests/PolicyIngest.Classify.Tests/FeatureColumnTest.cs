using Microsoft.ML;
using Microsoft.ML.Data;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.MachineLearning;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Classify.Tests;

public class FeatureColumnTest
{
    public static TheoryData<string, int[], float[]> Vectors => new()
    {
        // why: a clause with no features at all (empty text) must still be a row of the right length
        { "empty", [], [] },
        // why: the first and the last hash bucket are the edges an off-by-one in the length or the indices would lose
        { "edges", [0, 4095], [0.25f, -1.5f] },
        // why: many entries, as a real clause has (a few hundred), in sorted order
        { "dense-ish", [.. Enumerable.Range(0, 300).Select(i => i * 13)], [.. Enumerable.Range(0, 300).Select(i => 1f / (i + 1))] },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void RoundTrip_ThroughAnMlNetDataView_SameIndicesAndValues(string why, int[] indices, float[] values)
    {
        _ = why;
        var x = new SparseVector(indices, values);
        var ml = new MLContext(1);
        var view = FeatureColumn.Load(ml, [new ClauseRow { Features = FeatureColumn.ToVBuffer(x, 4096) }], 4096, 8);
        Assert.Equal(4096, ((VectorDataViewType)view.Schema[FeatureColumn.Features].Type).Size);
        var back = FeatureColumn.ToSparseVector(view.GetColumn<VBuffer<float>>(FeatureColumn.Features).Single());
        Assert.Equal(x.Indices, back.Indices);
        Assert.Equal(x.Values, back.Values);
    }

    [Fact]
    public void RoundTrip_RealClauses_FeaturesExactlyAsExtracted()
    {
        // why: the ML.NET trainers must see the project's features unchanged — every real clause through the column and back
        var features = new ClauseFeatures(FeatureOptions.Default with { InstrumentWordWeight = 0 });
        var ml = new MLContext(1);
        var clauses = TrainingData.LoadClauses(Repo.Training).Take(200).ToList();
        var x = clauses.Select(c => features.Extract(c.Input)).ToList();
        var view = FeatureColumn.Load(ml, x.Select(v => new ClauseRow { Features = FeatureColumn.ToVBuffer(v, features.Dimension) }), features.Dimension, 8);
        var back = view.GetColumn<VBuffer<float>>(FeatureColumn.Features).Select(v => FeatureColumn.ToSparseVector(v)).ToList();
        for (var i = 0; i < x.Count; i++)
        {
            Assert.Equal(x[i].Indices, back[i].Indices);
            Assert.Equal(x[i].Values, back[i].Values);
        }
    }

    [Fact]
    public void ToVBuffer_IndexOutsideTheDimension_Refused()
    {
        // why: a model of other hash bits must not silently read features it has no weights for
        Assert.Throws<ArgumentException>(() => FeatureColumn.ToVBuffer(new SparseVector([5000], [1f]), 4096));
    }
}

public class ClauseReviewTest
{
    public static TheoryData<string, double?, double[], double[], bool> Cases => new()
    {
        // why: every label sure: not flagged
        { "all sure", 0.95, [0.9], [0.8], false },
        // why: a sure category but one unsure instrument is enough to check the clause
        { "one weak instrument", 0.95, [0.9, 0.55], [0.8], true },
        // why: general's confidence (1 − the likeliest sector) counts like any label's
        { "weak industry", 0.9, [], [0.4], true },
        // why: exactly at the threshold is not below it
        { "at threshold", ClauseReview.Threshold, [], [], false },
        // why: a clause without labels (not a classified unit) is never flagged
        { "unlabelled", null, [], [], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NeedsReview_LowestGivenLabel(string why, double? category, double[] instruments, double[] industries, bool expected)
    {
        _ = why;
        var clause = new Clause
        {
            Id = "a1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "…",
            Category = category is null ? null : "support", CategoryConfidence = category,
            InstrumentConfidences = instruments.Select((c, i) => ($"i{i}", c)).ToDictionary(p => p.Item1, p => p.c),
            IndustryConfidences = industries.Select((c, i) => ($"s{i}", c)).ToDictionary(p => p.Item1, p => p.c),
        };
        Assert.Equal(expected, ClauseReview.NeedsReview(clause));
        if (category is not null) Assert.Equal(new[] { category.Value }.Concat(instruments).Concat(industries).Min(), ClauseReview.LowestConfidence(clause));
    }
}
