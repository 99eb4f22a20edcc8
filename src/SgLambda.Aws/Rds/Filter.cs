namespace SgLambda.Aws.Rds;

/// <summary>A DescribeDBInstances filter (<c>db-instance-id</c>, <c>db-cluster-id</c>, ...): any of its values matches.</summary>
public sealed record Filter
{
    public string? Name { get; set; }
    public List<string>? Values { get; set; }
}
