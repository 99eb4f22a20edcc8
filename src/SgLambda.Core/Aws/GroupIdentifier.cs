namespace SgLambda.Core.Aws;

/// <summary>A security group an ENI is a member of.</summary>
public sealed record GroupIdentifier
{
    public required string GroupId { get; init; }
    public string? GroupName { get; init; }
}
