namespace SgLambda.Core.Sync;

/// <summary>
/// What a <see cref="SyncEngine"/> does besides translating AWS into Calico objects, stated by each caller rather
/// than implied by which ports it happened to pass.
/// </summary>
public sealed record SyncEngineOptions
{
    /// <summary>Companions of SG-aware Kubernetes NetworkPolicies, in the full reconcile.</summary>
    public required CompanionPolicies Companions { get; init; }

    /// <summary>Whether applying a report makes its trust SG attachments.</summary>
    public required TrustSecurityGroupWrites TrustSecurityGroups { get; init; }

    /// <summary>Calico objects only: no companions, trust SG attachments planned but never made.</summary>
    public static SyncEngineOptions CalicoOnly { get; } = new() { Companions = CompanionPolicies.Disabled, TrustSecurityGroups = TrustSecurityGroupWrites.ReadOnly };
}
