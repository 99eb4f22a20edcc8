using Amazon.EC2;
using Amazon.Runtime;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>
/// A fresh emulator per test, seeded with one VPC (10.0.0.0/16, with its default security group) and its
/// subnet, and the real AWSSDK.EC2 client pointed at it with fake credentials.
/// </summary>
public abstract class EmulatorTestBase
{
    protected Ec2Emulator Emulator { get; private set; } = null!;

    protected AmazonEC2Client Ec2 { get; private set; } = null!;

    protected Ec2Vpc Vpc { get; private set; } = null!;

    protected Ec2Subnet Subnet { get; private set; } = null!;

    protected virtual Ec2EmulatorOptions Options => new();

    [SetUp]
    public async Task StartEmulator()
    {
        Emulator = await Ec2Emulator.StartAsync(Options);
        Vpc = Emulator.Account.AddVpc("10.0.0.0/16");
        Subnet = Emulator.Account.Subnets.Single(s => s.VpcId == Vpc.VpcId);
        Ec2 = CreateClient(Emulator, maxErrorRetry: 2);
    }

    [TearDown]
    public async Task StopEmulator()
    {
        Ec2.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>The AmazonEC2Exception a call fails with (the test fails when it does not).</summary>
    protected static async Task<AmazonEC2Exception> Ec2Error(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        return error ?? throw new AssertionException("expected an AmazonEC2Exception");
    }

    internal static AmazonEC2Client CreateClientFor(Ec2Emulator emulator) => CreateClient(emulator, maxErrorRetry: 0);

    /// <summary>The SDK as SgLambda configures it: a ServiceURL, a signing region, few retries, short timeouts.</summary>
    protected static AmazonEC2Client CreateClient(Ec2Emulator emulator, int maxErrorRetry, TimeSpan? timeout = null) =>
        new(new BasicAWSCredentials("AKIDEMULATOR", "emulator-secret"), new AmazonEC2Config
        {
            ServiceURL = emulator.ServiceUrl,
            AuthenticationRegion = emulator.Options.Region,
            MaxErrorRetry = maxErrorRetry,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            RetryMode = RequestRetryMode.Standard,
        });
}
