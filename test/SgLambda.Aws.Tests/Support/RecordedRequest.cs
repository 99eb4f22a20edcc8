namespace SgLambda.Aws.Tests.Support;

/// <summary>What a client sent: method, URI, headers (content headers included) and body.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The form parameters of a Query API body, decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form =>
        [.. Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0].Replace('+', ' ')), Uri.UnescapeDataString(kv.Length > 1 ? kv[1].Replace('+', ' ') : "")))];

    public string? Param(string name) => Form.FirstOrDefault(p => p.Key == name).Value;

    public string Action => Param("Action") ?? "";

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
