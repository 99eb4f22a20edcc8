using SgLambda.Core.Aws;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>
/// EC2 Describe filters: filters are ANDed, the values of one filter ORed, values may use wildcards, and
/// <c>tag:&lt;key&gt;</c> / <c>tag-key</c> work on every resource with tags. An unknown filter is an error.
/// </summary>
internal static class Filtering
{
    public static IEnumerable<T> Apply<T>(
        IEnumerable<T> items,
        IReadOnlyList<QueryFilter> filters,
        IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields,
        Func<T, IReadOnlyList<Tag>>? tags = null)
    {
        var predicates = filters.Select(filter => Predicate(filter, fields, tags)).ToList();
        return items.Where(item => predicates.All(p => p(item)));
    }

    private static Func<T, bool> Predicate<T>(
        QueryFilter filter,
        IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields,
        Func<T, IReadOnlyList<Tag>>? tags)
    {
        if (fields.TryGetValue(filter.Name, out var field))
            return item => WildcardPattern.AnyMatches(filter.Values, field(item));
        if (tags is not null && filter.Name.StartsWith("tag:", StringComparison.Ordinal))
        {
            var key = filter.Name["tag:".Length..];
            return item => WildcardPattern.AnyMatches(filter.Values,
                tags(item).Where(t => string.Equals(t.Key, key, StringComparison.Ordinal)).Select(t => t.Value ?? ""));
        }
        if (tags is not null && string.Equals(filter.Name, "tag-key", StringComparison.Ordinal))
            return item => WildcardPattern.AnyMatches(filter.Values, tags(item).Select(t => t.Key));
        throw Ec2Errors.InvalidParameterValue($"The filter '{filter.Name}' is invalid");
    }

    public static IEnumerable<string?> One(string? value) => [value];

    public static IEnumerable<string?> Flag(bool value) => [value ? "true" : "false"];
}
