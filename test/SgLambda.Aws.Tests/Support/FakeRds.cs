using SgLambda.Aws.Rds;

namespace SgLambda.Aws.Tests.Support;

/// <summary>
/// An in-memory <see cref="IAmazonRDS"/>: DescribeDBInstances with the db-instance-id and db-cluster-id
/// filters and Marker pages of <see cref="PageSize"/>; Modify calls recorded (or failing with
/// <see cref="ModifyError"/>).
/// </summary>
public sealed class FakeRds(params DBInstance[] instances) : IAmazonRDS
{
    public int PageSize { get; init; } = 2;
    public Exception? ModifyError { get; set; }
    public List<DescribeDBInstancesRequest> Describes { get; } = [];
    public List<ModifyDBInstanceRequest> InstanceModifications { get; } = [];
    public List<ModifyDBClusterRequest> ClusterModifications { get; } = [];

    public static DBInstance Instance(string id, string vpcId, string? cluster = null, params string[] groups) => new()
    {
        DBInstanceIdentifier = id,
        DBClusterIdentifier = cluster,
        DBInstanceStatus = "available",
        DBSubnetGroup = new DBSubnetGroup { VpcId = vpcId },
        VpcSecurityGroups = [.. groups.Select(g => new VpcSecurityGroupMembership { VpcSecurityGroupId = g, Status = "active" })],
    };

    public Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default)
    {
        Describes.Add(request);
        IEnumerable<DBInstance> matching = instances;
        foreach (var filter in request.Filters ?? [])
        {
            var values = filter.Values ?? [];
            matching = filter.Name switch
            {
                "db-instance-id" => matching.Where(d => values.Contains(d.DBInstanceIdentifier!)),
                "db-cluster-id" => matching.Where(d => d.DBClusterIdentifier is { } c && values.Contains(c)),
                _ => throw new NotSupportedException(filter.Name),
            };
        }
        var start = request.Marker is null ? 0 : int.Parse(request.Marker, System.Globalization.CultureInfo.InvariantCulture);
        var all = matching.ToList();
        var page = all.Skip(start).Take(PageSize).ToList();
        var next = start + PageSize < all.Count ? (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new DescribeDBInstancesResponse { DBInstances = page.Count == 0 ? null : page, Marker = next });
    }

    public Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken = default)
    {
        if (ModifyError is { } error) throw error;
        InstanceModifications.Add(request);
        return Task.FromResult(new ModifyDBInstanceResponse());
    }

    public Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken = default)
    {
        if (ModifyError is { } error) throw error;
        ClusterModifications.Add(request);
        return Task.FromResult(new ModifyDBClusterResponse());
    }

    public void Dispose()
    {
    }
}
