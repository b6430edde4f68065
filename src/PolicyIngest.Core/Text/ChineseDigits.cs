namespace PolicyIngest.Core;

/// <summary>
/// The one table of Chinese digit characters, shared by structure (labels, dates) and extraction (money): ordinary,
/// financial (壹…玖) and colloquial (两, 幺) forms, and the zeros that dates are written with (〇, ○, and the letter
/// O in Cyrillic or full width that some typesetting puts in 二Ｏ一二年).
/// </summary>
public static class ChineseDigits
{
    /// <summary>0–9 for a Chinese digit character, else -1 (Arabic digits are not Chinese digits).</summary>
    public static int Value(char c) => c switch
    {
        '零' or '〇' or '○' or 'О' or 'Ｏ' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };
}
