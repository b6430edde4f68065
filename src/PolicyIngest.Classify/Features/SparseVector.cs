namespace PolicyIngest.Classify.Features;

/// <summary>A feature vector as sorted, distinct indices with their values.</summary>
public sealed class SparseVector(int[] indices, float[] values)
{
    public int[] Indices { get; } = indices;
    public float[] Values { get; } = values;
    public int Count => Indices.Length;

    /// <summary>The sum of two vectors (sorted distinct indices in, sorted distinct indices out).</summary>
    public static SparseVector Sum(SparseVector a, SparseVector b)
    {
        if (b.Count == 0) return a;
        if (a.Count == 0) return b;
        var indices = new List<int>(a.Count + b.Count);
        var values = new List<float>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j == b.Count || (i < a.Count && a.Indices[i] < b.Indices[j])) { indices.Add(a.Indices[i]); values.Add(a.Values[i++]); }
            else if (i == a.Count || b.Indices[j] < a.Indices[i]) { indices.Add(b.Indices[j]); values.Add(b.Values[j++]); }
            else { indices.Add(a.Indices[i]); values.Add(a.Values[i++] + b.Values[j++]); }
        }
        return new SparseVector([.. indices], [.. values]);
    }

    public double Dot(ReadOnlySpan<float> weights)
    {
        double sum = 0;
        for (var i = 0; i < Indices.Length; i++) sum += weights[Indices[i]] * Values[i];
        return sum;
    }

    public double Dot(ReadOnlySpan<double> weights, int offset)
    {
        double sum = 0;
        for (var i = 0; i < Indices.Length; i++) sum += weights[offset + Indices[i]] * Values[i];
        return sum;
    }
}
