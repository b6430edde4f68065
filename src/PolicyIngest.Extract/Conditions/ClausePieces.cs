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
