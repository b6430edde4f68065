namespace PolicyIngest.Core.Model;

/// <summary>
/// One input file as a structured record: the contract of ../shared/spec/document.schema.json.
/// Parts (attachments, compilation cards) are PolicyDocuments of their own.
/// </summary>
public sealed record PolicyDocument
{
    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public required SourceFormat Format { get; init; }
    public required DocType DocType { get; init; }
    public required string Title { get; init; }
    public string? NoticeTitle { get; init; }
    public string? DocNumber { get; init; }
    /// <summary>发文机构 as one string (joint issuers run together, as printed without separators).</summary>
    public string? Issuer { get; init; }
    /// <summary>Every issuing agency of a joint document (联合发文), in the order printed; one entry for a single issuer.</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public string? Region { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>The rule and sentence behind effectiveFrom/expiresOn, 试行, and changes made to other policies' validity.</summary>
    public Validity Validity { get; init; } = Validity.None;
    public string? Interprets { get; init; }
    public IReadOnlyList<DocRef> Repeals { get; init; } = [];
    public IReadOnlyList<DocRef> References { get; init; } = [];
    public IReadOnlyList<PolicyDocument> Parts { get; init; } = [];
    public required IReadOnlyList<Clause> Clauses { get; init; }
    /// <summary>Tables as rows and cells (the clauses keep each row's text as well, so search and diff see them).</summary>
    public IReadOnlyList<PolicyTable> Tables { get; init; } = [];
    public IReadOnlyList<MonetaryAmount> Amounts { get; init; } = [];
    public IReadOnlyList<Rate> Rates { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Extra named fields, e.g. a compilation card's 工具分类 and 服务对象.</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>Page count for paged formats (PDF), null otherwise.</summary>
    public int? PageCount { get; init; }

    /// <summary>Paged formats (PDF): each page with the engine that produced its text (pdfpig, poppler, ocr);
    /// an addition to document.schema.json. Empty for other formats.</summary>
    public IReadOnlyList<PageInfo> Pages { get; init; } = [];
}

/// <summary>A document cited or repealed by another: 《X办法》（昌政办发〔2024〕5号）.</summary>
public sealed record DocRef(string? Title, string? DocNumber, string Text);
