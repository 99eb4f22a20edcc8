namespace SgLambda.TestSupport;

/// <summary>The checkout the tests run in: the folder above the test binaries that holds <c>SgLambda.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path below the root, e.g. <c>Of("infra", "events")</c>.</summary>
    public static string Of(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no SgLambda.sln above {AppContext.BaseDirectory}");
    }
}
