using System.CommandLine;
using SgLambda.Cli.Output;
using SgLambda.Core.Calico;
using SgLambda.Core.Input;
using SgLambda.Core.Translation;

namespace SgLambda.Cli;

/// <summary>
/// <c>sglambda render</c>: AWS CLI output and config in, every Calico object on stdout (SEMANTICS.md
/// section 7). No AWS or cluster access.
/// </summary>
internal sealed class RenderCommand
{
    private const string Yaml = "yaml";
    private const string Json = "json";

    private readonly Option<string> securityGroups = new("--security-groups")
    {
        Description = "Output of aws ec2 describe-security-groups",
        HelpName = "sgs.json",
        Required = true,
    };

    private readonly Option<string> networkInterfaces = new("--network-interfaces")
    {
        Description = "Output of aws ec2 describe-network-interfaces",
        HelpName = "enis.json",
        Required = true,
    };

    private readonly Option<string?> vpcs = new("--vpcs")
    {
        Description = "Output of aws ec2 describe-vpcs (the VPC's primary CIDR locates the Amazon DNS resolver)",
        HelpName = "vpcs.json",
    };

    private readonly Option<string?> prefixLists = new("--prefix-lists")
    {
        Description = """Managed prefix lists: {"PrefixLists":[{"PrefixListId":"pl-..","Entries":[{"Cidr":".."}]}]}""",
        HelpName = "pls.json",
    };

    private readonly Option<string?> nodes = new("--nodes")
    {
        Description = "Output of kubectl get nodes -o json",
        HelpName = "nodes.json",
    };

    private readonly Option<string?> securityGroupRules = new("--security-group-rules")
    {
        Description = "Output of aws ec2 describe-security-group-rules (rule ids for the policies' annotations)",
        HelpName = "sgrs.json",
    };

    private readonly Option<string> config = new("--config")
    {
        Description = "SgLambda configuration (vpcId, podSecurityGroupId, ...)",
        HelpName = "config.json",
        Required = true,
    };

    private readonly Option<string> output = new("--output", "-o")
    {
        Description = "Print a YAML stream of documents, or one kubectl List as JSON",
        DefaultValueFactory = _ => Yaml,
    };

    public RenderCommand()
    {
        output.AcceptOnlyFromAmong(Yaml, Json);
        Command = new Command("render", "Print the Calico objects for an AWS snapshot, without AWS or cluster access.")
        {
            securityGroups, networkInterfaces, vpcs, prefixLists, nodes, securityGroupRules, config, output,
        };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        RenderInput input;
        try
        {
            input = InputParser.ParseRenderInput(new RenderInputFiles
            {
                SecurityGroups = InputFileReader.Read(parseResult.GetRequiredValue(securityGroups)),
                NetworkInterfaces = InputFileReader.Read(parseResult.GetRequiredValue(networkInterfaces)),
                Vpcs = InputFileReader.ReadOptional(parseResult.GetValue(vpcs)),
                PrefixLists = InputFileReader.ReadOptional(parseResult.GetValue(prefixLists)),
                Nodes = InputFileReader.ReadOptional(parseResult.GetValue(nodes)),
                SecurityGroupRules = InputFileReader.ReadOptional(parseResult.GetValue(securityGroupRules)),
                Config = InputFileReader.Read(parseResult.GetRequiredValue(config)),
            });
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        var result = Translator.Render(input.Snapshot, input.Config);
        // Objects go out as they are serialized, in large pieces: no string of the whole output.
        using (var buffered = new BufferedTextWriter(stdout))
        {
            if (string.Equals(parseResult.GetValue(output), Json, StringComparison.Ordinal))
                CalicoSerializer.WriteListJson(buffered, result.Objects);
            else
            {
                // Writing a large account's objects takes a while: a progress bar on stderr, when it is a terminal.
                var progress = ProgressBar.For(stderr);
                progress.Start(result.Objects.Count, "writing objects");
                YamlWriter.WriteObjects(buffered, result.Objects.Select(value =>
                {
                    progress.Advance();
                    return value;
                }));
                progress.Finish();
            }
        }
        foreach (var warning in result.Warnings) stderr.WriteLine("warning: " + warning);
        return ExitCodes.Success;
    }
}
