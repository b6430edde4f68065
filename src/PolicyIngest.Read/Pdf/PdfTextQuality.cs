using System.Globalization;
using System.Text;
using PolicyIngest.Read.Text;

namespace PolicyIngest.Read.Pdf;

/// <summary>The verdict on one page's text: garbled or not, and why.</summary>
public sealed record TextQuality(bool Garbled, string? Reason)
{
    public static readonly TextQuality Fine = new(false, null);
}

/// <summary>
/// Is a page's text layer garbled? A PDF's text is only as good as its fonts' Unicode maps: a broken or missing
/// ToUnicode CMap gives private-use code points, U+FFFD, control characters, glyphs with no text at all, or real but
/// wrong characters — rare ideographs picked at random from the CJK blocks, or Latin-1 mojibake (UTF-8 or GBK bytes
/// shown as Latin-1: "Ã¤Â¸", "ÖÐ»ª"). Pure; judged on the characters that are not whitespace, after the Kangxi
/// radicals are mapped (those are handled later and are no sign of garbling).
/// </summary>
public static class PdfTextQuality
{
    /// <summary>Share of characters that stand for nothing (private use, U+FFFD, controls, unassigned, unmapped glyphs)
    /// above which a page is garbled. A page with a few symbol-font bullets stays well below; a broken CMap is far above.</summary>
    public const double MaxBadShare = 0.10;
    /// <summary>…and at least this many of them: one stray replacement character on a nearly empty page is not garbling.</summary>
    public const int MinBadCount = 3;

    /// <summary>Han statistics need this many Han characters to mean anything (a short heading proves nothing).</summary>
    public const int MinHanForStatistics = 20;
    /// <summary>Share of Han characters outside GB 2312's 6,763 (the set that covers ~99.9% of running mainland text)
    /// above which the Han text is implausible. Text made of code points picked at random from the CJK blocks has ~70%
    /// outside; traditional-script text, the most "rare" real text, ~30–40%.</summary>
    public const double MaxRareHanShare = 0.5;

    /// <summary>Latin-1 Supplement characters (U+0080–U+00FF) need this many characters on the page to be judged.</summary>
    public const int MinCharactersForLatin1 = 8;
    /// <summary>Share of Latin-1 Supplement characters above which the text is mojibake: UTF-8 CJK read as Latin-1 is
    /// three such characters per ideograph, GBK read as Latin-1 two; real text (×, °, ±, ·, é) uses a few percent.</summary>
    public const double MaxLatin1Share = 0.4;

    /// <summary>Microsoft's symbol-font code points (U+F000–U+F0FF: Wingdings and Symbol bullets, check boxes) are
    /// private-use by the standard but normal in Office PDFs: not counted as garbling.</summary>
    private static bool IsSymbolFontCode(int c) => c is >= 0xF000 and <= 0xF0FF;

    public static TextQuality Assess(string text, int unmappedGlyphs = 0)
    {
        var mapped = CjkText.MapKangxiRadicals(text);
        int total = unmappedGlyphs, bad = unmappedGlyphs, privateUse = 0, replacement = 0, control = 0;
        int han = 0, rareHan = 0, latin1 = 0;
        foreach (var rune in mapped.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) continue;
            total++;
            var c = rune.Value;
            if (c is >= 0xE000 and <= 0xF8FF or >= 0xF0000 && !IsSymbolFontCode(c)) { bad++; privateUse++; continue; }
            if (c == 0xFFFD) { bad++; replacement++; continue; }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate) { bad++; control++; continue; }
            if (c is >= 0x80 and <= 0xFF) { latin1++; continue; }
            if (IsHanRune(c))
            {
                han++;
                if (!CommonHan.Contains(c)) rareHan++;
            }
        }
        if (total == 0) return TextQuality.Fine;
        if (bad >= MinBadCount && bad > MaxBadShare * total)
            return new TextQuality(true, $"{Share(bad, total)} of its characters stand for nothing ({Detail(privateUse, replacement, control, unmappedGlyphs)})");
        if (han >= MinHanForStatistics && rareHan > MaxRareHanShare * han)
            return new TextQuality(true, $"{Share(rareHan, han)} of its Han characters are rare ones, as when a font's Unicode map is wrong");
        if (total >= MinCharactersForLatin1 && latin1 > MaxLatin1Share * total)
            return new TextQuality(true, $"{Share(latin1, total)} of its characters are Latin-1 accented letters and symbols (mojibake)");
        return TextQuality.Fine;
    }

    /// <summary>Any ideograph: the unified blocks and extensions, compatibility ideographs, radicals supplement.</summary>
    private static bool IsHanRune(int c) =>
        c is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x2E80 and <= 0x2EFF
            or >= 0x20000 and <= 0x3FFFF;

    private static string Share(int part, int whole) => ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);

    private static string Detail(int privateUse, int replacement, int control, int unmapped) =>
        string.Join(", ", new[] { (privateUse, "private-use"), (replacement, "U+FFFD"), (control, "control or unassigned"), (unmapped, "glyphs without Unicode") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}"));

    /// <summary>The 6,763 Han characters of GB 2312 (rows 16–87 of its 94×94 table), taken from the GB 18030 codec.</summary>
    private static readonly HashSet<int> CommonHan = BuildCommonHan();

    private static HashSet<int> BuildCommonHan()
    {
        var set = new HashSet<int>();
        var decoder = TextDecoding.Gb18030;
        var pair = new byte[2];
        for (var lead = 0xB0; lead <= 0xF7; lead++)
        {
            for (var trail = 0xA1; trail <= 0xFE; trail++)
            {
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                var s = decoder.GetString(pair);
                if (s.Length == 1 && CjkText.IsHan(s[0])) set.Add(s[0]);
            }
        }
        return set;
    }
}
