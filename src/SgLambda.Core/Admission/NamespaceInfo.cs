namespace SgLambda.Core.Admission;

/// <summary>What the decision needs of the pod's namespace: its name and annotations.</summary>
public sealed record NamespaceInfo(string Name, IReadOnlyDictionary<string, string> Annotations);
