namespace PolicyIngest.Core;

/// <summary>"Today" for status and expiry: the date in Asia/Shanghai, where the policies are issued, from an injected clock.</summary>
public static class PolicyClock
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>
    /// A clock whose today is <paramref name="date"/> (Asia/Shanghai): it starts at 09:00 that day when created and runs
    /// on from there, so timestamps still order. $POLICYINGEST_TODAY sets it: a testing and "as of" aid.
    /// </summary>
    public static TimeProvider StartingOn(DateOnly date) => new ShiftedClock(
        new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), Zone.GetUtcOffset(date.ToDateTime(new TimeOnly(9, 0)))));

    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started);

        public override TimeZoneInfo LocalTimeZone => Zone;
    }

    /// <summary>Asia/Shanghai (UTC+8, no daylight saving); a fixed +8 zone where the system has no tz database.</summary>
    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8"); }
    }
}
