using System.Text.Json;

namespace PolicyIngest.Evaluation.Structure;

/// <summary>
/// Hand-written expectations for one document (corpus/gold/&lt;stem&gt;.structure.json): metadata, the list of
/// article labels (or outline paths when there are no 条), attachments, and for a compilation its cards.
/// A field left out of the gold file is not scored (its JsonElement stays Undefined); a field written as null must be null.
/// </summary>
public sealed record StructureGold
{
    public string? From { get; init; }
    public JsonElement Title { get; init; }
    public JsonElement NoticeTitle { get; init; }
    public JsonElement DocNumber { get; init; }
    public JsonElement Issuer { get; init; }
    public JsonElement Region { get; init; }
    public JsonElement IssuedOn { get; init; }
    public JsonElement EffectiveFrom { get; init; }
    public JsonElement ExpiresOn { get; init; }
    public JsonElement DocType { get; init; }
    public JsonElement Interprets { get; init; }
    public IReadOnlyList<GoldRef>? Repeals { get; init; }
    public IReadOnlyList<GoldRef>? References { get; init; }
    /// <summary>Article labels (第一条…) or, for outline documents, clause paths joined by / (二/（八）).</summary>
    public IReadOnlyList<string>? Labels { get; init; }
    public IReadOnlyList<StructureGold>? Parts { get; init; }
    /// <summary>For a compilation: how many cards it holds.</summary>
    public int? CardCount { get; init; }
    /// <summary>For a compilation: some of its cards, each with its 0-based <see cref="Index"/>.</summary>
    public IReadOnlyList<StructureGold>? Cards { get; init; }
    /// <summary>A card's 0-based position among the compilation's parts.</summary>
    public int? Index { get; init; }
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static StructureGold Load(string path) =>
        JsonSerializer.Deserialize<StructureGold>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty gold");
}

public sealed record GoldRef(string? Title, string? DocNumber);

