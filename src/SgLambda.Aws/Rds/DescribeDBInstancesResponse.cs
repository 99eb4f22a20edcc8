namespace SgLambda.Aws.Rds;

public sealed record DescribeDBInstancesResponse
{
    /// <summary>Null when the response has none (as in AWSSDK v4).</summary>
    public List<DBInstance>? DBInstances { get; set; }
    /// <summary>Set when there is another page.</summary>
    public string? Marker { get; set; }
}
