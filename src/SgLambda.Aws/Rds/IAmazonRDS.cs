namespace SgLambda.Aws.Rds;

/// <summary>
/// The part of AWSSDK.RDS's <c>Amazon.RDS.IAmazonRDS</c> that SgLambda uses, with the SDK's names and
/// shapes, so the real package can replace <see cref="RdsQueryClient"/> (AWSSDK.RDS is not available here).
/// </summary>
public interface IAmazonRDS : IDisposable
{
    /// <summary>One page of DB instances; follow <see cref="DescribeDBInstancesResponse.Marker"/> for the next.</summary>
    Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default);

    Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken = default);

    Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken = default);
}
