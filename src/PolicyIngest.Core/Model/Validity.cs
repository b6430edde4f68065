namespace PolicyIngest.Core.Model;

/// <summary>
/// Where a validity fact came from: the rule that read it (<c>有效期N年</c>, <c>自印发之日起施行</c>, <c>页面字段 失效日期</c> …),
/// the sentence as written (never normalised), the clause it stands in (null for a portal page field), and, when the date
/// had to be counted, how (<c>按版记印发日期：…2022年9月13日印发</c>, <c>自施行之日 2022-09-13 起算5年</c>).
/// </summary>
public sealed record ValidityBasis(string Rule, string Sentence, string? ClauseId, string? Note = null)
{
    /// <summary>One line for people: 有效期N年「本办法自印发之日起施行，有效期5年。」（ch7/art52；自施行之日 2022-09-13 起算5年）.</summary>
    public string Describe()
    {
        var where = string.Join("；", new[] { ClauseId, Note }.Where(s => !string.IsNullOrEmpty(s)));
        return $"{Rule}「{Sentence}」{(where.Length == 0 ? "" : $"（{where}）")}";
    }
}

/// <summary>
/// A change this document makes to another policy's validity (有效期调整: 关于延长《X》有效期的通知): the policy it names,
/// the new end date (<c>有效期延长至2027年12月31日</c>) or the time it adds (<c>有效期延长2年</c> = 24 months), and the sentence.
/// </summary>
public sealed record ValidityChange(string? Title, string? DocNumber, DateOnly? ExpiresOn, int? ExtendMonths, string Text, string? ClauseId);

/// <summary>
/// Why <see cref="PolicyDocument.EffectiveFrom"/> and <see cref="PolicyDocument.ExpiresOn"/> have their values (an addition to
/// document.schema.json). A null basis means nothing in the document or its page states that date: it is never invented.
/// </summary>
public sealed record Validity
{
    public static readonly Validity None = new();

    public ValidityBasis? EffectiveFrom { get; init; }
    public ValidityBasis? ExpiresOn { get; init; }

    /// <summary>试行/暂行 in the title or said of the document in its text: a trial measure; null otherwise.</summary>
    public ValidityBasis? Trial { get; init; }

    /// <summary>Validity changes this document makes to other policies.</summary>
    public IReadOnlyList<ValidityChange> Changes { get; init; } = [];
}
