using System.Text;

namespace PolicyIngest.Track.Text;

/// <summary>
/// Characters that print the same word differently: what a comparison folds so that a re-typeset or re-encoded
/// copy of a policy does not count as amended. Used by <see cref="ComparableText"/> only; stored text keeps them.
/// </summary>
public static class CharacterVariants
{
    // CJK Radicals Supplement forms that PDF producers emit for ordinary characters (a font's radical glyph
    // mapped to the radical code point): NFKC does not fold these, so they are listed.
    private static readonly Dictionary<char, char> Table = new()
    {
        ['⻓'] = '长', ['⻔'] = '门', ['⻋'] = '车', ['⻅'] = '见', ['⻆'] = '角', ['⻛'] = '风', ['⻜'] = '飞',
        ['⻢'] = '马', ['⻚'] = '页', ['⻘'] = '青', ['⻉'] = '贝', ['⻩'] = '黄', ['⻬'] = '齐', ['⻰'] = '龙',
        ['⻄'] = '西', ['⺠'] = '民', ['⻨'] = '麦', ['⻥'] = '鱼', ['⻦'] = '鸟', ['⺟'] = '母', ['⻝'] = '食',
        ['⻈'] = '讠', ['⺁'] = '厂', ['⻏'] = '阝', ['⻤'] = '鬼', ['⻍'] = '辶',
        // 〇 and 零 write the same zero (二〇二五年 / 二零二五年, 一千零五十).
        ['〇'] = '零',
        // Variant spellings that official texts swap between editions without changing a word.
        ['帐'] = '账', ['於'] = '于', ['佈'] = '布', ['週'] = '周', ['併'] = '并', ['釐'] = '厘', ['畫'] = '画',
        ['・'] = '·', ['•'] = '·', ['‧'] = '·',
    };

    /// <summary>The character a comparison uses for <paramref name="c"/> (itself when it has no variant).</summary>
    public static char Fold(char c)
    {
        if (Table.TryGetValue(c, out var folded)) return folded;
        // Kangxi radicals (⼀ ⼈ ⼯ from PDF fonts) and CJK compatibility ideographs (豈 F900 …) have NFKC forms.
        if (c is >= '\u2F00' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF')
        {
            var n = c.ToString().Normalize(NormalizationForm.FormKC);
            if (n.Length == 1) return n[0];
        }
        return c;
    }
}
