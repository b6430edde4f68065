using PolicyIngest.Core.Model;
using System.Globalization;
using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core;
using PolicyIngest.Web.Html;
using PolicyIngest.Web.Policies;

namespace PolicyIngest.Web.Export;

public enum ExportFormat { Xlsx, Csv, Json }

/// <summary>What an export covers: current versions (default) or every version; status as of a date.</summary>
public sealed record ExportOptions(DateOnly AsOf, VersionScope Scope = VersionScope.Current);

/// <summary>One column of an export table: its header (Chinese, as analysts read it), the JSON name, and how to read a cell.</summary>
public sealed record ExportColumn<T>(string Header, string JsonName, Func<T, object?> Value, double Width = 14);

/// <summary>
/// The three tables every export writes — policies, amounts, clauses — defined once, so xlsx, csv and json
/// (and the CLI and the web UI) all carry the same columns.
/// </summary>
public static class ExportTables
{
    public const string Policies = "policies";
    public const string Amounts = "amounts";
    public const string Clauses = "clauses";

    public static IReadOnlyList<string> Names { get; } = [Policies, Amounts, Clauses];

    public static readonly IReadOnlyList<ExportColumn<VersionStatusRow>> PolicyColumns =
    [
        new("政策ID", "policyId", v => v.PolicyId, 15),
        new("版本ID", "versionId", v => v.VersionId, 15),
        new("版本", "seq", v => v.Seq, 6),
        new("标题", "title", v => v.Title, 50),
        new("发文字号", "docNumber", v => v.DocNumber, 24),
        new("发文机构", "issuer", v => v.Issuer, 28),
        new("地区", "region", v => v.Region, 16),
        new("文种", "docType", v => v.DocType, 12),
        new("印发日期", "issuedOn", v => v.IssuedOn, 12),
        new("施行日期", "effectiveFrom", v => v.EffectiveFrom, 12),
        new("失效日期", "expiresOn", v => v.ExpiresOn, 12),
        new("状态", "status", v => v.Status, 12),
        new("状态名称", "statusName", v => Labels.Status(v.Status), 10),
        new("状态说明", "statusReason", StatusExplanation.For, 40),
        new("条款数", "clauses", v => v.ClauseCount, 8),
        new("金额数", "amounts", v => v.AmountCount, 8),
        new("格式", "format", v => v.Format, 8),
        new("来源", "source", v => v.Source, 40),
        new("SHA-256", "sha256", v => v.Sha256, 20),
        new("入库时间", "ingestedAt", v => v.IngestedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), 18),
    ];

    public static readonly IReadOnlyList<ExportColumn<AmountExportRow>> AmountColumns =
    [
        new("政策", "policy", a => a.PolicyTitle, 40),
        new("发文字号", "docNumber", a => a.DocNumber, 22),
        new("附件/卡片", "part", a => a.PartNo == 0 ? null : a.PartTitle, 24),
        new("条款", "article", a => a.Article, 12),
        new("金额（元）", "yuan", a => a.Yuan, 16),
        new("金额上限（元）", "yuanHigh", a => a.YuanHigh, 16),
        new("单位", "unit", a => a.Unit, 8),
        new("性质", "role", a => a.Role, 10),
        new("性质名称", "roleName", a => Labels.AmountRole(a.Role), 10),
        new("计量", "per", a => a.Per, 10),
        new("条件", "condition", a => a.Condition, 24),
        new("原文", "text", a => a.Text, 36),
        new("条款ID", "clauseId", a => a.ClauseId, 12),
        new("政策ID", "policyId", a => a.PolicyId, 15),
        new("版本ID", "versionId", a => a.VersionId, 15),
    ];

    public static readonly IReadOnlyList<ExportColumn<ClauseExportRow>> ClauseColumns =
    [
        new("政策", "policy", c => c.PolicyTitle, 36),
        new("发文字号", "docNumber", c => c.DocNumber, 22),
        new("附件/卡片", "part", c => c.PartNo == 0 ? null : c.PartTitle, 20),
        new("序号", "ord", c => c.Ord, 6),
        new("条款ID", "clauseId", c => c.ClauseId, 12),
        new("层级", "kind", c => c.Kind, 10),
        new("编号", "label", c => c.Label, 10),
        new("路径", "path", c => string.Join("/", c.Path), 16),
        new("标题", "heading", c => c.Heading, 20),
        new("正文", "text", c => c.Text, 80),
        new("页码", "page", c => c.Page, 6),
        new("类别", "category", c => c.Category, 10),
        new("类别名称", "categoryName", c => c.Category is null ? null : Labels.Category(c.Category), 10),
        new("支持方式", "instruments", c => c.Instruments, 16),
        new("行业", "industries", c => c.Industries, 16),
        new("最低置信度", "lowestConfidence", c => c.LowestConfidence is { } l ? Math.Round(l, 4) : null, 10),
        new(ClauseReview.Flag, "needsReview", c => c.NeedsReview ? ClauseReview.Flag : null, 8),
        new("政策ID", "policyId", c => c.PolicyId, 15),
        new("版本ID", "versionId", c => c.VersionId, 15),
    ];

    /// <summary>Cell text for csv and xlsx: dates ISO, decimals exact and without trailing zeros, lists joined by ';'.</summary>
    public static string CellText(object? value) => value switch
    {
        null => "",
        decimal d => DecimalText.Canonical(d),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> many => string.Join(";", many),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Writes the catalogue as xlsx, csv or json. The one export service the CLI's <c>export</c> and the web UI share.</summary>
public sealed class CatalogueExporter(CatalogueStore store)
{
    private CatalogueReader Reader => new(store);

    /// <summary>xlsx: one workbook with sheets policies, amounts, clauses.</summary>
    public void WriteXlsx(Stream output, ExportOptions options) =>
        XlsxExport.Write(output, Reader.Versions(options.AsOf, options.Scope), Reader.Amounts(options.Scope), Reader.Clauses(options.Scope));

    /// <summary>json: {"asOf", "scope", "policies": [...], "amounts": [...], "clauses": [...]} with the same columns as the sheets.</summary>
    public void WriteJson(Stream output, ExportOptions options) =>
        JsonExport.Write(output, options, Reader.Versions(options.AsOf, options.Scope), Reader.Amounts(options.Scope), Reader.Clauses(options.Scope));

    /// <summary>csv: one table (policies, amounts or clauses), UTF-8 with a byte-order mark so spreadsheet programs read Chinese.</summary>
    public void WriteCsv(Stream output, string table, ExportOptions options)
    {
        switch (table)
        {
            case ExportTables.Policies: CsvExport.Write(output, ExportTables.PolicyColumns, Reader.Versions(options.AsOf, options.Scope)); break;
            case ExportTables.Amounts: CsvExport.Write(output, ExportTables.AmountColumns, Reader.Amounts(options.Scope)); break;
            case ExportTables.Clauses: CsvExport.Write(output, ExportTables.ClauseColumns, Reader.Clauses(options.Scope)); break;
            default: throw new ArgumentException($"unknown table '{table}' (one of {string.Join(", ", ExportTables.Names)})", nameof(table));
        }
    }

    /// <summary>
    /// Writes <paramref name="outPath"/>: a file for xlsx and json; for csv a folder holding policies.csv, amounts.csv
    /// and clauses.csv, or a single file when <paramref name="table"/> is given. Each file is written to a temporary
    /// name and renamed, so a failed export never leaves a half-written file under the final name.
    /// </summary>
    public IReadOnlyList<string> WriteTo(string outPath, ExportFormat format, ExportOptions options, string? table = null)
    {
        if (format != ExportFormat.Csv || table is not null)
        {
            WriteAtomically(outPath, s =>
            {
                switch (format)
                {
                    case ExportFormat.Xlsx: WriteXlsx(s, options); break;
                    case ExportFormat.Json: WriteJson(s, options); break;
                    default: WriteCsv(s, table!, options); break;
                }
            });
            return [outPath];
        }
        Directory.CreateDirectory(outPath);
        var written = new List<string>();
        foreach (var name in ExportTables.Names)
        {
            var file = Path.Combine(outPath, name + ".csv");
            WriteAtomically(file, s => WriteCsv(s, name, options));
            written.Add(file);
        }
        return written;
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
