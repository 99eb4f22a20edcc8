using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary><c>sglambda sandbox</c> as scripts drive it: its files, its <c>ready</c> line, live events, clear errors, a clean stop.</summary>
[NonParallelizable]
public sealed class SandboxCommandTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public void It_writes_its_files_prints_ready_shows_each_event_live_and_stops_cleanly_on_sigterm()
    {
        using var sandbox = SandboxProcess.Start();

        var info = sandbox.Info;
        Assert.That(info["accountId"]!.GetValue<string>(), Is.EqualTo("111122223333"), "the tutorial's account");
        Assert.That(info["vpcId"]!.GetValue<string>(), Is.EqualTo("vpc-0a1b2c3d4e5f60718"));
        Assert.That(info["subnetIds"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EquivalentTo(new[] { "subnet-0a1b2c3d4e5f60719", "subnet-0b2c3d4e5f6a7082a" }));
        Assert.That(info["podSecurityGroupId"]!.GetValue<string>(), Is.EqualTo("sg-0e7a3c9d5f1b46803"));
        Assert.That(File.ReadAllText(Path.Combine(sandbox.Directory, "kubeconfig")), Does.Contain("certificate-authority-data:").And.Contain("server: https://127.0.0.1:"));
        Assert.That(File.ReadAllText(Path.Combine(sandbox.Directory, "provider.tf")), Does.Contain("provider \"aws\"").And.Contain("sts = \"" + info["ec2Endpoint"]!.GetValue<string>()));
        Assert.That(sandbox.Environment["AWS_ENDPOINT_URL_EC2"], Is.EqualTo(info["ec2Endpoint"]!.GetValue<string>()));

        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials("AKIDTEST", "test"), new AmazonEC2Config
        {
            ServiceURL = info["ec2Endpoint"]!.GetValue<string>(),
            AuthenticationRegion = "us-west-2",
        });
        var created = ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = "vpc-0a1b2c3d4e5f60718" }).GetAwaiter().GetResult();
        var line = sandbox.WaitForLine(l => l.Contains("event CreateSecurityGroup", StringComparison.Ordinal), EventTimeout);
        Assert.That(line, Does.Contain("from aws.ec2: applied").And.Contain("ms after the call"));
        sandbox.WaitForLine(l => l.Contains($"sg-local.{created.GroupId}", StringComparison.Ordinal) && l.Contains("created", StringComparison.Ordinal), EventTimeout);

        var unimplemented = Assert.Throws<AmazonEC2Exception>(() => ec2.DescribeVolumesAsync(new DescribeVolumesRequest()).GetAwaiter().GetResult());
        Assert.That(unimplemented!.ErrorCode, Is.EqualTo("InvalidAction"), "the client gets an AWS-style error");
        sandbox.WaitForLine(l => l == "unimplemented: EC2 DescribeVolumes: the sandbox does not emulate this call; the client got InvalidAction", EventTimeout);

        Assert.That(sandbox.Terminate(), Is.Zero);
        Assert.That(sandbox.Output, Does.EndWith("stopped"));
    }

    [Test]
    public void A_snapshot_it_cannot_read_is_one_line_naming_the_file_and_exit_2()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sglambda-bad-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.Tutorial, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, "subnets.json"), "{\"Subnets\": [{\"SubnetId\": 7}]}");

            var result = CliResult.Run("sandbox", "--aws-snapshot", folder, "--dir", Path.Combine(folder, "out"));

            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Is.EqualTo($"error: {Path.Combine(folder, "subnets.json")}: $.Subnets[0].SubnetId: expected a string\n"));
            Assert.That(result.Stdout, Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
