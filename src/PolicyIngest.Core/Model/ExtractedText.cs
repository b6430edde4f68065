namespace PolicyIngest.Core.Model;

/// <summary>What a reader hands to Structure: text blocks in reading order with provenance, nothing format-specific.</summary>
public sealed record ExtractedText
{
    public required SourceFormat Format { get; init; }
    public required IReadOnlyList<TextBlock> Blocks { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Links to attached files (PDF/OFD/DOC/DOCX/WPS) found in an HTML page, for the fetcher.</summary>
    public IReadOnlyList<AttachmentLink> Attachments { get; init; } = [];
    /// <summary>An HTML page's &lt;title&gt;, a DOCX core title: a hint only.</summary>
    public string? TitleHint { get; init; }
    public int? PageCount { get; init; }
    /// <summary>The metadata block of a portal page (索引号, 文号, 成文日期 …), as printed; empty for other formats.</summary>
    public IReadOnlyList<PageField> PageFields { get; init; } = [];
    /// <summary>Paged formats (PDF): every page with the engine that produced its text; empty for other formats.</summary>
    public IReadOnlyList<PageInfo> Pages { get; init; } = [];

    public string FullText => string.Join("\n", Blocks.Select(b => b.Text));
}

/// <summary>A paragraph (lines already re-joined) or a table row, with the 1-based page it starts on when known.</summary>
/// <remarks>A table row also carries its <see cref="Cells"/> (spanned cells repeated, so columns line up) and the
/// <see cref="Table"/> it belongs to (numbered from 1 in reading order) when the reader knows the table's grid.</remarks>
public sealed record TextBlock(string Text, int? Page = null, TextBlockKind Kind = TextBlockKind.Paragraph,
    IReadOnlyList<string>? Cells = null, int? Table = null);

public enum TextBlockKind { Paragraph, TableRow }

public sealed record AttachmentLink(string Url, string Text);

/// <summary>One page of a paged source and the engine that produced its text (<see cref="PageEngines"/>).</summary>
public sealed record PageInfo(int Number, string Engine);

/// <summary>The engine names a <see cref="PageInfo"/> carries: part of the JSON contract (<c>"pages": [{"number": 1, "engine": "pdfpig"}]</c>).</summary>
public static class PageEngines
{
    /// <summary>The PDF's text layer read in process by PdfPig.</summary>
    public const string PdfPig = "pdfpig";
    /// <summary>The PDF's text layer read by poppler's pdftotext.</summary>
    public const string Poppler = "poppler";
    /// <summary>The page rendered and recognised by tesseract.</summary>
    public const string Ocr = "ocr";
}
