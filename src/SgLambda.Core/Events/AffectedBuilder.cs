using System.Collections.Immutable;

namespace SgLambda.Core.Events;

/// <summary>Collects the ids a call names, by kind, and the VPCs it names.</summary>
internal sealed class AffectedBuilder
{
    private readonly ImmutableSortedSet<string>.Builder _securityGroups = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _networkInterfaces = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _instances = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _dbInstances = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _dbClusters = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _prefixLists = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _attachments = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _vpcs = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _descriptions = NewSet();
    private readonly ImmutableSortedSet<string>.Builder _members = NewSet();

    public IReadOnlyCollection<string> SecurityGroups => _securityGroups;
    public IReadOnlyCollection<string> NetworkInterfaces => _networkInterfaces;
    public IReadOnlyCollection<string> Instances => _instances;
    public IReadOnlyCollection<string> DbInstances => _dbInstances;
    public IReadOnlyCollection<string> DbClusters => _dbClusters;
    public IReadOnlyCollection<string> PrefixLists => _prefixLists;
    public IReadOnlyCollection<string> NetworkInterfaceDescriptions => _descriptions;
    public IReadOnlyCollection<string> SecurityGroupMembers => _members;

    public AffectedBuilder SecurityGroup(string? id) => Add(_securityGroups, id);
    public AffectedBuilder NetworkInterface(string? id) => Add(_networkInterfaces, id);
    public AffectedBuilder Instance(string? id) => Add(_instances, id);
    public AffectedBuilder DbInstance(string? id) => Add(_dbInstances, id);
    public AffectedBuilder DbCluster(string? id) => Add(_dbClusters, id);
    public AffectedBuilder PrefixList(string? id) => Add(_prefixLists, id);
    public AffectedBuilder Attachment(string? id) => Add(_attachments, id);
    public AffectedBuilder Vpc(string? id) => Add(_vpcs, id);
    public AffectedBuilder NetworkInterfaceDescription(string? pattern) => Add(_descriptions, pattern);
    public AffectedBuilder MembersOf(string? groupId) => Add(_members, groupId);

    public AffectedBuilder MembersOf(IEnumerable<string> groupIds)
    {
        foreach (var id in groupIds) _members.Add(id);
        return this;
    }

    public CallEffect Effect(string reason) => new(
        new AffectedResources
        {
            SecurityGroups = _securityGroups.ToImmutable(),
            NetworkInterfaces = _networkInterfaces.ToImmutable(),
            Instances = _instances.ToImmutable(),
            DbInstances = _dbInstances.ToImmutable(),
            DbClusters = _dbClusters.ToImmutable(),
            PrefixLists = _prefixLists.ToImmutable(),
            NetworkInterfaceAttachments = _attachments.ToImmutable(),
            NetworkInterfaceDescriptions = _descriptions.ToImmutable(),
            SecurityGroupMembers = _members.ToImmutable(),
        },
        reason,
        _vpcs.ToImmutable());

    private AffectedBuilder Add(ImmutableSortedSet<string>.Builder set, string? id)
    {
        if (id is not null) set.Add(id);
        return this;
    }

    private static ImmutableSortedSet<string>.Builder NewSet() => ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
}
