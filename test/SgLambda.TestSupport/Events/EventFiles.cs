using SgLambda.Core.Configuration;

namespace SgLambda.TestSupport.Events;

/// <summary>
/// The replayable events in infra/events and the fixtures beside these tests, read from the repository
/// itself (not copies in the build output), and the tutorial configuration they are written for.
/// </summary>
public static class EventFiles
{
    public const string Vpc = "vpc-0a1b2c3d4e5f60718";
    public const string Account = "111122223333";
    public const string Region = "us-west-2";
    public const string InstanceSg = "sg-12345678901234";
    public const string PodSg = "sg-98765432109876";

    public static SgLambdaConfig Config { get; } = new() { VpcId = Vpc, AccountId = Account, Region = Region };

    public static string InfraEventsDirectory => Path.Combine(RepositoryRoot.Path, "infra", "events");

    public static string FixturesDirectory => Path.Combine(RepositoryRoot.Path, "test", "SgLambda.Core.Tests", "Events", "Fixtures");

    public static IReadOnlyList<string> InfraEventNames =>
        [.. Directory.GetFiles(InfraEventsDirectory, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> FixtureNames =>
        [.. Directory.GetFiles(FixturesDirectory, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static string InfraEvent(string fileName) => File.ReadAllText(Path.Combine(InfraEventsDirectory, fileName));

    public static string Fixture(string fileName) => File.ReadAllText(Path.Combine(FixturesDirectory, fileName));
}
