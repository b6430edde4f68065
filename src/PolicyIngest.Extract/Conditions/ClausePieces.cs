using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// A phrase of a clause: the text between two of ，；。：and line breaks, with its list marker (（1）, 2．, ①) cut off.
/// Conditions are read phrase by phrase; a phrase is also the span a condition reports.
/// </summary>
internal sealed record Piece(string Text, int Start, int SentenceStart, int SentenceEnd)
{
    public int End => Start + Text.Length;
    public TextSpan Span => new(Text, Start);
}

internal static partial class ClausePieces
{
    /// <summary>
    /// A phrase that says what the government or a plan will do (鼓励…, 推动…, 加强…, 培养…, 率先在…开展, 市人民政府应当…): the enterprises,
    /// sectors and places it names are its objects, not conditions on an applicant.
    /// </summary>
    public static bool IsAction(Piece piece) => IsAction(piece.Text);

    public static bool IsAction(string text) => ActionLead().IsMatch(text) && !NamedApplicant().IsMatch(text);

    /// <summary>为社区提供养老、托育、家政等服务的机构: a phrase that opens with a preposition and ends naming who applies is that applicant, not an action.</summary>
    [GeneratedRegex("^(?:为|向|与)[^，。；]{2,40}的(?:企业|机构|单位|组织|个人|经营主体)$")]
    private static partial Regex NamedApplicant();

    [GeneratedRegex("^(?:[市区县省]|各级|本市|各区|地方)?(?:人民政府|政府|有关部门|主管部门|行政主管部门)|^(?:鼓励|推动|加强|加快|加大|培养|打造|构建|持续(?!经营|运营|正常|盈利|生产|稳定|保持|在|满|[0-9一二两三四五六七八九十])|组织|引导|落实|整合|适度|率先|建立|形成|有效|通过(?![^，。；]{0,30}?(?:认定|认证|验收|评审|评估|录取|审核|备案))(?=[^，。；]*?(?:推动|促进|引导|提升|加强|实现|带动|支持|鼓励|推进|打造|建立|完善|优化|形成|培育|扩大|降低|提高|解决|保障|满足))|利用|继续|大力推进|积极|探索|完善|优化|深化|推进|实施|做好|提升|促进|保障|服务|围绕[^，。；]{0,30}(?:建设|发展|布局)|及时|全面|着力|重点引入|讲好|帮助|提供|开展|发挥|强化|健全|制定|研究|统筹|争取|发展|打通|创建|建设|坚持|搭建|向|与|为)")]
    private static partial Regex ActionLead();

    /// <summary>
    /// The text without its asides in brackets that except or qualify ((个人…除外), （不含港澳台地区）): they qualify a word, they
    /// are not rules of the clause. An aside that leaves out a kind of applicant (（不含性质为机关法人的单位）) is kept.
    /// </summary>
    public static string Unbracketed(string text) => Brackets().Replace(text, "");

    [GeneratedRegex("（(?!(?:不含|不包括)[^）]*(?:单位|企业|法人)[^）]*(?:）|$))[^）]*(?:除外|不含|不包括|对于|根据)[^）]*(?:）|$)|\\((?!(?:不含|不包括)[^)]*(?:单位|企业|法人)[^)]*(?:\\)|$))[^)]*(?:除外|不含|不包括|对于|根据)[^)]*(?:\\)|$)")]
    private static partial Regex Brackets();

    public static IReadOnlyList<Piece> Split(string text)
    {
        var pieces = new List<Piece>();
        var sentenceStart = 0;
        var start = 0;
        var pending = new List<(int Start, int End)>();
        var depth = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c is '（' or '(') depth++;
            else if (c is '）' or ')' && depth > 0) depth--;
            var endsSentence = c is '。' or '；' or ';' or '\n' or '\r' or '！' or '？';
            // A comma inside brackets (指业务发生时点上一会计年度的企业营业收入，以下同) belongs to the aside, not to the clause.
            var endsPhrase = endsSentence || (depth == 0 && c is '，' or ',' or '：' or ':');
            if (!endsPhrase) continue;
            if (endsSentence) depth = 0;
            pending.Add((start, i));
            start = i + 1;
            if (!endsSentence) continue;
            foreach (var (s, e) in pending) Add(pieces, text, s, e, sentenceStart, i);
            pending.Clear();
            sentenceStart = i + 1;
        }
        return pieces;
    }

    private static void Add(List<Piece> pieces, string text, int start, int end, int sentenceStart, int sentenceEnd)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        var marker = ListMarker().Match(text, start, end - start);
        if (marker.Success) start += marker.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end - start < 2) return;
        pieces.Add(new Piece(text[start..end], start, sentenceStart, sentenceEnd));
    }

    /// <summary>The kind of list marker a sentence opens with ('(' for （1）, '.' for 2．, '①', '、' for 一、), or '\0' for none.</summary>
    public static char MarkerKind(string text, int sentenceStart)
    {
        var at = sentenceStart;
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        var marker = ListMarker().Match(text, at);
        if (!marker.Success || marker.Index != at) return '\0';
        var first = text[at];
        return first is '（' or '(' ? '(' : first is >= '①' and <= '⑳' ? '①' : char.IsAsciiDigit(first) || first is >= '０' and <= '９' ? '.' : first == '第' ? '第' : '、';
    }

    [GeneratedRegex(@"\G(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}(?:[．.、](?![0-9０-９]))|[一二三四五六七八九十]{1,3}[、是]|[①-⑳]|第[一二三四五六七八九十]+[，、是])\s*")]
    private static partial Regex ListMarker();
}
