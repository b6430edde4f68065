using System.Text.Json;

namespace PolicyIngest.Core.Model;

/// <summary>
/// What an enterprise says about itself for policy matching (issue 22's profile JSON; every key optional).
/// A list left out (null) is unknown; an empty list says the enterprise has none.
/// </summary>
public sealed record EnterpriseProfile
{
    public string? Name { get; init; }
    /// <summary>Where it is registered, as written: 北京市怀柔区.</summary>
    public string? Region { get; init; }
    public IReadOnlyList<string>? Industries { get; init; }
    /// <summary>Titles and statuses held (规模以上工业企业, 高新技术企业).</summary>
    public IReadOnlyList<string>? Titles { get; init; }
    /// <summary>Titles first obtained in the year asked about (专精特新中小企业).</summary>
    public IReadOnlyList<string>? NewTitles { get; init; }
    /// <summary>Figures by the names policies use: yuan for money, a fraction for rates (营业收入增速 0.12).</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();
    public DateOnly? Founded { get; init; }
    public int? Employees { get; init; }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the profile JSON; a value of the wrong kind is a <see cref="JsonException"/>.</summary>
    public static EnterpriseProfile FromJson(string json) =>
        JsonSerializer.Deserialize<EnterpriseProfile>(json, Options) ?? throw new JsonException("a profile must be a JSON object");
}

/// <summary>Whether an enterprise meets one condition, as far as its profile tells.</summary>
public enum ConditionState { Met, Unmet, Unknown }

/// <summary>One condition judged against a profile, with the reason in words an analyst reads (营业收入 5000万元 ≥ 2000万元).</summary>
public sealed record ConditionVerdict(EligibilityCondition Condition, ConditionState State, string Why);

/// <summary>What a clause may pay an enterprise: a single sum when min = max, a range when it depends on unknowns.</summary>
public sealed record ExpectedAmount(decimal? Min, decimal? Max, string Text);

/// <summary>
/// A clause's conditions judged against a profile: each verdict, and the clause as a whole — met when every required
/// condition (or one of each group of alternatives) is met, unmet when one is not, else unknown.
/// </summary>
public sealed record ClauseVerdict(IReadOnlyList<ConditionVerdict> Conditions, ConditionState Overall)
{
    /// <summary>How many required conditions (alternative groups count once) are not met.</summary>
    public int UnmetCount { get; init; }
}
