using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>Decides an ENI's <see cref="EniRole"/> and the AWS resource it belongs to.</summary>
public static class EniClassifier
{
    /// <summary>Tag the Amazon VPC CNI puts on the ENIs it creates for pods.</summary>
    public const string VpcCniInstanceTag = "node.k8s.amazonaws.com/instance_id";
    /// <summary>Description prefix of ENIs the Amazon VPC CNI creates.</summary>
    public const string VpcCniDescriptionPrefix = "aws-K8S-";

    public static EniRole Classify(NetworkInterface eni, SgLambdaConfig config, ClusterNodes nodes)
    {
        ArgumentNullException.ThrowIfNull(eni);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(nodes);
        if (!string.Equals(eni.VpcId?.Trim(), config.VpcId, StringComparison.Ordinal))
            return new EniRole.Ignored($"in {eni.VpcId ?? "no VPC"}, not {config.VpcId}");
        if (eni.InterfaceType is "branch" or "trunk")
            return new EniRole.Ignored($"{eni.InterfaceType} interface (security groups for pods)");
        if (IsVpcCniEni(eni))
            return new EniRole.Ignored("secondary ENI of the Amazon VPC CNI (its IPs belong to pods)");
        if (eni.Attachment?.InstanceId?.Trim() is { Length: > 0 } instance && nodes.IsNode(instance))
        {
            if (!IsPrimary(eni))
                return new EniRole.Ignored($"secondary ENI of cluster node {instance} (its IPs belong to pods)");
            var name = nodes.RegisteredName(instance) ?? NodeNameFromEni(eni) ?? instance;
            return new EniRole.ClusterNode(name, instance);
        }
        return new EniRole.VpcMember(ResourceTypeOf(eni));
    }

    /// <summary>Device index 0 on network card 0: the ENI an instance was launched with.</summary>
    public static bool IsPrimary(NetworkInterface eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        return eni.Attachment is { DeviceIndex: 0 } attachment && (attachment.NetworkCardIndex ?? 0) == 0;
    }

    public static bool IsVpcCniEni(NetworkInterface eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        return eni.TagSet.Any(t => string.Equals(t.Key, VpcCniInstanceTag, StringComparison.Ordinal))
            || (eni.Description?.StartsWith(VpcCniDescriptionPrefix, StringComparison.Ordinal) ?? false);
    }

    /// <summary>The resource type label value, from the interface type, description and requester.</summary>
    public static string ResourceTypeOf(NetworkInterface eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        var description = eni.Description ?? "";
        return eni.InterfaceType switch
        {
            "nat_gateway" => ResourceTypes.NatGateway,
            "network_load_balancer" or "gateway_load_balancer" or "gateway_load_balancer_endpoint" => ResourceTypes.Elb,
            "vpc_endpoint" => ResourceTypes.VpcEndpoint,
            "lambda" => ResourceTypes.Lambda,
            _ when description.StartsWith("ELB ", StringComparison.Ordinal) => ResourceTypes.Elb,
            _ when description.StartsWith("RDSNetworkInterface", StringComparison.Ordinal)
                || string.Equals(eni.RequesterId, "amazon-rds", StringComparison.Ordinal)
                || string.Equals(eni.Attachment?.InstanceOwnerId, "amazon-rds", StringComparison.Ordinal) => ResourceTypes.Rds,
            _ when description.StartsWith("AWS Lambda VPC ENI", StringComparison.Ordinal) => ResourceTypes.Lambda,
            _ when description.StartsWith("Amazon EKS ", StringComparison.Ordinal) => ResourceTypes.EksControlPlane,
            _ when description.StartsWith("VPC Endpoint Interface", StringComparison.Ordinal) => ResourceTypes.VpcEndpoint,
            _ when description.StartsWith("Interface for NAT Gateway", StringComparison.Ordinal) => ResourceTypes.NatGateway,
            _ when eni.Attachment?.InstanceId is { Length: > 0 } => ResourceTypes.Ec2Instance,
            _ => ResourceTypes.Other,
        };
    }

    private static string? NodeNameFromEni(NetworkInterface eni) =>
        eni.PrivateDnsName is { Length: > 0 } name ? name
        : eni.PrivateIpAddresses.FirstOrDefault(a => a.Primary)?.PrivateDnsName is { Length: > 0 } primaryName ? primaryName
        : null;
}
