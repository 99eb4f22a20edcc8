using System.Text;

namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>
/// <c>MaxResults</c> / <c>NextToken</c> pagination. Items are ordered by id and the token names the last id
/// returned, so a page boundary stays put while other items are created or deleted between calls.
/// </summary>
internal static class Paging
{
    /// <param name="items">All matching items, in any order.</param>
    /// <param name="key">The id items are ordered by.</param>
    /// <param name="request">The call, with its limit and token parameters.</param>
    /// <param name="minResults">The smallest limit the action accepts.</param>
    /// <param name="maxResults">The largest limit the action accepts.</param>
    /// <param name="limitName">EC2's MaxResults, RDS's MaxRecords.</param>
    /// <param name="tokenName">EC2's NextToken, RDS's Marker.</param>
    public static (IReadOnlyList<T> Page, string? NextToken) Apply<T>(
        IEnumerable<T> items, Func<T, string> key, AwsQueryRequest request, int minResults, int maxResults,
        string limitName = "MaxResults", string tokenName = "NextToken")
    {
        var limit = request.GetInt(limitName);
        if (limit is { } l && (l < minResults || l > maxResults))
            throw new AwsApiException("InvalidParameterValue",
                $"Value ( {l} ) for parameter {limitName} is invalid. Expecting a value between {minResults} and {maxResults}.");
        var after = request.Get(tokenName) is { } token ? Decode(token) : null;
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
