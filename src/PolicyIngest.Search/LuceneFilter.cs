using Lucene.Net.Index;
using Lucene.Net.Search;
using PolicyIngest.Catalogue;
using Term = Lucene.Net.Index.Term;

namespace PolicyIngest.Search;

/// <summary>
/// <see cref="ClauseFilter"/> as a Lucene query over the facts fields, with the catalogue's meanings (SearchSql's filter
/// fragments and StatusSql's status expression): region and issuer contain the text, category, instrument and industry
/// are exact labels, dates and amount are ranges, status is computed as of the filter's date from the version's facts.
/// </summary>
public static class LuceneFilter
{
    /// <summary>The filter as one query (every condition required), or null when it asks for nothing.</summary>
    public static Query? Of(ClauseFilter filter)
    {
        var q = new BooleanQuery();
        if (!filter.AllVersions) q.Add(Flag(LuceneFields.Superseded, false), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Region)) q.Add(Contains(LuceneFields.Region, filter.Region), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Issuer)) q.Add(Contains(LuceneFields.Issuer, filter.Issuer), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Category)) q.Add(new TermQuery(new Term(LuceneFields.Category, filter.Category)), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Instrument)) q.Add(new TermQuery(new Term(LuceneFields.Instrument, filter.Instrument)), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Industry)) q.Add(new TermQuery(new Term(LuceneFields.Industry, filter.Industry)), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Status)) q.Add(Status(filter.Status, DayNumber(filter.AsOf)), Occur.MUST);
        if (filter.From is not null || filter.To is not null)
        {
            q.Add(DocValuesRange.Of(LuceneFields.IssuedOn, filter.From is { } f ? DayNumber(f) : null,
                filter.To is { } t ? DayNumber(t) : null), Occur.MUST);
        }
        if (filter.MinYuan is { } min)
            q.Add(DocValuesRange.Of(LuceneFields.MaxAmountFen, (long)decimal.Round(min * 100m), null), Occur.MUST);
        return q.Clauses.Count == 0 ? null : q;
    }

    /// <summary>A date as the index stores it: yyyyMMdd as a number.</summary>
    public static int DayNumber(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    /// <summary>Stored for a version without an end: after every date.</summary>
    public const int NoEnd = int.MaxValue;

    /// <summary>Stored for a version without a start date: in force from the beginning.</summary>
    public const int NoStart = 0;

    /// <summary>The status of a version as of a day, as StatusSql.Case computes it (the same order of tests).</summary>
    public static string StatusOf(bool repealed, bool superseded, int effective, int expires, int asOf) =>
        repealed ? "repealed"
        : superseded ? "amended"
        : expires < asOf ? "expired"
        : effective > asOf ? "not_yet_effective"
        : "in_force";

    private static Query Status(string status, int asOf)
    {
        var q = new BooleanQuery();
        switch (status)
        {
            case "repealed":
                q.Add(Flag(LuceneFields.Repealed, true), Occur.MUST);
                break;
            case "amended":
                q.Add(Flag(LuceneFields.Repealed, false), Occur.MUST);
                q.Add(Flag(LuceneFields.Superseded, true), Occur.MUST);
                break;
            case "expired":
                Live(q);
                q.Add(DocValuesRange.Of(LuceneFields.ExpiresOn, null, asOf - 1L), Occur.MUST);
                break;
            case "not_yet_effective":
                Live(q);
                q.Add(DocValuesRange.Of(LuceneFields.ExpiresOn, asOf, null), Occur.MUST);
                q.Add(DocValuesRange.Of(LuceneFields.EffectiveFrom, asOf + 1L, null), Occur.MUST);
                break;
            case "in_force":
                Live(q);
                q.Add(DocValuesRange.Of(LuceneFields.ExpiresOn, asOf, null), Occur.MUST);
                q.Add(DocValuesRange.Of(LuceneFields.EffectiveFrom, null, asOf), Occur.MUST);
                break;
            default:
                // A status the catalogue never computes matches nothing, as the SQL filter does.
                q.Add(new TermQuery(new Term(LuceneFields.Repealed, "none")), Occur.MUST);
                break;
        }
        return q;

        static void Live(BooleanQuery q)
        {
            q.Add(Flag(LuceneFields.Repealed, false), Occur.MUST);
            q.Add(Flag(LuceneFields.Superseded, false), Occur.MUST);
        }
    }

    public static string FlagText(bool value) => value ? "1" : "0";

    private static TermQuery Flag(string field, bool value) => new(new Term(field, FlagText(value)));

    /// <summary>SQL's LIKE '%text%': a wildcard over the field's few distinct values (regions, issuers), the text's own wildcards escaped.</summary>
    private static Query Contains(string field, string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length + 2).Append('*');
        foreach (var ch in text)
        {
            if (ch is '*' or '?' or '\\') escaped.Append('\\');
            escaped.Append(ch);
        }
        return new WildcardQuery(new Term(field, escaped.Append('*').ToString()));
    }
}
