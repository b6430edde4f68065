using System.Text;

namespace PolicyIngest.Web.Export;

/// <summary>RFC 4180 csv, UTF-8 with a byte-order mark, CRLF line ends.</summary>
public static class CsvExport
{
    internal static void Write<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        writer.WriteLine(string.Join(",", columns.Select(c => Field(c.Header, isText: true))));
        foreach (var row in rows)
            writer.WriteLine(string.Join(",", columns.Select(c =>
            {
                var value = c.Value(row);
                return Field(ExportTables.CellText(value), isText: value is string);
            })));
    }

    /// <summary>Quotes when needed; text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.</summary>
    public static string Field(string text, bool isText)
    {
        if (isText && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
