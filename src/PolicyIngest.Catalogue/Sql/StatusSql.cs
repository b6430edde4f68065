namespace PolicyIngest.Catalogue.Sql;

/// <summary>
/// Status of a version as of a date (@asOf, yyyy-MM-dd), as one SQL expression over a version row aliased <c>v</c>.
/// The one definition search filters, show, changes and exports all use.
/// </summary>
public static class StatusSql
{
    public const string Case = """
        (CASE WHEN v.repealed_by IS NOT NULL THEN 'repealed'
              WHEN v.superseded_by IS NOT NULL THEN 'amended'
              WHEN v.expires_on IS NOT NULL AND v.expires_on < @asOf THEN 'expired'
              WHEN v.effective_from IS NOT NULL AND v.effective_from > @asOf THEN 'not_yet_effective'
              ELSE 'in_force' END)
        """;

    /// <summary>Only the newest version of each policy.</summary>
    public const string IsCurrent = "(v.superseded_by IS NULL)";
}
