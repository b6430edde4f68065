namespace PolicyIngest.TestSupport;

/// <summary>A clock the test sets (UTC); <see cref="Now"/> can be moved on.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
