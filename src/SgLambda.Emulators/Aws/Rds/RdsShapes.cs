using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Rds;

/// <summary>
/// RDS's DBInstance shape as the RDS API reference documents it (PascalCase elements, list members named
/// after their type: <c>VpcSecurityGroups/VpcSecurityGroupMembership</c>, <c>Subnets/Subnet</c>).
/// </summary>
internal static class RdsShapes
{
    public static WireStruct DbInstance(Ec2Account account, RdsDbInstance db, string? status = null)
    {
        var state = status ?? db.Status;
        return new WireStruct()
            .Add("DBInstanceIdentifier", db.DbInstanceIdentifier)
            .Add("DBInstanceClass", db.DbInstanceClass)
            .Add("Engine", db.Engine)
            .Add("DBInstanceStatus", state)
            .Add("MasterUsername", db.MasterUsername)
            .Add("DBName", db.DbName)
            .Add("Endpoint", state is "creating" ? null : new WireStruct()
                .Add("Address", $"{db.DbInstanceIdentifier}.c0example.{account.Region}.rds.amazonaws.com")
                .Add("Port", db.Port))
            .Add("AllocatedStorage", db.AllocatedStorage)
            .Add("InstanceCreateTime", state is "creating" ? null : db.CreateTime)
            .Add("VpcSecurityGroups", new WireList(db.VpcSecurityGroupIds.Select(id => new WireStruct()
                .Add("VpcSecurityGroupId", id)
                .Add("Status", "active")), itemName: "VpcSecurityGroupMembership"))
            .Add("DBSubnetGroup", new WireStruct()
                .Add("DBSubnetGroupName", "default")
                .Add("DBSubnetGroupDescription", "default")
                .Add("VpcId", db.VpcId)
                .Add("SubnetGroupStatus", "Complete")
                .Add("Subnets", new WireList([new WireStruct()
                    .Add("SubnetIdentifier", db.SubnetId)
                    .Add("SubnetAvailabilityZone", new WireStruct().Add("Name", db.AvailabilityZone))
                    .Add("SubnetStatus", "Active")], itemName: "Subnet")))
            .Add("AvailabilityZone", db.AvailabilityZone)
            .Add("MultiAZ", false)
            .Add("AutoMinorVersionUpgrade", db.AutoMinorVersionUpgrade)
            .Add("PubliclyAccessible", false)
            .Add("StorageType", "gp2")
            .Add("DbInstancePort", 0)
            .Add("DbiResourceId", db.DbiResourceId)
            .Add("DBInstanceArn", $"arn:aws:rds:{account.Region}:{account.AccountId}:db:{db.DbInstanceIdentifier}")
            .Add("DeletionProtection", false);
    }
}
