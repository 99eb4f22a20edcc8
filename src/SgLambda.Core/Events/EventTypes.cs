namespace SgLambda.Core.Events;

/// <summary>The EventBridge detail-types and sources SgLambda handles.</summary>
public static class EventTypes
{
    public const string CloudTrailApiCall = "AWS API Call via CloudTrail";
    public const string InstanceStateChange = "EC2 Instance State-change Notification";
    public const string Ec2Source = "aws.ec2";
    public const string RdsSource = "aws.rds";
    public const string EfsSource = "aws.elasticfilesystem";
    public const string LoadBalancingSource = "aws.elasticloadbalancing";
    public const string LambdaSource = "aws.lambda";
    public const string ElastiCacheSource = "aws.elasticache";
    public const string RedshiftSource = "aws.redshift";
    public const string OpenSearchSource = "aws.es";
    public const string MskSource = "aws.kafka";
    public const string EksSource = "aws.eks";
}
