using Amazon.EC2;
using SgLambda.Aws.Rds;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Ports;
using SgLambda.Core.Translation;
using Ec2 = Amazon.EC2.Model;
using Model = SgLambda.Core.Aws;
using RdsFilter = SgLambda.Aws.Rds.Filter;

namespace SgLambda.Aws;

/// <summary>
/// The live AWS state of the configured VPC, read with AWSSDK.EC2 and the RDS client. Every read is a
/// filtered, paginated Describe call, never one call per resource: filters (unlike id parameters) simply
/// return nothing for resources deleted in the meantime. <see cref="ReadAsync"/> returns what
/// <see cref="Core.Planning.AffectedSlice"/> takes from <see cref="ReadAllAsync"/>.
/// </summary>
public sealed class Ec2Inventory : IAwsInventory
{
    /// <summary>EC2 accepts at most 200 values in one filter; longer lists are split over calls.</summary>
    public const int MaxFilterValues = 200;
    private const int PageSize = 1000;
    private const int PrefixListPageSize = 100;
    private const string RdsRequester = "amazon-rds";

    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonRDS? _rds;
    private readonly SgLambdaConfig _config;

    /// <param name="ec2">The EC2 client (<see cref="AwsClients.CreateEc2Client"/> in production).</param>
    /// <param name="rds">The RDS client; without one no DB instances are read.</param>
    /// <param name="config">Names the VPC.</param>
    public Ec2Inventory(IAmazonEC2 ec2, IAmazonRDS? rds, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(config);
        _ec2 = ec2;
        _rds = rds;
        _config = config;
    }

    public async Task<Model.AwsSnapshot> ReadAsync(AffectedResources affected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var dbNamed = !affected.DbInstances.IsEmpty || !affected.DbClusters.IsEmpty;

        // First round: everything named directly, in parallel.
        var groupsTask = SecurityGroupsAsync(Filter("group-id", affected.SecurityGroups), cancellationToken);
        var namedEnisTask = NetworkInterfacesAsync(Filter("network-interface-id", affected.NetworkInterfaces), cancellationToken);
        var attachedEnisTask = NetworkInterfacesAsync(Filter("attachment.attachment-id", affected.NetworkInterfaceAttachments), cancellationToken);
        var rdsEnisTask = dbNamed ? RdsNetworkInterfacesAsync(cancellationToken) : Task.FromResult<List<Model.NetworkInterface>>([]);
        // A termination or a detach frees ENIs that no event names: every unattached ENI of the VPC.
        var freed = !affected.Instances.IsEmpty || !affected.NetworkInterfaceAttachments.IsEmpty;
        var freeEnisTask = freed
            ? NetworkInterfacesAsync([[new Ec2.Filter("status", ["available"])]], cancellationToken)
            : Task.FromResult<List<Model.NetworkInterface>>([]);
        var dbsTask = DbInstancesAsync(affected, cancellationToken);
        // Other services' ENIs: by description, and those now in the SGs a call set.
        var describedEnisTask = NetworkInterfacesAsync(Filter("description", affected.NetworkInterfaceDescriptions), cancellationToken);
        var memberEnisTask = NetworkInterfacesAsync(Filter("group-id", affected.SecurityGroupMembers), cancellationToken);
        await Task.WhenAll(groupsTask, namedEnisTask, attachedEnisTask, rdsEnisTask, freeEnisTask, dbsTask, describedEnisTask, memberEnisTask);

        var groups = groupsTask.Result;
        var namedEnis = Distinct([.. namedEnisTask.Result, .. attachedEnisTask.Result, .. rdsEnisTask.Result, .. freeEnisTask.Result,
            .. describedEnisTask.Result, .. memberEnisTask.Result]);

        // Second round: what the first names (rules of the SGs found, every ENI of the instances involved,
        // the prefix lists named or referenced).
        var groupIds = groups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        var instances = affected.Instances
            .Concat(namedEnis.Select(e => e.Attachment?.InstanceId).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var listIds = affected.PrefixLists.Concat(ReferencedPrefixLists(groups)).ToHashSet(StringComparer.Ordinal);
        var rulesTask = RulesAsync(groupIds, cancellationToken);
        var instanceEnisTask = NetworkInterfacesAsync(Filter("attachment.instance-id", instances), cancellationToken);
        var listsTask = PrefixListsAsync(Filter("prefix-list-id", listIds), cancellationToken);
        await Task.WhenAll(rulesTask, instanceEnisTask, listsTask);

        return new Model.AwsSnapshot
        {
            SecurityGroups = groups,
            SecurityGroupRules = [.. rulesTask.Result.Where(r => groupIds.Contains(r.GroupId))],
            NetworkInterfaces = Distinct([.. namedEnis, .. instanceEnisTask.Result]),
            PrefixLists = listsTask.Result,
            DbInstances = dbsTask.Result,
        };
    }

    /// <summary>
    /// The VPC, its SGs with their rules, its ENIs, its RDS instances, and every managed prefix list the
    /// account sees (an event may name any of them, referenced or not; only referenced ones are rendered).
    /// </summary>
    public async Task<Model.AwsSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        var groupsTask = SecurityGroupsAsync([[]], cancellationToken);
        var enisTask = NetworkInterfacesAsync([[]], cancellationToken);
        var vpcsTask = VpcsAsync(cancellationToken);
        var listsTask = PrefixListsAsync([[]], cancellationToken);
        var dbsTask = DbInstancesAsync(null, cancellationToken);
        await Task.WhenAll(groupsTask, enisTask, vpcsTask, listsTask, dbsTask);

        var groupIds = groupsTask.Result.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        var rules = await RulesAsync(groupIds, cancellationToken);
        return new Model.AwsSnapshot
        {
            SecurityGroups = groupsTask.Result,
            SecurityGroupRules = [.. rules.Where(r => groupIds.Contains(r.GroupId))],
            NetworkInterfaces = enisTask.Result,
            Vpcs = vpcsTask.Result,
            PrefixLists = listsTask.Result,
            DbInstances = dbsTask.Result,
        };
    }

    /// <summary>SGs of the VPC matching each filter set (no filter sets: no call).</summary>
    private async Task<List<Model.SecurityGroup>> SecurityGroupsAsync(List<List<Ec2.Filter>> filterSets, CancellationToken cancellationToken)
    {
        var found = new List<Model.SecurityGroup>();
        foreach (var filters in filterSets)
        {
            var request = new Ec2.DescribeSecurityGroupsRequest { Filters = [VpcFilter(), .. filters], MaxResults = PageSize };
            await foreach (var group in _ec2.Paginators.DescribeSecurityGroups(request).SecurityGroups.WithCancellation(cancellationToken))
                found.Add(Ec2Mapping.ToSecurityGroup(group));
        }
        return [.. found.DistinctBy(g => g.GroupId, StringComparer.Ordinal)];
    }

    /// <summary>Rules by group id (DescribeSecurityGroupRules has no VPC filter).</summary>
    private async Task<List<Model.SecurityGroupRule>> RulesAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        var found = new List<Model.SecurityGroupRule>();
        foreach (var filters in Filter("group-id", groupIds))
        {
            var request = new Ec2.DescribeSecurityGroupRulesRequest { Filters = filters, MaxResults = PageSize };
            await foreach (var rule in _ec2.Paginators.DescribeSecurityGroupRules(request).SecurityGroupRules.WithCancellation(cancellationToken))
                found.Add(Ec2Mapping.ToRule(rule));
        }
        return [.. found.DistinctBy(r => r.SecurityGroupRuleId, StringComparer.Ordinal)];
    }

    /// <summary>ENIs of the VPC matching each filter set.</summary>
    private async Task<List<Model.NetworkInterface>> NetworkInterfacesAsync(List<List<Ec2.Filter>> filterSets, CancellationToken cancellationToken)
    {
        var found = new List<Model.NetworkInterface>();
        foreach (var filters in filterSets)
        {
            var request = new Ec2.DescribeNetworkInterfacesRequest { Filters = [VpcFilter(), .. filters], MaxResults = PageSize };
            await foreach (var eni in _ec2.Paginators.DescribeNetworkInterfaces(request).NetworkInterfaces.WithCancellation(cancellationToken))
                found.Add(Ec2Mapping.ToNetworkInterface(eni));
        }
        return Distinct(found);
    }

    /// <summary>
    /// The VPC's RDS ENIs, as <see cref="EniClassifier.ResourceTypeOf"/> recognises them: by requester, by
    /// attachment owner or by description (filters are ANDed, so one call each).
    /// </summary>
    private async Task<List<Model.NetworkInterface>> RdsNetworkInterfacesAsync(CancellationToken cancellationToken)
    {
        var enis = await NetworkInterfacesAsync(
        [
            [new Ec2.Filter("requester-id", [RdsRequester])],
            [new Ec2.Filter("attachment.instance-owner-id", [RdsRequester])],
            [new Ec2.Filter("description", ["RDSNetworkInterface*"])],
        ], cancellationToken);
        return [.. enis.Where(e => EniClassifier.ResourceTypeOf(e) == ResourceTypes.Rds)];
    }

    private async Task<List<Model.Vpc>> VpcsAsync(CancellationToken cancellationToken)
    {
        var found = new List<Model.Vpc>();
        var request = new Ec2.DescribeVpcsRequest { Filters = [VpcFilter()], MaxResults = PageSize };
        await foreach (var vpc in _ec2.Paginators.DescribeVpcs(request).Vpcs.WithCancellation(cancellationToken))
            found.Add(Ec2Mapping.ToVpc(vpc));
        return found;
    }

    /// <summary>Prefix lists matching each filter set, with their entries (one entries call per list).</summary>
    private async Task<List<Model.ManagedPrefixList>> PrefixListsAsync(List<List<Ec2.Filter>> filterSets, CancellationToken cancellationToken)
    {
        var lists = new List<Ec2.ManagedPrefixList>();
        foreach (var filters in filterSets)
        {
            var request = new Ec2.DescribeManagedPrefixListsRequest { Filters = filters.Count == 0 ? null : filters, MaxResults = PrefixListPageSize };
            await foreach (var list in _ec2.Paginators.DescribeManagedPrefixLists(request).PrefixLists.WithCancellation(cancellationToken))
                lists.Add(list);
        }
        var found = new List<Model.ManagedPrefixList>();
        foreach (var list in lists.DistinctBy(l => l.PrefixListId, StringComparer.Ordinal))
        {
            if (await EntriesAsync(list.PrefixListId, cancellationToken) is { } entries) found.Add(Ec2Mapping.ToPrefixList(list, entries));
        }
        return found;
    }

    /// <summary>A list's entries; null when it was deleted since it was described.</summary>
    private async Task<List<Ec2.PrefixListEntry>?> EntriesAsync(string prefixListId, CancellationToken cancellationToken)
    {
        var entries = new List<Ec2.PrefixListEntry>();
        var request = new Ec2.GetManagedPrefixListEntriesRequest { PrefixListId = prefixListId, MaxResults = PrefixListPageSize };
        try
        {
            await foreach (var entry in _ec2.Paginators.GetManagedPrefixListEntries(request).Entries.WithCancellation(cancellationToken))
                entries.Add(entry);
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode?.StartsWith("InvalidPrefixListID", StringComparison.Ordinal) == true)
        {
            return null;
        }
        return entries;
    }

    /// <summary>
    /// DB instances in the VPC: those named or in the clusters named (<paramref name="affected"/>), or all
    /// (null). DescribeDBInstances has no VPC filter: the subnet group's VPC decides.
    /// </summary>
    private async Task<List<Model.DbInstance>> DbInstancesAsync(AffectedResources? affected, CancellationToken cancellationToken)
    {
        if (_rds is null) return [];
        List<List<RdsFilter>> filterSets = affected is null
            ? [[]]
            : [.. RdsFilters("db-instance-id", affected.DbInstances), .. RdsFilters("db-cluster-id", affected.DbClusters)];
        var found = new List<Model.DbInstance>();
        foreach (var filters in filterSets)
        {
            string? marker = null;
            do
            {
                var page = await _rds.DescribeDBInstancesAsync(
                    new DescribeDBInstancesRequest { Filters = filters.Count == 0 ? null : filters, Marker = marker }, cancellationToken);
                found.AddRange((page.DBInstances ?? []).Select(Ec2Mapping.ToDbInstance));
                marker = string.IsNullOrEmpty(page.Marker) ? null : page.Marker;
            }
            while (marker is not null);
        }
        return [.. found
            .Where(d => string.Equals(d.VpcId, _config.VpcId, StringComparison.Ordinal))
            .DistinctBy(d => d.DBInstanceIdentifier, StringComparer.Ordinal)];
    }

    private static IEnumerable<string> ReferencedPrefixLists(IEnumerable<Model.SecurityGroup> groups) =>
        groups.SelectMany(g => g.IpPermissions.Concat(g.IpPermissionsEgress)).SelectMany(p => p.PrefixListIds).Select(p => p.Id);

    private Ec2.Filter VpcFilter() => new("vpc-id", [_config.VpcId]);

    /// <summary>One filter set per chunk of values; none for no values (so no call is made).</summary>
    private static List<List<Ec2.Filter>> Filter(string name, IEnumerable<string> values) =>
        [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(MaxFilterValues)
            .Select(chunk => new List<Ec2.Filter> { new(name, [.. chunk]) })];

    private static List<List<RdsFilter>> RdsFilters(string name, IEnumerable<string> values) =>
        [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(MaxFilterValues)
            .Select(chunk => new List<RdsFilter> { new() { Name = name, Values = [.. chunk] } })];

    private static List<Model.NetworkInterface> Distinct(IEnumerable<Model.NetworkInterface> enis) =>
        [.. enis.DistinctBy(e => e.NetworkInterfaceId, StringComparer.Ordinal)];
}
