namespace SgLambda.Core.NetworkPolicies;

/// <summary>
/// A rule peer: pods (<see cref="PodSelector"/>, in the policy's namespace unless <see cref="NamespaceSelector"/>
/// widens it), or an <see cref="IpBlock"/> (then neither selector is set).
/// </summary>
public sealed record NetworkPolicyPeer
{
    public LabelSelectorSpec? PodSelector { get; init; }
    public LabelSelectorSpec? NamespaceSelector { get; init; }
    public IpBlock? IpBlock { get; init; }
}
