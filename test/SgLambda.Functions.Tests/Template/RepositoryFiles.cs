namespace SgLambda.Functions.Tests.Template;

/// <summary>The repository's own files (template.yaml, Makefile, infra/), not copies in the build output.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    public static string TemplateFixture(string fileName) => Read("test", "SgLambda.Functions.Tests", "Template", "Fixtures", fileName);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no SgLambda.sln above {AppContext.BaseDirectory}");
    }
}
