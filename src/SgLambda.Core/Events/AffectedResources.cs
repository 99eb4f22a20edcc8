using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SgLambda.Core.Events;

/// <summary>
/// The AWS resources an event may have changed, by kind: what the event path re-reads from AWS and
/// re-renders. Events are triggers, not the truth: the ids say where to look, AWS says what is there.
/// </summary>
public sealed record AffectedResources
{
    public ImmutableSortedSet<string> SecurityGroups { get; init; } = Empty;
    public ImmutableSortedSet<string> NetworkInterfaces { get; init; } = Empty;
    /// <summary>ENI attachment ids (<c>eni-attach-...</c>): DetachNetworkInterface names only these.</summary>
    public ImmutableSortedSet<string> NetworkInterfaceAttachments { get; init; } = Empty;
    public ImmutableSortedSet<string> Instances { get; init; } = Empty;
    public ImmutableSortedSet<string> DbInstances { get; init; } = Empty;
    public ImmutableSortedSet<string> DbClusters { get; init; } = Empty;
    public ImmutableSortedSet<string> PrefixLists { get; init; } = Empty;
    /// <summary>
    /// ENI descriptions, as EC2 <c>description</c> filter values (<c>*</c> and <c>?</c> wildcards): how the
    /// ENIs of another service's resource are found (<c>EFS mount target for * (fsmt-..)</c>, <c>ELB app/..</c>).
    /// </summary>
    public ImmutableSortedSet<string> NetworkInterfaceDescriptions { get; init; } = Empty;
    /// <summary>
    /// SGs whose members are re-read: the ENIs in them now (AWS) and those rendered in them before (the
    /// cluster's HostEndpoints with their label), for calls that name SGs but not the ENIs they land on.
    /// </summary>
    public ImmutableSortedSet<string> SecurityGroupMembers { get; init; } = Empty;

    public static AffectedResources None { get; } = new();

    [JsonIgnore]
    public bool IsEmpty =>
        SecurityGroups.IsEmpty && NetworkInterfaces.IsEmpty && NetworkInterfaceAttachments.IsEmpty && Instances.IsEmpty
        && DbInstances.IsEmpty && DbClusters.IsEmpty && PrefixLists.IsEmpty && NetworkInterfaceDescriptions.IsEmpty
        && SecurityGroupMembers.IsEmpty;

    public AffectedResources Union(AffectedResources other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AffectedResources
        {
            SecurityGroups = SecurityGroups.Union(other.SecurityGroups),
            NetworkInterfaces = NetworkInterfaces.Union(other.NetworkInterfaces),
            NetworkInterfaceAttachments = NetworkInterfaceAttachments.Union(other.NetworkInterfaceAttachments),
            Instances = Instances.Union(other.Instances),
            DbInstances = DbInstances.Union(other.DbInstances),
            DbClusters = DbClusters.Union(other.DbClusters),
            PrefixLists = PrefixLists.Union(other.PrefixLists),
            NetworkInterfaceDescriptions = NetworkInterfaceDescriptions.Union(other.NetworkInterfaceDescriptions),
            SecurityGroupMembers = SecurityGroupMembers.Union(other.SecurityGroupMembers),
        };
    }

    private static ImmutableSortedSet<string> Empty => ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
}
