using PolicyIngest.Classify.Model;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Classify;

/// <summary>
/// Labels the 条-level units of a document with a <see cref="ClauseModel"/>: articles, card fields, paragraphs
/// outside the tree, and outline items (（一）, 1.) that sit in no article. Items and sub-items inside an article
/// carry their article's labels; chapters and sections carry none.
/// </summary>
public sealed class TrainedClauseClassifier(ClauseModel model) : IClauseClassifier
{
    public ClauseModel Model => model;

    public IReadOnlyList<Clause> Classify(PolicyDocument document, IReadOnlyList<Clause> clauses) =>
        ClauseUnits.Label(document, clauses, model.Predict);
}

/// <summary>The rules of which clauses are classified and what the classifier sees of them, shared by every classifier.</summary>
public static class ClauseUnits
{
    public static IReadOnlyList<Clause> Label(PolicyDocument document, IReadOnlyList<Clause> clauses, Func<ClauseInput, ClauseLabels> predict)
    {
        var byPath = new Dictionary<string, Clause>(StringComparer.Ordinal);
        foreach (var c in clauses) byPath.TryAdd(PathKey(c.Path), c);

        var units = Enumerable.Range(0, clauses.Count).Where(i => IsUnit(clauses[i])).ToList();
        var labelled = new Dictionary<string, ClauseLabels>(StringComparer.Ordinal);
        var result = clauses.ToArray();
        for (var u = 0; u < units.Count; u++)
        {
            var clause = clauses[units[u]];
            var position = units.Count == 1 ? 0 : (double)u / (units.Count - 1);
            var labels = predict(Input(document, clause, byPath, position));
            result[units[u]] = Apply(clause, labels);
            if (clause.Path.Count > 0) labelled.TryAdd(PathKey(clause.Path), labels);
        }
        // Items inside a labelled unit (（一） of 第五条) take the unit's labels.
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i].Category is not null || result[i].Kind is ClauseKind.Chapter or ClauseKind.Section) continue;
            for (var depth = result[i].Path.Count - 1; depth > 0; depth--)
            {
                if (labelled.TryGetValue(PathKey(result[i].Path.Take(depth)), out var inherited))
                {
                    result[i] = Apply(result[i], inherited);
                    break;
                }
            }
        }
        return result;
    }

    public static bool IsUnit(Clause clause) => clause.Kind switch
    {
        ClauseKind.Article or ClauseKind.CardField => true,
        ClauseKind.Paragraph => !string.IsNullOrWhiteSpace(clause.Text),
        ClauseKind.Item or ClauseKind.Subitem => !string.IsNullOrWhiteSpace(clause.Text) && !clause.Path.Any(IsArticleLabel),
        _ => false,
    };

    public static ClauseInput Input(PolicyDocument document, Clause clause, IReadOnlyDictionary<string, Clause> byPath, double position)
    {
        string? chapter = null;
        if (clause.Kind == ClauseKind.CardField) chapter = document.Title;
        else if (clause.Path.Count > 1 && byPath.TryGetValue(PathKey(clause.Path.Take(1)), out var top))
            chapter = top.Heading ?? (top.Text.Length <= 30 ? top.Text : null);
        var heading = clause.Heading ?? (clause.Kind == ClauseKind.CardField ? clause.Label : null);
        return new ClauseInput(clause.Text, heading, chapter, clause.Kind.ToId(), position);
    }

    private static Clause Apply(Clause clause, ClauseLabels labels) => clause with
    {
        Category = labels.Category,
        CategoryConfidence = Math.Round(labels.CategoryConfidence, 4),
        Instruments = labels.Instruments,
        Industries = labels.Industries,
    };

    private static bool IsArticleLabel(string label) => label.StartsWith('第') && label.EndsWith('条');

    private static string PathKey(IEnumerable<string> path) => string.Join('\u001f', path);
}

/// <summary>The keyword rules behind the same seam: used only when no trained model can be loaded.</summary>
public sealed class KeywordClauseClassifier : IClauseClassifier
{
    public IReadOnlyList<Clause> Classify(PolicyDocument document, IReadOnlyList<Clause> clauses) =>
        ClauseUnits.Label(document, clauses, KeywordRules.Predict);
}
