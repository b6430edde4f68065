using System.CommandLine;
using System.Globalization;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Evaluation.Conditions;

/// <summary>
/// `evaluate conditions`: runs <see cref="ConditionExtractor"/> on every unit of corpus/conditions-gold (text, heading and
/// the place its source means by 本市/我区) and prints precision/recall/F1 per condition type for the dev units, the
/// held-out units (the headline) and all, at span level and at span + fields; then the award's kind accuracy and
/// max-amount exact rate on units whose gold amount is not null. `--misses N` lists dev misses only, never held-out ones.
/// </summary>
public sealed class ConditionsEvaluation : IMeasurement
{
    public string Name => "conditions";
    public string Description => "precision/recall/F1 per condition type and amount accuracy against corpus/conditions-gold (dev, held-out, all)";

    private static readonly Option<int> MissesOption = new("--misses")
    {
        Description = "print up to N misses of the dev units (never of the held-out ones)",
        DefaultValueFactory = _ => 0,
    };

    public IReadOnlyList<Option> Options => [MissesOption];

    private static readonly ConditionType[] Typed =
        [ConditionType.Region, ConditionType.Industry, ConditionType.Title, ConditionType.NewTitle, ConditionType.Threshold, ConditionType.TimeWindow, ConditionType.Exclusion];

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.Settings.CorpusDirectory, "conditions-gold");
        if (!File.Exists(Path.Combine(folder, "gold.jsonl")))
        {
            context.Err.WriteLine($"error: no gold in {folder}");
            return ExitCodes.BadInput;
        }
        var units = ConditionGoldFile.Load(folder);
        var scores = new List<(UnitScore Score, AwardAmount? Amount)>();
        foreach (var unit in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = ConditionExtractor.Extract(unit.Text, unit.Heading, ConditionGoldFile.PlaceOf(unit.Source));
            scores.Add((ConditionScorer.Score(unit, found.Conditions), found.Amount));
        }

        var o = context.Out;
        foreach (var (label, part) in new[]
        {
            ("dev", scores.Where(s => !s.Score.Unit.HeldOut).ToList()),
            ("held-out", scores.Where(s => s.Score.Unit.HeldOut).ToList()),
            ("all", scores),
        })
        {
            o.WriteLine($"== {label}: {part.Count} units");
            o.WriteLine($"{"type",-12} {"gold",5} {"found",5} | {"span P",6} {"R",6} {"F1",6} | {"strict P",8} {"R",6} {"F1",6}");
            var typedTotal = TypeScore.Zero;
            foreach (var type in Enum.GetValues<ConditionType>())
            {
                var t = part.Aggregate(TypeScore.Zero, (acc, s) => acc + (s.Score.ByType.TryGetValue(type, out var v) ? v : TypeScore.Zero));
                if (Typed.Contains(type)) typedTotal += t;
                Row(o, type.ToId(), t);
            }
            Row(o, "typed", typedTotal);
            var withAmount = part.Where(s => s.Score.Unit.Amount is not null).ToList();
            var kindRight = withAmount.Count(s => s.Amount?.Kind == s.Score.Unit.Amount!.Kind);
            var maxRight = withAmount.Count(s => s.Amount?.MaxYuan == s.Score.Unit.Amount!.Max);
            var spuriousAmounts = part.Count(s => s.Score.Unit.Amount is null && s.Amount is not null);
            o.WriteLine($"amount: {withAmount.Count} units with a gold amount; kind {Pct(kindRight, withAmount.Count)}, max exact {Pct(maxRight, withAmount.Count)}; an amount found on {spuriousAmounts} units whose gold has none");
            o.WriteLine();
        }

        var misses = context.Parse.GetValue(MissesOption);
        if (misses > 0) PrintMisses(o, scores.Where(s => !s.Score.Unit.HeldOut).ToList(), misses);
        return ExitCodes.Done;
    }

    private static void PrintMisses(TextWriter o, List<(UnitScore Score, AwardAmount? Amount)> dev, int limit)
    {
        o.WriteLine($"dev misses (up to {limit}; strict; '-' gold not found, '+' found not in gold, '~' span matched but fields differ):");
        var printed = 0;
        foreach (var (score, amount) in dev)
        {
            var lines = new List<string>();
            foreach (var g in score.MissedGold.Where(g => g.Type != ConditionType.Other)) lines.Add($"  - {g.Type.ToId()} {Describe(g)}");
            foreach (var f in score.Spurious.Where(f => f.Type != ConditionType.Other)) lines.Add($"  + {f.Type.ToId()} {Describe(f)}");
            foreach (var (g, f) in score.FieldDifferences) lines.Add($"  ~ {g.Type.ToId()} gold {Describe(g)} | found {Describe(f)}");
            var goldAmount = score.Unit.Amount;
            if (goldAmount is not null && (amount?.Kind != goldAmount.Kind || amount?.MaxYuan != goldAmount.Max))
                lines.Add($"  $ amount gold {goldAmount.Kind.ToId()} max={goldAmount.Max} | found {(amount is null ? "none" : $"{amount.Kind.ToId()} max={amount.MaxYuan}")}");
            if (lines.Count == 0) continue;
            o.WriteLine($"{score.Unit.Id} [{score.Unit.Heading}]");
            foreach (var line in lines)
            {
                if (printed++ >= limit) return;
                o.WriteLine(line);
            }
        }
    }

    private static string Describe(GoldCondition g) =>
        $"«{g.Text}»" + g.Type switch
        {
            ConditionType.Threshold => $" {Op(g.Op)} {g.Normalized?.ToString(CultureInfo.InvariantCulture)}",
            ConditionType.Region => $" place={g.Place}",
            ConditionType.Title or ConditionType.NewTitle => $" title={g.Title}",
            ConditionType.Industry => $" sectors={string.Join("/", g.Sectors)}",
            ConditionType.TimeWindow => $" from={g.From} to={g.To}",
            ConditionType.Exclusion => $" rule={(g.Rule is { } r ? r.ToId() : "")}",
            _ => "",
        };

    private static string Describe(EligibilityCondition f) =>
        $"«{f.Text}»" + f.Type switch
        {
            ConditionType.Threshold => $" {Op(f.Op)} {f.Normalized?.ToString(CultureInfo.InvariantCulture)} ({f.Metric})",
            ConditionType.Region => $" place={f.Place}",
            ConditionType.Title or ConditionType.NewTitle => $" title={f.Title}",
            ConditionType.Industry => $" sectors={string.Join("/", f.Sectors)}",
            ConditionType.TimeWindow => $" from={f.From} to={f.To} rel={f.Relative}",
            ConditionType.Exclusion => $" rule={(f.Rule is { } r ? r.ToId() : "")}",
            _ => "",
        };

    private static string Op(ComparisonOp? op) => op is { } v ? v.ToId() : "?";

    private static void Row(TextWriter o, string name, TypeScore t)
    {
        var (sp, sr, sf) = t.Span;
        var (tp, tr, tf) = t.Strict;
        o.WriteLine($"{name,-12} {t.Gold,5} {t.Found,5} | {F(sp),6} {F(sr),6} {F(sf),6} | {F(tp),8} {F(tr),6} {F(tf),6}");
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Pct(int n, int d) => d == 0 ? "-" : $"{n}/{d} ({((double)n / d).ToString("0.000", CultureInfo.InvariantCulture)})";
}
