namespace SgLambda.Core.Events;

/// <summary>
/// AWS Lambda functions in a VPC. Lambda names its CloudTrail events with the API version
/// (<c>CreateFunction20150331</c>, <c>UpdateFunctionConfiguration20150331v2</c>); the request has
/// <c>functionName</c> and <c>vpcConfig.securityGroupIds</c>, the response <c>vpcConfig.vpcId</c>. The
/// function's ENIs are described <c>AWS Lambda VPC ENI-FUNCTION...</c>; only a call with a vpcConfig
/// changes them.
/// </summary>
internal static class LambdaCalls
{
    public static CallEffect FunctionConfigured(CloudTrailCall call)
    {
        var vpcConfig = call.Request["vpcConfig"];
        var affected = new AffectedBuilder();
        if (!vpcConfig.Exists) return affected.Effect($"{call.EventName} has no vpcConfig (it changes nothing SgLambda renders)");
        var name = ResourceName.Optional(call.Response["functionName"]) ?? FunctionName(ResourceName.Required(call.Request["functionName"], "a function name"));
        affected.NetworkInterfaceDescription($"AWS Lambda VPC ENI-{name}*");
        affected.Vpc(call.Response["vpcConfig"]["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
        return affected.Effect($"VPC configuration of function {name} changed");
    }

    /// <summary>The function name of a name, a partial ARN or a full ARN (with or without a qualifier).</summary>
    private static string FunctionName(string nameOrArn)
    {
        const string marker = "function:";
        var at = nameOrArn.IndexOf(marker, StringComparison.Ordinal);
        var name = at < 0 ? nameOrArn : nameOrArn[(at + marker.Length)..];
        var qualifier = name.IndexOf(':', StringComparison.Ordinal);
        return qualifier < 0 ? name : name[..qualifier];
    }
}
