namespace PolicyIngest.Segmentation;

/// <summary>Splits text into sentences (after 。！？；, and at line ends) for the parity measurement.</summary>
public static class SentenceSplitter
{
    public static IEnumerable<string> Split(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is '。' or '！' or '？' or '；')
                {
                    if (i + 1 > start && !string.IsNullOrWhiteSpace(line[start..(i + 1)])) yield return line[start..(i + 1)];
                    start = i + 1;
                }
            }
            if (start < line.Length && !string.IsNullOrWhiteSpace(line[start..])) yield return line[start..].TrimEnd('\r');
        }
    }
}
