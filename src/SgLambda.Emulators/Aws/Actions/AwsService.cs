namespace SgLambda.Emulators.Aws.Actions;

/// <summary>The emulated services; each has its own Query API version, XML namespace and CloudTrail source.</summary>
internal enum AwsService
{
    Ec2,
    Rds,
    Sts,
}
