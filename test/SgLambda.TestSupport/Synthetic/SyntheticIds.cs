using System.Globalization;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// AWS-shaped resource ids (<c>sg-0…</c>, <c>eni-0…</c>, 17 hex digits) drawn from the seeded random,
/// never the same id twice.
/// </summary>
internal sealed class SyntheticIds(Random random)
{
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    public string Next(string prefix)
    {
        while (true)
        {
            var id = prefix + "-0" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            if (_issued.Add(id)) return id;
        }
    }

    /// <summary>Lower-case hex of the given length, for names and descriptions (not unique).</summary>
    public string Hex(int digits)
    {
        var bytes = new byte[(digits + 1) / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..digits];
    }
}
