using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Core.Input;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// The inverse of <see cref="InputParser.ParseRenderInput"/>: a snapshot and its configuration as the files
/// <c>sglambda render</c> reads, shaped as the AWS CLI and kubectl print them (4-space indent, absent fields
/// left out). Pure; for benchmarks and tests of the whole command on synthetic accounts.
/// </summary>
public static class RenderInputWriter
{
    /// <summary>Names as in infra/examples/tutorial, the names an AWS snapshot folder uses.</summary>
    public const string SecurityGroupsFile = "sgs.json";
    public const string NetworkInterfacesFile = "enis.json";
    public const string VpcsFile = "vpcs.json";
    public const string PrefixListsFile = "pls.json";
    public const string NodesFile = "nodes.json";
    public const string SecurityGroupRulesFile = "sgrs.json";
    public const string ConfigFile = "config.json";

    private static readonly JsonSerializerOptions AwsCli = new(AwsCliJsonContext.Default.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 4,
    };

    private static readonly JsonSerializerOptions Config = new(ConfigJsonContext.Default.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>
    /// What render's parsers make of files named as <see cref="Write"/> names them; <paramref name="read"/> gives each
    /// file (from the written dictionary, or from a folder the files were saved to).
    /// </summary>
    public static RenderInput ReadBack(Func<string, InputFile> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = read(SecurityGroupsFile),
            NetworkInterfaces = read(NetworkInterfacesFile),
            Vpcs = read(VpcsFile),
            PrefixLists = read(PrefixListsFile),
            Nodes = read(NodesFile),
            SecurityGroupRules = read(SecurityGroupRulesFile),
            Config = read(ConfigFile),
        });
    }

    /// <summary>File name to UTF-8 content, for every file render takes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Write(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SecurityGroupsFile] = Aws(new DescribeSecurityGroupsOutput { SecurityGroups = snapshot.SecurityGroups }),
            [NetworkInterfacesFile] = Aws(new DescribeNetworkInterfacesOutput { NetworkInterfaces = snapshot.NetworkInterfaces }),
            [VpcsFile] = Aws(new DescribeVpcsOutput { Vpcs = snapshot.Vpcs }),
            [PrefixListsFile] = Aws(new PrefixListsDocument
            {
                PrefixLists = [.. snapshot.PrefixLists.Select(list => new PrefixListInput { PrefixListId = list.PrefixListId, PrefixListName = list.PrefixListName, Entries = list.Entries })],
            }),
            [NodesFile] = Nodes(snapshot.Nodes),
            [SecurityGroupRulesFile] = Aws(new DescribeSecurityGroupRulesOutput { SecurityGroupRules = snapshot.SecurityGroupRules }),
            [ConfigFile] = JsonSerializer.SerializeToUtf8Bytes(config, Config.GetTypeInfo(typeof(SgLambdaConfig))),
        };
    }

    private static byte[] Aws<T>(T document) => JsonSerializer.SerializeToUtf8Bytes(document, AwsCli.GetTypeInfo(typeof(T)));

    // kubectl get nodes -o json: the fields the parser reads, with an EC2 provider id where there is an instance.
    private static byte[] Nodes(IEnumerable<KubernetesNode> nodes)
    {
        var items = new JsonArray();
        foreach (var node in nodes)
        {
            var item = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = node.Name } };
            if (node.InstanceId is { } instance) item["spec"] = new JsonObject { ["providerID"] = "aws:///us-west-2a/" + instance };
            items.Add((JsonNode)item);
        }
        var list = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4 })) list.WriteTo(writer);
        return buffer.ToArray();
    }
}
