using System.Text.Json.Serialization;

namespace PolicyIngest.Core.Model;

/// <summary>Kinds of eligibility condition (conditions-gold README; issue 22).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionType>))]
public enum ConditionType
{
    [JsonStringEnumMemberName("region")] Region,
    [JsonStringEnumMemberName("industry")] Industry,
    [JsonStringEnumMemberName("title")] Title,
    [JsonStringEnumMemberName("newTitle")] NewTitle,
    [JsonStringEnumMemberName("threshold")] Threshold,
    [JsonStringEnumMemberName("timeWindow")] TimeWindow,
    [JsonStringEnumMemberName("exclusion")] Exclusion,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>Which tie to a place a region condition asks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegionAspect>))]
public enum RegionAspect
{
    [JsonStringEnumMemberName("registration")] Registration,
    [JsonStringEnumMemberName("tax")] Tax,
    [JsonStringEnumMemberName("statistics")] Statistics,
    [JsonStringEnumMemberName("operation")] Operation,
    [JsonStringEnumMemberName("residence")] Residence,
    [JsonStringEnumMemberName("any")] Any,
}

/// <summary>A comparison of a threshold: the applicant's figure <c>op</c> the stated value.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOp>))]
public enum ComparisonOp
{
    [JsonStringEnumMemberName(">=")] AtLeast,
    [JsonStringEnumMemberName(">")] MoreThan,
    [JsonStringEnumMemberName("<=")] AtMost,
    [JsonStringEnumMemberName("<")] LessThan,
    [JsonStringEnumMemberName("==")] EqualTo,
}

/// <summary>What an exclusion does: leaves a kind of applicant out, forbids double support, keeps the highest, disqualifies.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExclusionRule>))]
public enum ExclusionRule
{
    [JsonStringEnumMemberName("notIncluded")] NotIncluded,
    [JsonStringEnumMemberName("noDoubleSupport")] NoDoubleSupport,
    [JsonStringEnumMemberName("highestOnly")] HighestOnly,
    [JsonStringEnumMemberName("disqualifier")] Disqualifier,
}

/// <summary>The exact piece of clause text a finding came from: its characters as written and where they start.</summary>
public sealed record TextSpan(string Text, int Start)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// One eligibility condition of a support clause, typed and explainable: the span it was read from plus the fields
/// of its type (the others stay null). Chinese text is stored as written; comparison normalises it.
/// </summary>
public sealed record EligibilityCondition
{
    public required ConditionType Type { get; init; }
    public required TextSpan Span { get; init; }
    public string Text => Span.Text;

    // region
    public string? Place { get; init; }
    public RegionAspect? Aspect { get; init; }
    /// <summary>A 户籍 requirement (a residence tie of a person).</summary>
    public bool Hukou { get; init; }

    // industry
    public IReadOnlyList<string> Sectors { get; init; } = [];

    // title / newTitle
    public string? Title { get; init; }

    // threshold
    public string? Metric { get; init; }
    public ComparisonOp? Op { get; init; }
    /// <summary>The number as written (10 of 10亿元).</summary>
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
    /// <summary>Money in yuan (亿美元 in US dollars), percentages as a fraction, anything else the number as written.</summary>
    public decimal? Normalized { get; init; }

    // timeWindow
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>A window relative to the application (上一年度, 近2年内, 当年).</summary>
    public string? Relative { get; init; }

    // exclusion
    public ExclusionRule? Rule { get; init; }

    /// <summary>The award or track the condition belongs to when a clause has several (a few characters).</summary>
    public string? AppliesTo { get; init; }
    /// <summary>Conditions sharing an alternative group: any one of them is enough.</summary>
    public string? Alternative { get; init; }
}

/// <summary>How a clause states what an applicant gets.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AwardKind>))]
public enum AwardKind
{
    [JsonStringEnumMemberName("fixed")] Fixed,
    [JsonStringEnumMemberName("cap")] Cap,
    [JsonStringEnumMemberName("rate")] Rate,
    [JsonStringEnumMemberName("tiers")] Tiers,
    [JsonStringEnumMemberName("mixed")] Mixed,
}

/// <summary>One step of a tiered or mixed award: what decides it, and its sum in yuan or its rate.</summary>
public sealed record AwardTier(string? Condition, decimal? Yuan, decimal? Rate, string Text);

/// <summary>
/// What one support clause pays: a fixed sum, a cap, a rate of a base (with a cap), tiers, or several awards.
/// Yuan as decimal; a rate as a fraction (0.3), or yuan per unit when <see cref="Base"/> names a unit.
/// </summary>
public sealed record AwardAmount
{
    public required AwardKind Kind { get; init; }
    public required TextSpan Span { get; init; }
    public decimal? MinYuan { get; init; }
    /// <summary>The largest cash sum the clause pays.</summary>
    public decimal? MaxYuan { get; init; }
    public decimal? Rate { get; init; }
    public decimal? RateMin { get; init; }
    public string? Base { get; init; }
    public IReadOnlyList<AwardTier> Tiers { get; init; } = [];
}
