namespace PolicyIngest.Core.Model;

/// <summary>
/// A table of the document as rows of cells (a spanned cell repeated in every row and column it covers), the page it
/// starts on and its caption (the short line printed just above it, e.g. 单位：元/天·平方米), when there is one.
/// </summary>
public sealed record PolicyTable(int Number, int? Page, string? Caption, IReadOnlyList<IReadOnlyList<string>> Rows);
