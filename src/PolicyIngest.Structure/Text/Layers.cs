using System.Text.RegularExpressions;

namespace PolicyIngest.Structure.Text;

/// <summary>Line shapes of an issued document's outer layers: red header, notice title, addressees, signature, closing lines.</summary>
public static partial class Layers
{
    private static readonly string[] TitleSuffixes =
    [
        "办法", "措施", "细则", "意见", "规定", "条例", "方案", "指南", "决定", "通知", "法", "法典", "规划", "计划", "规则",
        "政策", "导引", "解读", "纲要", "标准", "目录", "清单", "公告", "通告", "批复", "要点", "指引", "制度", "守则", "章程", "说明", "问答", "基准", "准则", "规程", "规范",
    ];

    private static readonly string[] OrganisationSuffixes =
    [
        "局", "委员会", "委", "政府", "办公室", "办公厅", "厅", "部", "院", "中心", "办", "会", "署", "总局", "管委会", "公司", "小组", "处", "所", "单位",
    ];

    [GeneratedRegex(@"^[（(\[【]?\s*(?:此件|本件)[^）)\]】]{0,12}[）)\]】]?$")]
    private static partial Regex PublicationNote();

    [GeneratedRegex(@"^(?:#\s*source\s*[:：]|【法宝引证码】|原文链接[:：]|来源[:：]|发布时间[:：]|信息来源[:：]|索\s*引\s*号[:：])")]
    private static partial Regex SourceMeta();

    [GeneratedRegex(@"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?$")]
    private static partial Regex AttachmentStart();

    [GeneratedRegex(@"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]\s*\S")]
    private static partial Regex AttachmentList();

    [GeneratedRegex(@"^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]|^相关(?:解读|链接|文件)\s*[:：]?$|^(?:扫一扫在手机|【\s*(?:打印|关闭)|附件下载)")]
    private static partial Regex ClosingStart();

    [GeneratedRegex(@"^[（(]?\s*(?:本文|此文)?.{0,30}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发\s*[）)]?$")]
    private static partial Regex PrintedLine();

    [GeneratedRegex(@"^(?:\S{2,40}?)?关于.{2,}的(?:通知|决定|批复|函|意见)(?:[（(].{1,10}[）)])?$")]
    private static partial Regex NoticeTitle();

    [GeneratedRegex(@"(?:印发|发布|转发|公布|下发|颁布)\s*《(?<title>[^《》]+)》")]
    private static partial Regex IssuedTitle();

    private static readonly char[] SentencePunctuation = ['。', '，', '；', '：', ',', ';', ':', '！', '!'];

    public static bool IsSourceMeta(string line) => SourceMeta().IsMatch(line.Trim());

    [GeneratedRegex(@"^(?:(?:份\s*号\s*[:：]?\s*)?[0-9０-９]{1,8}|(?:绝\s*密|机\s*密|秘\s*密)(?:\s*[★☆*]\s*\S{0,8})?|(?:特\s*急|加\s*急|特\s*提|平\s*急)|签\s*发\s*人\s*[:：].{0,20})$")]
    private static partial Regex BannerMark();

    /// <summary>
    /// The small marks of a 公文's 版头 (GB/T 9704-2012 7.2): 份号 (001012), 密级 and 保密期限 (机密★5年),
    /// 紧急程度 (特急), 签发人：…. Never title, never body.
    /// </summary>
    public static bool IsBannerMark(string line) => BannerMark().IsMatch(line.Trim(' ', '　', '\t'));

    public static bool IsRedHeader(string line)
    {
        var s = line.Trim().Replace(" ", "").Replace("　", "");
        return s.Length is >= 6 and <= 40 && s.EndsWith("文件") && s.IndexOfAny(SentencePunctuation) < 0 && !s.Contains('《');
    }

    /// <summary>（此件公开发布）, and the 公开属性 line many 规范性文件 print above the 版记 (公开方式：主动公开).</summary>
    public static bool IsPublicationNote(string line) => PublicationNote().IsMatch(line.Trim()) || DisclosureLine().IsMatch(line.Trim());

    [GeneratedRegex(@"^(?:信息)?公开(?:方式|属性|类别)\s*[:：]\s*\S{2,8}$")]
    private static partial Regex DisclosureLine();

    public static bool IsAttachmentStart(string line) => AttachmentStart().IsMatch(line.Trim());

    public static bool IsAttachmentList(string line) => AttachmentList().IsMatch(line.Trim());

    public static bool IsClosingStart(string line) => ClosingStart().IsMatch(line.Trim()) || IsPrintedLine(line);

    /// <summary>The 版记's printing line: 广州市人民政府办公厅秘书处2022年9月13日印发.</summary>
    public static bool IsPrintedLine(string line) => PrintedLine().IsMatch(line.Trim());

    /// <summary>各区人民政府，市政府各委、办、局：— the addressees of a notice.</summary>
    public static bool IsAddressees(string line)
    {
        var s = line.Trim();
        return s.Length is >= 3 and <= 120 && (s.EndsWith('：') || s.EndsWith(':')) && !s.Contains('。') && !s.Contains('《')
            && ClauseLabels.Match(s) is null;
    }

    /// <summary>关于印发《X》的通知 (possibly with its issuer in front).</summary>
    public static bool IsNoticeTitle(string line)
    {
        var s = line.Trim();
        return s.Length <= 150 && NoticeTitle().IsMatch(s) && s.IndexOfAny(['。', '；']) < 0 && !s.Contains('，');
    }

    /// <summary>The title of the document a notice issues: 关于印发《X》的通知 → X.</summary>
    public static string? IssuedTitleOf(string noticeTitle)
    {
        if (IssuedTitle().Match(noticeTitle) is { Success: true } m) return m.Groups["title"].Value.Trim();
        // 关于印发广州市就业见习基地管理办法的通知: the same without book-title marks, when what is issued ends like a title.
        // 印发/发布/颁布 always issue what they name; 转发 may name another notice, so there it must end like a title.
        if (IssuedTitleUnmarked().Match(noticeTitle) is { Success: true } u && (u.Groups["verb"].Value != "转发" || EndsLikeTitle(u.Groups["title"].Value)))
            return u.Groups["title"].Value.Trim();
        return null;
    }

    [GeneratedRegex(@"关于(?<verb>印发|发布|转发|公布|下发|颁布)(?<title>[^《》]{4,}?)的(?:通知|决定)(?:[（(].{1,10}[）)])?$")]
    private static partial Regex IssuedTitleUnmarked();

    /// <summary>The issuer written before 关于 in a title: 北京市怀柔区经济和信息化局关于印发… → 北京市怀柔区经济和信息化局.</summary>
    public static string? IssuerBefore关于(string title)
    {
        var i = title.IndexOf("关于", StringComparison.Ordinal);
        if (i < 2) return null;
        var name = title[..i].Trim();
        return IsOrganisation(name) ? name : null;
    }

    /// <summary>A short line naming an organisation (a signature): 北京市怀柔区经济和信息化局.</summary>
    public static bool IsOrganisation(string line)
    {
        var s = line.Trim().Replace("　", "").Replace(" ", "");
        return s.Length is >= 3 and <= 60 && s.IndexOfAny(SentencePunctuation) < 0 && !s.Contains('《') && !s.Contains('。')
            && OrganisationSuffixes.Any(s.EndsWith) && ClauseLabels.Match(s) is null && ChineseDates.Find(s) is null;
    }

    /// <summary>A line that can be (part of) a title: no sentence punctuation, not a label, not a date.</summary>
    public static bool IsTitleFragment(string line)
    {
        var s = line.Trim();
        return s.Length is >= 1 and <= 100 && s.IndexOfAny(SentencePunctuation) < 0 && ClauseLabels.Match(s) is null
            && ChineseDates.DatePattern().Match(s) is not { Success: true, Index: 0 } && !IsSourceMeta(s) && !s.Contains("http")
            && !IsBannerMark(s) && !IsRedHeader(s) && DocNumbers.WholeLine(s) is null && !LawHistory.Opens(s) && s != "目录";
    }

    /// <summary>Ends like a document title: …办法, …若干措施, …细则（试行）, …规定.</summary>
    public static bool EndsLikeTitle(string title)
    {
        var s = Regex.Replace(title.Trim(), @"[（(][^（）()]{1,12}[）)]$", "");
        return s.Length >= 4 && TitleSuffixes.Any(s.EndsWith) && !s.EndsWith("文件");
    }

    /// <summary>Re-joins a title broken across lines: 高质量发展 若 / 干措施 → 高质量发展若干措施.</summary>
    public static string JoinTitle(IEnumerable<string> lines)
    {
        var joined = string.Concat(lines.Select(l => l.Trim()));
        return Regex.Replace(joined, @"(?<=[\u4e00-\u9fff《》“”（）])[\s　]+|[\s　]+(?=[\u4e00-\u9fff《》“”（）])", "").Trim();
    }
}
