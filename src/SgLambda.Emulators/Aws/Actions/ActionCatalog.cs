using SgLambda.Emulators.Aws.Ec2;
using SgLambda.Emulators.Aws.Rds;
using SgLambda.Emulators.Aws.Sts;

namespace SgLambda.Emulators.Aws.Actions;

/// <summary>Every action the emulator answers, by service and name.</summary>
internal static class ActionCatalog
{
    public const string Ec2Version = "2016-11-15";
    public const string RdsVersion = "2014-10-31";

    private static readonly Dictionary<(AwsService, string), ActionDefinition> Actions =
        SecurityGroupActions.All
            .Concat(NetworkInterfaceActions.All)
            .Concat(InstanceActions.All)
            .Concat(InstanceAttributeActions.All)
            .Concat(VpcActions.All)
            .Concat(SubnetActions.All)
            .Concat(TagActions.All)
            .Concat(PrefixListActions.All)
            .Concat(PrefixListDeletionActions.All)
            .Concat(RdsActions.All)
            .Concat(StsActions.All)
            .ToDictionary(a => (a.Service, a.Name));

    public static ActionDefinition? Find(AwsService service, string action) => Actions.GetValueOrDefault((service, action));

    /// <summary>Both APIs share the loopback endpoint; the Version parameter says which one a call is for.</summary>
    public static AwsService ServiceOf(string version, string action) =>
        string.Equals(version, RdsVersion, StringComparison.Ordinal) ? AwsService.Rds
        : string.Equals(version, StsActions.Version, StringComparison.Ordinal) ? AwsService.Sts
        : string.Equals(version, Ec2Version, StringComparison.Ordinal) ? AwsService.Ec2
        : Actions.ContainsKey((AwsService.Rds, action)) ? AwsService.Rds
        : AwsService.Ec2;
}
