namespace SgLambda.Emulators.Aws.Model;

/// <summary>An emulated subnet: where ENIs get their private IPs from.</summary>
public sealed record Ec2Subnet(string SubnetId, string VpcId, string CidrBlock, string AvailabilityZone);
