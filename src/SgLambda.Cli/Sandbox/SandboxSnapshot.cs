using System.Text.Json;
using SgLambda.Core.Input;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Composition.Offline;

namespace SgLambda.Cli.Sandbox;

/// <summary>
/// The account a sandbox starts with: an AWS snapshot folder (the files <c>render</c> reads, as for
/// <c>--aws-snapshot</c>) and, optionally, <c>subnets.json</c> (what <c>aws ec2 describe-subnets</c> prints).
/// </summary>
internal sealed record SandboxSnapshot(RenderInput Input, IReadOnlyList<Ec2Subnet> Subnets, string AccountId, string Region)
{
    /// <summary>The tutorial, copied beside the binary (infra/examples/tutorial).</summary>
    public static string TutorialFolder => Path.Combine(AppContext.BaseDirectory, "tutorial");

    /// <summary>Reads the folder; throws <see cref="InputException"/> naming the file and what is wrong with it.</summary>
    public static SandboxSnapshot Read(string folder)
    {
        var input = AwsSnapshotFolder.Read(folder);
        var snapshot = input.Snapshot;
        var subnetsPath = Path.Combine(folder, "subnets.json");
        var subnets = File.Exists(subnetsPath) ? ReadSubnets(subnetsPath) : [];
        var accountId = input.Config.AccountId
            ?? snapshot.SecurityGroups.Select(g => g.OwnerId).FirstOrDefault(o => o is not null)
            ?? "123456789012";
        var zone = snapshot.NetworkInterfaces.Select(e => e.AvailabilityZone).Concat(subnets.Select(s => s.AvailabilityZone)).FirstOrDefault(z => z is { Length: > 1 });
        var region = input.Config.Region ?? (zone is null ? "us-west-2" : zone[..^1]);
        if (!snapshot.Vpcs.Any(v => string.Equals(v.VpcId, input.Config.VpcId, StringComparison.Ordinal)))
            throw new InputException(Path.Combine(folder, "vpcs.json"), null, null, $"the config's VPC {input.Config.VpcId} is not described here (the sandbox needs its CIDR block)");
        return new SandboxSnapshot(input, subnets, accountId, region);
    }

    private static List<Ec2Subnet> ReadSubnets(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty(nameof(Subnets), out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InputException(path, "$.Subnets", null, "expected the output of aws ec2 describe-subnets (an object with a Subnets array)");
            var subnets = new List<Ec2Subnet>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                string Field(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()!
                    : throw new InputException(path, $"$.Subnets[{index}].{name}", null, "expected a string");
                subnets.Add(new Ec2Subnet(Field("SubnetId"), Field("VpcId"), Field("CidrBlock"), Field("AvailabilityZone")));
                index++;
            }
            return subnets;
        }
        catch (JsonException e)
        {
            throw new InputException(path, null, (int?)e.LineNumber + 1, "not valid JSON: " + e.Message);
        }
        catch (IOException e)
        {
            throw new InputException(path, null, null, "cannot read the file: " + e.Message);
        }
    }
}
