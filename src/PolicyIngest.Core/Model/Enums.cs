using System.Text.Json.Serialization;

namespace PolicyIngest.Core.Model;

/// <summary>File format, detected from the bytes (never trusted from the file name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceFormat>))]
public enum SourceFormat
{
    [JsonStringEnumMemberName("pdf")] Pdf,
    [JsonStringEnumMemberName("docx")] Docx,
    [JsonStringEnumMemberName("doc")] Doc,
    [JsonStringEnumMemberName("html")] Html,
    [JsonStringEnumMemberName("txt")] Txt,
    /// <summary>GB/T 33190 OFD (a zip of XML pages with positioned text). Added after the first contract; "ofd" is an allowed addition.</summary>
    [JsonStringEnumMemberName("ofd")] Ofd,
}

[JsonConverter(typeof(JsonStringEnumConverter<DocType>))]
public enum DocType
{
    [JsonStringEnumMemberName("policy")] Policy,
    [JsonStringEnumMemberName("notice")] Notice,
    [JsonStringEnumMemberName("interpretation")] Interpretation,
    [JsonStringEnumMemberName("compilation")] Compilation,
    [JsonStringEnumMemberName("law")] Law,
    [JsonStringEnumMemberName("other")] Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<ClauseKind>))]
public enum ClauseKind
{
    [JsonStringEnumMemberName("chapter")] Chapter,
    [JsonStringEnumMemberName("section")] Section,
    [JsonStringEnumMemberName("article")] Article,
    [JsonStringEnumMemberName("item")] Item,
    [JsonStringEnumMemberName("subitem")] Subitem,
    [JsonStringEnumMemberName("paragraph")] Paragraph,
    [JsonStringEnumMemberName("card-field")] CardField,
}

/// <summary>Amount roles of taxonomy.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AmountRole>))]
public enum AmountRole
{
    [JsonStringEnumMemberName("fixed")] Fixed,
    [JsonStringEnumMemberName("cap")] Cap,
    [JsonStringEnumMemberName("floor")] Floor,
    [JsonStringEnumMemberName("range")] Range,
    [JsonStringEnumMemberName("threshold")] Threshold,
    [JsonStringEnumMemberName("fund")] Fund,
    [JsonStringEnumMemberName("penalty")] Penalty,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>Rate roles of taxonomy.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RateRole>))]
public enum RateRole
{
    [JsonStringEnumMemberName("rate")] Rate,
    [JsonStringEnumMemberName("rate_cap")] RateCap,
    [JsonStringEnumMemberName("threshold")] Threshold,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>Catalogue status of a policy version (taxonomy.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyStatus>))]
public enum PolicyStatus
{
    [JsonStringEnumMemberName("in_force")] InForce,
    [JsonStringEnumMemberName("not_yet_effective")] NotYetEffective,
    [JsonStringEnumMemberName("amended")] Amended,
    [JsonStringEnumMemberName("repealed")] Repealed,
    [JsonStringEnumMemberName("expired")] Expired,
}
