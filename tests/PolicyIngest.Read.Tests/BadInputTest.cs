using System.IO.Compression;
using System.Text;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Tests;

/// <summary>Inputs that must be refused with one plain reason (or, for the mislabelled text, read as what they are).</summary>
public class BadInputTest
{
    private static readonly DocumentReaders Readers = DocumentReaders.CreateDefault();

    private static string Refused(byte[] bytes, ReadOptions? options = null)
    {
        var ex = Assert.Throws<UnreadableDocumentException>(() => Readers.Read(bytes, "input", options ?? ReadOptions.Default));
        Assert.DoesNotContain('\n', ex.Reason);
        Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        return ex.Reason;
    }

    [Fact]
    public void EmptyFile_IsRefused() => Assert.Equal("empty file", Refused([]));

    [Fact]
    public void RandomBytes_AreRefusedAsUnsupported()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x01;
        Assert.Contains("not a supported document format", Refused(bytes));
    }

    [Fact]
    public void TruncatedPdf_IsRefusedAsDamaged()
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf"));
        Assert.Contains("damaged or truncated", Refused(bytes[..(bytes.Length / 2)]));
    }

    [Fact]
    public void PdfHeaderFollowedByGarbage_IsRefused()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 2000));
        Assert.Contains("PDF", Refused(bytes));
    }

    [Fact]
    public void EncryptedPdf_IsRefusedWithThePasswordReason()
    {
        using var scratch = new TempDir("policyingest-read-test-");
        var encrypted = scratch.File("encrypted.pdf");
        Qpdf.Run("--encrypt", "user-secret", "owner-secret", "256", "--",
                     Corpus.PathOf("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf"), encrypted);
        Assert.Equal("the PDF is encrypted and needs a password to open", Refused(File.ReadAllBytes(encrypted)));
    }

    [Fact]
    public void DocxThatIsNotAZip_IsRefused()
    {
        var bytes = Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not really a zip archive, just its magic number" + new string('.', 500));
        Assert.Contains("not a valid zip archive", Refused(bytes));
    }

    [Fact]
    public void ZipWithoutWordDocument_IsRefused()
    {
        Assert.Contains("not a Word document", Refused(Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray()))));
        Assert.Contains("not a Word document", Refused(Zip(("hello.txt", "hi"u8.ToArray()))));
    }

    [Fact]
    public void ZipBombDocx_IsRefusedByTheUncompressedLimit()
    {
        // 64 MB of one repeated byte inflates from ~64 KB: over a 16 MB limit.
        var huge = new byte[64 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');
        var bomb = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", huge));
        Assert.True(bomb.Length < 1024 * 1024);
        var reason = Refused(bomb, ReadOptions.Default with { MaxUncompressedBytes = 16L * 1024 * 1024 });
        Assert.Contains("zip bomb guard", reason);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsRefusedBeforeParsing()
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.docx"));
        var reason = Refused(bytes, ReadOptions.Default with { MaxFileBytes = 1000 });
        Assert.Contains("over the 1,000-byte limit", reason);
    }

    [Fact]
    public void TextFileNamedPdf_IsReadAsText()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.SharedRoot, "seeds", "001_b6577d9982b2cb39.txt"));
        var text = Readers.Read(bytes, "interpretation.pdf", ReadOptions.Default);
        Assert.Equal(SourceFormat.Txt, text.Format);
        Assert.StartsWith("一、《怀柔区促进先进制造业", text.Blocks[0].Text);
    }

    [Fact]
    public void Gb18030TextWithoutBom_IsDecoded()
    {
        var bytes = TextDecoding.Gb18030.GetBytes("第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本区。");
        var text = Readers.Read(bytes, "gbk.txt", ReadOptions.Default);
        Assert.Equal(["第一条 为了规范管理，制定本办法。", "第二条 本办法适用于本区。"], text.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Utf16TextWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("第一条 总则")).ToArray();
        Assert.Equal("第一条 总则", Readers.Read(bytes, "utf16.txt", ReadOptions.Default).Blocks.Single().Text);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries) => TestPackages.Zip(entries);
}
