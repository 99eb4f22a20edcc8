using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SgLambda.Aws;
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
    public static FunctionComposition FromEnvironment()
    {
        // Offline (tests, sam local invoke): snapshot files stand in for AWS and the cluster.
        if (Offline.OfflineComposition.IsRequested(Environment.GetEnvironmentVariable)) return Offline.OfflineComposition.FromEnvironment();
        return Compose(FunctionSettingsReader.FromEnvironment(), Environment.GetEnvironmentVariable, Console.Out, TimeProvider.System);
    }

    /// <summary>
    /// The production wiring: EC2 and RDS through <see cref="AwsClients"/> (the standard endpoint variables
    /// honoured), the cluster through the AOT-safe <see cref="KubernetesHttpApi"/> with a static token or EKS
    /// tokens from the function's role. Clients live as long as the process (one per cold start).
    /// </summary>
    public static FunctionComposition Compose(FunctionSettings settings, Func<string, string?> environment, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var logger = new StructuredLogger(output, settings.LogLevel, time);
        var aws = AwsClientOptions.FromEnvironment(settings.Region, environment);
        var ec2 = AwsClients.CreateEc2Client(aws);
        var rds = AwsClients.CreateRdsClient(aws);

        var connection = ClusterConnectionOf(settings, environment);
        ITokenSource tokens = (settings.ClusterToken ?? connection.Token) is { } token
            ? new StaticTokenSource(token)
            : new EksTokenSource(new EksTokenGenerator(settings.ClusterName, settings.Region, AwsClients.DefaultCredentials(), time));
        var api = new KubernetesHttpApi(connection.Endpoint, connection.CertificateAuthority, tokens);
        var store = new KubernetesHttpCalicoStore(api, new KubernetesStoreOptions
        {
            ApiGroup = settings.Config.CalicoApiGroup,
            Log = message => logger.Log(LogLevel.Information, message),
        });
        var nodes = new KubernetesHttpNodeReader(api);
        var engine = new SyncEngine(new Ec2Inventory(ec2, rds, settings.Config), nodes, store, settings.Config, new AwsSecurityGroupWriter(ec2, rds));
        return new FunctionComposition(settings, engine, logger, time);
    }

    // The endpoint and CA as set, else from the SSM parameter (read once, at cold start).
    private static ClusterConnection ClusterConnectionOf(FunctionSettings settings, Func<string, string?> environment)
    {
        if (settings.ClusterEndpoint is { } endpoint) return new ClusterConnection(endpoint, settings.ClusterCertificateAuthority);
        var name = settings.ClusterSsmParameter
            ?? throw new ConfigurationException(EnvironmentVariables.ClusterEndpoint, $"required (or set {EnvironmentVariables.ClusterSsmParameter})");
        var config = new AmazonSimpleSystemsManagementConfig();
        if ((environment("AWS_ENDPOINT_URL_SSM") ?? environment("AWS_ENDPOINT_URL")) is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        using var ssm = new AmazonSimpleSystemsManagementClient(AwsClients.DefaultCredentials(), config);
        GetParameterResponse response;
        try
        {
            // Cold start has no synchronization context to deadlock on.
            response = ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }).GetAwaiter().GetResult();
        }
        catch (AmazonSimpleSystemsManagementException e)
        {
            throw new ConfigurationException(EnvironmentVariables.ClusterSsmParameter, $"parameter {name}: {e.Message}");
        }
        return ClusterConnection.FromParameterValue(name, response.Parameter?.Value ?? "");
    }
}
