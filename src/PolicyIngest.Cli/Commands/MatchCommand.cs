using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest.Matching;
using PolicyIngest.Web.Export;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PolicyIngest.Cli.Commands;

/// <summary>`match PROFILE`: which support clauses of the policies in force an enterprise can apply for, how much, and why.</summary>
public static class MatchCommand
{
    public static Command Create()
    {
        var profile = new Argument<string>("PROFILE") { Description = "the enterprise profile, JSON or YAML (region, industries, titles, newTitles, figures, founded, employees; every key optional)" };
        var asOf = AsOfOption.Create();
        var xlsx = new Option<string?>("--xlsx") { Description = "also write the result as a workbook (sheets 可申报, 差一项) to this file" };
        var command = new Command("match", "政策匹配: the support clauses of policies in force that an enterprise meets, each condition met / not met / unknown and why, the amount it can expect, and the clauses it misses by one condition");
        command.Arguments.Add(profile);
        command.Options.Add(asOf);
        command.Options.Add(xlsx);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            if (AsOfOption.Resolve(ctx, parse.GetValue(asOf)) is not { } date) return Task.FromResult(ExitCodes.Usage);
            var file = parse.GetValue(profile)!;
            EnterpriseProfile enterprise;
            try
            {
                enterprise = ProfileFile.Read(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or YamlException or FormatException)
            {
                ctx.Err.WriteLine($"error: {file}: {ProfileFile.Reason(ex)}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            if (!ctx.CatalogueExists) { ctx.Err.WriteLine($"error: no catalogue at {ctx.DbPath}"); return Task.FromResult(ExitCodes.BadInput); }
            using var catalogue = ctx.Services.OpenCatalogue();
            var result = new PolicyMatchService(catalogue).Match(enterprise, date, ct);
            if (parse.GetValue(xlsx) is { } workbook)
            {
                using var stream = File.Create(workbook);
                XlsxExport.WriteMatches(stream, result);
            }
            if (ctx.Json)
            {
                ctx.Out.WriteLine(PolicyJson.Serialize(MatchExport.Json(result)));
                return Task.FromResult(ExitCodes.Done);
            }
            Print(ctx.Out, enterprise, result);
            if (parse.GetValue(xlsx) is { } written) ctx.Out.WriteLine($"workbook: {Path.GetFullPath(written)}");
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }

    private static void Print(TextWriter o, EnterpriseProfile enterprise, MatchResult result)
    {
        o.WriteLine($"政策匹配 {result.AsOf:yyyy-MM-dd}{(enterprise.Name is { } n ? " · " + n : "")}：可申报 {result.Matches.Count} 条，差一项 {result.Almost.Count} 条，可能适用 {result.Possible.Count} 条（按预计金额排序）");
        Section(o, "可申报（无不满足的条件；待确认的条件需核实）", result.Matches);
        Section(o, "差一项（只有一个条件不满足）", result.Almost);
        Section(o, "可能适用（没有不满足的条件，但画像未显示本条面向该企业，或条款未写明金额；--json / xlsx 中为 possible）", result.Possible);
    }

    private static void Section(TextWriter o, string heading, IReadOnlyList<ClauseMatch> matches)
    {
        o.WriteLine();
        o.WriteLine($"{heading}：{matches.Count}");
        var i = 0;
        foreach (var m in matches)
        {
            o.WriteLine($"{++i,3}. {m.Amount?.Text ?? "未写明金额"}  {m.Title} {m.DocNumber}{(m.PartTitle is { Length: > 0 } card ? " · " + card : "")} {m.Label}{(m.Heading is { Length: > 0 } h ? " " + h : "")}  [{m.VersionId} {(m.Part > 0 ? $"p{m.Part}/" : "")}{m.ClauseId}]");
            foreach (var v in m.Verdict.Conditions)
                o.WriteLine($"       {Mark(v.State)} {MatchExport.StateText(v.State)}：{v.Condition.Text}（{v.Why}）");
            foreach (var c in m.Conflicts) o.WriteLine($"       ⚠ 不重复支持：{c}");
        }
    }

    private static string Mark(ConditionState state) => state switch { ConditionState.Met => "✓", ConditionState.Unmet => "✗", _ => "?" };
}

/// <summary>An enterprise profile file: JSON, or YAML read as the same keys.</summary>
public static class ProfileFile
{
    public static EnterpriseProfile Read(string path)
    {
        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith('{')) return EnterpriseProfile.FromJson(text);
        var yaml = new DeserializerBuilder().Build().Deserialize<object?>(text)
                   ?? throw new FormatException("the profile is empty");
        if (yaml is not IDictionary<object, object?>) throw new FormatException("a profile must be a mapping of keys (region, industries, titles, figures …)");
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
        return EnterpriseProfile.FromJson(json);
    }

    public static string Reason(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        JsonException j => "not a profile: " + j.Message.Split('\n')[0],
        YamlException y => "not YAML or JSON: " + y.Message.Split('\n')[0],
        _ => ex.Message.Split('\n')[0],
    };
}
