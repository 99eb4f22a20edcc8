namespace SgLambda.Core.Input;

/// <summary>System.Text.Json's messages about malformed JSON, as a user reads them.</summary>
internal static class JsonSyntaxMessages
{
    /// <summary>
    /// The reader's complaint about malformed JSON, without the parts meant for programmers (which reader
    /// option to change, final blocks): what is wrong in the file, in JSON's terms.
    /// </summary>
    public static string InUsersTerms(string message)
    {
        var text = FirstSentence(message);
        if (text.Contains("trailing comma", StringComparison.Ordinal))
            return text.Contains("array", StringComparison.Ordinal)
                ? "a comma before the ']' that ends an array (JSON allows no trailing comma)"
                : "a comma before the '}' that ends an object (JSON allows no trailing comma)";
        if (text.Contains("comment", StringComparison.OrdinalIgnoreCase)) return "a comment (JSON allows no comments)";
        var programmerSentences = new[] { "reader options", "isFinalBlock", "JsonReaderOptions", "Utf8JsonReader" };
        var sentences = text.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Where(sentence => !programmerSentences.Any(word => sentence.Contains(word, StringComparison.Ordinal)))
            .ToList();
        return sentences.Count == 0 ? "the file is not complete JSON" : string.Join(". ", sentences).TrimEnd('.');
    }

    // System.Text.Json appends " Path: ... | LineNumber: ... | BytePositionInLine: ..."; the path and
    // line are reported separately.
    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
