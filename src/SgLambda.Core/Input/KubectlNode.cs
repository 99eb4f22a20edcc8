namespace SgLambda.Core.Input;

/// <summary>The parts of a Kubernetes Node that say which EC2 instance it runs on.</summary>
internal sealed record KubectlNode
{
    public required KubectlNodeMetadata Metadata { get; init; }
    public KubectlNodeSpec? Spec { get; init; }
}
