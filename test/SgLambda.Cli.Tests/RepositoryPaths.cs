namespace SgLambda.Cli.Tests;

/// <summary>Files of the source tree the tests read (and, for goldens, rewrite).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tutorial { get; } = Path.Combine(Root, "infra", "examples", "tutorial");

    public static string Golden { get; } = Path.Combine(Root, "test", "SgLambda.Cli.Tests", "Golden");

    public static string BadInput { get; } = Path.Combine(Root, "test", "SgLambda.Cli.Tests", "BadInput");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("SgLambda.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
