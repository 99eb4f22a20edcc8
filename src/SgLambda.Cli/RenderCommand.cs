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

    private readonly Option<string> _securityGroups = new("--security-groups")
    {
        Description = "Output of aws ec2 describe-security-groups",
        HelpName = "sgs.json",
        Required = true,
    };

    private readonly Option<string> _networkInterfaces = new("--network-interfaces")
    {
        Description = "Output of aws ec2 describe-network-interfaces",
        HelpName = "enis.json",
        Required = true,
    };

    private readonly Option<string?> _vpcs = new("--vpcs")
    {
        Description = "Output of aws ec2 describe-vpcs (the VPC's primary CIDR locates the Amazon DNS resolver)",
        HelpName = "vpcs.json",
    };

    private readonly Option<string?> _prefixLists = new("--prefix-lists")
    {
        Description = """Managed prefix lists: {"PrefixLists":[{"PrefixListId":"pl-..","Entries":[{"Cidr":".."}]}]}, or the output of aws ec2 describe-managed-prefix-lists with --prefix-list-entries""",
        HelpName = "pls.json",
    };

    private readonly Option<string[]> _prefixListEntries = new("--prefix-list-entries")
    {
        Description = "Entries of a prefix list --prefix-lists gives without them: pl-ID=FILE, FILE the output of aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-ID (repeat for more lists or pages)",
        HelpName = "pl-id=entries.json",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> _nodes = new("--nodes")
    {
        Description = "Output of kubectl get nodes -o json",
        HelpName = "nodes.json",
    };

    private readonly Option<string?> _securityGroupRules = new("--security-group-rules")
    {
        Description = "Output of aws ec2 describe-security-group-rules (rule ids for the policies' annotations)",
        HelpName = "sgrs.json",
    };

    private readonly Option<string> _config = new("--config")
    {
        Description = "SgLambda configuration (vpcId, podSecurityGroupId, ...)",
        HelpName = "config.json",
        Required = true,
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Print a YAML stream of documents, or one kubectl List as JSON",
        DefaultValueFactory = _ => Yaml,
    };

    public RenderCommand()
    {
        _output.AcceptOnlyFromAmong(Yaml, Json);
        Command = new Command("render", "Print the Calico objects for an AWS snapshot, without AWS or cluster access.")
        {
            _securityGroups, _networkInterfaces, _vpcs, _prefixLists, _prefixListEntries, _nodes, _securityGroupRules, _config, _output,
        };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private static PrefixListEntriesFile ReadPrefixListEntries(string value)
    {
        var at = value.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0 || !value.StartsWith("pl-", StringComparison.Ordinal) || at == value.Length - 1)
            throw new InputException("--prefix-list-entries", null, null, $"expected pl-ID=FILE (e.g. pl-0123456789abcdef0=entries.json), got '{value}'");
        return new PrefixListEntriesFile(value[..at], InputFileReader.Read(value[(at + 1)..]));
    }

    private int Execute(ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        RenderInput input;
        try
        {
            input = InputParser.ParseRenderInput(new RenderInputFiles
            {
                SecurityGroups = InputFileReader.Read(parseResult.GetRequiredValue(_securityGroups)),
                NetworkInterfaces = InputFileReader.Read(parseResult.GetRequiredValue(_networkInterfaces)),
                Vpcs = InputFileReader.ReadOptional(parseResult.GetValue(_vpcs)),
                PrefixLists = InputFileReader.ReadOptional(parseResult.GetValue(_prefixLists)),
                PrefixListEntries = [.. (parseResult.GetValue(_prefixListEntries) ?? []).Select(ReadPrefixListEntries)],
                Nodes = InputFileReader.ReadOptional(parseResult.GetValue(_nodes)),
                SecurityGroupRules = InputFileReader.ReadOptional(parseResult.GetValue(_securityGroupRules)),
                Config = InputFileReader.Read(parseResult.GetRequiredValue(_config)),
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
            if (string.Equals(parseResult.GetValue(_output), Json, StringComparison.Ordinal))
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
        foreach (var warning in input.Warnings.Concat(result.Warnings)) stderr.WriteLine("warning: " + warning);
        return ExitCodes.Success;
    }
}
