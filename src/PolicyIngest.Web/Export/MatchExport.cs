using PolicyIngest.Core.Model;
using PolicyIngest.Ingest.Matching;

namespace PolicyIngest.Web.Export;

/// <summary>
/// 政策匹配 results as other tools read them: the `match --json` shape of ../shared/spec/cli.md, and the columns of the
/// xlsx export and the web table. One definition for the CLI, the web page and the workbook.
/// </summary>
public static class MatchExport
{
    public static object Json(MatchResult result) => new
    {
        asOf = result.AsOf,
        matches = result.Matches.Select(Entry),
        almost = result.Almost.Select(Entry),
        possible = result.Possible.Select(Entry),
    };

    private static object Entry(ClauseMatch m) => new
    {
        versionId = m.VersionId, policyId = m.PolicyId, title = m.Title, region = m.Region, docNumber = m.DocNumber,
        label = m.Label, clauseId = m.ClauseId, part = m.Part, partTitle = m.PartTitle, heading = m.Heading,
        amount = new { min = m.Amount?.Min, max = m.Amount?.Max, text = m.Amount?.Text ?? "未写明金额" },
        conditions = m.Verdict.Conditions.Select(v => new { type = v.Condition.Type.ToId(), text = v.Condition.Text, state = v.State.ToId(), why = v.Why }),
        conflicts = m.Conflicts,
    };

    /// <summary>满足 / 不满足 / 待确认, as an analyst reads a condition's state.</summary>
    public static string StateText(ConditionState state) => state switch
    {
        ConditionState.Met => "满足",
        ConditionState.Unmet => "不满足",
        _ => "待确认",
    };

    private static string Conditions(ClauseMatch m, ConditionState state) =>
        string.Join("\n", m.Verdict.Conditions.Where(v => v.State == state).Select(v => $"{v.Condition.Text}（{v.Why}）"));

    public static readonly IReadOnlyList<ExportColumn<ClauseMatch>> Columns =
    [
        new("政策", "title", m => m.Title, 36),
        new("附件/卡片", "partTitle", m => m.PartTitle, 30),
        new("发文字号", "docNumber", m => m.DocNumber, 22),
        new("地区", "region", m => m.Region, 14),
        new("条款", "label", m => m.Label, 10),
        new("条款标题", "heading", m => m.Heading, 24),
        new("预计金额下限（元）", "amountMin", m => m.Amount?.Min, 16),
        new("预计金额上限（元）", "amountMax", m => m.Amount?.Max, 16),
        new("金额说明", "amountText", m => m.Amount?.Text ?? "未写明金额", 30),
        new("满足的条件", "met", m => Conditions(m, ConditionState.Met), 40),
        new("不满足的条件", "unmet", m => Conditions(m, ConditionState.Unmet), 40),
        new("待确认的条件", "unknown", m => Conditions(m, ConditionState.Unknown), 40),
        new("不重复支持提示", "conflicts", m => m.Conflicts.Count == 0 ? null : string.Join("；", m.Conflicts), 24),
        new("条款原文", "text", m => m.Text, 60),
        new("版本ID", "versionId", m => m.VersionId, 16),
        new("附件/卡片序号", "part", m => m.Part, 8),
        new("条款ID", "clauseId", m => m.ClauseId, 10),
    ];
}
