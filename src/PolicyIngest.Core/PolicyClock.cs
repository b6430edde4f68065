namespace PolicyIngest.Core;

/// <summary>"Today" for status and expiry: the date in Asia/Shanghai, where the policies are issued, from an injected clock.</summary>
public static class PolicyClock
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>Asia/Shanghai (UTC+8, no daylight saving); a fixed +8 zone where the system has no tz database.</summary>
    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8"); }
    }
}
