using PolicyIngest.Classify;
using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Cli.Commands;

/// <summary>Prints classifier evaluation figures as aligned plain-text tables.</summary>
public static class ClassifyReportPrinter
{
    /// <param name="realOnly">the same cross-validation with the model trained on the real clauses alone (shown beside the model when the synthetic clauses were used)</param>
    public static void Print(TextWriter o, ClassifierEvaluationReport r, CardToolReport? cards, ClassifierEvaluationReport? realOnly = null)
    {
        o.WriteLine($"clauses {r.Clauses} in {r.Groups} groups; {r.Folds}-fold cross-validation grouped by policy (seed {r.Seed}); baseline = keyword rules");
        if (r.ExtraTraining > 0)
            o.WriteLine($"the model also trains on {r.ExtraTraining} synthetic clauses (models/training/synthetic-*.jsonl) in every fold; only the real clauses are scored");
        o.WriteLine();
        var extra = realOnly is null ? "" : $"{"real only",11}";
        o.WriteLine($"{"task",-28}{"model",10}{"baseline",10}{extra}");
        Row(o, "category macro-F1", r.Model.Category.MacroF1, r.Baseline.Category.MacroF1, realOnly?.Model.Category.MacroF1);
        Row(o, "category accuracy", r.Model.Category.Accuracy, r.Baseline.Category.Accuracy, realOnly?.Model.Category.Accuracy);
        Row(o, "instruments micro-F1", r.Model.Instruments.MicroF1, r.Baseline.Instruments.MicroF1, realOnly?.Model.Instruments.MicroF1);
        Row(o, "instruments macro-F1", r.Model.Instruments.MacroF1, r.Baseline.Instruments.MacroF1, realOnly?.Model.Instruments.MacroF1);
        Row(o, "industries micro-F1", r.Model.Industries.MicroF1, r.Baseline.Industries.MicroF1, realOnly?.Model.Industries.MicroF1);
        Row(o, "industries macro-F1", r.Model.Industries.MacroF1, r.Baseline.Industries.MacroF1, realOnly?.Model.Industries.MacroF1);
        Row(o, "  specific only micro-F1", r.Model.SpecificIndustries.MicroF1, r.Baseline.SpecificIndustries.MicroF1, realOnly?.Model.SpecificIndustries.MicroF1);
        if (cards is not null)
        {
            Row(o, "card 工具分类 macro-F1", cards.Model.MacroF1, cards.Keywords.MacroF1, null);
            Row(o, "card 工具分类 accuracy", cards.Model.Accuracy, cards.Keywords.Accuracy, null);
        }

        o.WriteLine();
        o.WriteLine("category: per label (model P/R/F1 | baseline P/R/F1)");
        PerLabel(o, r.Model.Category.PerLabel, r.Baseline.Category.PerLabel);
        o.WriteLine();
        o.WriteLine("category confusion matrix (model; rows = gold, columns = predicted)");
        Confusion(o, r.Model.Category);
        o.WriteLine();
        o.WriteLine("instruments: per label (end to end: no instruments unless the predicted category is support)");
        PerLabel(o, r.Model.Instruments.PerLabel, r.Baseline.Instruments.PerLabel);
        o.WriteLine();
        o.WriteLine("industries: per label");
        PerLabel(o, r.Model.Industries.PerLabel, r.Baseline.Industries.PerLabel);

        if (cards is not null)
        {
            o.WriteLine();
            o.WriteLine($"seed 002 card 工具分类 ({cards.Cards} cards with a 工具分类; tools on fewer than {CardToolTask.MinimumCards} cards pooled as {CardToolTask.Pooled}); " +
                        $"majority-class accuracy {cards.Majority.Accuracy:0.000}");
            PerLabel(o, cards.Model.PerLabel, cards.Keywords.PerLabel);
            o.WriteLine("card confusion matrix (model)");
            Confusion(o, cards.Model);
        }
    }

    private static void Row(TextWriter o, string name, double model, double baseline, double? realOnly) =>
        o.WriteLine($"{name,-28}{model,10:0.000}{baseline,10:0.000}" + (realOnly is { } v ? $"{v,11:0.000}" : ""));

    private static void PerLabel(TextWriter o, IReadOnlyList<LabelScore> model, IReadOnlyList<LabelScore> baseline)
    {
        o.WriteLine($"  {"label",-24}{"gold",6}{"P",8}{"R",7}{"F1",7}   |{"P",7}{"R",7}{"F1",7}");
        for (var i = 0; i < model.Count; i++)
        {
            var m = model[i];
            var b = baseline[i];
            o.WriteLine($"  {m.Label,-24}{m.Support,6}{m.Precision,8:0.00}{m.Recall,7:0.00}{m.F1,7:0.00}   |{b.Precision,7:0.00}{b.Recall,7:0.00}{b.F1,7:0.00}");
        }
    }

    private static void Confusion(TextWriter o, SingleLabelScores s)
    {
        var labels = s.Labels;
        o.Write($"  {"",-12}");
        foreach (var l in labels) o.Write($"{Short(l),7}");
        o.WriteLine();
        for (var g = 0; g < labels.Count; g++)
        {
            o.Write($"  {Short(labels[g]),-12}");
            for (var p = 0; p < labels.Count; p++) o.Write($"{s.Confusion[g, p],7}");
            o.WriteLine();
        }
    }

    private static string Short(string label) => label.Length <= 6 ? label : label[..6];
}
