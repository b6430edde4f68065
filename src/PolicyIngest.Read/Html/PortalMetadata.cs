using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Read.Html;

/// <summary>
/// The metadata block portals put above a document (索引号, 发文机关, 文号, 成文日期, 发布日期, 有效性, 实施日期, 失效日期),
/// in whatever markup: a label and its value in one text ("来源：广州市医疗保障局"), or a label element followed by a
/// value element (table cells, list items, dt/dd, spans). Labels are read by name, never by site.
/// </summary>
public static partial class PortalMetadata
{
    /// <summary>Label as printed (inner spaces removed) → the name the catalogue uses.</summary>
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["索引号"] = PageField.IndexNumber,
        ["统一编号"] = PageField.UnifiedNumber,
        ["发文机关"] = PageField.Issuer, ["发布机关"] = PageField.Issuer, ["发布机构"] = PageField.Issuer, ["发文单位"] = PageField.Issuer,
        ["发布单位"] = PageField.Issuer, ["制发机关"] = PageField.Issuer, ["发文机构"] = PageField.Issuer,
        ["文号"] = PageField.DocNumber, ["发文字号"] = PageField.DocNumber, ["发文号"] = PageField.DocNumber,
        ["成文日期"] = PageField.WrittenOn, ["成文时间"] = PageField.WrittenOn,
        ["发布日期"] = PageField.PublishedOn, ["发布时间"] = PageField.PublishedOn, ["公开日期"] = PageField.PublishedOn,
        ["发表时间"] = PageField.PublishedOn, ["印发日期"] = PageField.PublishedOn, ["时间"] = PageField.PublishedOn,
        ["实施日期"] = PageField.EffectiveFrom, ["施行日期"] = PageField.EffectiveFrom, ["生效日期"] = PageField.EffectiveFrom,
        ["失效日期"] = PageField.ExpiresOn, ["废止日期"] = PageField.ExpiresOn, ["有效期至"] = PageField.ExpiresOn,
        ["有效性"] = PageField.Validity, ["时效性"] = PageField.Validity, ["文件状态"] = PageField.Validity, ["效力状态"] = PageField.Validity,
        ["主题分类"] = PageField.Topic, ["分类"] = PageField.Topic,
        ["名称"] = PageField.Title, ["标题"] = PageField.Title, ["文件名称"] = PageField.Title,
        ["来源"] = PageField.Source, ["信息来源"] = PageField.Source, ["文章来源"] = PageField.Source,
    };

    [GeneratedRegex(@"^[\[【\s]*(?<label>[\u4e00-\u9fff][\u4e00-\u9fff\s]{0,7}?)\s*[:：]\s*(?<value>.*?)[\]】\s]*$")]
    private static partial Regex LabelAndValue();

    /// <summary>The known fields among text segments in page order; the first value of each field wins, an empty one counts.</summary>
    public static IReadOnlyList<PageField> Parse(IReadOnlyList<string> segments)
    {
        var found = new Dictionary<string, PageField>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (Label(segments[i]) is not { } hit || found.ContainsKey(hit.Name)) continue;
            var value = hit.Value;
            if (value.Length == 0 && i + 1 < segments.Count && Label(segments[i + 1]) is null && segments[i + 1].Length <= 120)
            {
                value = segments[i + 1];
                i++;
            }
            found[hit.Name] = new PageField(hit.Name, value.Trim());
        }
        // Many portals print the publication date bare, right beside the 来源 label: 2025-12-03 | 来源：….
        if (!found.ContainsKey(PageField.PublishedOn))
        {
            for (var i = 0; i < segments.Count; i++)
            {
                if (Label(segments[i]) is not { Name: PageField.Source }) continue;
                var near = new[] { i - 1, i + 1 }.Where(k => k >= 0 && k < segments.Count).Select(k => segments[k]).FirstOrDefault(s => BareDate().IsMatch(s));
                if (near is not null) { found[PageField.PublishedOn] = new PageField(PageField.PublishedOn, near); break; }
            }
        }
        return found.Values.ToList();
    }

    [GeneratedRegex(@"^(19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex BareDate();

    private static (string Name, string Value)? Label(string segment)
    {
        if (segment.Length > 160) return null;
        var m = LabelAndValue().Match(segment);
        if (!m.Success) return null;
        var label = Regex.Replace(m.Groups["label"].Value, @"\s", "");
        return Labels.TryGetValue(label, out var name) ? (name, m.Groups["value"].Value) : null;
    }
}
