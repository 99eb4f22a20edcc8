using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Ec2;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Rds;

/// <summary>
/// The RDS Query API (version 2014-10-31) for DB instances, as far as SgLambda needs it: create one in a
/// VPC (RDS puts an ENI there), read them, change their VPC security groups, delete them.
/// </summary>
internal static class RdsActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("DescribeDBInstances", AwsService.Rds, DescribeDbInstances),
        new("CreateDBInstance", AwsService.Rds, CreateDbInstance, true, CloudTrailStyle.Rds, RdsRequestParameters.Build),
        new("ModifyDBInstance", AwsService.Rds, ModifyDbInstance, true, CloudTrailStyle.Rds, RdsRequestParameters.Build),
        new("DeleteDBInstance", AwsService.Rds, DeleteDbInstance, true, CloudTrailStyle.Rds, RdsRequestParameters.Build),
    ];

    private static ActionOutcome DescribeDbInstances(ActionContext context)
    {
        var (request, account) = context;
        IEnumerable<RdsDbInstance> selected = request.Get("DBInstanceIdentifier") is { } identifier
            ? [account.GetDbInstance(identifier)]
            : account.DbInstances;
        var filters = request.GetStructList("Filters.Filter")
            .Select(f => new QueryFilter(f.Required("Name"), f.GetList("Values.Value")))
            .ToList();
        var filtered = Filtering.Apply(selected, filters, new Dictionary<string, Func<RdsDbInstance, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["db-instance-id"] = d => [d.DbInstanceIdentifier, $"arn:aws:rds:{account.Region}:{account.AccountId}:db:{d.DbInstanceIdentifier}"],
            ["dbi-resource-id"] = d => Filtering.One(d.DbiResourceId),
            // Emulated instances belong to no Aurora cluster.
            ["db-cluster-id"] = _ => [],
            ["engine"] = d => Filtering.One(d.Engine),
        });
        var (page, marker) = Paging.Apply(filtered, d => d.DbInstanceIdentifier, request, 20, 100, "MaxRecords", "Marker");
        return new ActionOutcome(new WireStruct()
            .Add("DBInstances", new WireList(page.Select(d => RdsShapes.DbInstance(account, d)), itemName: "DBInstance"))
            .Add("Marker", marker));
    }

    /// <summary>Answers with the instance creating, as RDS does; it is available at once afterwards.</summary>
    private static ActionOutcome CreateDbInstance(ActionContext context)
    {
        var (request, account) = context;
        var db = account.CreateDbInstance(
            request.Required("DBInstanceIdentifier"),
            request.Required("DBInstanceClass"),
            request.Required("Engine"),
            VpcSecurityGroupIds(request),
            subnetId: null);
        db = account.UpdateDbInstance(db.DbInstanceIdentifier, created => Settings(request, created) with
        {
            MasterUsername = request.Get("MasterUsername"),
            DbName = request.Get("DBName"),
        });
        var instance = RdsShapes.DbInstance(account, db, status: "creating");
        return new ActionOutcome(new WireStruct().Add("DBInstance", instance)) { CloudTrailResponse = instance };
    }

    private static ActionOutcome ModifyDbInstance(ActionContext context)
    {
        var (request, account) = context;
        var identifier = request.Required("DBInstanceIdentifier");
        var groupIds = VpcSecurityGroupIds(request);
        if (groupIds.Count > 0) account.SetDbSecurityGroups(identifier, groupIds);
        var db = account.UpdateDbInstance(identifier, existing => Settings(request, existing));
        var instance = RdsShapes.DbInstance(account, db);
        return new ActionOutcome(new WireStruct().Add("DBInstance", instance)) { CloudTrailResponse = instance };
    }

    // The settings CreateDBInstance and ModifyDBInstance share, kept as sent so describe answers them back.
    private static RdsDbInstance Settings(AwsQueryRequest request, RdsDbInstance db) => db with
    {
        DbInstanceClass = request.Get("DBInstanceClass") ?? db.DbInstanceClass,
        AllocatedStorage = request.GetInt("AllocatedStorage") ?? db.AllocatedStorage,
        AutoMinorVersionUpgrade = request.GetBool("AutoMinorVersionUpgrade") ?? db.AutoMinorVersionUpgrade,
    };

    /// <summary>
    /// <c>VpcSecurityGroupIds.VpcSecurityGroupId.N</c>, as AWSSDK.RDS and the AWS CLI send it (the RDS API
    /// reference's name), or <c>VpcSecurityGroupIds.member.N</c>.
    /// </summary>
    private static IReadOnlyList<string> VpcSecurityGroupIds(AwsQueryRequest request) =>
        request.GetList("VpcSecurityGroupIds.VpcSecurityGroupId") is { Count: > 0 } named ? named : request.GetList("VpcSecurityGroupIds.member");

    private static ActionOutcome DeleteDbInstance(ActionContext context)
    {
        var (request, account) = context;
        var identifier = request.Required("DBInstanceIdentifier");
        var skipFinalSnapshot = request.GetBool("SkipFinalSnapshot") ?? false;
        if (!skipFinalSnapshot && request.Get("FinalDBSnapshotIdentifier") is null)
            throw new AwsApiException("InvalidParameterCombination", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        var db = account.DeleteDbInstance(identifier);
        var instance = RdsShapes.DbInstance(account, db);
        return new ActionOutcome(new WireStruct().Add("DBInstance", instance)) { CloudTrailResponse = instance };
    }
}
