namespace SgLambda.Core.Aws;

/// <summary>A managed prefix list peer of a permission.</summary>
public sealed record PrefixListId
{
    [System.Text.Json.Serialization.JsonPropertyName("PrefixListId")]
    public required string Id { get; init; }
    public string? Description { get; init; }
}
