using System.Text;

namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>
/// <c>MaxResults</c> / <c>NextToken</c> pagination. Items are ordered by id and the token names the last id
/// returned, so a page boundary stays put while other items are created or deleted between calls.
/// </summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Page, string? NextToken) Apply<T>(
        IEnumerable<T> items, Func<T, string> key, AwsQueryRequest request, int minResults, int maxResults)
    {
        var limit = request.GetInt("MaxResults");
        if (limit is { } l && (l < minResults || l > maxResults))
            throw new AwsApiException("InvalidParameterValue",
                $"Value ( {l} ) for parameter maxResults is invalid. Expecting a value between {minResults} and {maxResults}.");
        var after = request.Get("NextToken") is { } token ? Decode(token) : null;
        var ordered = items.OrderBy(key, StringComparer.Ordinal)
            .Where(i => after is null || string.CompareOrdinal(key(i), after) > 0)
            .ToList();
        if (limit is not { } take || ordered.Count <= take) return (ordered, null);
        var page = ordered.Take(take).ToList();
        return (page, Encode(key(page[^1])));
    }

    private static string Encode(string lastKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastKey));

    private static string Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal)) return text["after:".Length..];
        }
        catch (FormatException)
        {
        }
        throw new AwsApiException("InvalidPaginationToken", $"Invalid pagination token: {token}");
    }
}
