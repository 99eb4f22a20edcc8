namespace SgLambda.Emulators.Kubernetes.Calico;

/// <summary>
/// Where the Calico CRD YAMLs are: a <c>calico-crds</c> folder holding one folder per API group
/// (<c>projectcalico.org-v3/</c>, <c>crd.projectcalico.org-v1/</c>).
/// </summary>
public static class CalicoCrds
{
    /// <summary>The environment variable that names the <c>calico-crds</c> folder.</summary>
    public const string EnvironmentVariable = "SGLAMBDA_CALICO_CRDS";

    /// <summary>The folder of one API group's CRDs: <c>projectcalico.org/v3</c> is <c>&lt;root&gt;/projectcalico.org-v3</c>.</summary>
    public static string DirectoryFor(string calicoCrdsRoot, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        return Path.Combine(calicoCrdsRoot, apiVersion.Replace('/', '-'));
    }

    /// <summary>
    /// The <c>calico-crds</c> folder: <paramref name="environmentValue"/> (the value of
    /// <see cref="EnvironmentVariable"/>) when set, else <c>../shared/calico-crds</c> beside the repository root
    /// found by walking up from <paramref name="startDirectory"/> to the folder holding <c>SgLambda.sln</c>.
    /// Throws <see cref="DirectoryNotFoundException"/> naming the environment variable when neither exists.
    /// </summary>
    public static string Locate(string? environmentValue, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            if (Directory.Exists(environmentValue)) return Path.GetFullPath(environmentValue);
            throw new DirectoryNotFoundException(
                $"{EnvironmentVariable} is \"{environmentValue}\", which is not a directory. Set {EnvironmentVariable} to the path of the calico-crds folder (the one holding projectcalico.org-v3/ and crd.projectcalico.org-v1/).");
        }

        var repositoryRoot = FindRepositoryRoot(startDirectory);
        var sibling = repositoryRoot is null ? null : Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "calico-crds"));
        if (sibling is not null && Directory.Exists(sibling)) return sibling;
        throw new DirectoryNotFoundException(
            $"Calico CRDs not found: {EnvironmentVariable} is not set and "
            + (sibling is null ? $"no SgLambda.sln was found above \"{startDirectory}\"" : $"\"{sibling}\" does not exist")
            + $". Set {EnvironmentVariable} to the path of the calico-crds folder (the one holding projectcalico.org-v3/ and crd.projectcalico.org-v1/).");
    }

    private static string? FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        return null;
    }
}
