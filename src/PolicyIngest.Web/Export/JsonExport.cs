using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core;

namespace PolicyIngest.Web.Export;

/// <summary>The export as one JSON document, streamed row by row; money as exact decimals.</summary>
internal static class JsonExport
{
    public static void Write(Stream output, ExportOptions options, IEnumerable<VersionStatusRow> policies,
        IEnumerable<AmountExportRow> amounts, IEnumerable<ClauseExportRow> clauses)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("asOf", options.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("scope", options.Scope == VersionScope.All ? "all" : "current");
        Table(json, ExportTables.Policies, ExportTables.PolicyColumns, policies);
        Table(json, ExportTables.Amounts, ExportTables.AmountColumns, amounts);
        Table(json, ExportTables.Clauses, ExportTables.ClauseColumns, clauses);
        json.WriteEndObject();
    }

    private static void Table<T>(Utf8JsonWriter json, string name, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.JsonName);
                switch (column.Value(row))
                {
                    case null: json.WriteNullValue(); break;
                    case decimal d: json.WriteRawValue(DecimalText.Canonical(d), skipInputValidation: true); break;
                    case int i: json.WriteNumberValue(i); break;
                    case double x: json.WriteNumberValue(x); break;
                    case IEnumerable<string> many:
                        json.WriteStartArray();
                        foreach (var item in many) json.WriteStringValue(item);
                        json.WriteEndArray();
                        break;
                    case var other: json.WriteStringValue(ExportTables.CellText(other)); break;
                }
            }
            json.WriteEndObject();
            json.Flush();
        }
        json.WriteEndArray();
    }
}
