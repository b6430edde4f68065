using System.CommandLine;
using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Consolidation;
using PolicyIngest.Track.Reports;
using PolicyIngest.Web.Export;
using PolicyIngest.Track;

namespace PolicyIngest.Cli.Commands;

public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "a policy id (p…) or a version id (v…)" };
        var asOf = AsOfOption.Create();
        var consolidated = new Option<bool>("--consolidated")
        {
            Description = "the 整理版: the version's text with a 编注 under each provision saying which revision last changed it and how",
        };
        var html = new Option<string?>("--html") { Description = "with --consolidated: write a self-contained HTML page (prints on A4) to OUT" };
        var docx = new Option<string?>("--docx") { Description = "with --consolidated: write a Word file (A4, notes in their own style) to OUT" };
        var command = new Command("show", "one policy: metadata, status, clause tree, amounts, versions and why they are linked");
        command.Arguments.Add(id);
        command.Options.Add(asOf);
        command.Options.Add(consolidated);
        command.Options.Add(html);
        command.Options.Add(docx);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            if (AsOfOption.Resolve(ctx, parse.GetValue(asOf)) is not { } date) return Task.FromResult(ExitCodes.Usage);
            var key = parse.GetValue(id)!;
            var (htmlPath, docxPath) = (parse.GetValue(html), parse.GetValue(docx));
            if (!parse.GetValue(consolidated) && (htmlPath ?? docxPath) is not null)
            {
                ctx.Err.WriteLine("error: --html and --docx write the 整理版: add --consolidated");
                return Task.FromResult(ExitCodes.Usage);
            }
            if (!ctx.CatalogueExists) { ctx.Err.WriteLine($"error: {key}: no catalogue at {ctx.DbPath}"); return Task.FromResult(ExitCodes.BadInput); }
            using var catalogue = ctx.Services.OpenCatalogue();
            var store = new TrackStore(catalogue);
            var asked = store.Version(key, date);
            var policyId = asked?.PolicyId ?? key;
            var versions = store.VersionsOf(policyId, date);
            if (versions.Count == 0) { ctx.Err.WriteLine($"error: {key}: no such policy or version in {ctx.DbPath}"); return Task.FromResult(ExitCodes.BadInput); }
            var shown = asked ?? versions.FirstOrDefault(v => v.SupersededBy is null) ?? versions[^1];
            if (parse.GetValue(consolidated)) return Task.FromResult(Consolidated(ctx, store, shown.Id, date, htmlPath, docxPath));
            var document = catalogue.LoadDocument(shown.Id);
            var validity = new ValidityStore(catalogue);
            string? StatusWhy(TrackedVersion v) => v.StatusReason ?? ValidityReport.StatusReason(v.Status, v.EffectiveFrom, v.ExpiresOn, validity.Of(v.Id));
            var reports = versions.SelectMany(v => store.ReportsOf(v.Id)).ToList();
            if (ctx.Json)
            {
                ctx.Out.WriteLine(PolicyJson.Serialize(new
                {
                    policyId,
                    asOf = date,
                    version = VersionJson(shown),
                    statusReason = StatusWhy(shown),
                    validity = validity.Of(shown.Id),
                    document,
                    versions = versions.Select(VersionJson),
                    otherFiles = versions.SelectMany(v => catalogue.FilesOf(v.Id).Select(f => new { versionId = v.Id, f.Sha256, f.Source, f.Format, f.Role })),
                    reports = reports.Select(r => new { r.VersionId, r.Kind, r.PreviousVersionId, r.Path }),
                }));
                return Task.FromResult(ExitCodes.Done);
            }
            var o = ctx.Out;
            o.WriteLine($"{shown.Title}   [{shown.Status} · {StatusName(shown.Status)} as of {date:yyyy-MM-dd}]");
            o.WriteLine($"  policy {policyId} · version {shown.Id} (#{shown.Seq})");
            if (StatusWhy(shown) is { } why) o.WriteLine($"  状态依据：{why}");
            if (validity.Of(shown.Id) is { ChangeReason: { } changed })
                o.WriteLine($"  有效期调整：{changed}（失效日期现为 {shown.ExpiresOn:yyyy-MM-dd}）");
            if (document is not null) DocumentPrinter.Print(o, document, 0);
            o.WriteLine();
            o.WriteLine($"版本 ({versions.Count}):");
            foreach (var v in versions)
            {
                o.WriteLine($"  {v.Id} #{v.Seq} {v.IssuedOn?.ToString("yyyy-MM-dd") ?? "—",-10} {v.Status,-17} {v.Title} {v.DocNumber}");
                if (v.LinkReason is { } link) o.WriteLine($"      关联：{link}");
                if (StatusWhy(v) is { } reason) o.WriteLine($"      状态依据：{reason}");
                foreach (var f in catalogue.FilesOf(v.Id))
                    o.WriteLine($"      {(f.Role == VersionFileRoles.Part ? "本版本的部分文件（如只含印发通知）" : "同一文本的另一文件")}：{f.Source}（{f.Format}）");
            }
            foreach (var r in reports) o.WriteLine($"  新旧对照报告（{r.Kind}）{r.PreviousVersionId} → {r.VersionId}：{r.Path ?? "（未写出）"}");
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }

    private static int Consolidated(CliContext ctx, TrackStore store, string versionId, DateOnly asOf, string? htmlPath, string? docxPath)
    {
        if (ConsolidationChain.Load(store, versionId, asOf) is not { } chain)
        {
            ctx.Err.WriteLine($"error: {versionId}: the version's text is not in the catalogue");
            return ExitCodes.BadInput;
        }
        var d = ConsolidatedText.Build(chain);
        if (htmlPath is not null) OutputFile.WriteText(htmlPath, ConsolidatedHtml.Render(d));
        if (docxPath is not null)
        {
            using var file = OutputFile.Create(docxPath);
            ConsolidatedDocx.Write(file, d);
        }
        if (ctx.Json) ctx.Out.WriteLine(ConsolidatedJson.Serialize(d));
        else if (htmlPath is null && docxPath is null) ctx.Out.Write(ConsolidatedPlainText.Render(d));
        else
        {
            foreach (var path in new[] { htmlPath, docxPath }.OfType<string>())
                ctx.Out.WriteLine($"整理版 {d.Current.VersionId}（编注 {d.Notes.Count()} 条，已删除 {d.Removed.Count} 条）→ {path}");
        }
        return ExitCodes.Done;
    }

    private static object VersionJson(TrackedVersion v) => new
    {
        v.Id, v.Seq, v.Title, v.DocNumber, v.Issuer, v.Region, v.IssuedOn, v.EffectiveFrom, v.ExpiresOn, v.Source,
        v.Status, v.LinkReason, v.StatusReason, v.SupersededBy, v.RepealedBy, v.IngestedAt,
    };

    public static string StatusName(string status) =>
        EnumIds.TryParse<PolicyStatus>(status, out var s) ? s switch
        {
            PolicyStatus.InForce => "现行有效",
            PolicyStatus.NotYetEffective => "尚未生效",
            PolicyStatus.Amended => "已修改",
            PolicyStatus.Repealed => "已废止",
            PolicyStatus.Expired => "已失效",
            _ => status,
        } : status;
}
