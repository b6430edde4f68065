using PolicyIngest.Read.Text;

namespace PolicyIngest.Evaluation.Read;

/// <summary>How much of a known source text a reader recovered, counted on Han characters (whitespace and everything else ignored).</summary>
/// <param name="SourceHan">Han characters in the source text</param>
/// <param name="RecoveredMultiset">Σ over characters of min(count in source, count in output): order ignored</param>
/// <param name="RecoveredInOrder">length of the longest common subsequence: order kept (null when the texts differ too much to compute cheaply)</param>
/// <param name="ExtraHan">Han characters in the output beyond the source's counts (left-over headers, tracked deletions…)</param>
public sealed record FidelityScore(int SourceHan, int RecoveredMultiset, int? RecoveredInOrder, int ExtraHan)
{
    public double Recall => SourceHan == 0 ? 1 : (double)RecoveredMultiset / SourceHan;
    public double? InOrderRecall => RecoveredInOrder is { } n ? SourceHan == 0 ? 1 : (double)n / SourceHan : null;
}

public static class TextFidelity
{
    public static string Han(string text) => string.Concat(text.Where(CjkText.IsHan));

    public static FidelityScore Compare(string source, string output, int maxEdits = 5_000)
    {
        var a = Han(source);
        var b = Han(output);
        var counts = new Dictionary<char, int>();
        foreach (var c in a) counts[c] = counts.GetValueOrDefault(c) + 1;
        int recovered = 0, extra = 0;
        foreach (var c in b)
        {
            if (counts.TryGetValue(c, out var n) && n > 0) { counts[c] = n - 1; recovered++; }
            else extra++;
        }
        var d = EditDistanceInsertDelete(a, b, maxEdits);
        int? lcs = d is null ? null : (a.Length + b.Length - d.Value) / 2;
        return new FidelityScore(a.Length, recovered, lcs, extra);
    }

    /// <summary>Myers' O((N+M)·D) shortest edit script length (insertions + deletions); null when above <paramref name="maxEdits"/>.</summary>
    public static int? EditDistanceInsertDelete(string a, string b, int maxEdits)
    {
        int n = a.Length, m = b.Length, max = Math.Min(n + m, maxEdits);
        var v = new int[2 * max + 2];
        var offset = max + 1;
        for (var d = 0; d <= max; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) return d;
            }
        }
        return null;
    }

    /// <summary>Character error rate: Levenshtein distance / reference length, on non-whitespace characters.</summary>
    public static double CharacterErrorRate(string reference, string hypothesis)
    {
        var r = string.Concat(reference.Where(c => !char.IsWhiteSpace(c)));
        var h = string.Concat(hypothesis.Where(c => !char.IsWhiteSpace(c)));
        if (r.Length == 0) return h.Length == 0 ? 0 : 1;
        var previous = new int[h.Length + 1];
        var current = new int[h.Length + 1];
        for (var j = 0; j <= h.Length; j++) previous[j] = j;
        for (var i = 1; i <= r.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= h.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return (double)previous[h.Length] / r.Length;
    }
}
