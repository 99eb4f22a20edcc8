using SgLambda.Aws;
using SgLambda.Aws.Health;
using SgLambda.Composition;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Functions.Observability;
using SgLambda.Kubernetes;

namespace SgLambda.Functions;

/// <summary>
/// What a function is built from in production: settings read and validated from the environment, and the
/// sync engine over the real AWS and Kubernetes clients. Built once per cold start.
/// </summary>
public sealed record FunctionComposition(FunctionSettings Settings, SyncEngine Engine, StructuredLogger Logger, TimeProvider Time)
{
    /// <summary>The cluster's pods, for the reconciler's relabelling; null offline (no cluster).</summary>
    public IPodLabels? Pods { get; init; }

    /// <summary>The cluster's Namespaces, for the admission webhook; null offline (no cluster).</summary>
    public INamespaceReader? Namespaces { get; init; }

    /// <summary>The change queue (<c>SGLAMBDA_CHANGE_QUEUE_URL</c>), when events are batched; null otherwise.</summary>
    public IEventQueue? EventQueue { get; init; }

    /// <summary>The environment the composition was read from (the webhook reads its secret settings from it).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public static FunctionComposition FromEnvironment()
    {
        // Offline (tests, sam local invoke): snapshot files stand in for AWS and the cluster.
        if (Offline.OfflineComposition.IsRequested(System.Environment.GetEnvironmentVariable)) return Offline.OfflineComposition.FromEnvironment();
        return Compose(FunctionSettingsReader.FromEnvironment(), System.Environment.GetEnvironmentVariable, Console.Out, TimeProvider.System);
    }

    /// <summary>
    /// The production sources: EC2 and RDS live (the standard endpoint variables honoured), the cluster through the
    /// AOT-safe HTTP adapter with a static token or EKS tokens from the function's role; composed by
    /// <see cref="CompositionRoot"/>. Clients live as long as the process (one per cold start).
    /// </summary>
    public static FunctionComposition Compose(FunctionSettings settings, Func<string, string?> environment, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var logger = new StructuredLogger(output, settings.LogLevel, time);
        // Adaptive: on RequestLimitExceeded the client also slows itself down (token bucket), sharing EC2's
        // account-wide rate limit politely with the users' own tooling.
        var aws = AwsSource.Live(AwsClientOptions.FromEnvironment(settings.Region, environment) with { RetryMode = Amazon.Runtime.RequestRetryMode.Adaptive });

        var connection = ClusterConnectionOf(settings, environment);
        ITokenSource tokens = (settings.ClusterToken ?? connection.Token) is { } token
            ? new StaticTokenSource(token)
            : new EksTokenSource(new EksTokenGenerator(settings.ClusterName, settings.Region, AwsClients.DefaultCredentials(), time));
        var cluster = ClusterSource.Endpoint(connection.Endpoint, connection.CertificateAuthority, tokens);
        var composed = CompositionRoot.Compose(aws, cluster, settings.Config, message => logger.Log(LogLevel.Information, message));
        var queueUrl = environment(EnvironmentVariables.ChangeQueueUrl);
        return Of(settings, composed, composed.TrustWritesWhenBothLive, logger, time) with
        {
            Environment = environment,
            EventQueue = string.IsNullOrWhiteSpace(queueUrl) ? null : new SqsEventQueue(HealthClients.CreateSqsClient(settings.Region, environment), queueUrl.Trim()),
        };
    }

    /// <summary>
    /// A function over composed sources: companions of the cluster's SG-aware NetworkPolicies, trust SGs written
    /// through <paramref name="trust"/>; the pods and Namespaces of a live cluster.
    /// </summary>
    internal static FunctionComposition Of(FunctionSettings settings, Composed composed, TrustSecurityGroupWrites trust, StructuredLogger logger, TimeProvider time) =>
        new(settings, composed.Engine(new SyncEngineOptions { Companions = composed.Companions, TrustSecurityGroups = trust }), logger, time)
        {
            Namespaces = composed.Cluster.Namespaces,
            Pods = composed.Cluster.Pods,
        };

    // The endpoint and CA as set, else from the SSM parameter (read once, at cold start).
    private static ClusterConnection ClusterConnectionOf(FunctionSettings settings, Func<string, string?> environment)
    {
        if (settings.ClusterEndpoint is { } endpoint) return new ClusterConnection(endpoint, settings.ClusterCertificateAuthority);
        var name = settings.ClusterSsmParameter
            ?? throw new ConfigurationException(EnvironmentVariables.ClusterEndpoint, $"required (or set {EnvironmentVariables.ClusterSsmParameter})");
        var value = SsmParameterReader.Read(name, EnvironmentVariables.ClusterSsmParameter, settings.Region, environment);
        return ClusterConnection.FromParameterValue(name, value);
    }
}
