namespace SgLambda.Core.Aws;

/// <summary>An EC2 tag.</summary>
public sealed record Tag
{
    public required string Key { get; init; }
    public string? Value { get; init; }
}
