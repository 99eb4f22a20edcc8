namespace SgLambda.Core.Events;

/// <summary>
/// Elastic Load Balancing (one event source for Application/Network and Classic load balancers). A load
/// balancer's ENIs are described <c>ELB app/NAME/ID</c>, <c>ELB net/NAME/ID</c> (the ARN's resource part
/// after <c>loadbalancer/</c>) or <c>ELB NAME</c> (Classic).
/// </summary>
internal static class LoadBalancerCalls
{
    private const string ArnMarker = ":loadbalancer/";

    /// <summary>SetSecurityGroups (v2): <c>loadBalancerArn</c>.</summary>
    public static CallEffect SetSecurityGroups(CloudTrailCall call)
    {
        var arn = ResourceName.Required(call.Request["loadBalancerArn"], "a load balancer ARN");
        var name = NameOfArn(arn, call.Request["loadBalancerArn"].Path);
        return new AffectedBuilder().NetworkInterfaceDescription(Description(name)).Effect($"security groups of load balancer {name} changed");
    }

    /// <summary>
    /// CreateLoadBalancer: v2 answers <c>loadBalancers[].loadBalancerArn</c> and <c>vpcId</c>; Classic takes
    /// <c>loadBalancerName</c>.
    /// </summary>
    public static CallEffect Create(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var names = new List<string>();
        foreach (var balancer in call.Response["loadBalancers"].Items())
        {
            var arnField = balancer["loadBalancerArn"];
            if (ResourceName.Optional(arnField) is { } arn) names.Add(NameOfArn(arn, arnField.Path));
            affected.Vpc(balancer["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
        }
        if (names.Count == 0) names.Add(ResourceName.Required(call.Request["loadBalancerName"], "a load balancer name or ARN"));
        foreach (var name in names) affected.NetworkInterfaceDescription(Description(name));
        return affected.Effect($"{Ids.Counted("load balancer", names)} created");
    }

    /// <summary>ApplySecurityGroupsToLoadBalancer (Classic): <c>loadBalancerName</c>.</summary>
    public static CallEffect ApplySecurityGroups(CloudTrailCall call)
    {
        var name = ResourceName.Required(call.Request["loadBalancerName"], "a load balancer name");
        return new AffectedBuilder().NetworkInterfaceDescription(Description(name)).Effect($"security groups of load balancer {name} changed");
    }

    private static string Description(string name) => $"ELB {name}";

    private static string NameOfArn(string arn, string path)
    {
        var at = arn.IndexOf(ArnMarker, StringComparison.Ordinal);
        if (at < 0 || at + ArnMarker.Length == arn.Length) throw JsonField.Malformed($"{path} is not a load balancer ARN: {JsonField.Quote(arn)}");
        return arn[(at + ArnMarker.Length)..];
    }
}
