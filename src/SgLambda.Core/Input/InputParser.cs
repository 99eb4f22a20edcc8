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

    public static IReadOnlyList<ManagedPrefixList> ParsePrefixLists(InputFile file) =>
        CheckedJsonReader.Read(file, AwsCliJsonContext.Default.PrefixListsDocument, new ShapeRules
        {
            RootExpectation = """expected an object with PrefixLists ({"PrefixLists":[{"PrefixListId":"pl-...","Entries":[{"Cidr":"..."}]}]})""",
        }).PrefixLists;

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

    /// <summary>All files of <c>sglambda render</c>; options not given leave their part of the snapshot empty.</summary>
    public static RenderInput ParseRenderInput(RenderInputFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var snapshot = new AwsSnapshot
        {
            SecurityGroups = ParseSecurityGroups(files.SecurityGroups),
            NetworkInterfaces = ParseNetworkInterfaces(files.NetworkInterfaces),
            Vpcs = files.Vpcs is null ? [] : ParseVpcs(files.Vpcs),
            PrefixLists = files.PrefixLists is null ? [] : ParsePrefixLists(files.PrefixLists),
            Nodes = files.Nodes is null ? [] : ParseNodes(files.Nodes),
            SecurityGroupRules = files.SecurityGroupRules is null ? [] : ParseSecurityGroupRules(files.SecurityGroupRules),
        };
        return new RenderInput(snapshot, ParseConfig(files.Config));
    }

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
