using System.Text.Json;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Tests;

/// <summary>The page records in the JSON contract: "pages": [{"number": 1, "engine": "pdfpig"}, …], added beside the existing fields.</summary>
public class PageProvenanceJsonTest
{
    private static PolicyDocument Document(IReadOnlyList<PageInfo> pages) => new()
    {
        Source = "a.pdf", Sha256 = "00", Format = SourceFormat.Pdf, DocType = DocType.Policy, Title = "办法", Clauses = [],
        PageCount = pages.Count, Pages = pages,
    };

    [Fact]
    public void Pages_AreSerialisedWithNumberAndEngine()
    {
        var json = PolicyJson.Serialize(Document([new PageInfo(1, PageEngines.PdfPig), new PageInfo(2, PageEngines.Poppler), new PageInfo(3, PageEngines.Ocr)]), indented: false);
        Assert.Contains("\"pages\":[{\"number\":1,\"engine\":\"pdfpig\"},{\"number\":2,\"engine\":\"poppler\"},{\"number\":3,\"engine\":\"ocr\"}]", json);
        // the existing contract fields are still there, under their names
        using var parsed = JsonDocument.Parse(json);
        foreach (var field in new[] { "source", "sha256", "format", "docType", "title", "clauses", "amounts", "rates", "warnings", "pageCount" })
            Assert.True(parsed.RootElement.TryGetProperty(field, out _), field);
    }

    [Fact]
    public void Pages_RoundTrip()
    {
        var document = Document([new PageInfo(1, PageEngines.PdfPig), new PageInfo(2, PageEngines.Ocr)]);
        var back = PolicyJson.Deserialize<PolicyDocument>(PolicyJson.Serialize(document))!;
        Assert.Equal(document.Pages, back.Pages);
    }

    [Fact]
    public void NonPagedDocument_HasAnEmptyPageList()
    {
        Assert.Contains("\"pages\":[]", PolicyJson.Serialize(Document([]) with { Format = SourceFormat.Docx, PageCount = null }, indented: false));
    }
}
