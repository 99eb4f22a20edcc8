namespace SgLambda.Emulators.Aws.Model;

/// <summary>A copy of the account's state, taken before a change so that a failed call can leave nothing behind.</summary>
internal sealed record AccountCheckpoint(
    IReadOnlyList<Ec2Vpc> Vpcs,
    IReadOnlyList<Ec2Subnet> Subnets,
    IReadOnlyList<Ec2SecurityGroup> Groups,
    IReadOnlyList<Ec2NetworkInterface> Interfaces,
    IReadOnlyList<Ec2Instance> Instances,
    IReadOnlyList<Ec2PrefixList> PrefixLists,
    IReadOnlyList<RdsDbInstance> DbInstances);
