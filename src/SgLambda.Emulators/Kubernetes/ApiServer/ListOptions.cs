namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>The query of a list (or deletecollection): selectors and pagination.</summary>
public sealed record ListOptions(LabelSelector LabelSelector, FieldSelector FieldSelector, int? Limit, string? Continue)
{
    public static ListOptions All { get; } = new(LabelSelector.Everything, FieldSelector.Everything, null, null);
}
