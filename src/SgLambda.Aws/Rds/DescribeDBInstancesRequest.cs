namespace SgLambda.Aws.Rds;

public sealed record DescribeDBInstancesRequest
{
    /// <summary>One instance; RDS answers <c>DBInstanceNotFound</c> when it does not exist (filters do not).</summary>
    public string? DBInstanceIdentifier { get; set; }
    public List<Filter>? Filters { get; set; }
    public string? Marker { get; set; }
    /// <summary>20 to 100; RDS's default is 100.</summary>
    public int? MaxRecords { get; set; }
}
