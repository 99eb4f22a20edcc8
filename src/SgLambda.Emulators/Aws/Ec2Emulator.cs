using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Emulators.Aws;

/// <summary>
/// A loopback emulator of the EC2 Query API (version 2016-11-15) and of RDS's DB instance actions (version
/// 2014-10-31) on one endpoint, for the real AWSSDK clients: point <c>ServiceURL</c> at <see cref="ServiceUrl"/>
/// and sign with any credentials. It keeps an in-memory account (<see cref="Account"/>, which tests can seed
/// directly), emits the EventBridge events AWS would deliver for each mutating call (<see cref="Events"/>),
/// counts calls (<see cref="Calls"/>) and injects faults on request (<see cref="Faults"/>).
/// </summary>
public sealed class Ec2Emulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Ec2Emulator(WebApplication app, Ec2EmulatorOptions options, Ec2Account account, EventFeed events, FaultInjector faults, CallCounter calls)
    {
        _app = app;
        Options = options;
        Account = account;
        Events = events;
        Faults = faults;
        Calls = calls;
    }

    public Ec2EmulatorOptions Options { get; }

    public Ec2Account Account { get; }

    public EventFeed Events { get; }

    public FaultInjector Faults { get; }

    public CallCounter Calls { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: the ServiceURL for AmazonEC2Config and the RDS client.</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<Ec2Emulator> StartAsync(Ec2EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new Ec2EmulatorOptions();
        var ids = new IdGenerator(options.Seed);
        var account = new Ec2Account(options.AccountId, options.Region, ids, options.TimeProvider);
        var events = new EventFeed();
        var faults = new FaultInjector(options.Seed);
        var calls = new CallCounter();
        var pipeline = new QueryApiPipeline(account, events, faults, calls, new EventFactory(options, ids), options);

        // No arguments and the assembly's own folder: nothing from the caller's command line or working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        var emulator = new Ec2Emulator(app, options, account, events, faults, calls);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.ServiceUrl = address.TrimEnd('/');
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        // Calls held back by a Timeout fault are cut short rather than waited for.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
