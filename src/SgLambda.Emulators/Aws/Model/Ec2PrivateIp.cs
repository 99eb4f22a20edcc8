namespace SgLambda.Emulators.Aws.Model;

/// <summary>One private IPv4 address of an ENI.</summary>
public sealed record Ec2PrivateIp(string Address, bool Primary);
