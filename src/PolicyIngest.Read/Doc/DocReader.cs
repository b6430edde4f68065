using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Docx;
using PolicyIngest.Read.Tools;

namespace PolicyIngest.Read.Doc;

/// <summary>
/// Word 97 (.doc): LibreOffice headless converts it to .docx (its own profile directory per call, a timeout,
/// everything in a scratch directory removed after), then the .docx reader reads it.
/// </summary>
public sealed class DocReader(DocxReader docx) : IDocumentReader
{
    public DocReader() : this(new DocxReader()) { }

    public SourceFormat Format => SourceFormat.Doc;

    public ExtractedText Read(byte[] bytes, string source, ReadOptions options, CancellationToken cancellationToken = default)
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.File("input.doc");
        File.WriteAllBytes(input, bytes);
        var outDir = Directory.CreateDirectory(scratch.File("out")).FullName;
        var profile = Directory.CreateDirectory(scratch.File("profile")).FullName;
        var result = ExternalTool.Run("soffice",
            [$"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--nolockcheck",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir, input],
            options.ToolTimeout, "libreoffice-writer", cancellationToken: cancellationToken);
        var converted = Path.Combine(outDir, "input.docx");
        if (result.ExitCode != 0 || !File.Exists(converted))
        {
            var detail = (result.StdErr + " " + result.StdOut).Trim();
            throw new UnreadableDocumentException(detail.Contains("Error", StringComparison.OrdinalIgnoreCase) || !File.Exists(converted)
                ? "LibreOffice could not convert the Word 97 file (damaged, encrypted or not a .doc)"
                : $"LibreOffice failed on the Word 97 file: {detail.Split('\n')[0]}");
        }
        var text = docx.Read(File.ReadAllBytes(converted), source, options, cancellationToken);
        return text with { Format = Format };
    }
}
