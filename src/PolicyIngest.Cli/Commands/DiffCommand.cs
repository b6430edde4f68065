using System.CommandLine;
using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Renditions;
using PolicyIngest.Track.Reports;

namespace PolicyIngest.Cli.Commands;

public static class DiffCommand
{
    public static Command Create()
    {
        var oldArg = new Argument<string>("OLD") { Description = "the old version: a file, or a catalogue version id (v…)" };
        var newArg = new Argument<string>("NEW") { Description = "the new version: a file, or a catalogue version id (v…)" };
        var html = new Option<string?>("--html") { Description = "write a self-contained side-by-side 新旧对照 HTML page to OUT" };
        var md = new Option<string?>("--md") { Description = "write a Markdown summary (for e-mail) to OUT" };
        var command = new Command("diff", "clause-level comparison; OLD/NEW are files or catalogue version ids");
        command.Arguments.Add(oldArg);
        command.Arguments.Add(newArg);
        command.Options.Add(html);
        command.Options.Add(md);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            var oldName = parse.GetValue(oldArg)!;
            var newName = parse.GetValue(newArg)!;
            CatalogueStore? catalogue = null;
            try
            {
                var oldDoc = Load(oldName, ctx, ref catalogue, ct);
                var newDoc = oldDoc is null ? null : Load(newName, ctx, ref catalogue, ct);
                if (oldDoc is null || newDoc is null) return Task.FromResult(ExitCodes.BadInput);
                var diff = new DocumentDiffer().Diff(oldDoc, newDoc);
                if (parse.GetValue(html) is { } htmlPath) OutputFile.WriteText(htmlPath, DiffHtml.Render(diff, oldName, newName));
                if (parse.GetValue(md) is { } mdPath) OutputFile.WriteText(mdPath, DiffMarkdown.Render(diff));
                if (ctx.Json) ctx.Out.WriteLine(DiffJson.Serialize(diff));
                else
                {
                    Print(ctx.Out, diff);
                    PrintTextRelation(ctx.Out, oldDoc, newDoc);
                }
                return Task.FromResult(ExitCodes.Done);
            }
            finally { catalogue?.Dispose(); }
        });
        return command;
    }

    /// <summary>A file is read through the pipeline; anything else is looked up as a version id in the catalogue.</summary>
    private static PolicyDocument? Load(string name, CliContext ctx, ref CatalogueStore? catalogue, CancellationToken ct)
    {
        if (File.Exists(name))
        {
            try { return ctx.Services.CreateProcessor(ctx.ReadOptions).Process(File.ReadAllBytes(name), name, ct); }
            catch (UnreadableDocumentException ex) { ctx.Err.WriteLine($"error: {name}: {ex.Reason}"); return null; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { ctx.Err.WriteLine($"error: {name}: {ex.Message}"); return null; }
        }
        if (ctx.CatalogueExists)
        {
            catalogue ??= ctx.Services.OpenCatalogue();
            if (catalogue.LoadDocument(name) is { } doc) return doc;
        }
        ctx.Err.WriteLine($"error: {name}: neither a file nor a version id in the catalogue {ctx.DbPath}");
        return null;
    }

    /// <summary>Whether ingest would take NEW as another file or a part of OLD rather than a revision, and why not.</summary>
    private static void PrintTextRelation(TextWriter o, PolicyDocument oldDoc, PolicyDocument newDoc)
    {
        var verdict = Renditions.Judge(oldDoc, RenditionText.Of(oldDoc), newDoc, RenditionText.Of(newDoc));
        var relation = verdict.Relation switch
        {
            TextRelation.SameText => "文字相同（同一版本的另一文件）",
            TextRelation.Rendition => "同一文本的不同格式（同一版本的另一文件）",
            TextRelation.PartOfCatalogued => "新文件是旧文件的一部分",
            TextRelation.ContainsCatalogued => "旧文件是新文件的一部分",
            _ => "文字不同（入库时为新版本或另一政策）",
        };
        // The figures are measured for a rendition or a part; texts told apart early get rough bounds (similarity 0.000 for a
        // revision that rewords most articles a little), which read as "nothing in common" beside its unchanged articles.
        o.WriteLine(verdict.Relation == TextRelation.Different
            ? $"文本关系：{relation}"
            : $"文本关系：{relation}；相似度 {verdict.Similarity:0.000}，无法解释的差异 {verdict.UnexplainedChars} 字");
        foreach (var d in verdict.Differences) o.WriteLine($"  {d}");
    }

    private static void Print(TextWriter o, DocumentDiff diff)
    {
        var s = diff.Summary;
        o.WriteLine($"{diff.Old.Title}  →  {diff.New.Title}");
        o.WriteLine($"修改 {s.Modified} · 新增 {s.Added} · 删除 {s.Removed} · 条号变化 {s.Moved} · 合并 {s.Merged} · 拆分 {s.Split} · 未变 {s.Unchanged}");
        foreach (var a in diff.AmountChanges)
            o.WriteLine($"  ¥ {ChangeNames.Of(a.Change),-4} {a.Old?.Article ?? "—"} {a.Old?.Text ?? "—"} → {a.New?.Article ?? "—"} {a.New?.Text ?? "—"}");
        foreach (var p in diff.Pairs.Where(p => p.Change != PairChange.Unchanged))
            o.WriteLine($"  {ChangeNames.Of(p.Change),-4} {Label(p.Pair.Old),-10} → {Label(p.Pair.New),-10} {(p.Change == PairChange.Modified ? p.Pair.Similarity.ToString("0.00") : "")}");
    }

    private static string Label(DiffUnit? u) => u is null ? "—" : u.Label.Length > 0 ? u.Label : Clip(u.Text);

    private static string Clip(string s) => (s.Length > 12 ? s[..12] + "…" : s).Replace("\n", " ");
}
