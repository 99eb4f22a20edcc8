using SgLambda.Emulators.Kubernetes;

namespace SgLambda.Emulators.Tests;

/// <summary>
/// The Calico CRDs the tests validate against, found by <see cref="CrdFolder"/> (skipped without them, except in CI).
/// </summary>
public static class CalicoCrdsFolder
{
    public static readonly string[] ApiVersions = ["projectcalico.org/v3", "crd.projectcalico.org/v1"];

    public static string Root => CrdFolder.Root;

    public static string For(string apiVersion) => CrdFolder.For(apiVersion);

    public static CrdSchemaValidator Validator(string apiVersion) => CrdSchemaValidator.ForDirectory(For(apiVersion));
}
