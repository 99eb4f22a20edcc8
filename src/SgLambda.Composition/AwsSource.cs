using Amazon.Runtime;
using SgLambda.Aws;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Core.Sync;

namespace SgLambda.Composition;

/// <summary>Where AWS is read from: the account (EC2 and RDS clients) or a snapshot folder already read.</summary>
public abstract record AwsSource
{
    private AwsSource()
    {
    }

    /// <summary>The account, through AWSSDK.EC2 and the RDS client (credentials: the default chain unless given).</summary>
    public static AwsSource Live(AwsClientOptions options, AWSCredentials? credentials = null) =>
        new LiveAccount(options ?? throw new ArgumentNullException(nameof(options)), credentials);

    /// <summary>A snapshot (<see cref="Offline.AwsSnapshotFolder"/>): nothing is written to AWS.</summary>
    public static AwsSource Snapshot(AwsSnapshot state) => new SnapshotState(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>True for the account itself.</summary>
    public abstract bool IsLive { get; }

    // Each source builds its own adapters, so an entry point that never names a source never links its clients.
    internal abstract AwsSide Open(SgLambdaConfig config);

    private sealed record LiveAccount(AwsClientOptions Options, AWSCredentials? Credentials) : AwsSource
    {
        public override bool IsLive => true;

        internal override AwsSide Open(SgLambdaConfig config)
        {
            var ec2 = AwsClients.CreateEc2Client(Options, Credentials);
            var rds = AwsClients.CreateRdsClient(Options, Credentials);
            return new AwsSide
            {
                Inventory = new Ec2Inventory(ec2, rds, config),
                Writer = new AwsSecurityGroupWriter(ec2, rds),
                Region = Options.Region,
                Clients = [ec2, rds],
            };
        }
    }

    private sealed record SnapshotState(AwsSnapshot State) : AwsSource
    {
        public override bool IsLive => false;

        internal override AwsSide Open(SgLambdaConfig config)
        {
            var inventory = new SnapshotInventory(State, config);
            return new AwsSide { Inventory = inventory, SnapshotNodes = inventory };
        }
    }
}
