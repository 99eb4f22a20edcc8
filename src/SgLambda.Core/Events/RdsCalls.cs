using System.Text.Json;

namespace SgLambda.Core.Events;

/// <summary>
/// RDS calls. RDS writes its records with its own casing (<c>dBInstanceIdentifier</c>,
/// <c>dBClusterIdentifier</c>) and plain JSON arrays. Identifiers are lowercased: RDS stores them in
/// lowercase, whatever case the request used.
/// </summary>
internal static class RdsCalls
{
    public static CallEffect DbInstance(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var requested = call.Request["dBInstanceIdentifier"];
        affected.DbInstance(Identifier(requested));
        affected.DbInstance(Identifier(call.Request["newDBInstanceIdentifier"]));
        // RestoreDBInstanceToPointInTime names the new instance targetDBInstanceIdentifier (the source is untouched).
        affected.DbInstance(Identifier(call.Request["targetDBInstanceIdentifier"]));
        affected.DbInstance(Identifier(call.Response["dBInstanceIdentifier"]));
        // An instance of an Aurora cluster: the cluster's members changed too.
        affected.DbCluster(Identifier(call.Request["dBClusterIdentifier"]));
        affected.DbCluster(Identifier(call.Response["dBClusterIdentifier"]));
        var subnetGroup = call.Response["dBSubnetGroup"];
        if (subnetGroup.Value.ValueKind == JsonValueKind.Object) affected.Vpc(subnetGroup["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
        if (affected.DbInstances.Count == 0) throw JsonField.Malformed($"{requested.Path} is missing (expected a DB instance identifier)");
        return affected.Effect($"{Ids.Counted("DB instance", affected.DbInstances)} {Verb(call.EventName)}");
    }

    /// <summary>The cluster, and its member instances when the response lists them (their ENIs carry the cluster's SGs).</summary>
    public static CallEffect DbCluster(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var requested = call.Request["dBClusterIdentifier"];
        affected.DbCluster(Identifier(requested));
        affected.DbCluster(Identifier(call.Request["newDBClusterIdentifier"]));
        affected.DbCluster(Identifier(call.Response["dBClusterIdentifier"]));
        foreach (var member in call.Response["dBClusterMembers"].Items())
            affected.DbInstance(Identifier(member["dBInstanceIdentifier"]));
        if (affected.DbClusters.Count == 0) throw JsonField.Malformed($"{requested.Path} is missing (expected a DB cluster identifier)");
        return affected.Effect($"{Ids.Counted("DB cluster", affected.DbClusters)} {Verb(call.EventName)}");
    }

    /// <summary>An RDS identifier: letters, digits and hyphens, stored lowercase.</summary>
    private static string? Identifier(JsonField field)
    {
        var id = field.OptionalString();
        if (id is null) return null;
        if (id.Length > 255 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw JsonField.Malformed($"{field.Path} is not an RDS identifier: {JsonField.Quote(id)}");
        return id.ToLowerInvariant();
    }

    private static string Verb(string eventName) =>
        eventName.StartsWith("Create", StringComparison.Ordinal) ? "created"
        : eventName.StartsWith("Delete", StringComparison.Ordinal) ? "deleted"
        : eventName.StartsWith("Restore", StringComparison.Ordinal) ? "restored"
        : "modified";
}
