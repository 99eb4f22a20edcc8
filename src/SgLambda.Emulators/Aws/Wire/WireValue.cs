using System.Globalization;

namespace SgLambda.Emulators.Aws.Wire;

/// <summary>A leaf value, kept as the text the XML carries plus its type for JSON.</summary>
internal sealed class WireValue(string text, WireValueKind kind, long epochMilliseconds = 0) : WireNode
{
    public string Text { get; } = text;
    public WireValueKind Kind { get; } = kind;
    /// <summary>For a timestamp: CloudTrail's EC2 records write times as epoch milliseconds.</summary>
    public long EpochMilliseconds { get; } = epochMilliseconds;

    public static WireValue Of(string text) => new(text, WireValueKind.Text);

    public static WireValue Of(long number) => new(number.ToString(CultureInfo.InvariantCulture), WireValueKind.Number);

    public static WireValue Of(bool flag) => new(flag ? "true" : "false", WireValueKind.Boolean);

    /// <summary>EC2 writes times as ISO 8601 UTC with milliseconds.</summary>
    public static WireValue Of(DateTimeOffset time) =>
        new(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), WireValueKind.Timestamp,
            time.ToUnixTimeMilliseconds());
}
