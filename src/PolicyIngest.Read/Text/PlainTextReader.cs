using PolicyIngest.Core;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Text;

/// <summary>Plain text in UTF-8, UTF-16 (with BOM), GB18030 or the charset its HTTP response declared: one block per non-empty line.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Txt;

    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default)
    {
        var text = TextDecoding.Decode(bytes, TextDecoding.ForCharsetName(options.HttpCharset), out _);
        var blocks = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => new TextBlock(l))
            .ToList();
        if (blocks.Count == 0) throw new UnreadableDocumentException("no text (the file holds only whitespace)");
        return new ExtractedText { Format = Format, Blocks = blocks };
    }
}
