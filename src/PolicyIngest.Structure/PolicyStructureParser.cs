using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure;

/// <summary>
/// The full structure parser: a compilation of policy cards is cut into cards; any other document is read as its
/// layers (header, notice, policy, attachments, closing lines) with the 编/章/节/条 and 一、（一）1.（1） tree.
/// When it recognises no structure at all it falls back to <see cref="ParagraphStructureParser"/>, which says so in a warning.
/// </summary>
public sealed class PolicyStructureParser : IStructureParser
{
    private readonly ParagraphStructureParser fallback = new();

    public PolicyDocument Parse(ExtractedText text, DocumentIdentity identity)
    {
        var document = PageFieldReconciler.Apply(ParseText(text, identity), text.PageFields);
        return document with { Tables = TableBuilder.From(text.Blocks) };
    }

    private PolicyDocument ParseText(ExtractedText text, DocumentIdentity identity)
    {
        if (CompilationParser.Recognise(text.Blocks)) return CompilationParser.Parse(text, identity);
        var lines = LogicalLines.Build(text.Blocks);
        var document = PolicyParser.Parse(lines, text.Format, identity, text.TitleHint);
        if (!PolicyParser.Recognised(document)) return fallback.Parse(text, identity);
        return document with { Warnings = [.. text.Warnings, .. document.Warnings], PageCount = text.PageCount, Pages = text.Pages };
    }
}
