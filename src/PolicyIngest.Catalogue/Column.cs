using System.Data.Common;
using System.Globalization;
using PolicyIngest.Core;

namespace PolicyIngest.Catalogue;

/// <summary>Column reads that differ by engine only in the stored type.</summary>
internal static class Column
{
    /// <summary>
    /// Money or a rate: numeric on PostgreSQL, canonical decimal text in the SQLite file. Both come back in the canonical
    /// form (no trailing fractional zeros: 500, not 500.00), so exports print the same on either engine.
    /// </summary>
    public static decimal Decimal(DbDataReader r, int i)
    {
        var text = r.GetValue(i) is decimal d ? DecimalText.Canonical(d) : r.GetString(i);
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
