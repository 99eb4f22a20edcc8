using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>What RunInstances launches: <see cref="Count"/> instances, each with a primary ENI in the subnet.</summary>
internal sealed record LaunchSpec(string ImageId, string InstanceType, int Count, Ec2Subnet Subnet)
{
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    /// <summary>The primary private IP; only with a count of one.</summary>
    public string? PrivateIpAddress { get; init; }
    public int SecondaryPrivateIpAddressCount { get; init; }
    public string PrimaryInterfaceDescription { get; init; } = "";
    public string? KeyName { get; init; }
    public string? ClientToken { get; init; }
    public IReadOnlyList<Tag> InstanceTags { get; init; } = [];
    public IReadOnlyList<Tag> NetworkInterfaceTags { get; init; } = [];
}
