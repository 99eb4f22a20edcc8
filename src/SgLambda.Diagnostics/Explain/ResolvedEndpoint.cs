using System.Net;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// An <c>explain</c> argument resolved: what it named, the id it stands for, and the addresses a flow to
/// or from it can use (the first is preferred).
/// </summary>
public sealed record ResolvedEndpoint(ExplainEndpointKind Kind, string Query, string Id, IReadOnlyList<IPAddress> Addresses)
{
    public override string ToString() => $"{KindName(Kind)} {Id}";

    /// <summary>The kind as people and JSON name it.</summary>
    public static string KindName(ExplainEndpointKind kind) => kind switch
    {
        ExplainEndpointKind.Pod => "pod",
        ExplainEndpointKind.NetworkInterface => "eni",
        ExplainEndpointKind.Instance => "instance",
        ExplainEndpointKind.Node => "node",
        _ => "address",
    };
}
