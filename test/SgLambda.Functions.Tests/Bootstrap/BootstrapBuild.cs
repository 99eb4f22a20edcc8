using SgLambda.Functions.Tests.Build;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The two builds of the bootstrap a process test runs: the JIT build (<c>dotnet SgLambda.Functions.dll</c>, beside
/// the tests) and the Native AOT <c>bootstrap</c>. The AOT binary is <c>SGLAMBDA_AOT_BOOTSTRAP</c> when set (a binary
/// built once, e.g. by CI), else the one <c>AOT=true sam build</c> leaves (<see cref="SamBuild"/>, once per test run).
/// </summary>
internal static class BootstrapBuild
{
    public const string Jit = "jit";
    public const string Aot = "aot";
    public const string AotBootstrapVariable = "SGLAMBDA_AOT_BOOTSTRAP";

    private static readonly Lazy<Task<string>> AotBinary = new(PublishAotAsync);

    /// <summary>How to start the build: file name and leading arguments.</summary>
    public static async Task<(string FileName, string[] Arguments)> CommandAsync(string build) => build switch
    {
        Jit => ("dotnet", [Path.Combine(TestContext.CurrentContext.TestDirectory, "SgLambda.Functions.dll")]),
        Aot => (await AotBinary.Value, []),
        _ => throw new ArgumentOutOfRangeException(nameof(build), build, "jit or aot"),
    };

    private static async Task<string> PublishAotAsync()
    {
        if (Environment.GetEnvironmentVariable(AotBootstrapVariable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"{AotBootstrapVariable} names no file", given);
        }

        // Built as sam build builds it (AOT=true make build-ChangeHandler): every function's artifact is the same.
        return Path.Combine(await SamBuild.ArtifactsAsync("ChangeHandler", aot: true), "bootstrap");
    }
}
