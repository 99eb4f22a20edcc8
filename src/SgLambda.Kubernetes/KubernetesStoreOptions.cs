using SgLambda.Core.Configuration;

namespace SgLambda.Kubernetes;

/// <summary>How <see cref="KubernetesCalicoStore"/> talks to the API server.</summary>
public sealed record KubernetesStoreOptions
{
    /// <summary><c>projectcalico.org/v3</c> (default) or <c>crd.projectcalico.org/v1</c>, as configured.</summary>
    public string ApiGroup { get; init; } = CalicoApiGroups.ProjectCalicoV3;

    /// <summary>The server-side apply field manager.</summary>
    public string FieldManager { get; init; } = "sglambda";

    /// <summary>Items per list page (<c>limit</c>); pages are followed with <c>continue</c>.</summary>
    public int PageSize { get; init; } = 500;

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Receives what the store decided not to treat as an error (a delete skipped because the object changed).</summary>
    public Action<string>? Log { get; init; }
}
