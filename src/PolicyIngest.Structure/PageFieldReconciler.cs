using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure;

/// <summary>
/// Reconciles a portal page's metadata block with what the text itself says. What the text states outright wins
/// (a 发文字号 line, a 施行 date sentence), with a warning where the block disagrees; the block fills what the text
/// leaves out, and its explicit dates beat values the text only implies (自印发之日起施行 read as the 成文日期,
/// 有效期5年 counted from the 施行 date). Every field of the block is kept in <see cref="PolicyDocument.Fields"/>.
/// </summary>
public static class PageFieldReconciler
{
    public static PolicyDocument Apply(PolicyDocument document, IReadOnlyList<PageField> fields)
    {
        if (fields.Count == 0) return document;
        string? Field(string name) => fields.FirstOrDefault(f => f.Name == name)?.Value is { Length: > 0 } v ? v : null;
        var warnings = document.Warnings.ToList();
        var d = document;

        if (Field(PageField.DocNumber) is { } number && DocNumbers.Find(number) is { } pageNumber)
        {
            if (d.DocNumber is null) d = d with { DocNumber = pageNumber };
            else if (Normal(d.DocNumber) != Normal(pageNumber))
                warnings.Add($"页面信息的文号 {pageNumber} 与正文的 {d.DocNumber} 不一致：采用正文");
        }

        var written = Date(Field(PageField.WrittenOn));
        var published = Date(Field(PageField.PublishedOn));
        string? issuedFromPage = null;
        if (d.IssuedOn is null && (written ?? published) is { } issued)
        {
            d = d with { IssuedOn = issued };
            issuedFromPage = written is null ? PageField.PublishedOn : PageField.WrittenOn;
        }
        else if (written is { } w && d.IssuedOn is { } textDate && w != textDate)
            warnings.Add($"页面信息的成文日期 {w:yyyy-MM-dd} 与正文的 {textDate:yyyy-MM-dd} 不一致：采用正文");

        d = ReconcileValidity(d, Field, issuedFromPage, warnings);

        if (d.Issuer is null && Field(PageField.Issuer) is { } issuer && Issuers.Split(issuer) is { Count: > 0 } agencies)
            d = d with { Issuer = string.Concat(agencies), Issuers = agencies, Region = d.Region ?? Regions.Of(agencies[0]) };
        if (string.IsNullOrWhiteSpace(d.Title) && Field(PageField.Title) is { } title) d = d with { Title = title };

        var kept = new Dictionary<string, string>(d.Fields ?? new Dictionary<string, string>());
        foreach (var f in fields.Where(f => f.Value.Length > 0)) kept.TryAdd(f.Name, f.Value);
        return d with { Warnings = warnings, Fields = kept };
    }

    /// <summary>
    /// 施行 and 失效 with their bases. 自印发之日起施行 with no date in the text takes the page's date; the page's 实施日期 beats
    /// the 成文日期 that 自印发之日起施行 was counted from (a 版记 印发 date is printed in the document and stays), and a term
    /// (有效期N年) is counted again from it; the page's 失效日期 beats a computed end. The text's sentence stays in the note.
    /// </summary>
    private static PolicyDocument ReconcileValidity(PolicyDocument d, Func<string, string?> field, string? issuedFromPage, List<string> warnings)
    {
        var basis = d.Validity;
        if (d.EffectiveFrom is null && issuedFromPage is not null && d.IssuedOn is { } pageDate
            && basis.EffectiveFrom is { } stated && ValidityFacts.IsOnIssueRule(stated.Rule))
        {
            d = d with { EffectiveFrom = pageDate };
            basis = basis with { EffectiveFrom = stated with { Note = $"文中未见印发日期，按页面{issuedFromPage} {pageDate:yyyy-MM-dd}" } };
        }
        if (field(PageField.EffectiveFrom) is { } effectiveText && Date(effectiveText) is { } effective)
        {
            var countedFromIssue = d.EffectiveFrom == d.IssuedOn && (basis.EffectiveFrom is null || ValidityFacts.IsOnIssueRule(basis.EffectiveFrom.Rule));
            if ((d.EffectiveFrom is null || countedFromIssue) && d.EffectiveFrom != effective)
            {
                basis = basis with { EffectiveFrom = PageBasis(PageField.EffectiveFrom, effectiveText, basis.EffectiveFrom) };
                d = d with { EffectiveFrom = effective };
            }
            else if (d.EffectiveFrom != effective)
                warnings.Add($"页面信息的实施日期 {effective:yyyy-MM-dd} 与正文的 {d.EffectiveFrom:yyyy-MM-dd} 不一致：采用正文");
        }
        // A term counts from the start as it now stands.
        if (basis.ExpiresOn is { } term && d.EffectiveFrom is { } start && ValidityFacts.CountTerm(term, start) is { } counted && counted.End != d.ExpiresOn)
        {
            d = d with { ExpiresOn = counted.End };
            basis = basis with { ExpiresOn = counted.Basis };
        }
        if (field(PageField.ExpiresOn) is { } expiresText && Date(expiresText) is { } expires)
        {
            if (d.ExpiresOn is { } computed && computed != expires)
                warnings.Add($"页面信息的失效日期 {expires:yyyy-MM-dd} 与按有效期推算的 {computed:yyyy-MM-dd} 不同：采用页面信息");
            if (d.ExpiresOn != expires || basis.ExpiresOn is null)
                basis = basis with { ExpiresOn = PageBasis(PageField.ExpiresOn, expiresText, basis.ExpiresOn, d.ExpiresOn) };
            d = d with { ExpiresOn = expires };
        }
        return d with { Validity = basis };
    }

    /// <summary>A date the page's metadata block states; what the text said is kept in the note.</summary>
    private static ValidityBasis PageBasis(string name, string value, ValidityBasis? text, DateOnly? textDate = null) =>
        new($"页面字段 {name}", $"{name}：{value}", null,
            text is null ? null : $"正文：{text.Sentence}{(textDate is { } t ? $"（按正文为 {t:yyyy-MM-dd}）" : "")}");

    private static DateOnly? Date(string? value) => value is null ? null : ChineseDates.Find(value);

    private static string Normal(string number) => DocNumbers.Normalise(number);
}
