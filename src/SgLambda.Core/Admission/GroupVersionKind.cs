namespace SgLambda.Core.Admission;

/// <summary>Kubernetes <c>meta/v1.GroupVersionKind</c> (the core group is <c>""</c>).</summary>
public sealed record GroupVersionKind(string Group = "", string Version = "", string Kind = "");
