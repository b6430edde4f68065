using System.Text;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Text;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// Positioned lines → paragraphs. Pure: rows are formed from lines on one baseline (table cells become one row),
/// running headers, footers and page numbers are dropped, and lines are re-joined into paragraphs using geometry
/// (indent, short last line, vertical gap) plus structural markers (第X条, （一）…).
/// </summary>
public static partial class PdfLayoutAnalyzer
{
    /// <summary>A visual row: one or more lines on the same baseline.</summary>
    public sealed record Row(int Page, double XMin, double YMin, double XMax, double YMax, string Text, bool IsTableRow)
    {
        public double Height => YMax - YMin;

        /// <summary>The row's pieces of text separated by wide gaps (table cells, or parts of one cell), left to right.</summary>
        public IReadOnlyList<RowPiece> Pieces { get; init; } = [];
    }

    /// <summary>A run of words on one row with no wide gap inside: where a table cell's text starts and what it says.</summary>
    public sealed record RowPiece(double XMin, double XMax, string Text);

    /// <summary>Fraction of the page height at the top and bottom where running headers and footers live.</summary>
    private const double MarginBand = 0.12;

    public static IReadOnlyList<TextBlock> ToBlocks(IReadOnlyList<PdfPage> pages)
    {
        var rowsByPage = pages.Select(BuildRows).ToList();
        var furniture = RunningFurniture(pages, rowsByPage);
        var body = rowsByPage.Select((rows, i) => rows.Where(r => !furniture.Contains((i, r))).ToList()).ToList();
        // The page geometry (margins, em, line pitch) is measured on every printed row, wrapped cell lines included.
        return JoinParagraphs(MergeCellContinuations(body), body);
    }

    // ---- rows -------------------------------------------------------------------------------------------------

    public static List<Row> BuildRows(PdfPage page)
    {
        var lines = page.Lines.Where(l => l.Words.Count > 0).OrderBy(l => l.YMin).ThenBy(l => l.XMin).ToList();
        var rows = new List<Row>();
        var group = new List<PdfLine>();
        foreach (var line in lines)
        {
            if (group.Count > 0 && !SameBaseline(group, line)) { rows.Add(MakeRow(page, group)); group = []; }
            group.Add(line);
        }
        if (group.Count > 0) rows.Add(MakeRow(page, group));
        return rows;
    }

    private static bool SameBaseline(List<PdfLine> group, PdfLine line)
    {
        var top = group.Min(l => l.YMin);
        var bottom = group.Max(l => l.YMax);
        var overlap = Math.Min(bottom, line.YMax) - Math.Max(top, line.YMin);
        return overlap > 0.5 * Math.Min(bottom - top, line.Height);
    }

    private static Row MakeRow(PdfPage page, List<PdfLine> group)
    {
        // A line lying mostly over a wider one on the same baseline is the same text twice (OCR layout duplicates,
        // overprinted "fake bold"): only the wider one is kept.
        var kept = new List<PdfLine>();
        foreach (var line in group.OrderByDescending(l => l.XMax - l.XMin))
        {
            var width = Math.Max(line.XMax - line.XMin, 0.01);
            if (kept.All(k => Math.Min(k.XMax, line.XMax) - Math.Max(k.XMin, line.XMin) < 0.5 * width)) kept.Add(line);
        }
        var segments = kept.OrderBy(l => l.XMin).ToList();
        var height = segments.Max(l => l.Height);
        var text = new StringBuilder();
        var cells = 1;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = LineText(segments[i], page.Ocr);
            if (i > 0)
            {
                var gap = segments[i].XMin - segments[i - 1].XMax;
                if (gap > 1.5 * height) { cells++; text.Append(' '); }
                else if (gap > 0.2 * height) text.Append(' ');
            }
            text.Append(segment);
        }
        var joined = CjkText.RemoveSpacesAroundCjk(text.ToString().Trim(), alsoBetweenCjk: page.Ocr && cells == 1);
        return new Row(page.Number, segments.Min(l => l.XMin), segments.Min(l => l.YMin), segments.Max(l => l.XMax), segments.Max(l => l.YMax),
            joined, cells > 1) { Pieces = Pieces(segments, height, page.Ocr) };
    }

    /// <summary>A gap wider than this share of the row height splits a row into pieces: wider than any word space
    /// (≤ 0.33 em ≈ 0.25 of the height), narrower than the padding between two table cells.</summary>
    private const double PieceGap = 0.5;

    private static List<RowPiece> Pieces(List<PdfLine> segments, double height, bool ocr)
    {
        var pieces = new List<RowPiece>();
        var words = new List<PdfWord>();
        void Flush()
        {
            if (words.Count == 0) return;
            var line = new PdfLine(words[0].XMin, 0, words[^1].XMax, height, words.ToList());
            pieces.Add(new RowPiece(words[0].XMin, words.Max(w => w.XMax), LineText(line, ocr)));
            words.Clear();
        }
        foreach (var word in segments.SelectMany(l => l.Words))
        {
            if (words.Count > 0 && word.XMin - words[^1].XMax > PieceGap * height) Flush();
            words.Add(word);
        }
        Flush();
        return pieces;
    }

    // ---- table cells whose text wraps ---------------------------------------------------------------------------

    /// <summary>A wrapped line lies this close (share of the row height) to where a cell's text starts.</summary>
    private const double CellAlignment = 0.25;
    /// <summary>A wrapped line sits below its row by less than this share of the table's row pitch: inside a cell the
    /// lines are one line pitch apart, from one row to the next the cell padding is added.</summary>
    private const double WrapPitchShare = 0.92;

    /// <summary>
    /// A table cell whose text wraps leaves its second line alone on the next row, under the cell (资金支持、政策支 / 持):
    /// read row by row it would land after the whole row. Such a line — every piece of it starting where a cell of the
    /// table row above starts (never the first cell: body text starts there too), closer below that row than the table's
    /// row pitch — is put back at the end of its cell. Tables without a measurable row pitch are left alone.
    /// </summary>
    public static List<List<Row>> MergeCellContinuations(IReadOnlyList<List<Row>> rowsByPage)
    {
        var pitches = new List<double>();
        foreach (var rows in rowsByPage)
            for (var i = 1; i < rows.Count; i++)
                if (rows[i].IsTableRow && rows[i - 1].IsTableRow && rows[i].YMin > rows[i - 1].YMin) pitches.Add(rows[i].YMin - rows[i - 1].YMin);
        if (pitches.Count == 0) return rowsByPage.Select(r => r.ToList()).ToList();
        var pitch = Median(pitches);

        var result = new List<List<Row>>(rowsByPage.Count);
        foreach (var rows in rowsByPage)
        {
            var merged = new List<Row>(rows.Count);
            double lastLineTop = 0;
            foreach (var row in rows)
            {
                if (merged.Count > 0 && merged[^1] is { IsTableRow: true } table && Continues(table, lastLineTop, row, pitch) is { } pieces)
                {
                    merged[^1] = table with
                    {
                        YMax = Math.Max(table.YMax, row.YMax),
                        Text = CjkText.RemoveSpacesAroundCjk(string.Join(" ", pieces.Select(p => p.Text))),
                        Pieces = pieces,
                    };
                    lastLineTop = row.YMin;
                    continue;
                }
                merged.Add(row);
                lastLineTop = row.YMin;
            }
            result.Add(merged);
        }
        return result;
    }

    /// <summary>The table row's pieces with the wrapped line's pieces added to the cells they continue; null when the line does not continue the row.</summary>
    private static List<RowPiece>? Continues(Row table, double lastLineTop, Row row, double pitch)
    {
        if (row.Page != table.Page || row.Pieces.Count == 0 || table.Pieces.Count < 2) return null;
        if (row.YMin <= lastLineTop || row.YMin - lastLineTop >= WrapPitchShare * pitch) return null;
        var tolerance = CellAlignment * table.Height;
        var pieces = table.Pieces.ToList();
        foreach (var piece in row.Pieces)
        {
            var cell = pieces.FindIndex(p => Math.Abs(p.XMin - piece.XMin) <= tolerance);
            if (cell <= 0) return null; // not under a cell, or under the first one
            pieces[cell] = pieces[cell] with { XMax = Math.Max(pieces[cell].XMax, piece.XMax), Text = CjkText.JoinLines(pieces[cell].Text, piece.Text) };
        }
        return pieces;
    }

    /// <summary>Words joined with a space only where there is a visible gap (a tenth of the line height) between them.</summary>
    private static string LineText(PdfLine line, bool ocr)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < line.Words.Count; i++)
        {
            if (i > 0 && line.Words[i].XMin - line.Words[i - 1].XMax > 0.1 * line.Height) sb.Append(' ');
            sb.Append(line.Words[i].Text);
        }
        var text = CjkText.RemoveSpacesAroundCjk(CjkText.MapKangxiRadicals(sb.ToString()), alsoBetweenCjk: ocr);
        return ocr ? CjkText.FullWidthPunctuationForOcr(text) : text;
    }

    // ---- headers, footers, page numbers -----------------------------------------------------------------------

    [GeneratedRegex(@"^([-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*|第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[-—–\s]*[IVXLivxl]{1,6}[-—–\s]*|Page\s*\d+(\s*of\s*\d+)?)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>Rows in the top or bottom band that are page numbers, or whose text (digits ignored) recurs on many pages.</summary>
    public static HashSet<(int PageIndex, Row Row)> RunningFurniture(IReadOnlyList<PdfPage> pages, IReadOnlyList<List<Row>> rowsByPage)
    {
        var candidates = new List<(int PageIndex, Row Row, string Key, bool Top)>();
        for (var p = 0; p < pages.Count; p++)
        {
            var rows = rowsByPage[p];
            var height = pages[p].Height;
            if (rows.Count == 0 || height <= 0) continue;
            foreach (var row in rows.Take(2).Where(r => r.YMax < height * MarginBand))
                candidates.Add((p, row, Key(row.Text), true));
            foreach (var row in rows.TakeLast(2).Where(r => r.YMin > height * (1 - MarginBand)))
                candidates.Add((p, row, Key(row.Text), false));
        }
        var pagesWithText = rowsByPage.Count(r => r.Count > 0);
        var needed = Math.Max(2, (int)Math.Ceiling(pagesWithText * 0.4));
        var recurring = candidates.GroupBy(c => (c.Key, c.Top))
            .Where(g => g.Select(c => c.PageIndex).Distinct().Count() >= needed)
            .Select(g => g.Key)
            .ToHashSet();
        return candidates
            .Where(c => PageNumber().IsMatch(c.Row.Text.Trim()) || (pagesWithText >= 2 && recurring.Contains((c.Key, c.Top))))
            .Select(c => (c.PageIndex, c.Row))
            .ToHashSet();
    }

    private static string Key(string text) => Digits().Replace(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), "#");

    // ---- paragraphs -------------------------------------------------------------------------------------------

    [GeneratedRegex(@"^(第[一二三四五六七八九十百零〇\d]+[章节条编部]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,3}[．.、](?!\d)|附件|[①-⑳㈠-㈩])")]
    private static partial Regex StructuralStart();

    [GeneratedRegex(@"[。！？；：:!?;”）)]$")]
    private static partial Regex SentenceEnd();

    private sealed record PageGeometry(double Left, double Right, double Em, double Pitch);

    /// <param name="rowsByPage">the rows to join, page by page</param>
    /// <param name="geometryRowsByPage">the rows each page's geometry is measured on (default: <paramref name="rowsByPage"/>)</param>
    public static List<TextBlock> JoinParagraphs(IReadOnlyList<List<Row>> rowsByPage, IReadOnlyList<List<Row>>? geometryRowsByPage = null)
    {
        geometryRowsByPage ??= rowsByPage;
        var all = geometryRowsByPage.SelectMany(r => r).ToList();
        if (all.Count == 0) return [];
        var documentGeometry = Geometry(all, null);
        var blocks = new List<TextBlock>();
        StringBuilder? current = null;
        Row? previous = null;
        PageGeometry? previousGeometry = null;
        var currentPage = 0;
        var currentKind = TextBlockKind.Paragraph;
        var tableRows = new List<Row?>();   // the row behind each block, for table rows
        Row? currentRow = null;

        void Flush()
        {
            if (current is { Length: > 0 })
            {
                blocks.Add(new TextBlock(current.ToString().Trim(), currentPage, currentKind));
                tableRows.Add(currentKind == TextBlockKind.TableRow ? currentRow : null);
            }
            current = null;
        }

        for (var p = 0; p < rowsByPage.Count; p++)
        {
            var rows = rowsByPage[p];
            var measured = geometryRowsByPage[p];
            var geometry = measured.Count >= 6 ? Geometry(measured, documentGeometry) : documentGeometry;
            foreach (var row in rows)
            {
                if (row.Text.Length == 0) continue;
                var breakBefore = previous is null || row.IsTableRow || previous.IsTableRow
                    || StartsParagraph(previous, previousGeometry!, row, geometry);
                if (breakBefore || current is null)
                {
                    Flush();
                    current = new StringBuilder(row.Text);
                    currentPage = row.Page;
                    currentKind = row.IsTableRow ? TextBlockKind.TableRow : TextBlockKind.Paragraph;
                    currentRow = row;
                }
                else
                {
                    var joined = CjkText.JoinLines(current.ToString(), row.Text);
                    current.Clear().Append(joined);
                }
                previous = row;
                previousGeometry = geometry;
            }
        }
        Flush();
        return AssignCells(blocks, tableRows);
    }

    /// <summary>
    /// Consecutive table rows form a table; its columns are where the rows' pieces start (starts closer than
    /// <see cref="ColumnTolerance"/> of the row height are one column), so an empty cell leaves its column empty.
    /// </summary>
    private static List<TextBlock> AssignCells(List<TextBlock> blocks, List<Row?> rows)
    {
        var table = 0;
        for (var i = 0; i < blocks.Count;)
        {
            if (rows[i] is null) { i++; continue; }
            var end = i;
            while (end < blocks.Count && rows[end] is not null) end++;
            if (end - i >= 2)
            {
                table++;
                var run = rows.Skip(i).Take(end - i).Select(r => r!).ToList();
                var tolerance = ColumnTolerance * run.Average(r => r.Height);
                var starts = new List<double>();
                foreach (var x in run.SelectMany(r => r.Pieces).Select(p => p.XMin).Order())
                    if (starts.Count == 0 || x - starts[^1] > tolerance) starts.Add(x);
                for (var k = i; k < end; k++)
                {
                    var cells = new string[starts.Count];
                    Array.Fill(cells, "");
                    foreach (var piece in rows[k]!.Pieces)
                    {
                        var column = starts.FindLastIndex(x => x <= piece.XMin + tolerance);
                        column = Math.Max(column, 0);
                        cells[column] = cells[column].Length == 0 ? piece.Text : $"{cells[column]} {piece.Text}";
                    }
                    blocks[k] = blocks[k] with { Cells = cells, Table = table };
                }
            }
            i = end;
        }
        return blocks;
    }

    /// <summary>Cell starts this close (in row heights) are one column.</summary>
    private const double ColumnTolerance = 1.0;

    private static bool StartsParagraph(Row previous, PageGeometry pg, Row row, PageGeometry g)
    {
        if (StructuralStart().IsMatch(row.Text)) return true;
        var previousFull = pg.Right - previous.XMax < 1.2 * pg.Em && !SentenceEnd().IsMatch(previous.Text);
        var sameBlock = previous.Page != row.Page || row.YMin - previous.YMin <= g.Pitch * 1.15 + 1;
        if (previousFull && sameBlock) return false;                          // a full line that ends mid-sentence goes on (centred titles too)
        if (row.XMin > g.Left + 0.8 * g.Em) return true;                     // first-line indent, centred heading
        // The previous line stopped short: a paragraph's last line. Line-breaking rules (no line may start with ，or end
        // with “) can leave a full line up to ~3 characters short, so a small gap counts only after closing punctuation.
        var shortBy = (pg.Right - previous.XMax) / pg.Em;
        if (shortBy > 3.5 || (shortBy > 1.2 && SentenceEnd().IsMatch(previous.Text))) return true;
        if (previous.XMin > pg.Left + 0.8 * pg.Em && previous.XMax < pg.Right - 0.8 * pg.Em && SentenceEnd().IsMatch(previous.Text)) return true;
        if (previous.Page == row.Page && row.YMin - previous.YMin > g.Pitch * 1.15 + 1) return true; // paragraph spacing
        return false;
    }

    private static PageGeometry Geometry(IReadOnlyList<Row> rows, PageGeometry? fallback)
    {
        var text = rows.Where(r => !r.IsTableRow).ToList();
        if (text.Count == 0) return fallback ?? new PageGeometry(0, double.MaxValue, 12, 20);
        var em = Median(text.Select(r => r.Height)) / 1.3;
        if (em <= 0) em = fallback?.Em ?? 12;
        // The body's left edge: the most common start (continuation lines start there; first lines are indented).
        var left = text.GroupBy(r => Math.Round(r.XMin / 2) * 2).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var right = Percentile(text.Select(r => r.XMax), 0.9);
        var pitches = new List<double>();
        for (var i = 1; i < text.Count; i++)
        {
            var d = text[i].YMin - text[i - 1].YMin;
            if (text[i].Page == text[i - 1].Page && d > 0) pitches.Add(d);
        }
        // Line pitch inside a paragraph: a low percentile, and never above the document's (a page of one-line
        // paragraphs has only paragraph pitches).
        var pitch = pitches.Count >= 3 ? Percentile(pitches, 0.25) : fallback?.Pitch ?? em * 1.8;
        if (fallback is not null) pitch = Math.Min(pitch, fallback.Pitch);
        return new PageGeometry(left, right, em, pitch);
    }

    private static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        return sorted[(int)Math.Clamp(Math.Round(p * (sorted.Count - 1)), 0, sorted.Count - 1)];
    }
}
