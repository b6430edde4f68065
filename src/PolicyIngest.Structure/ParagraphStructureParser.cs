using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure;

/// <summary>
/// The fallback structure: every block becomes a paragraph clause and the first block is the title.
/// Used for inputs the full parser cannot place (and as a named leniency switch), never silently.
/// </summary>
public sealed class ParagraphStructureParser : IStructureParser
{
    public PolicyDocument Parse(ExtractedText text, DocumentIdentity identity)
    {
        var clauses = text.Blocks
            .Select((b, i) => new Clause
            {
                Id = $"p{i + 1}",
                Kind = ClauseKind.Paragraph,
                Label = "",
                Path = [],
                Text = b.Text,
                Page = b.Page,
            })
            .ToList();
        return new PolicyDocument
        {
            Source = identity.Source,
            Sha256 = identity.Sha256,
            Format = text.Format,
            DocType = DocType.Other,
            Title = text.TitleHint ?? text.Blocks.FirstOrDefault()?.Text ?? "",
            Clauses = clauses,
            Warnings = [.. text.Warnings, "structure: read as plain paragraphs (no 章/条 tree recognised)"],
            PageCount = text.PageCount,
            Pages = text.Pages,
        };
    }
}
