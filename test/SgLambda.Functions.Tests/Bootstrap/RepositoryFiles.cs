namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>Files of the source tree the bootstrap tests read: the tutorial's AWS snapshot and the replayable events.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Tutorial { get; } = Path.Combine(Root, "infra", "examples", "tutorial");

    public static string Event(string name) => File.ReadAllText(Path.Combine(Root, "infra", "events", name));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("SgLambda.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
