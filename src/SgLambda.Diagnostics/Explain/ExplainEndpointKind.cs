namespace SgLambda.Diagnostics.Explain;

/// <summary>What an <c>explain --from/--to</c> argument named.</summary>
public enum ExplainEndpointKind
{
    /// <summary><c>namespace/name</c>, or a bare pod name that is unique in the cluster.</summary>
    Pod,
    /// <summary><c>eni-...</c>: its primary private address.</summary>
    NetworkInterface,
    /// <summary><c>i-...</c>: the primary address of its primary ENI.</summary>
    Instance,
    /// <summary>A Kubernetes node name: the primary address of its instance.</summary>
    Node,
    /// <summary>An IPv4 or IPv6 address, whoever owns it.</summary>
    Address,
}
