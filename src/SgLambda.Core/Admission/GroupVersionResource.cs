namespace SgLambda.Core.Admission;

/// <summary>Kubernetes <c>meta/v1.GroupVersionResource</c>.</summary>
public sealed record GroupVersionResource(string Group = "", string Version = "", string Resource = "");
