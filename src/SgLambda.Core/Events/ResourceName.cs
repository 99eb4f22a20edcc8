namespace SgLambda.Core.Events;

/// <summary>
/// A service's resource name or id as it appears in its ENIs' descriptions (mount target, load balancer,
/// function, cache cluster, domain, cluster): letters, digits, '-', '_', '.', '/' and ':' only, so it can go
/// into an EC2 <c>description</c> filter without being read as a wildcard.
/// </summary>
internal static class ResourceName
{
    private const int MaxLength = 255;

    public static string? Optional(JsonField field)
    {
        var name = field.OptionalString();
        if (name is null) return null;
        if (name.Length > MaxLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':'))
            throw JsonField.Malformed($"{field.Path} is not a resource name: {JsonField.Quote(name)}");
        return name;
    }

    public static string Required(JsonField field, string expected) =>
        Optional(field) ?? throw JsonField.Malformed($"{field.Path} is missing (expected {expected})");
}
