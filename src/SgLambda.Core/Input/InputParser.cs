using System.Text.Json;
using System.Text.RegularExpressions;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Input;

/// <summary>
/// Reads the input files of <c>sglambda render</c>: AWS CLI output (PascalCase), <c>kubectl get nodes
/// -o json</c> and <c>config.json</c>. Pure: it takes text and the file's name, and throws
/// <see cref="InputException"/> naming the file, JSON path, line and expectation for unusable input.
/// </summary>
public static partial class InputParser
{
    public static IReadOnlyList<SecurityGroup> ParseSecurityGroups(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.DescribeSecurityGroupsOutput,
            AwsCliOutput("SecurityGroups", "aws ec2 describe-security-groups")).SecurityGroups;

    public static IReadOnlyList<NetworkInterface> ParseNetworkInterfaces(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.DescribeNetworkInterfacesOutput,
            AwsCliOutput("NetworkInterfaces", "aws ec2 describe-network-interfaces")).NetworkInterfaces;

    public static IReadOnlyList<Vpc> ParseVpcs(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.DescribeVpcsOutput,
            AwsCliOutput("Vpcs", "aws ec2 describe-vpcs")).Vpcs;

    public static IReadOnlyList<SecurityGroupRule> ParseSecurityGroupRules(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.DescribeSecurityGroupRulesOutput,
            AwsCliOutput("SecurityGroupRules", "aws ec2 describe-security-group-rules")).SecurityGroupRules;

    /// <summary>The lists of <c>pls.json</c>; one given without Entries (raw describe-managed-prefix-lists) reads as empty here.</summary>
    public static IReadOnlyList<ManagedPrefixList> ParsePrefixLists(InputFile file) =>
        [.. ReadPrefixLists(file).Select(list => ToManagedPrefixList(list, list.Entries ?? []))];

    /// <summary>The output of <c>aws ec2 get-managed-prefix-list-entries</c>.</summary>
    public static IReadOnlyList<PrefixListEntry> ParsePrefixListEntries(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.GetManagedPrefixListEntriesOutput,
            AwsCliOutput("Entries", "aws ec2 get-managed-prefix-list-entries")).Entries;

    private static IReadOnlyList<PrefixListInput> ReadPrefixLists(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.PrefixListsDocument, new ShapeRules
        {
            RootExpectation = """expected an object with PrefixLists ({"PrefixLists":[{"PrefixListId":"pl-...","Entries":[{"Cidr":"..."}]}]})""",
        }).PrefixLists;

    private static ManagedPrefixList ToManagedPrefixList(PrefixListInput list, IReadOnlyList<PrefixListEntry> entries) =>
        new() { PrefixListId = list.PrefixListId, PrefixListName = list.PrefixListName, Entries = entries };

    /// <summary>Nodes from <c>kubectl get nodes -o json</c>; the instance id comes from <c>spec.providerID</c>.</summary>
    public static IReadOnlyList<KubernetesNode> ParseNodes(InputFile file) =>
        CheckedJsonReader.Read(file, KubectlJsonContext.Default.KubectlNodeList, new ShapeRules
        {
            RootExpectation = "expected an object with items (the output of kubectl get nodes -o json)",
        }).Items.Select(node => new KubernetesNode(node.Metadata.Name, InstanceIdOf(node.Spec?.ProviderId))).ToList();

    /// <summary><c>config.json</c> (camelCase, SEMANTICS.md section 7). Unknown fields are errors: they are typos.</summary>
    public static SgLambdaConfig ParseConfig(InputFile file) =>
        CheckedJsonReader.Read(file, ConfigJsonContext.Default.SgLambdaConfig, new ShapeRules
        {
            RejectUnknownFields = true,
            RootDefaults = JsonSerializer.SerializeToNode(new SgLambdaConfig { VpcId = "" }, ConfigJsonContext.Default.SgLambdaConfig)!.AsObject(),
            StringChecks = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
            {
                ["vpcId"] = id => VpcIdPattern().IsMatch(id) ? null : $"expected a VPC id (vpc- and hex digits), got '{id}'",
                ["podSecurityGroupId"] = CheckSecurityGroupId,
                ["nodeSecurityGroupIds"] = CheckSecurityGroupId,
                ["trustSecurityGroupId"] = CheckSecurityGroupId,
                ["enforcedSecurityGroupId"] = CheckSecurityGroupId,
                ["memberNodeName"] = name => NodeNamePattern().IsMatch(name) && name.Length <= 253
                    ? null
                    : $"expected a Kubernetes node name (lowercase letters, digits, '-' and '.'), got '{name}'",
                ["accountId"] = id => AccountIdPattern().IsMatch(id) ? null : $"expected a 12-digit AWS account id, got '{id}'",
                ["calicoApiGroup"] = group => CalicoApiGroups.IsKnown(group)
                    ? null
                    : $"unknown calicoApiGroup '{group}': expected {CalicoApiGroups.ProjectCalicoV3} or {CalicoApiGroups.CrdProjectCalicoV1}",
            },
        });

    /// <summary>
    /// All files of <c>sglambda render</c>; options not given leave their part of the snapshot empty. Warns
    /// about what the files leave out and the translation would silently miss: prefix lists named by rules
    /// whose entries are unknown (left out, so those rules are skipped with a warning each) and SGs that
    /// ENIs of the VPC are in but the SG file lacks.
    /// </summary>
    public static RenderInput ParseRenderInput(RenderInputFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // A large account's three big files take about a second each to read and are independent, so they are
        // read side by side; results (and the first error) are taken in the files' order, as if read one by one.
        var securityGroupsRead = Task.Run(() => ParseSecurityGroups(files.SecurityGroups));
        var networkInterfacesRead = Task.Run(() => ParseNetworkInterfaces(files.NetworkInterfaces));
        var rulesRead = files.SecurityGroupRules is null
            ? Task.FromResult<IReadOnlyList<SecurityGroupRule>>([])
            : Task.Run(() => ParseSecurityGroupRules(files.SecurityGroupRules));
        var securityGroups = ResultOf(securityGroupsRead);
        var networkInterfaces = ResultOf(networkInterfacesRead);
        var config = ParseConfig(files.Config);
        var warnings = new List<string>();
        var snapshot = new AwsSnapshot
        {
            SecurityGroups = securityGroups,
            NetworkInterfaces = networkInterfaces,
            Vpcs = files.Vpcs is null ? [] : ParseVpcs(files.Vpcs),
            PrefixLists = PrefixListsOf(files, securityGroups, warnings),
            Nodes = files.Nodes is null ? [] : ParseNodes(files.Nodes),
            SecurityGroupRules = ResultOf(rulesRead),
        };
        if (UnknownGroupsOfEnis(securityGroups, networkInterfaces, config.VpcId) is { Count: > 0 } unknown)
            warnings.Add($"{files.NetworkInterfaces.Name}: ENIs of {config.VpcId} are in security groups that {files.SecurityGroups.Name} does not contain: "
                + $"{Enumerate(unknown)}; those ENIs get the SGs' labels, but no policy is rendered for them (is the file from another call, or filtered?)");
        return new RenderInput(snapshot, config) { Warnings = warnings };
    }

    // The task's result, or its own exception (an InputException), not an AggregateException.
    private static T ResultOf<T>(Task<T> read) => read.GetAwaiter().GetResult();

    // Lists with entries, from pls.json and the get-managed-prefix-list-entries files (pages of one list add up).
    private static List<ManagedPrefixList> PrefixListsOf(RenderInputFiles files, IReadOnlyList<SecurityGroup> securityGroups, List<string> warnings)
    {
        var given = files.PrefixLists is null ? [] : ReadPrefixLists(files.PrefixLists);
        var extra = files.PrefixListEntries
            .Select(file => (Id: file.PrefixListId, Entries: ParsePrefixListEntries(file.File)))
            .ToList();
        var lists = new List<ManagedPrefixList>();
        foreach (var list in given.DistinctBy(l => l.PrefixListId, StringComparer.Ordinal))
        {
            var more = extra.Where(e => string.Equals(e.Id, list.PrefixListId, StringComparison.Ordinal)).SelectMany(e => e.Entries).ToList();
            if (list.Entries is null && more.Count == 0) continue;
            lists.Add(ToManagedPrefixList(list, [.. list.Entries ?? [], .. more]));
        }
        foreach (var id in extra.Select(e => e.Id).Distinct(StringComparer.Ordinal).Where(id => !given.Any(l => string.Equals(l.PrefixListId, id, StringComparison.Ordinal))))
            lists.Add(new ManagedPrefixList { PrefixListId = id, Entries = [.. extra.Where(e => string.Equals(e.Id, id, StringComparison.Ordinal)).SelectMany(e => e.Entries)] });

        var known = lists.Select(l => l.PrefixListId).ToHashSet(StringComparer.Ordinal);
        var withoutEntries = given.Where(l => !known.Contains(l.PrefixListId)).Select(l => l.PrefixListId).ToHashSet(StringComparer.Ordinal);
        var named = securityGroups
            .SelectMany(g => g.IpPermissions.Concat(g.IpPermissionsEgress))
            .SelectMany(p => p.PrefixListIds)
            .Select(p => p.Id.Trim())
            .Where(withoutEntries.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (named.Count > 0)
            warnings.Add($"{files.PrefixLists!.Name}: rules name prefix lists whose entries are unknown: {Enumerate(named)} (the output of aws ec2 describe-managed-prefix-lists has none); "
                + "those rules are skipped. Give each list's entries: --prefix-list-entries <pl-id>=<file>, a file from aws ec2 get-managed-prefix-list-entries --prefix-list-id <pl-id>");
        return lists;
    }

    private static List<string> UnknownGroupsOfEnis(IReadOnlyList<SecurityGroup> securityGroups, IReadOnlyList<NetworkInterface> networkInterfaces, string vpcId)
    {
        var known = securityGroups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        return [.. networkInterfaces
            .Where(eni => eni.VpcId is null || string.Equals(eni.VpcId, vpcId, StringComparison.Ordinal))
            .SelectMany(eni => eni.Groups)
            .Select(g => g.GroupId)
            .Where(id => !known.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static string Enumerate(List<string> ids) =>
        ids.Count <= 20 ? string.Join(", ", ids) : string.Join(", ", ids.Take(20)) + $" and {ids.Count - 20} more";

    /// <summary>
    /// The EC2 instance id of <c>aws:///&lt;az&gt;/&lt;instance-id&gt;</c>; null for other providers
    /// (Fargate, hybrid nodes), which are not EC2 instances of the VPC.
    /// </summary>
    public static string? InstanceIdOf(string? providerId)
    {
        if (providerId is null || !providerId.StartsWith("aws://", StringComparison.Ordinal)) return null;
        var last = providerId[(providerId.LastIndexOf('/') + 1)..];
        return InstanceIdPattern().IsMatch(last) ? last : null;
    }

    private static ShapeRules AwsCliOutput(string field, string command) =>
        new() { RootExpectation = $"expected an object with {field} (the output of {command})" };

    private static string? CheckSecurityGroupId(string id) =>
        SecurityGroupIdPattern().IsMatch(id) ? null : $"expected a security group id (sg- and hex digits), got '{id}'";

    [GeneratedRegex("^sg-[0-9a-f]+$")]
    private static partial Regex SecurityGroupIdPattern();

    [GeneratedRegex("^vpc-[0-9a-f]+$")]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex("^i-[0-9a-f]+$")]
    private static partial Regex InstanceIdPattern();

    // DNS-1123 subdomain, what Kubernetes accepts as a node name.
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NodeNamePattern();
}
