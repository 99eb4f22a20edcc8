using System.Text;
using System.Text.RegularExpressions;

namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>
/// EC2 filter values: literal, case-sensitive strings where <c>*</c> matches any run of characters and
/// <c>?</c> one character (a backslash escapes them), as the EC2 API reference describes filtering.
/// </summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string? value)
    {
        if (value is null) return false;
        if (pattern.IndexOfAny(['*', '?', '\\']) < 0) return string.Equals(pattern, value, StringComparison.Ordinal);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) regex.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '*') regex.Append(".*");
            else if (c == '?') regex.Append('.');
            else regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append('$');
        return Regex.IsMatch(value, regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>A filter matches when any of its values matches any of the resource's values for that name.</summary>
    public static bool AnyMatches(IReadOnlyList<string> patterns, IEnumerable<string?> values)
    {
        var candidates = values.ToList();
        return patterns.Any(p => candidates.Any(v => Matches(p, v)));
    }
}
