namespace SgLambda.Core.Admission;

/// <summary>
/// The shape of an SG id: <c>sg-</c> and 8 to 17 lowercase hex digits (AWS issues 8 or 17; the
/// tutorial's ids have 14, so the whole range is accepted).
/// </summary>
public static class SecurityGroupId
{
    private const string Prefix = "sg-";

    public static bool IsValid(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var digits = text.Length - Prefix.Length;
        if (digits is < 8 or > 17) return false;
        for (var i = Prefix.Length; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(text[i]) && !char.IsAsciiDigit(text[i])) return false;
        }
        return true;
    }
}
