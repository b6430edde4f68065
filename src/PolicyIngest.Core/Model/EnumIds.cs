using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace PolicyIngest.Core.Model;

/// <summary>The contract ids of enum values (in_force, card-field, rate_cap …), as every output writes them.</summary>
public static class EnumIds
{
    private static readonly ConcurrentDictionary<Enum, string> ToIdCache = new();

    public static string ToId<T>(this T value) where T : struct, Enum =>
        ToIdCache.GetOrAdd(value, v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? v.ToString().ToLowerInvariant());

    public static T Parse<T>(string id) where T : struct, Enum =>
        TryParse<T>(id, out var value) ? value : throw new ArgumentException($"unknown {typeof(T).Name} id '{id}'", nameof(id));

    public static bool TryParse<T>(string? id, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(v.ToId(), id, StringComparison.OrdinalIgnoreCase)) { value = v; return true; }
        }
        value = default;
        return false;
    }
}
