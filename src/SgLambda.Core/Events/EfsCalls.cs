namespace SgLambda.Core.Events;

/// <summary>
/// Amazon EFS mount targets: each has one ENI, described <c>EFS mount target for fs-.. (fsmt-..)</c> (the
/// EFS User Guide's CloudTrail example of the ENI that EFS creates). EFS writes its JSON API's parameters
/// in camelCase: <c>mountTargetId</c>, <c>securityGroups</c>; CreateMountTarget answers with the
/// MountTargetDescription (<c>networkInterfaceId</c>, <c>vpcId</c>).
/// </summary>
internal static class EfsCalls
{
    public static CallEffect CreateMountTarget(CloudTrailCall call)
    {
        var affected = new AffectedBuilder()
            .NetworkInterface(call.Response["networkInterfaceId"].OptionalId(Ids.NetworkInterface, Ids.NetworkInterfaceKind))
            .Vpc(call.Response["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
        var mountTarget = ResourceName.Optional(call.Response["mountTargetId"]);
        affected.NetworkInterfaceDescription(mountTarget is null ? null : Description(mountTarget));
        if (affected.NetworkInterfaces.Count == 0 && mountTarget is null)
            throw JsonField.Malformed($"{call.Response.Path} names neither the mount target nor its network interface");
        return affected.Effect($"EFS mount target {mountTarget ?? affected.NetworkInterfaces.First()} created");
    }

    /// <summary>Replaces the SGs of the mount target's ENI (the request names the mount target only).</summary>
    public static CallEffect ModifyMountTargetSecurityGroups(CloudTrailCall call)
    {
        var mountTarget = ResourceName.Required(call.Request["mountTargetId"], "an EFS mount target id");
        return new AffectedBuilder()
            .NetworkInterfaceDescription(Description(mountTarget))
            .Effect($"security groups of EFS mount target {mountTarget} changed");
    }

    private static string Description(string mountTarget) => $"EFS mount target for * ({mountTarget})";
}
