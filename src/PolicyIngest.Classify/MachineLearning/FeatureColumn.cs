using Microsoft.ML;
using Microsoft.ML.Data;
using PolicyIngest.Classify.Features;

namespace PolicyIngest.Classify.MachineLearning;

/// <summary>
/// The project's clause features (<see cref="ClauseFeatures"/>, a sorted <see cref="SparseVector"/> over 2^bits hash
/// buckets) as ML.NET's feature column: a sparse <see cref="VBuffer{T}"/> of the same length, indices and values. Nothing
/// is recomputed or rescaled on the way, so an ML.NET linear model's weights apply to <see cref="SparseVector"/> as they are.
/// </summary>
public static class FeatureColumn
{
    public const string Features = nameof(ClauseRow.Features);
    public const string Class = nameof(ClauseRow.Class);
    public const string Positive = nameof(ClauseRow.Positive);
    public const string Weight = nameof(ClauseRow.Weight);

    /// <summary>The vector as a sparse VBuffer of length <paramref name="dimension"/> (it shares the vector's arrays; ML.NET copies what it keeps).</summary>
    public static VBuffer<float> ToVBuffer(SparseVector x, int dimension)
    {
        if (x.Count > 0 && x.Indices[^1] >= dimension) throw new ArgumentException($"feature index {x.Indices[^1]} is outside the dimension {dimension}", nameof(x));
        return new VBuffer<float>(dimension, x.Count, x.Values, x.Indices);
    }

    /// <summary>The non-zero entries of a VBuffer (dense or sparse) as a sorted sparse vector.</summary>
    public static SparseVector ToSparseVector(in VBuffer<float> v)
    {
        var indices = new List<int>(v.GetValues().Length);
        var values = new List<float>(v.GetValues().Length);
        foreach (var (index, value) in v.Items(all: false))
        {
            if (value == 0) continue;
            indices.Add(index);
            values.Add(value);
        }
        return new SparseVector([.. indices], [.. values]);
    }

    /// <summary>The dense weights of a VBuffer (a model's weight vector), length <paramref name="dimension"/>.</summary>
    public static float[] Dense(in VBuffer<float> v, int dimension)
    {
        if (v.Length != dimension) throw new InvalidDataException($"a weight vector of length {v.Length}, expected {dimension}");
        var dense = new float[dimension];
        foreach (var (index, value) in v.Items(all: false)) dense[index] = value;
        return dense;
    }

    /// <summary>An in-memory data view of the rows, with the feature column typed as a vector of <paramref name="dimension"/> floats and the class as a key of <paramref name="classes"/> values.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<ClauseRow> rows, int dimension, int classes)
    {
        var schema = SchemaDefinition.Create(typeof(ClauseRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[Class].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(classes, 1));
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The schema of <see cref="Load"/>'s data views, as a saved model records its input.</summary>
    public static DataViewSchema InputSchema(MLContext ml, int dimension, int classes) => Load(ml, [], dimension, classes).Schema;
}

/// <summary>
/// One training row: the clause's features, its category, its binary label for one label model, and its example weight.
/// <see cref="Class"/> is the 0-based index into the labels: ML.NET's LoadFromEnumerable turns a uint into a key by adding
/// one (the key's 0 means missing), as a test that trains on it checks.
/// </summary>
public sealed class ClauseRow
{
    public VBuffer<float> Features;
    public uint Class;
    public bool Positive;
    public float Weight = 1;
}
