using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Evaluation;

/// <summary>A policy card of seed 002 with the 工具分类 its authors gave it (the first one when several).</summary>
public sealed record ToolCard(string Card, string Title, string Text, string Tool);

public sealed record CardToolReport(int Cards, IReadOnlyList<string> Labels, SingleLabelScores Model, SingleLabelScores Keywords, SingleLabelScores Majority);

/// <summary>
/// The card-level task: predict a 政策导引 card's 工具分类 (资金支持, 政策支持, 资质认定 …) from its 服务对象, 服务内容 and
/// 条件要求 text and title. Tools given to fewer than <see cref="MinimumCards"/> cards are pooled as 其他.
/// </summary>
public static class CardToolTask
{
    public const string FileName = "cards-002.jsonl";
    public const int MinimumCards = 4;
    public const string Pooled = "其他";

    public static IReadOnlyList<ToolCard> Load(string trainingDirectory)
    {
        var cards = new List<(string Card, string Title, string Text, string Tool)>();
        foreach (var line in File.ReadLines(Path.Combine(trainingDirectory, FileName)))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            var tools = o.GetProperty("tools").EnumerateArray().Select(t => t.GetString()!).ToList();
            if (tools.Count == 0) continue; // the card has no 工具分类: nothing to learn from or score against
            cards.Add((o.GetProperty("card").GetString()!, o.GetProperty("title").GetString()!, o.GetProperty("text").GetString()!, tools[0]));
        }
        var frequent = cards.GroupBy(c => c.Tool).Where(g => g.Count() >= MinimumCards).Select(g => g.Key).ToHashSet();
        return [.. cards.Select(c => new ToolCard(c.Card, c.Title, c.Text, frequent.Contains(c.Tool) ? c.Tool : Pooled))];
    }

    public static CardToolReport CrossValidate(IReadOnlyList<ToolCard> cards, int folds = ClassifierEvaluation.DefaultFolds, int seed = ClassifierEvaluation.DefaultSeed,
        int hashBits = ClauseFeatures.DefaultBits, LogisticOptions? options = null)
    {
        var labels = cards.Select(c => c.Tool).Distinct().Order(StringComparer.Ordinal).ToList();
        // The chapter-heading rules are for clauses in a document's chapters; on whole cards they cost 0.654 → 0.631 macro-F1.
        var features = new ClauseFeatures(new FeatureOptions(Bits: hashBits, ChapterRules: false, InstrumentWordWeight: 0));
        var x = cards.Select(c => features.Extract(Input(c))).ToList();
        var y = cards.Select(c => labels.IndexOf(c.Tool)).ToList();
        var foldOf = GroupedFolds.Assign([.. cards.Select(c => c.Card)], folds, seed);
        var predicted = new string[cards.Count];
        var stride = features.Dimension + 1;
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, cards.Count).Where(i => foldOf[i] != f).ToList();
            var w = LogisticRegression.FitSoftmax([.. train.Select(i => x[i])], [.. train.Select(i => y[i])], labels.Count, features.Dimension, options ?? LogisticOptions.Default);
            foreach (var i in Enumerable.Range(0, cards.Count).Where(i => foldOf[i] == f))
            {
                var best = 0; var bestScore = double.NegativeInfinity;
                for (var k = 0; k < labels.Count; k++)
                {
                    var span = w.AsSpan(k * stride, stride);
                    var score = x[i].Dot(span) + span[^1];
                    if (score > bestScore) { bestScore = score; best = k; }
                }
                predicted[i] = labels[best];
            }
        }
        var gold = cards.Select(c => c.Tool).ToList();
        var majority = gold.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new CardToolReport(cards.Count, labels,
            SingleLabelScores.Compute(labels, gold, predicted),
            SingleLabelScores.Compute(labels, gold, [.. cards.Select(c => KeywordTool(c, labels))]),
            SingleLabelScores.Compute(labels, gold, [.. gold.Select(_ => majority)]));
    }

    public static ClauseInput Input(ToolCard card) => new(card.Text, null, card.Title, "card", 0);

    private static readonly (string Tool, Regex Pattern)[] ToolRules =
    [
        ("市场准入", new Regex(@"批准|准入|许可|告知承诺|设立", RegexOptions.Compiled)),
        ("减税降费", new Regex(@"免征|减征|税收|增值税|所得税|收费减免", RegexOptions.Compiled)),
        ("资质认定", new Regex(@"认定|授牌", RegexOptions.Compiled)),
        ("资金支持", new Regex(@"补贴|补助|奖励|资助|资金支持|万元|贴息", RegexOptions.Compiled)),
    ];

    private static string KeywordTool(ToolCard card, IReadOnlyList<string> labels)
    {
        var text = card.Title + " " + card.Text;
        foreach (var (tool, pattern) in ToolRules)
            if (labels.Contains(tool) && pattern.IsMatch(text)) return tool;
        return labels.Contains("政策支持") ? "政策支持" : labels[0];
    }
}
