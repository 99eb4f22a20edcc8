namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>How a <see cref="KubernetesApiEmulator"/> starts.</summary>
public sealed record KubernetesApiEmulatorOptions
{
    /// <summary>
    /// A folder of CustomResourceDefinition YAML files (searched recursively), served as the API server serves
    /// installed CRDs: for SgLambda, the <c>calico-crds</c> folder holding both Calico API groups. Null serves
    /// only the built-in resources.
    /// </summary>
    public string? CrdDirectory { get; init; }

    /// <summary>
    /// Validates custom resources on every write. Null: a <see cref="CalicoObjectValidator"/> over
    /// <see cref="CrdDirectory"/> (CRD schemas, CEL rules, Calico's semantic checks), unless
    /// <see cref="ValidateCustomResources"/> is off.
    /// </summary>
    public IObjectValidator? Validator { get; init; }

    /// <summary>Whether custom resources are validated when no <see cref="Validator"/> is given (on by default, as in a real cluster).</summary>
    public bool ValidateCustomResources { get; init; } = true;

    /// <summary>
    /// Calico 3.32.0's aggregated API server (projectcalico/calico#12841, fixed in later 3.32 patches): server-side
    /// apply that would create a tiered policy (NetworkPolicy, GlobalNetworkPolicy and their staged variants) of
    /// <c>projectcalico.org</c> answers 404 NotFound, because the tier RBAC check fetches the existing policy first.
    /// Off by default (a fixed server).
    /// </summary>
    public bool Calico3320ApplyCreateNotFound { get; init; }

    /// <summary>
    /// A mutating admission webhook the emulator calls for each pod created (POST) or replaced (PUT), as the API
    /// server calls the webhooks of a MutatingWebhookConfiguration. Null: pods are admitted as sent.
    /// </summary>
    public PodMutatingWebhook? PodMutatingWebhook { get; init; }

    /// <summary>When set, every request must carry <c>Authorization: Bearer &lt;token&gt;</c> (else 401).</summary>
    public string? BearerToken { get; init; }

    /// <summary>Serve HTTPS with a freshly generated CA and server certificate for 127.0.0.1 (plain HTTP otherwise).</summary>
    public bool UseTls { get; init; }

    /// <summary>The seed of random fault injection.</summary>
    public int FaultSeed { get; init; } = 1;

    /// <summary>How many past revisions lists can continue from (older continue tokens get 410 Expired).</summary>
    public int RetainedRevisions { get; init; } = 1000;

    /// <summary>The clock of creationTimestamp and managedFields times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Namespaces that exist from the start, as in a new cluster.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-node-lease", "kube-public", "kube-system"];
}
