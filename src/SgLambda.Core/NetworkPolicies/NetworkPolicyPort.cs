using SgLambda.Core.Calico;

namespace SgLambda.Core.NetworkPolicies;

/// <summary>A rule port: protocol (default TCP), a number or a named container port, and an optional range end.</summary>
public sealed record NetworkPolicyPort
{
    public string? Protocol { get; init; }
    public IntOrString? Port { get; init; }
    public int? EndPort { get; init; }
}
