namespace SgLambda.Cli.Tests;

/// <summary>Files of the source tree the tests read (and, for goldens, rewrite).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = SgLambda.TestSupport.RepositoryRoot.Path;

    public static string Tutorial { get; } = Path.Combine(Root, "infra", "examples", "tutorial");

    public static string Golden { get; } = Path.Combine(Root, "test", "SgLambda.Cli.Tests", "Golden");

    public static string BadInput { get; } = Path.Combine(Root, "test", "SgLambda.Cli.Tests", "BadInput");
}
