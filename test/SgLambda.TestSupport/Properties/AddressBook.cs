namespace SgLambda.TestSupport.Properties;

/// <summary>
/// The generated addresses by role, so flows can be drawn between roles (pod to member, node to pod, ...).
/// <see cref="WithoutHostEndpoint"/> holds ENIs the integration never represents (branch, trunk, VPC CNI
/// secondary, other VPC) and node addresses no pod uses.
/// </summary>
public sealed record AddressBook(
    IReadOnlyList<string> Pods,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> WithoutHostEndpoint,
    IReadOnlyList<string> External,
    IReadOnlyList<string> Exempt);
