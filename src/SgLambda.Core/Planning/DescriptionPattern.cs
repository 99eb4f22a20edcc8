namespace SgLambda.Core.Planning;

/// <summary>
/// An EC2 <c>description</c> filter value as EC2 applies it: case-sensitive, <c>*</c> any run of characters,
/// <c>?</c> one character. (The classifier never puts a backslash in one, so escapes are not needed.)
/// </summary>
public static class DescriptionPattern
{
    public static bool Matches(string pattern, string? value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return value is not null && Matches(pattern.AsSpan(), value.AsSpan());
    }

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        while (!pattern.IsEmpty)
        {
            if (pattern[0] == '*')
            {
                var rest = pattern[1..];
                for (var skip = 0; skip <= value.Length; skip++)
                {
                    if (Matches(rest, value[skip..])) return true;
                }
                return false;
            }
            if (value.IsEmpty || (pattern[0] != '?' && pattern[0] != value[0])) return false;
            pattern = pattern[1..];
            value = value[1..];
        }
        return value.IsEmpty;
    }
}
