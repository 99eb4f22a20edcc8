using SgLambda.Core.Aws;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>Reads the structured EC2 parameters that several actions share.</summary>
internal static class QueryParsers
{
    /// <summary>
    /// <c>IpPermissions.N.*</c> as AWSSDK.EC2 sends them (<c>IpRanges.M.CidrIp</c>, <c>Groups.M.GroupId</c>, ...),
    /// or the legacy single-rule parameters (<c>IpProtocol</c>, <c>FromPort</c>, <c>ToPort</c>, <c>CidrIp</c>).
    /// </summary>
    public static IReadOnlyList<IpPermission> Permissions(AwsQueryRequest request)
    {
        var permissions = request.GetStructList("IpPermissions").Select(Permission).ToList();
        if (request.Get("IpProtocol") is { } protocol)
        {
            permissions.Add(new IpPermission
            {
                IpProtocol = protocol,
                FromPort = request.GetInt("FromPort"),
                ToPort = request.GetInt("ToPort"),
                IpRanges = request.Get("CidrIp") is { } cidr ? [new IpRange { CidrIp = cidr }] : [],
                UserIdGroupPairs = request.Get("SourceSecurityGroupId") is { } source ? [new UserIdGroupPair { GroupId = source }] : [],
            });
        }
        return permissions;
    }

    private static IpPermission Permission(AwsQueryRequest p) => new()
    {
        IpProtocol = p.Get("IpProtocol") ?? throw new AwsApiException("MissingParameter", "The request must contain the parameter ipProtocol"),
        FromPort = p.GetInt("FromPort"),
        ToPort = p.GetInt("ToPort"),
        IpRanges = [.. p.GetStructList("IpRanges").Select(r => new IpRange { CidrIp = r.Get("CidrIp") ?? "", Description = r.Get("Description") })],
        Ipv6Ranges = [.. p.GetStructList("Ipv6Ranges").Select(r => new Ipv6Range { CidrIpv6 = r.Get("CidrIpv6") ?? "", Description = r.Get("Description") })],
        PrefixListIds = [.. p.GetStructList("PrefixListIds").Select(r => new PrefixListId { Id = r.Get("PrefixListId") ?? "", Description = r.Get("Description") })],
        UserIdGroupPairs = [.. p.GetStructList("Groups").Select(g => new UserIdGroupPair
        {
            GroupId = g.Get("GroupId") ?? throw new AwsApiException("MissingParameter", "The request must contain the parameter groupId"),
            UserId = g.Get("UserId"),
            Description = g.Get("Description"),
        })],
    };

    /// <summary>The tags of <c>TagSpecification.N</c> whose <c>ResourceType</c> is the given one.</summary>
    public static IReadOnlyList<Tag> Tags(AwsQueryRequest request, string resourceType) =>
        [.. request.GetStructList("TagSpecification")
            .Where(s => string.Equals(s.Get("ResourceType"), resourceType, StringComparison.Ordinal))
            .SelectMany(s => s.GetStructList("Tag"))
            .Select(t => new Tag { Key = t.Get("Key") ?? "", Value = t.Get("Value") })];
}
