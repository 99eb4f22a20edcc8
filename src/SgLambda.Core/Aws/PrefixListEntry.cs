namespace SgLambda.Core.Aws;

/// <summary>One CIDR of a managed prefix list.</summary>
public sealed record PrefixListEntry
{
    public required string Cidr { get; init; }
    public string? Description { get; init; }
}
