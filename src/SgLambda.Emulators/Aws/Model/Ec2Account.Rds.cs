namespace SgLambda.Emulators.Aws.Model;

/// <summary>RDS DB instances, each with the ENI RDS creates for it (description RDSNetworkInterface, requester amazon-rds).</summary>
public sealed partial class Ec2Account
{
    /// <summary>Seeds an available DB instance (and its ENI) in the VPC of its security groups.</summary>
    public RdsDbInstance AddDbInstance(string identifier, IReadOnlyList<string> vpcSecurityGroupIds, string? subnetId = null)
    {
        lock (Gate) return CreateDbInstance(identifier, "db.t3.micro", "postgres", vpcSecurityGroupIds, subnetId);
    }

    internal RdsDbInstance CreateDbInstance(string requestedIdentifier, string instanceClass, string engine, IReadOnlyList<string> groupIds, string? subnetId)
    {
        // RDS stores identifiers in lower case, whatever case the request used.
        var identifier = requestedIdentifier.ToLowerInvariant();
        if (_dbInstances.ContainsKey(identifier))
            throw new Protocol.AwsApiException("DBInstanceAlreadyExists", "DB instance already exists");
        var groupsOfDb = groupIds.Select(id => _groups.GetValueOrDefault(id)
            ?? throw new Protocol.AwsApiException("InvalidParameterValue", $"Invalid security group , groupId= {id}")).ToList();
        var subnet = subnetId is { } chosen ? GetSubnet(chosen)
            : groupsOfDb.Count > 0 ? FirstSubnetOf(groupsOfDb[0].VpcId)
            : _subnets.Values.FirstOrDefault() ?? throw new Protocol.AwsApiException("InvalidVPCNetworkStateFault", "There is no VPC to create the DB instance in");
        var eni = CreateNetworkInterface(subnet, "RDSNetworkInterface", groupIds, [], 0, [], []) with
        {
            RequesterId = "amazon-rds",
            RequesterManaged = true,
            Status = "in-use",
            Attachment = new Ec2Attachment(Ids.Next("eni-attach"), null, "amazon-rds", 1, 0, "attached", Now, DeleteOnTermination: false),
        };
        _interfaces[eni.NetworkInterfaceId] = eni;
        var db = new RdsDbInstance(identifier, Ids.DbiResourceId(), instanceClass, engine, subnet.VpcId, subnet.SubnetId,
            subnet.AvailabilityZone, eni.NetworkInterfaceId, Now)
        {
            VpcSecurityGroupIds = eni.GroupIds,
            Port = engine.Contains("mysql", StringComparison.Ordinal) || engine.Contains("maria", StringComparison.Ordinal) ? 3306 : 5432,
        };
        _dbInstances.Add(identifier, db);
        return db;
    }

    /// <summary>Stores changed settings of an existing DB instance (not its security groups: <see cref="SetDbSecurityGroups"/>).</summary>
    internal RdsDbInstance UpdateDbInstance(string identifier, Func<RdsDbInstance, RdsDbInstance> change)
    {
        var db = GetDbInstance(identifier);
        var updated = change(db) with { VpcSecurityGroupIds = db.VpcSecurityGroupIds, NetworkInterfaceId = db.NetworkInterfaceId };
        _dbInstances[db.DbInstanceIdentifier] = updated;
        return updated;
    }

    internal RdsDbInstance GetDbInstance(string identifier) =>
        _dbInstances.GetValueOrDefault(identifier.ToLowerInvariant())
        ?? throw new Protocol.AwsApiException("DBInstanceNotFound", $"DBInstance {identifier} not found.", 404);

    /// <summary>Replaces the DB instance's VPC security groups, on the instance and on its ENI.</summary>
    internal RdsDbInstance SetDbSecurityGroups(string identifier, IReadOnlyList<string> groupIds)
    {
        var db = GetDbInstance(identifier);
        identifier = db.DbInstanceIdentifier;
        foreach (var id in groupIds)
        {
            if (!_groups.ContainsKey(id)) throw new Protocol.AwsApiException("InvalidParameterValue", $"Invalid security group , groupId= {id}");
        }
        SetGroups(db.NetworkInterfaceId, groupIds);
        var updated = db with { VpcSecurityGroupIds = _interfaces[db.NetworkInterfaceId].GroupIds };
        _dbInstances[identifier] = updated;
        return updated;
    }

    internal RdsDbInstance DeleteDbInstance(string identifier)
    {
        var db = GetDbInstance(identifier);
        _dbInstances.Remove(db.DbInstanceIdentifier);
        _interfaces.Remove(db.NetworkInterfaceId);
        return db with { Status = "deleting" };
    }
}
