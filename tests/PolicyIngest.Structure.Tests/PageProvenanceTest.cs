using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Tests;

/// <summary>The reader's page records (number, engine) reach the PolicyDocument whichever parser builds it.</summary>
public class PageProvenanceTest
{
    private static readonly IReadOnlyList<PageInfo> Pages = [new(1, PageEngines.PdfPig), new(2, PageEngines.Poppler), new(3, PageEngines.Ocr)];

    private static PolicyDocument Parse(string text) =>
        new PolicyStructureParser().Parse(SharedFiles.FromText(text) with { Format = SourceFormat.Pdf, PageCount = 3, Pages = Pages },
            new DocumentIdentity("a.pdf", new string('0', 64)));

    [Fact]
    public void PolicyDocument_CarriesThePages()
    {
        var document = Parse("北京市怀柔区促进产业发展扶持办法\n第一条 为了促进产业发展，制定本办法。\n第二条 本办法自印发之日起施行。");
        Assert.Equal(Pages, document.Pages);
        Assert.Equal(3, document.PageCount);
    }

    [Fact]
    public void ParagraphFallback_CarriesThePages()
    {
        // why: no 章/条 structure: the paragraph parser builds the document
        var document = Parse("会议纪要\n与会人员讨论了园区建设进度。\n下一步继续推进。");
        Assert.Contains(document.Warnings, w => w.StartsWith("structure: read as plain paragraphs", StringComparison.Ordinal));
        Assert.Equal(Pages, document.Pages);
    }

    [Fact]
    public void Compilation_CarriesThePages()
    {
        var text = SharedFiles.Read(SharedFiles.Path_("seeds/002_cca9f5f056f4d656.txt")) with { Format = SourceFormat.Pdf, Pages = Pages };
        var document = new PolicyStructureParser().Parse(text, new DocumentIdentity("guide.pdf", new string('0', 64)));
        Assert.Equal(DocType.Compilation, document.DocType);
        Assert.Equal(Pages, document.Pages);
    }

    [Fact]
    public void TextWithoutPages_HasNone() => Assert.Empty(SharedFiles.Parse("第一条 为了促进产业发展，制定本办法。").Pages);
}
