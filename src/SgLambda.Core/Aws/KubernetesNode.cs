namespace SgLambda.Core.Aws;

/// <summary>
/// What the translation needs of a Kubernetes Node: its name and the EC2 instance behind it
/// (from <c>spec.providerID</c>, <c>aws:///&lt;az&gt;/&lt;instance-id&gt;</c>).
/// </summary>
public sealed record KubernetesNode(string Name, string? InstanceId);
