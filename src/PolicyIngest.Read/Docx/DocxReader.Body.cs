using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Html;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyIngest.Read.Docx;

public sealed partial class DocxReader
{
    /// <summary>
    /// A 公文 版头 element on a line of its own (GB/T 9704-2012 7.2): 份号 (six digits), 密级 with its 保密期限 (机密★5年),
    /// 紧急程度 (特急, 加急); whitespace ignored, several on one line allowed.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:份号[:：]?)?\d{6}|(?:密级[:：]?)?(?:绝密|机密|秘密)(?:[★☆*][^★☆*]{0,8})?|(?:紧急程度[:：]?)?(?:特急|加急|特提|平急))+$")]
    private static partial Regex BanTouLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex AnySpace();

    /// <summary>Walks a document body (and the headers and altChunks it leads to) into blocks.</summary>
    private sealed class BodyWalker(DocxReader reader, MainDocumentPart main, ListNumbering numbering, ReadOptions options, int depth,
        CancellationToken cancellationToken)
    {
        public List<string> Warnings { get; } = [];
        /// <summary>The &lt;title&gt; of the first HTML altChunk that has one.</summary>
        public string? ChunkTitle { get; private set; }

        public void AddBlock(OpenXmlElement element, List<TextBlock> blocks) => AddBlock(element, numbering, blocks);

        private void AddBlock(OpenXmlElement element, ListNumbering? listNumbering, List<TextBlock> blocks)
        {
            switch (element)
            {
                case W.Paragraph p:
                    var text = ParagraphText(p, listNumbering);
                    if (text.Length > 0) blocks.Add(new TextBlock(text));
                    foreach (var box in TextBoxes(p))
                        foreach (var child in box.ChildElements) AddBlock(child, listNumbering, blocks);
                    break;
                case W.Table t:
                {
                    // The grid: a cell spanning columns (gridSpan) repeats in each, one merged down (vMerge) repeats the
                    // text above it; the block's text keeps each cell once, as printed.
                    var number = (blocks.LastOrDefault(b => b.Table is not null)?.Table ?? 0) + 1;
                    List<string>? above = null;
                    foreach (var row in t.Elements<W.TableRow>())
                    {
                        var own = new List<string>();
                        var grid = new List<string>();
                        foreach (var cell in row.Elements<W.TableCell>())
                        {
                            var props = cell.TableCellProperties;
                            var span = Math.Clamp(props?.GridSpan?.Val?.Value ?? 1, 1, 50);
                            var continues = props?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == W.MergedCellValues.Continue);
                            var cellText = continues ? "" : CellText(cell, listNumbering);
                            if (continues && above is not null && grid.Count < above.Count) cellText = above[grid.Count];
                            else own.Add(cellText);
                            for (var k = 0; k < span; k++) grid.Add(cellText);
                        }
                        above = grid;
                        var joined = string.Join(" ", own.Where(x => x.Length > 0));
                        if (joined.Length > 0) blocks.Add(new TextBlock(joined, Kind: TextBlockKind.TableRow, Cells: grid, Table: number));
                    }
                    break;
                }
                case W.SdtBlock sdt:
                    foreach (var child in sdt.SdtContentBlock?.ChildElements ?? (IEnumerable<OpenXmlElement>)[]) AddBlock(child, listNumbering, blocks);
                    break;
                case W.CustomXmlBlock or W.InsertedRun:
                    foreach (var child in element.ChildElements) AddBlock(child, listNumbering, blocks);
                    break;
                case W.AltChunk chunk:
                    AddAltChunk(chunk, blocks);
                    break;
            }
        }

        private string CellText(W.TableCell cell, ListNumbering? listNumbering)
        {
            var inner = new List<TextBlock>();
            foreach (var child in cell.ChildElements) AddBlock(child, listNumbering, inner);
            return string.Join(" ", inner.Select(b => b.Text));
        }

        // ---- text boxes ----------------------------------------------------------------------------------------

        /// <summary>
        /// The text boxes anchored in an element, in order: of an <c>mc:AlternateContent</c> only its first branch (the
        /// DrawingML Choice; the VML Fallback repeats the same shape), WordArt left out, nested boxes read with their box.
        /// </summary>
        private static IEnumerable<W.TextBoxContent> TextBoxes(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case W.TextBoxContent box:
                        if (!IsWordArt(box)) yield return box;
                        break;
                    case AlternateContent alternate:
                        var branch = (OpenXmlElement?)alternate.ChildElements.OfType<AlternateContentChoice>().FirstOrDefault()
                                     ?? alternate.ChildElements.OfType<AlternateContentFallback>().FirstOrDefault();
                        if (branch is not null) foreach (var box in TextBoxes(branch)) yield return box;
                        break;
                    case W.DeletedRun or W.MoveFromRun:
                        break;
                    default:
                        foreach (var box in TextBoxes(child)) yield return box;
                        break;
                }
            }
        }

        /// <summary>WordArt: its shape's body properties say <c>fromWordArt</c> or warp the text (an arched seal), or a VML text path.</summary>
        private static bool IsWordArt(W.TextBoxContent box)
        {
            var shape = box.Ancestors().FirstOrDefault(a => a.LocalName is "wsp" or "shape");
            if (shape is null) return false;
            return shape.ChildElements.Any(c => c.LocalName == "textpath")
                   || shape.ChildElements.Where(c => c.LocalName == "bodyPr").Any(bodyPr =>
                       bodyPr.GetAttributes().Any(a => a.LocalName == "fromWordArt" && a.Value is "1" or "true" or "on")
                       || bodyPr.Descendants().Any(d => d.LocalName == "prstTxWarp"));
        }

        // ---- the first page's header ----------------------------------------------------------------------------

        /// <summary>
        /// The header printed on the first page (the first section's <c>first</c> header when it has a distinct title
        /// page, else its <c>default</c> one) when every line of it is a 版头 element; nothing otherwise. A running header
        /// (a title, an agency, a page number, anything else) fails that test and stays out.
        /// </summary>
        public IReadOnlyList<TextBlock> FirstPageHeaderBanTou(W.Body body)
        {
            var section = body.Descendants<W.SectionProperties>().FirstOrDefault();
            if (section is null) return [];
            var titlePage = section.GetFirstChild<W.TitlePage>() is { } tp && (tp.Val is null || tp.Val.Value);
            var wanted = titlePage ? W.HeaderFooterValues.First : W.HeaderFooterValues.Default;
            var reference = section.Elements<W.HeaderReference>().FirstOrDefault(r => (r.Type?.Value ?? W.HeaderFooterValues.Default) == wanted);
            if (reference?.Id?.Value is not { } id || !main.TryGetPartById(id, out var part) || part is not HeaderPart { Header: { } header })
                return [];
            var blocks = new List<TextBlock>();
            foreach (var element in header.ChildElements) AddBlock(element, null, blocks); // headers do not advance the body's list counters
            return blocks.Count > 0 && blocks.All(b => BanTouLine().IsMatch(AnySpace().Replace(b.Text, ""))) ? blocks : [];
        }

        // ---- altChunk -------------------------------------------------------------------------------------------

        /// <summary>An imported chunk read in place: MHTML or HTML through AngleSharp, plain text by line, a .docx by this reader.</summary>
        private void AddAltChunk(W.AltChunk chunk, List<TextBlock> blocks)
        {
            if (chunk.Id?.Value is not { } id || !main.TryGetPartById(id, out var part))
            {
                Warnings.Add("an altChunk names a part the package does not have: skipped");
                return;
            }
            var bytes = ReadPart(part);
            var contentType = part.ContentType.ToLowerInvariant();
            if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
            {
                if (depth + 1 > MaxNesting)
                {
                    Warnings.Add($"an altChunk .docx nested deeper than {MaxNesting} levels: skipped");
                    return;
                }
                var inner = reader.Read(bytes, options, depth + 1, cancellationToken);
                blocks.AddRange(inner.Blocks);
                Warnings.AddRange(inner.Warnings);
                return;
            }
            if (bytes.AsSpan().StartsWith("{\\rtf"u8))
            {
                Warnings.Add("an altChunk in RTF was not read");
                return;
            }
            string? html = null;
            if (Mhtml.LooksLikeMime(bytes) || contentType.Contains("rfc822") || contentType.Contains("multipart"))
            {
                html = Mhtml.Html(bytes);
                if (html is null)
                {
                    Warnings.Add("an altChunk MHTML part has no text/html part: skipped");
                    return;
                }
            }
            else if (contentType.Contains("html") || LooksLikeMarkup(bytes))
                html = HtmlDecoding.Decode(bytes, null, out _);
            if (html is not null)
            {
                var (chunkBlocks, title) = HtmlBlocks.FromHtml(html);
                blocks.AddRange(chunkBlocks);
                ChunkTitle ??= title;
                return;
            }
            var text = TextDecoding.Decode(bytes, out _);
            blocks.AddRange(text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new TextBlock(l)));
        }

        private static bool LooksLikeMarkup(byte[] bytes)
        {
            var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
            return head.StartsWith('<');
        }

        /// <summary>The part's bytes, refused past the zip-bomb limit (its name may not be one <see cref="CheckPackage"/> counted).</summary>
        private byte[] ReadPart(OpenXmlPart part)
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > options.MaxUncompressedBytes)
                    throw new UnreadableDocumentException($"unpacks to more than {options.MaxUncompressedBytes:N0} bytes (zip bomb guard)");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }
}
