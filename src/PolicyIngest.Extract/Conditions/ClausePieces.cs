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
    /// A phrase that says what the government or a plan will do (鼓励…, 推动…, 加强…, 培养…, 率先在…开展): the enterprises,
    /// sectors and places it names are its objects, not conditions on an applicant.
    /// </summary>
    public static bool IsAction(Piece piece) => ActionLead().IsMatch(piece.Text);

    [GeneratedRegex("^(?:鼓励|推动|加强|加快|加大|培养|打造|构建|持续|组织|引导|落实|整合|适度|率先|建立|形成|有效|通过|利用|继续|大力推进|积极|探索|完善|优化|深化|推进|实施|做好|提升|促进|保障|服务|围绕[^，。；]{0,30}(?:建设|发展|布局)|及时|全面|着力|重点引入|讲好|帮助|提供|开展|发挥|强化|健全|制定|研究|统筹|争取|发展|打通|创建|建设|坚持|搭建|向|与|为)")]
    private static partial Regex ActionLead();

    /// <summary>The text without its asides in brackets that except or qualify ((个人…除外), （不含港澳台地区）): they qualify a word, they are not rules of the clause.</summary>
    public static string Unbracketed(string text) => Brackets().Replace(text, "");

    [GeneratedRegex("（[^）]*(?:除外|不含|不包括|对于|根据)[^）]*(?:）|$)|\\([^)]*(?:除外|不含|不包括|对于|根据)[^)]*(?:\\)|$)")]
    private static partial Regex Brackets();

    public static IReadOnlyList<Piece> Split(string text)
    {
        var pieces = new List<Piece>();
        var sentenceStart = 0;
        var start = 0;
        var pending = new List<(int Start, int End)>();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            var endsSentence = c is '。' or '；' or ';' or '\n' or '\r' or '！' or '？';
            var endsPhrase = endsSentence || c is '，' or ',' or '：' or ':';
            if (!endsPhrase) continue;
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

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}(?:[．.、](?![0-9０-９]))|[一二三四五六七八九十]{1,3}[、是]|[①-⑳]|第[一二三四五六七八九十]+[，、是])\s*")]
    private static partial Regex ListMarker();
}
