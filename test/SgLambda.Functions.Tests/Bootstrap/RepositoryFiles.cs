namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>Files of the source tree the bootstrap tests read: the tutorial's AWS snapshot and the replayable events.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = SgLambda.TestSupport.RepositoryRoot.Path;

    public static string Tutorial { get; } = Path.Combine(Root, "infra", "examples", "tutorial");

    public static string Event(string name) => File.ReadAllText(Path.Combine(Root, "infra", "events", name));
}
