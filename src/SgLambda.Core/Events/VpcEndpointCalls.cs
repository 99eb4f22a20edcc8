namespace SgLambda.Core.Events;

/// <summary>
/// Interface VPC endpoints: each has one ENI per subnet, described <c>VPC Endpoint Interface vpce-..</c>.
/// CloudTrail records these newer EC2 calls wrapped and PascalCase (<c>CreateVpcEndpointRequest</c>,
/// <c>CreateVpcEndpointResponse.vpcEndpoint</c>), so ids are looked for under their key at any depth.
/// A gateway endpoint has no ENI: its re-read finds nothing.
/// </summary>
internal static class VpcEndpointCalls
{
    private const string Prefix = "vpce-";

    public static CallEffect Changed(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var endpoints = JsonSearch.ValuesOf(call.Request, "vpcEndpointId").Concat(JsonSearch.ValuesOf(call.Response, "vpcEndpointId"))
            .Select(field => field.OptionalId(Prefix, "a VPC endpoint"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var endpoint in endpoints) affected.NetworkInterfaceDescription($"VPC Endpoint Interface {endpoint}");
        foreach (var eni in JsonSearch.NetworkInterfaceIds(call.Response)) affected.NetworkInterface(eni);
        foreach (var vpc in JsonSearch.ValuesOf(call.Request, "vpcId").Concat(JsonSearch.ValuesOf(call.Response, "vpcId")))
            affected.Vpc(vpc.OptionalId(Ids.Vpc, Ids.VpcKind));
        if (endpoints.Count == 0) throw JsonField.Malformed($"{call.Request.Path} names no VPC endpoint (expected a VpcEndpointId)");
        var verb = call.EventName.StartsWith("Create", StringComparison.Ordinal) ? "created" : "modified";
        return affected.Effect($"{Ids.Counted("VPC endpoint", endpoints)} {verb}");
    }
}
