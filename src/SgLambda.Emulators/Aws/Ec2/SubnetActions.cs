using System.Net;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>
/// Subnet actions of the EC2 Query API: DescribeSubnets (Terraform reads a subnet before it puts an instance or an
/// ENI in it). Element names from botocore's ec2 model (<c>subnetSet</c>, the <c>Subnet</c> shape's locationNames).
/// </summary>
internal static class SubnetActions
{
    public static IEnumerable<ActionDefinition> All => [new("DescribeSubnets", AwsService.Ec2, DescribeSubnets)];

    private static ActionOutcome DescribeSubnets(ActionContext context)
    {
        var (request, account) = context;
        var all = account.Subnets;
        var ids = request.GetList("SubnetId");
        foreach (var id in ids)
        {
            if (!all.Any(s => string.Equals(s.SubnetId, id, StringComparison.Ordinal))) throw Ec2Errors.SubnetNotFound(id);
        }
        var selected = all.Where(s => ids.Count == 0 || ids.Contains(s.SubnetId, StringComparer.Ordinal));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<Ec2Subnet, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["subnet-id"] = s => Filtering.One(s.SubnetId),
            ["vpc-id"] = s => Filtering.One(s.VpcId),
            ["cidr-block"] = s => Filtering.One(s.CidrBlock),
            ["cidrBlock"] = s => Filtering.One(s.CidrBlock),
            ["availability-zone"] = s => Filtering.One(s.AvailabilityZone),
            ["availabilityZone"] = s => Filtering.One(s.AvailabilityZone),
            ["owner-id"] = _ => Filtering.One(account.AccountId),
            ["state"] = _ => Filtering.One("available"),
            ["default-for-az"] = _ => Filtering.Flag(false),
        }, _ => []);
        var (page, next) = Paging.Apply(filtered, s => s.SubnetId, request, 5, 1000);
        return new ActionOutcome(new WireStruct()
            .Add("subnetSet", new WireList(page.Select(s => Subnet(account, s))))
            .Add("nextToken", next));
    }

    private static WireStruct Subnet(Ec2Account account, Ec2Subnet subnet)
    {
        var cidr = IPNetwork.Parse(subnet.CidrBlock);
        // AWS reserves five addresses of every subnet.
        var size = (1L << (32 - cidr.PrefixLength)) - 5;
        var used = account.NetworkInterfaces.Where(e => string.Equals(e.SubnetId, subnet.SubnetId, StringComparison.Ordinal)).Sum(e => e.PrivateIps.Count);
        return new WireStruct()
            .Add("subnetId", subnet.SubnetId)
            .Add("subnetArn", $"arn:aws:ec2:{account.Region}:{account.AccountId}:subnet/{subnet.SubnetId}")
            .Add("state", "available")
            .Add("vpcId", subnet.VpcId)
            .Add("ownerId", account.AccountId)
            .Add("cidrBlock", subnet.CidrBlock)
            .Add("ipv6CidrBlockAssociationSet", new WireList([]))
            .Add("availableIpAddressCount", (int)Math.Max(0, size - used))
            .Add("availabilityZone", subnet.AvailabilityZone)
            .Add("defaultForAz", false)
            .Add("mapPublicIpOnLaunch", false)
            .Add("assignIpv6AddressOnCreation", false)
            .Add("mapCustomerOwnedIpOnLaunch", false)
            .Add("enableDns64", false)
            .Add("ipv6Native", false)
            .Add("privateDnsNameOptionsOnLaunch", new WireStruct()
                .Add("hostnameType", "ip-name")
                .Add("enableResourceNameDnsARecord", false)
                .Add("enableResourceNameDnsAAAARecord", false));
    }
}
