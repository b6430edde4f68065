using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;
using PolicyIngest.Catalogue.Reads;

namespace PolicyIngest.Web.Export;

/// <summary>
/// The xlsx workbook (NPOI XSSF). NPOI's streaming SXSSF needs SharpZipLib 1.0's ZipFile(string), which the 1.4 served
/// here no longer has, so the workbook is built in memory.
/// </summary>
public static class XlsxExport
{
    // Excel refuses longer cell text.
    private const int MaxCellChars = 32_767;
    private const string Truncated = "…（超出单元格长度，已截断）";

    internal static void Write(Stream output, IEnumerable<VersionStatusRow> policies, IEnumerable<AmountExportRow> amounts,
        IEnumerable<ClauseExportRow> clauses)
    {
        var workbook = new XSSFWorkbook();
        try
        {
            var styles = new Styles(workbook);
            Sheet(workbook, styles, ExportTables.Policies, ExportTables.PolicyColumns, policies);
            Sheet(workbook, styles, ExportTables.Amounts, ExportTables.AmountColumns, amounts);
            Sheet(workbook, styles, ExportTables.Clauses, ExportTables.ClauseColumns, clauses);
            // NPOI closes the stream it writes to; keep the caller's open.
            workbook.Write(new KeepOpenStream(output));
        }
        finally
        {
            workbook.Close();
        }
    }

    /// <summary>A 政策匹配 result: the clauses met (as far as the profile tells) and those missed by one condition.</summary>
    public static void WriteMatches(Stream output, PolicyIngest.Ingest.Matching.MatchResult result)
    {
        var workbook = new XSSFWorkbook();
        try
        {
            var styles = new Styles(workbook);
            Sheet(workbook, styles, "可申报", MatchExport.Columns, result.Matches);
            Sheet(workbook, styles, "差一项", MatchExport.Columns, result.Almost);
            Sheet(workbook, styles, "可能适用", MatchExport.Columns, result.Possible);
            workbook.Write(new KeepOpenStream(output));
        }
        finally
        {
            workbook.Close();
        }
    }

    private static void Sheet<T>(IWorkbook workbook, Styles styles, string name, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        var sheet = workbook.CreateSheet(name);
        var header = sheet.CreateRow(0);
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = header.CreateCell(c);
            cell.SetCellValue(columns[c].Header);
            cell.CellStyle = styles.Header;
            sheet.SetColumnWidth(c, (int)(columns[c].Width * 256));
        }
        sheet.CreateFreezePane(0, 1);
        var r = 1;
        foreach (var row in rows)
        {
            var line = sheet.CreateRow(r++);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(row);
                if (value is null) continue;
                var cell = line.CreateCell(c);
                switch (value)
                {
                    case decimal d:
                        cell.SetCellValue((double)d);
                        cell.CellStyle = styles.Money;
                        break;
                    case int i:
                        cell.SetCellValue(i);
                        break;
                    case DateOnly date:
                        cell.SetCellValue(date.ToDateTime(TimeOnly.MinValue));
                        cell.CellStyle = styles.Date;
                        break;
                    default:
                        var text = ExportTables.CellText(value);
                        cell.SetCellValue(text.Length > MaxCellChars ? text[..(MaxCellChars - Truncated.Length)] + Truncated : text);
                        break;
                }
            }
        }
        sheet.SetAutoFilter(new CellRangeAddress(0, Math.Max(0, r - 1), 0, columns.Count - 1));
    }

    private sealed class Styles
    {
        public Styles(IWorkbook workbook)
        {
            var bold = workbook.CreateFont();
            bold.IsBold = true;
            Header = workbook.CreateCellStyle();
            Header.SetFont(bold);
            Header.FillForegroundColor = IndexedColors.Grey25Percent.Index;
            Header.FillPattern = FillPattern.SolidForeground;
            var format = workbook.CreateDataFormat();
            Money = workbook.CreateCellStyle();
            Money.DataFormat = format.GetFormat("#,##0.##");
            Date = workbook.CreateCellStyle();
            Date.DataFormat = format.GetFormat("yyyy-mm-dd");
        }

        public ICellStyle Header { get; }
        public ICellStyle Money { get; }
        public ICellStyle Date { get; }
    }

    private sealed class KeepOpenStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
