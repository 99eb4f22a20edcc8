using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using SgLambda.Cli.Output;
using SgLambda.Core.Input;
using SgLambda.Emulators.Aws;

namespace SgLambda.Cli.Sandbox;

/// <summary>
/// <c>sglambda sandbox</c>: SgLambda on this machine for the user's own clients. The EC2/RDS/STS and Kubernetes API
/// emulators serve an account seeded from a snapshot (the tutorial by default); each CloudTrail event the user's
/// Terraform or AWS CLI causes goes to the change handler function as it happens, the reconciler runs on a schedule
/// and on SIGHUP, and pods written with kubectl pass the admission webhook function. It prints each event and the
/// Calico objects it changed, until Ctrl-C or SIGTERM.
/// </summary>
internal sealed class SandboxCommand
{
    private readonly Option<DirectoryInfo?> _dir = new("--dir")
    {
        Description = "Where to write kubeconfig, aws.env, provider.tf and sandbox.json (default: a new temporary folder)",
    };

    private readonly Option<DirectoryInfo?> _awsSnapshot = new("--aws-snapshot")
    {
        Description = "Seed the account from this folder (the files render reads, plus optional subnets.json); default: the tutorial",
    };

    private readonly Option<int> _reconcileEvery = new("--reconcile-every")
    {
        Description = "Minutes between scheduled reconciler runs (kill -HUP runs one at once)",
        DefaultValueFactory = _ => 5,
    };

    private readonly Option<int> _awsPort = new("--aws-port")
    {
        Description = "Loopback port of the EC2/RDS/STS endpoint (default: a free one)",
    };

    private readonly Option<bool> _noColor = new("--no-color")
    {
        Description = "No colour, even on a terminal (NO_COLOR does the same)",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Also print the functions' structured logs",
    };

    public SandboxCommand()
    {
        Command = new Command("sandbox", "Serve EC2/RDS/STS and Kubernetes APIs on this machine for your own Terraform, AWS CLI and kubectl, with SgLambda's functions reacting live.")
        {
            _dir, _awsSnapshot, _reconcileEvery, _awsPort, _noColor, _verbose,
        };
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken invocationCancelled)
    {
        // Ctrl-C and SIGTERM end the sandbox cleanly (the process stays up until the servers have stopped).
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(invocationCancelled);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var cancellationToken = stopping.Token;
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stopping.Cancel();
        }
        var started = Stopwatch.GetTimestamp();
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var painter = Terminal.PainterFor(stdout, parseResult.GetValue(_noColor));
        var every = parseResult.GetValue(_reconcileEvery);
        if (every < 1)
        {
            stderr.WriteLine("error: --reconcile-every: expected a whole number of minutes, at least 1");
            return ExitCodes.BadInput;
        }
        var folder = parseResult.GetValue(_awsSnapshot)?.FullName ?? SandboxSnapshot.TutorialFolder;
        SandboxSnapshot snapshot;
        try
        {
            snapshot = SandboxSnapshot.Read(folder);
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        var output = parseResult.GetValue(_dir)?.FullName ?? Path.Combine(Path.GetTempPath(), $"sglambda-sandbox-{Environment.ProcessId}");
        Directory.CreateDirectory(output);

        var functionLog = parseResult.GetValue(_verbose) ? stdout : TextWriter.Null;
        var settings = new SandboxSettings
        {
            Region = snapshot.Region,
            AccountId = snapshot.AccountId,
            UseTls = true,
            BearerToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            AwsPort = parseResult.GetValue(_awsPort),
            FunctionLog = functionLog,
            UnimplementedAction = (service, action) =>
            {
                lock (stdout) stdout.WriteLine($"unimplemented: {service} {action}: the sandbox does not emulate this call; the client got InvalidAction");
            },
            PodAdmitted = line =>
            {
                lock (stdout) stdout.WriteLine(line);
            },
        };
        await using var world = await SandboxWorld.StartAsync(settings, account => Seed(account, snapshot), cancellationToken);
        var work = Channel.CreateUnbounded<SandboxWork>(new UnboundedChannelOptions { SingleReader = true });
        void OnEvent(object? sender, EmittedEvent emitted) => work.Writer.TryWrite(new SandboxWork(emitted, null));
        world.Aws.Events.Emitted += OnEvent;
        using var hangup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
        {
            signal.Cancel = true;
            work.Writer.TryWrite(new SandboxWork(null, "on demand (SIGHUP)"));
        });

        // The reconciler's first run: the cluster then holds what render makes of the account.
        await world.ReconcileAsync();
        var versions = await CalicoWrites.VersionsAsync(world, cancellationToken);
        var files = await SandboxFiles.WriteAsync(output, world);

        stdout.WriteLine(painter.Paint($"SgLambda sandbox: account {world.Config.AccountId} in {world.Config.Region}, VPC {world.Config.VpcId} (from {folder})", TextStyle.Bold));
        stdout.WriteLine($"  EC2, RDS and STS: {world.Aws.ServiceUrl}   Kubernetes: {world.Cluster.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        stdout.WriteLine($"  The reconciler wrote {versions.Count} Calico objects"
            + (world.SchemasValidated ? "" : " (Calico CRDs not found: objects are not schema-checked; set SGLAMBDA_CALICO_CRDS)"));
        stdout.WriteLine($"  AWS CLI and SDKs:  source {files.AwsEnv}");
        stdout.WriteLine($"  kubectl:           export KUBECONFIG={files.Kubeconfig}");
        stdout.WriteLine($"  Terraform:         cp {files.ProviderTf} into your module (a provider \"aws\" block with these endpoints)");
        stdout.WriteLine($"  Ids and endpoints: {files.SandboxJson}");
        stdout.WriteLine($"  Reconcile now:     kill -HUP {Environment.ProcessId} (else every {every} min); stop with Ctrl-C");
        stdout.WriteLine($"  Started in {Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        stdout.WriteLine("ready");
        await stdout.FlushAsync(CancellationToken.None);

        using var schedule = new PeriodicTimer(TimeSpan.FromMinutes(every));
        var scheduled = ScheduleAsync(schedule, work.Writer, cancellationToken);
        try
        {
            await foreach (var item in work.Reader.ReadAllAsync(cancellationToken))
                versions = await HandleAsync(world, item, versions, stdout, painter, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: stop serving.
        }
        finally
        {
            world.Aws.Events.Emitted -= OnEvent;
            work.Writer.TryComplete();
        }
        await scheduled;
        stdout.WriteLine("stopped");
        return ExitCodes.Success;
    }

    private static SandboxSeed Seed(Emulators.Aws.Model.Ec2Account account, SandboxSnapshot snapshot)
    {
        account.Import(snapshot.Input.Snapshot, snapshot.Subnets);
        var nodes = snapshot.Input.Snapshot.Nodes.Select(node =>
        {
            var zone = node.InstanceId is { } id ? account.FindInstance(id)?.AvailabilityZone : null;
            return SandboxWorld.NodeObject(node.Name, node.InstanceId is null ? null : $"aws:///{zone ?? snapshot.Region + "a"}/{node.InstanceId}");
        });
        return new SandboxSeed(snapshot.Input.Config, [.. nodes]);
    }

    private static async Task ScheduleAsync(PeriodicTimer schedule, ChannelWriter<SandboxWork> work, CancellationToken cancellationToken)
    {
        try
        {
            while (await schedule.WaitForNextTickAsync(cancellationToken)) work.TryWrite(new SandboxWork(null, "scheduled"));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Runs one event through the change handler (or one reconcile) and prints what it wrote.</summary>
    private static async Task<Dictionary<Core.Calico.ObjectKey, string?>> HandleAsync(SandboxWorld world, SandboxWork item,
        Dictionary<Core.Calico.ObjectKey, string?> before, TextWriter stdout, Painter painter, CancellationToken cancellationToken)
    {
        var time = DateTimeOffset.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        try
        {
            if (item.Event is { } emitted)
            {
                var outcome = await world.DeliverAsync(emitted);
                // From the API call to the cluster holding what the change handler wrote (queueing included).
                var latency = (DateTimeOffset.UtcNow - emitted.Time).TotalMilliseconds;
                var call = emitted.ErrorCode is null ? emitted.EventName : $"{emitted.EventName} (failed: {emitted.ErrorCode})";
                stdout.WriteLine(painter.Paint($"{time} event {call} from {emitted.Source}: {outcome.Status}", TextStyle.Accent)
                    + (outcome.Reason is { } reason ? $" ({reason})" : "")
                    + $", {latency.ToString("0", CultureInfo.InvariantCulture)} ms after the call");
            }
            else
            {
                await world.ReconcileAsync();
                stdout.WriteLine(painter.Paint($"{time} reconcile, {item.ReconcileReason}", TextStyle.Accent));
            }
            var after = await CalicoWrites.PrintAsync(world, before, stdout, painter, cancellationToken);
            await stdout.FlushAsync(CancellationToken.None);
            return after;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The function failed (Lambda would retry it, then dead-letter it): one line, and the sandbox carries on.
            var what = item.Event is { } failed ? "event " + failed.EventName : "reconcile";
            stdout.WriteLine(painter.Paint($"{time} {what} failed: {e.GetType().Name}: {e.Message}", TextStyle.Bad));
            return await CalicoWrites.VersionsAsync(world, cancellationToken);
        }
    }
}
