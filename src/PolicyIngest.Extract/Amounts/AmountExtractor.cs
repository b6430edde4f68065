using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Amounts;

/// <summary>
/// Every amount and rate in a document's clauses. Each clause's own text is read on its own (clauses cover the
/// document once, so nothing is counted twice); <c>article</c> is the nearest enclosing 条, else the outline path.
/// </summary>
public sealed class AmountExtractor : IAmountExtractor
{
    public AmountFindings Extract(IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var amounts = new List<MonetaryAmount>();
        var rates = new List<Rate>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (string.IsNullOrEmpty(clause.Text)) continue;
            var found = AmountPhrases.Find(clause.Text);
            if (found.Amounts.Count == 0 && found.Rates.Count == 0) continue;
            var article = ArticleOf(clauses, i);
            foreach (var a in found.Amounts)
            {
                amounts.Add(new MonetaryAmount
                {
                    ClauseId = clause.Id,
                    Article = article,
                    Text = a.Text,
                    Yuan = a.Yuan,
                    YuanHigh = a.YuanHigh,
                    Unit = a.Unit,
                    Role = a.Role,
                    Per = a.Per,
                    Condition = a.Condition,
                });
            }
            foreach (var r in found.Rates)
            {
                rates.Add(new Rate
                {
                    ClauseId = clause.Id,
                    Article = article,
                    Text = r.Text,
                    Percent = r.Percent,
                    PercentHigh = r.PercentHigh,
                    Role = r.Role,
                    Base = r.Base,
                });
            }
        }
        return new AmountFindings(amounts, rates);
    }

    /// <summary>Label of the nearest enclosing clause of kind article (第五条), else the clause's outline path joined by '/'.</summary>
    public static string ArticleOf(IReadOnlyList<Clause> clauses, int index)
    {
        var clause = clauses[index];
        if (clause.Kind == ClauseKind.Article) return clause.Label;
        for (var j = index - 1; j >= 0; j--)
        {
            var candidate = clauses[j];
            if (candidate.Kind == ClauseKind.Article && IsPrefix(candidate.Path, clause.Path)) return candidate.Label;
        }
        if (clause.Path.Count > 0) return string.Join("/", clause.Path);
        return clause.Label;
    }

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> path)
    {
        if (prefix.Count == 0 || prefix.Count > path.Count) return false;
        for (var k = 0; k < prefix.Count; k++)
        {
            if (!string.Equals(prefix[k], path[k], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
