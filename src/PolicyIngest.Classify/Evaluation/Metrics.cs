namespace PolicyIngest.Classify.Evaluation;

public sealed record LabelScore(string Label, int Support, int Predicted, int TruePositives)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of a single-label task: per-label precision/recall, macro-F1 over the labels that occur in the gold data, accuracy, confusion matrix.</summary>
public sealed record SingleLabelScores(IReadOnlyList<string> Labels, IReadOnlyList<LabelScore> PerLabel, double MacroF1, double Accuracy, int[,] Confusion)
{
    public static SingleLabelScores Compute(IReadOnlyList<string> labels, IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("one prediction per gold label", nameof(predicted));
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var confusion = new int[labels.Count, labels.Count];
        for (var i = 0; i < gold.Count; i++) confusion[index[gold[i]], index[predicted[i]]]++;
        var perLabel = labels.Select((l, k) =>
        {
            var support = 0; var pred = 0;
            for (var j = 0; j < labels.Count; j++) { support += confusion[k, j]; pred += confusion[j, k]; }
            return new LabelScore(l, support, pred, confusion[k, k]);
        }).ToList();
        var present = perLabel.Where(s => s.Support > 0).ToList();
        var correct = Enumerable.Range(0, gold.Count).Count(i => gold[i] == predicted[i]);
        return new SingleLabelScores(labels, perLabel, present.Count == 0 ? 0 : present.Average(s => s.F1),
            gold.Count == 0 ? 0 : (double)correct / gold.Count, confusion);
    }
}

/// <summary>Scores of a multi-label task: per-label precision/recall, micro-F1 over all label decisions, macro-F1 over labels that occur.</summary>
public sealed record MultiLabelScores(IReadOnlyList<LabelScore> PerLabel, double MicroPrecision, double MicroRecall, double MicroF1, double MacroF1)
{
    public static MultiLabelScores Compute(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("one prediction per gold label set", nameof(predicted));
        var perLabel = labels.Select(l =>
        {
            int support = 0, pred = 0, tp = 0;
            for (var i = 0; i < gold.Count; i++)
            {
                var g = gold[i].Contains(l);
                var p = predicted[i].Contains(l);
                if (g) support++;
                if (p) pred++;
                if (g && p) tp++;
            }
            return new LabelScore(l, support, pred, tp);
        }).ToList();
        var tpAll = perLabel.Sum(s => s.TruePositives);
        var predAll = perLabel.Sum(s => s.Predicted);
        var goldAll = perLabel.Sum(s => s.Support);
        var p = predAll == 0 ? 0 : (double)tpAll / predAll;
        var r = goldAll == 0 ? 0 : (double)tpAll / goldAll;
        var present = perLabel.Where(s => s.Support > 0).ToList();
        return new MultiLabelScores(perLabel, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), present.Count == 0 ? 0 : present.Average(s => s.F1));
    }
}
