using System.Collections.Immutable;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>An emulated RDS DB instance and the ENI RDS created for it in the VPC.</summary>
public sealed record RdsDbInstance(
    string DbInstanceIdentifier,
    string DbiResourceId,
    string DbInstanceClass,
    string Engine,
    string VpcId,
    string SubnetId,
    string AvailabilityZone,
    string NetworkInterfaceId,
    DateTimeOffset CreateTime)
{
    /// <summary>creating, available, modifying, deleting, ...</summary>
    public string Status { get; init; } = "available";
    public ImmutableList<string> VpcSecurityGroupIds { get; init; } = [];
    public int Port { get; init; } = 5432;
    /// <summary>The settings a client reads back (Terraform plans a replacement when MasterUsername differs).</summary>
    public string? MasterUsername { get; init; }
    public string? DbName { get; init; }
    public int AllocatedStorage { get; init; } = 20;
    public bool AutoMinorVersionUpgrade { get; init; } = true;
}
