using SgLambda.Functions.Tests.Bootstrap;

namespace SgLambda.Functions.Tests.Build;

/// <summary>
/// The outside judges of <c>../shared/tools/infra-check</c> (<c>SGLAMBDA_INFRA_CHECK</c> names another copy): the
/// <c>sam build</c> emulation and the managed runtime's handler lookup. A lone clone has none, so a test that needs
/// them is skipped saying so; in CI (<c>CI=true</c>) it fails instead.
/// </summary>
internal static class InfraCheck
{
    public const string EnvironmentVariable = "SGLAMBDA_INFRA_CHECK";

    /// <summary>The infra-check folder, or null when there is none.</summary>
    public static string? Find()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var folder = string.IsNullOrWhiteSpace(given)
            ? Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "tools", "infra-check"))
            : Path.GetFullPath(given);
        return File.Exists(Path.Combine(folder, "handlercheck.cs")) ? folder : null;
    }

    /// <summary>The infra-check folder; skips (in CI: fails) the calling test when there is none.</summary>
    public static string Require()
    {
        if (Find() is { } folder) return folder;
        var message = $"infra-check not found: {EnvironmentVariable} is not set and ../shared/tools/infra-check is not beside the repository";
        if (CrdFolder.InCi) Assert.Fail(message + "; CI runs every outside judge.");
        Assert.Ignore(message + $". Set {EnvironmentVariable} to a copy of it to run this judge.");
        throw new InvalidOperationException("unreachable");
    }
}
