namespace SgLambda.Core.Input;

/// <summary>What <c>kubectl get nodes -o json</c> prints: a List of Nodes.</summary>
internal sealed record KubectlNodeList
{
    public required IReadOnlyList<KubectlNode> Items { get; init; }
}
