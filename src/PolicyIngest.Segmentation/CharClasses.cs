namespace PolicyIngest.Segmentation;

/// <summary>The character classes of jieba's regular expressions.</summary>
internal static class CharClasses
{
    /// <summary>finalseg's re_han: [\u4E00-\u9FD5].</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>jieba's re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-] — the characters cut through the DAG.</summary>
    public static bool IsBlock(char c) =>
        IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>Python's <c>\s</c> for str (re_skip_default), which also counts the information separators \x1c–\x1f.</summary>
    public static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';
}
