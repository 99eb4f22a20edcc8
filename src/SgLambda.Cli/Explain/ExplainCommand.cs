using System.CommandLine;
using SgLambda.Cli.Output;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.Input;

namespace SgLambda.Cli.Explain;

/// <summary>
/// <c>sglambda explain --from X --to Y --port 443/tcp</c>: why a flow is allowed or denied, Calico tier by
/// tier on each enforced side and AWS SG semantics beside it. Live, or offline on snapshots.
/// </summary>
internal sealed class ExplainCommand
{
    private const string Text = "text";
    private const string Json = "json";
    private const string Yaml = "yaml";

    private readonly Option<string> _from = new("--from")
    {
        Description = "The source: a pod (namespace/name), an ENI (eni-...), an instance (i-...), a node name or an IP address",
        Required = true,
    };

    private readonly Option<string> _to = new("--to")
    {
        Description = "The destination, named like --from",
        Required = true,
    };

    private readonly Option<string> _port = new("--port")
    {
        Description = "PORT[/tcp|udp|sctp|udplite] (tcp by default), icmp[/TYPE[/CODE]], icmpv6[/TYPE[/CODE]] or proto/NUMBER",
        Required = true,
    };

    private readonly Option<string?> _awsSnapshot = new("--aws-snapshot")
    {
        Description = "Offline AWS state: a folder with the files render takes (sgs.json, enis.json, config.json, ...). Without it, AWS is read live",
        HelpName = "DIR",
    };

    private readonly Option<string?> _config = new("--config")
    {
        Description = "SgLambda configuration (default: config.json in the --aws-snapshot folder; required when AWS is live)",
        HelpName = "config.json",
    };

    private readonly Option<string?> _region = new("--region")
    {
        Description = "AWS region for live reads (default: AWS_REGION, AWS_DEFAULT_REGION, then the config's region)",
    };

    private readonly Option<string[]> _clusterSnapshot = new("--cluster-snapshot")
    {
        Description = "Offline cluster state: a kubectl List (JSON or YAML) of Calico objects and NetworkPolicies; may be repeated",
        HelpName = "FILE",
    };

    private readonly Option<string?> _pods = new("--pods")
    {
        Description = "Offline pods: the output of kubectl get pods -A -o json",
        HelpName = "FILE",
    };

    private readonly Option<string?> _kubeconfig = new("--kubeconfig")
    {
        Description = "kubeconfig for the live cluster (default: KUBECONFIG, then ~/.kube/config); used when no --cluster-snapshot or --pods is given",
        HelpName = "FILE",
    };

    private readonly Option<string?> _context = new("--context")
    {
        Description = "kubeconfig context (default: the current context)",
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "A table for people (text), or the report as JSON or YAML",
        DefaultValueFactory = _ => Text,
    };

    private readonly Option<bool> _noColor = new("--no-color")
    {
        Description = "No colour, even on a terminal (NO_COLOR does the same)",
    };

    public ExplainCommand()
    {
        _output.AcceptOnlyFromAmong(Text, Json, Yaml);
        Command = new Command("explain", "Explain why a flow is allowed or denied: Calico tier by tier on each side, and AWS security groups beside it.")
        {
            _from, _to, _port, _awsSnapshot, _config, _region, _clusterSnapshot, _pods, _kubeconfig, _context, _output, _noColor,
        };
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var sources = new ExplainSources(
            parseResult.GetValue(_awsSnapshot),
            parseResult.GetValue(_config),
            parseResult.GetValue(_region),
            parseResult.GetValue(_clusterSnapshot) ?? [],
            parseResult.GetValue(_pods),
            parseResult.GetValue(_kubeconfig),
            parseResult.GetValue(_context));
        ExplainReport report;
        try
        {
            var inputs = await sources.LoadAsync(cancellationToken);
            report = new Explainer(inputs).Explain(parseResult.GetRequiredValue(_from), parseResult.GetRequiredValue(_to), parseResult.GetRequiredValue(_port));
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (ExplainQueryException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (FormatException e)
        {
            stderr.WriteLine("error: the cluster holds a Calico object that cannot be evaluated: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (ServiceErrors.IsServiceFailure(e))
        {
            return ServiceErrors.Report(e, stderr);
        }

        switch (parseResult.GetValue(_output))
        {
            case Json:
                stdout.WriteLine(ExplainReportJson.ToJsonString(report));
                break;
            case Yaml:
                stdout.Write(YamlWriter.Write([ExplainReportJson.ToJsonNode(report)]));
                break;
            default:
                ExplainPrinter.Print(report, stdout, Terminal.PainterFor(stdout, parseResult.GetValue(_noColor)));
                break;
        }
        return ExitCodes.Success;
    }
}
