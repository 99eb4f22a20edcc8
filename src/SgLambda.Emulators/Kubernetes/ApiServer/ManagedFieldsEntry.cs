using System.Collections.Immutable;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>One <c>metadata.managedFields</c> entry: who set which fields, how (<c>Apply</c> or <c>Update</c>), and when.</summary>
public sealed record ManagedFieldsEntry(
    string Manager,
    string Operation,
    string? ApiVersion,
    string? Time,
    ImmutableHashSet<ManagedFieldPath> Fields,
    string? Subresource = null)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>
    /// The manager as the API server names it in a conflict: <c>"name"</c> for appliers,
    /// <c>"name" using apiVersion at time</c> for updaters.
    /// </summary>
    public string Describe() =>
        string.Equals(Operation, Update, StringComparison.Ordinal)
            ? Time is null
                ? $"{KubernetesStatus.GoQuote(Manager)} using {ApiVersion}"
                : $"{KubernetesStatus.GoQuote(Manager)} using {ApiVersion} at {Time}"
            : KubernetesStatus.GoQuote(Manager);

    public bool SameOwner(string manager, string operation) =>
        string.Equals(Manager, manager, StringComparison.Ordinal) && string.Equals(Operation, operation, StringComparison.Ordinal);
}
