using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyIngest.Read.Docx;

/// <summary>
/// Word's automatic numbering (numbering.xml) rendered as text in document order: counters per abstract list,
/// restarts from num-level overrides, lower levels reset when a higher level advances, %1…%9 in lvlText.
/// </summary>
public sealed class ListNumbering
{
    private sealed record LevelDef(int Start, string Format, string Text, string Suffix, bool Legal, int? Restart);

    private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _nums = [];
    private readonly Dictionary<int, Dictionary<int, LevelDef>> _abstracts = [];
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = [];
    private readonly Dictionary<string, string> _styleBasedOn = [];
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly HashSet<int> _numsSeen = [];

    public ListNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var a in numbering.Elements<W.AbstractNum>())
            {
                if (a.AbstractNumberId?.Value is not { } id) continue;
                var levels = new Dictionary<int, LevelDef>();
                foreach (var l in a.Elements<W.Level>())
                    levels[l.LevelIndex?.Value ?? 0] = Definition(l);
                _abstracts[id] = levels;
            }
            foreach (var n in numbering.Elements<W.NumberingInstance>())
            {
                if (n.NumberID?.Value is not { } id || n.AbstractNumId?.Val?.Value is not { } abstractId) continue;
                var overrides = new Dictionary<int, int>();
                foreach (var o in n.Elements<W.LevelOverride>())
                {
                    var level = o.LevelIndex?.Value ?? 0;
                    if (o.StartOverrideNumberingValue?.Val?.Value is { } start) overrides[level] = start;
                    if (o.Level is { } redefined && _abstracts.TryGetValue(abstractId, out var levels)) levels[level] = Definition(redefined);
                }
                _nums[id] = (abstractId, overrides);
            }
        }
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<W.Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } styleId) continue;
            if (style.BasedOn?.Val?.Value is { } basedOn) _styleBasedOn[styleId] = basedOn;
            var numPr = style.StyleParagraphProperties?.NumberingProperties;
            if (numPr?.NumberingId?.Val?.Value is { } numId)
                _styleNumbering[styleId] = (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        }
    }

    private static LevelDef Definition(W.Level l) => new(
        l.StartNumberingValue?.Val?.Value ?? 1,
        l.NumberingFormat?.Val?.InnerText ?? "decimal",
        l.LevelText?.Val?.Value ?? "",
        l.LevelSuffix?.Val?.InnerText ?? "tab",
        l.IsLegalNumberingStyle is not null && (l.IsLegalNumberingStyle.Val?.Value ?? true),
        l.LevelRestart?.Val?.Value);

    /// <summary>The label of this paragraph's list item (e.g. "第一条 ", "（一）"), advancing the counters; null when not numbered.</summary>
    public string? Next(W.Paragraph paragraph)
    {
        var (numId, level) = NumberingOf(paragraph);
        if (numId is null or 0 || !_nums.TryGetValue(numId.Value, out var num) || !_abstracts.TryGetValue(num.AbstractId, out var levels)) return null;
        if (!levels.TryGetValue(level, out var def)) return null;

        if (!_counters.TryGetValue(num.AbstractId, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++) counters[i] = (levels.GetValueOrDefault(i)?.Start ?? 1) - 1;
            _counters[num.AbstractId] = counters;
        }
        if (_numsSeen.Add(numId.Value))
            foreach (var (l, start) in num.StartOverrides) counters[l] = start - 1;

        counters[level]++;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            var d = levels.GetValueOrDefault(deeper);
            if (d?.Restart is 0) continue;
            counters[deeper] = (d?.Start ?? 1) - 1;
        }
        if (def.Format == "bullet") return def.Text.Length == 0 ? null : Suffix(def.Text, def.Suffix);

        var label = def.Text;
        for (var l = 0; l <= level && l < 9; l++)
        {
            var format = def.Legal ? "decimal" : levels.GetValueOrDefault(l)?.Format ?? "decimal";
            label = label.Replace($"%{l + 1}", NumberFormatter.Format(Math.Max(counters[l], levels.GetValueOrDefault(l)?.Start ?? 1), format));
        }
        return Suffix(label, def.Suffix);
    }

    private static string Suffix(string label, string suffix) => suffix switch
    {
        "nothing" => label,
        _ => label + " ", // tab and space both read as one space
    };

    private (int? NumId, int Level) NumberingOf(W.Paragraph paragraph)
    {
        var props = paragraph.ParagraphProperties;
        var numPr = props?.NumberingProperties;
        if (numPr?.NumberingId?.Val?.Value is { } numId) return (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        var styleId = props?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 10; depth++)
        {
            if (_styleNumbering.TryGetValue(styleId, out var fromStyle))
                return (fromStyle.NumId, numPr?.NumberingLevelReference?.Val?.Value ?? fromStyle.Level);
            styleId = _styleBasedOn.GetValueOrDefault(styleId);
        }
        return (null, 0);
    }
}
