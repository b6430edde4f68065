namespace PolicyIngest.Classify.Features;

/// <summary>A feature vector as sorted, distinct indices with their values.</summary>
public sealed class SparseVector(int[] indices, float[] values)
{
    public int[] Indices { get; } = indices;
    public float[] Values { get; } = values;
    public int Count => Indices.Length;

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
