using SgLambda.Core.Input;

namespace SgLambda.Core.Tests.Input;

/// <summary>The JSON files in Input/Fixtures, read from the source tree (they are data, kept beside the tests).</summary>
internal static class Fixtures
{
    public static string Directory { get; } = Path.Combine(SgLambda.TestSupport.RepositoryRoot.Path, "test", "SgLambda.Core.Tests", "Input", "Fixtures");

    /// <summary>The fixture as an input file named like its file, e.g. <c>describe-vpcs.json</c>.</summary>
    public static InputFile Read(string fileName) => new(fileName, File.ReadAllText(Path.Combine(Directory, fileName)));
}
