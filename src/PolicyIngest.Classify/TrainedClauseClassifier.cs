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
        // The clause that owns a path: the chapter, section, article or item itself (paragraphs share their owner's path).
        var owners = new Dictionary<string, Clause>(StringComparer.Ordinal);
        foreach (var c in clauses) if (c.Kind != ClauseKind.Paragraph) owners.TryAdd(PathKey(c.Path), c);

        var result = clauses.ToArray();
        var labelled = new Dictionary<string, ClauseLabels>(StringComparer.Ordinal);
        ClauseLabels? leadIn = null;
        string? leadInOwner = null;
        var units = Enumerable.Range(0, clauses.Count).Where(i => IsUnit(clauses[i])).ToList();
        for (var u = 0; u < units.Count; u++)
        {
            var clause = clauses[units[u]];
            var owner = OwnerKey(clause);
            // A 项 listed under a lead-in paragraph (申报材料内容：) belongs to that paragraph's unit.
            if (clause.Kind == ClauseKind.Subitem && leadIn is not null && leadInOwner == PathKey(clause.Path.Take(clause.Path.Count - 1)))
            {
                result[units[u]] = Apply(clause, leadIn);
                continue;
            }
            var position = units.Count == 1 ? 0 : (double)u / (units.Count - 1);
            var labels = predict(Input(document, clause, owners, position));
            result[units[u]] = Apply(clause, labels);
            if (clause.Kind != ClauseKind.Paragraph && clause.Path.Count > 0) labelled.TryAdd(PathKey(clause.Path), labels);
            var isLeadIn = clause.Kind == ClauseKind.Paragraph && clause.Text.TrimEnd().EndsWith('：');
            leadIn = isLeadIn ? labels : null;
            leadInOwner = isLeadIn ? owner : null;
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

    /// <summary>Card fields that describe the card (its source, issuer, dates, contacts) rather than state policy content.</summary>
    public static readonly IReadOnlySet<string> CardMetadataFields =
        new HashSet<string>(StringComparer.Ordinal) { "依据文件", "发文机构", "发文字号", "发布日期", "工具分类", "时间/频度", "联络方式" };

    public static bool IsUnit(Clause clause) => clause.Kind switch
    {
        ClauseKind.Article => true,
        ClauseKind.CardField => !string.IsNullOrWhiteSpace(clause.Text) && !CardMetadataFields.Contains(clause.Label),
        ClauseKind.Paragraph => !string.IsNullOrWhiteSpace(clause.Text),
        ClauseKind.Item or ClauseKind.Subitem => !string.IsNullOrWhiteSpace(clause.Text) && !clause.Path.Any(IsArticleLabel),
        _ => false,
    };

    /// <summary>
    /// What the classifier sees: the clause's text; its heading (a card field's name; for a paragraph, the heading of
    /// the item it sits in); the heading of its top-level chapter or outline section (a card's title for card fields).
    /// </summary>
    public static ClauseInput Input(PolicyDocument document, Clause clause, IReadOnlyDictionary<string, Clause> owners, double position)
    {
        string? chapter = null;
        string? heading = clause.Heading;
        var ownPath = clause.Kind == ClauseKind.Paragraph ? clause.Path.Count : clause.Path.Count - 1;
        Clause? top = null;
        if (clause.Path.Count > 0 && ownPath >= 1) owners.TryGetValue(PathKey(clause.Path.Take(1)), out top);
        Clause? item = null;
        if (clause.Kind == ClauseKind.Paragraph && clause.Path.Count > 1) owners.TryGetValue(PathKey(clause.Path), out item);

        if (clause.Kind == ClauseKind.CardField || top?.Kind == ClauseKind.CardField)
        {
            // Inside a compilation card: the card's title is the chapter, the field name the heading.
            chapter = document.Title;
            heading ??= item?.Heading ?? (clause.Kind == ClauseKind.CardField ? clause.Label : top!.Label);
        }
        else
        {
            if (top is not null) chapter = top.Heading ?? (top.Text.Length <= 30 ? top.Text : null);
            heading ??= item?.Heading;
        }
        return new ClauseInput(clause.Text, heading, chapter, clause.Kind.ToId(), position);
    }

    private static string OwnerKey(Clause clause) => PathKey(clause.Kind == ClauseKind.Paragraph ? clause.Path : clause.Path.Take(clause.Path.Count - 1));

    private static Clause Apply(Clause clause, ClauseLabels labels) => clause with
    {
        Category = labels.Category,
        CategoryConfidence = Math.Round(labels.CategoryConfidence, 4),
        Instruments = labels.Instruments,
        Industries = labels.Industries,
        InstrumentConfidences = Rounded(labels.InstrumentConfidences),
        IndustryConfidences = Rounded(labels.IndustryConfidences),
    };

    private static Dictionary<string, double> Rounded(IReadOnlyDictionary<string, double> confidences) =>
        confidences.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4), StringComparer.Ordinal);

    private static bool IsArticleLabel(string label) => label.StartsWith('第') && label.EndsWith('条');

    private static string PathKey(IEnumerable<string> path) => string.Join('\u001f', path);
}

/// <summary>The keyword rules behind the same seam: used only when no trained model can be loaded.</summary>
public sealed class KeywordClauseClassifier : IClauseClassifier
{
    public IReadOnlyList<Clause> Classify(PolicyDocument document, IReadOnlyList<Clause> clauses) =>
        ClauseUnits.Label(document, clauses, KeywordRules.Predict);
}
