namespace SgLambda.Core.Input;

/// <summary>System.Text.Json's messages about malformed JSON, as a user reads them.</summary>
internal static class JsonSyntaxMessages
{
    /// <summary>The reader's complaint about malformed JSON, without the parts meant for programmers.</summary>
    public static string InUsersTerms(string message) => FirstSentence(message);

    // System.Text.Json appends " Path: ... | LineNumber: ... | BytePositionInLine: ..."; the path and
    // line are reported separately.
    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
