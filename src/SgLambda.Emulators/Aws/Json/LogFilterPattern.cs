using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SgLambda.Emulators.Aws.Json;

/// <summary>
/// The CloudWatch Logs filter patterns the emulator understands: empty (everything), a JSON equality
/// <c>{ $.field = "value" }</c> (exact, case-sensitive; lines that are not JSON never match), or one term,
/// bare or in double quotes (case-sensitive substring). Anything else is refused, as a real pattern the
/// emulator cannot evaluate must not silently match nothing.
/// </summary>
internal sealed partial class LogFilterPattern
{
    private readonly Func<string, bool> _matches;

    private LogFilterPattern(Func<string, bool> matches) => _matches = matches;

    public bool Matches(string message) => _matches(message);

    public static LogFilterPattern? TryParse(string? pattern)
    {
        var text = pattern?.Trim() ?? "";
        if (text.Length == 0) return new LogFilterPattern(_ => true);
        if (JsonEquality().Match(text) is { Success: true } json)
        {
            var path = json.Groups["path"].Value.Split('.');
            var value = json.Groups["value"].Value;
            return new LogFilterPattern(message => Field(message, path) == value);
        }
        if (Term().Match(text) is { Success: true } term)
        {
            var word = term.Groups["quoted"].Success ? term.Groups["quoted"].Value : term.Groups["bare"].Value;
            return new LogFilterPattern(message => message.Contains(word, StringComparison.Ordinal));
        }
        return null;
    }

    private static string? Field(string message, string[] path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(message);
        }
        catch (JsonException)
        {
            return null;
        }
        foreach (var name in path) node = (node as JsonObject)?[name];
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    [GeneratedRegex("""^\{\s*\$\.(?<path>[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*)\s*=\s*"(?<value>[^"]*)"\s*\}$""")]
    private static partial Regex JsonEquality();

    [GeneratedRegex("""^(?:"(?<quoted>[^"]+)"|(?<bare>[^\s"{}]+))$""")]
    private static partial Regex Term();
}
