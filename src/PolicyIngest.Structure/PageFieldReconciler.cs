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
        if (d.IssuedOn is null && (written ?? published) is { } issued) d = d with { IssuedOn = issued };
        else if (written is { } w && d.IssuedOn is { } textDate && w != textDate)
            warnings.Add($"页面信息的成文日期 {w:yyyy-MM-dd} 与正文的 {textDate:yyyy-MM-dd} 不一致：采用正文");

        if (Date(Field(PageField.EffectiveFrom)) is { } effective)
        {
            // 自印发之日起施行 gives the 成文日期; the page's 实施日期 is the day it really took effect.
            if (d.EffectiveFrom is null || d.EffectiveFrom == d.IssuedOn) d = d with { EffectiveFrom = effective };
            else if (d.EffectiveFrom != effective)
                warnings.Add($"页面信息的实施日期 {effective:yyyy-MM-dd} 与正文的 {d.EffectiveFrom:yyyy-MM-dd} 不一致：采用正文");
        }
        if (Date(Field(PageField.ExpiresOn)) is { } expires)
        {
            if (d.ExpiresOn is { } computed && computed != expires)
                warnings.Add($"页面信息的失效日期 {expires:yyyy-MM-dd} 与按有效期推算的 {computed:yyyy-MM-dd} 不同：采用页面信息");
            d = d with { ExpiresOn = expires };
        }

        if (d.Issuer is null && Field(PageField.Issuer) is { } issuer && Issuers.Split(issuer) is { Count: > 0 } agencies)
            d = d with { Issuer = string.Concat(agencies), Issuers = agencies, Region = d.Region ?? Regions.Of(agencies[0]) };
        if (string.IsNullOrWhiteSpace(d.Title) && Field(PageField.Title) is { } title) d = d with { Title = title };

        var kept = new Dictionary<string, string>(d.Fields ?? new Dictionary<string, string>());
        foreach (var f in fields.Where(f => f.Value.Length > 0)) kept.TryAdd(f.Name, f.Value);
        return d with { Warnings = warnings, Fields = kept };
    }

    private static DateOnly? Date(string? value) => value is null ? null : ChineseDates.Find(value);

    private static string Normal(string number) => DocNumbers.Normalise(number);
}
