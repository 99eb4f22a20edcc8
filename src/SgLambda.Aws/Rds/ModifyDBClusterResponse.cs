namespace SgLambda.Aws.Rds;

public sealed record ModifyDBClusterResponse
{
    public DBCluster? DBCluster { get; set; }
}
