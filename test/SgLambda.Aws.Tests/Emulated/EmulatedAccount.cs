using Amazon.EC2;
using Amazon.Runtime;
using SgLambda.Aws.Rds;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Aws.Tests.Emulated;

/// <summary>
/// An EC2/RDS emulator with the production clients pointed at it (built by <see cref="AwsClients"/>, so the
/// SDK's retry configuration is the one under test), and the configured VPC plus another one.
/// </summary>
public sealed class EmulatedAccount : IAsyncDisposable
{
    private EmulatedAccount(Ec2Emulator emulator, IAmazonEC2 ec2, IAmazonRDS rds, Ec2Vpc vpc, Ec2Vpc otherVpc)
    {
        Emulator = emulator;
        Ec2 = ec2;
        Rds = rds;
        Vpc = vpc;
        OtherVpc = otherVpc;
        Config = new SgLambdaConfig { VpcId = vpc.VpcId };
    }

    public Ec2Emulator Emulator { get; }
    public Ec2Account Account => Emulator.Account;
    public IAmazonEC2 Ec2 { get; }
    public IAmazonRDS Rds { get; }
    public Ec2Vpc Vpc { get; }
    public Ec2Vpc OtherVpc { get; }
    public SgLambdaConfig Config { get; }
    public Ec2Inventory Inventory => new(Ec2, Rds, Config);

    public static async Task<EmulatedAccount> StartAsync(int seed = 1)
    {
        var emulator = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = seed, Region = "eu-west-1" });
        var options = new AwsClientOptions
        {
            Region = emulator.Options.Region,
            Ec2ServiceUrl = emulator.ServiceUrl,
            RdsServiceUrl = emulator.ServiceUrl,
            MaxErrorRetry = 4,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var credentials = new BasicAWSCredentials("AKIDEMULATOR", "emulator-secret");
        var vpc = emulator.Account.AddVpc("10.0.0.0/16");
        var other = emulator.Account.AddVpc("10.1.0.0/16");
        return new EmulatedAccount(emulator, AwsClients.CreateEc2Client(options, credentials), AwsClients.CreateRdsClient(options, credentials), vpc, other);
    }

    /// <summary>The emulator's own view of the configured VPC: what <see cref="Ec2Inventory.ReadAllAsync"/> must return.</summary>
    public AwsSnapshot TruthOfVpc()
    {
        var all = Account.ToSnapshot();
        var groups = all.SecurityGroups.Where(g => g.VpcId == Vpc.VpcId).ToList();
        var groupIds = groups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        return all with
        {
            SecurityGroups = groups,
            SecurityGroupRules = [.. all.SecurityGroupRules.Where(r => groupIds.Contains(r.GroupId))],
            NetworkInterfaces = [.. all.NetworkInterfaces.Where(e => e.VpcId == Vpc.VpcId)],
            Vpcs = [.. all.Vpcs.Where(v => v.VpcId == Vpc.VpcId)],
            DbInstances = [.. all.DbInstances.Where(d => d.VpcId == Vpc.VpcId)],
        };
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Rds.Dispose();
        await Emulator.DisposeAsync();
    }
}
