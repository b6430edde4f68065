using System.Text.RegularExpressions;

namespace PolicyIngest.Track.Alignment;

/// <summary>
/// Whether two provisions share wording that tells them apart from the rest of both versions, not just the legal
/// templates every law repeats. The weak stages of the aligner (content similarity among leftovers, pieces by residual)
/// accept links at cosines of 0.12–0.25, where what two articles share may be only 对直接负责的主管人员和其他直接责任人员处以…
/// 罚款, 董事、监事、高级管理人员 or 构成犯罪的，依法追究刑事责任: measured on the real revision pairs (corpus/revisions-gold),
/// those links were wrong (公司法 old 202 虚假财务报告 → new 251 未公示信息, both fined in the same words). Evidence is a run of
/// shared text, templates masked out, that occurs in only a few provisions of the two versions together.
/// </summary>
public sealed partial class DistinctWording
{
    private readonly string[] _old;
    private readonly string[] _new;
    private readonly Dictionary<string, (int Old, int New)> _counts = new(StringComparer.Ordinal);
    // The content stage asks again for the pairs still open in each of its rounds.
    private readonly Dictionary<(int, int, int, int, int), bool> _answers = [];

    public DistinctWording(IEnumerable<string> oldBodies, IEnumerable<string> newBodies)
    {
        // Masks differ per side so a shared run never spans a template.
        _old = oldBodies.Select(b => Template().Replace(b, "\uE000")).ToArray();
        _new = newBodies.Select(b => Template().Replace(b, "\uE001")).ToArray();
    }

    /// <summary>
    /// True when old provision <paramref name="i"/> and new provision <paramref name="j"/> share a run of at least
    /// <paramref name="minLength"/> characters (templates and edge punctuation left out) found in at most
    /// <paramref name="maxUnits"/> provisions of both versions, at most <paramref name="maxOldUnits"/> of them old.
    /// </summary>
    public bool Shares(int i, int j, int minLength, int maxUnits, int maxOldUnits = int.MaxValue)
    {
        var key = (i, j, minLength, maxUnits, maxOldUnits);
        if (!_answers.TryGetValue(key, out var shares))
            _answers[key] = shares = CommonRuns(_old[i], _new[j], minLength).Any(run => Count(run) is var (inOld, inNew) && inOld + inNew <= maxUnits && inOld <= maxOldUnits);
        return shares;
    }

    private (int Old, int New) Count(string run)
    {
        if (_counts.TryGetValue(run, out var c)) return c;
        c = (_old.Count(t => t.Contains(run, StringComparison.Ordinal)), _new.Count(t => t.Contains(run, StringComparison.Ordinal)));
        _counts[run] = c;
        return c;
    }

    /// <summary>Every maximal run the two texts share, trimmed of punctuation at its ends, at least <paramref name="minLength"/> long.</summary>
    public static IEnumerable<string> CommonRuns(string a, string b, int minLength)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var x = 1; x <= a.Length; x++)
        {
            for (var y = 1; y <= b.Length; y++)
                current[y] = a[x - 1] == b[y - 1] ? previous[y - 1] + 1 : 0;
            for (var y = 1; y <= b.Length; y++)
            {
                var length = current[y];
                // A run is maximal where it cannot go on: the end of either text or the next characters differ.
                if (length < minLength || x < a.Length && y < b.Length && a[x] == b[y]) continue;
                var run = a.Substring(x - length, length).Trim(EdgePunctuation);
                if (run.Length >= minLength && seen.Add(run)) yield return run;
            }
            (previous, current) = (current, previous);
        }
    }

    private static readonly char[] EdgePunctuation = ['，', '。', '；', '、', '：', '"', '（', '）', ' '];

    /// <summary>
    /// Wording legal texts repeat whatever they regulate: the persons liable, penalty and amount formulas (处 only before an
    /// amount or 罚款: 会计处理方法 keeps its 处), 责令改正, criminal liability, 有下列情形之一的, 依法给予处分, 法律、行政法规.
    /// </summary>
    [GeneratedRegex(@"对直接负责的主管人员和其他直接责任人员|[零〇一二两三四五六七八九十百千万亿\d.]+(?:万|亿)?元(?:以上|以下)?|处以?(?=[零〇一二两三四五六七八九十百千万亿\d]|罚款)|的?罚款|构成犯罪的，?依法追究刑事责任|责令(?:限期)?改正|董事、监事、高级管理人员|有下列(?:情形|行为)之一的|依法给予(?:行政|政务)?处分|法律、行政法规")]
    private static partial Regex Template();
}
