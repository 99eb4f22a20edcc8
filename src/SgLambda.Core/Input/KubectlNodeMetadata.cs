namespace SgLambda.Core.Input;

/// <summary>A Node's metadata: only its name matters here.</summary>
internal sealed record KubectlNodeMetadata
{
    public required string Name { get; init; }
}
