namespace SgLambda.Cli.Tests;

/// <summary>The render command line of infra/examples/tutorial, with any option replaced or removed.</summary>
internal static class TutorialArguments
{
    public static readonly (string Option, string File)[] Files =
    [
        ("--security-groups", "sgs.json"),
        ("--network-interfaces", "enis.json"),
        ("--vpcs", "vpcs.json"),
        ("--prefix-lists", "pls.json"),
        ("--nodes", "nodes.json"),
        ("--security-group-rules", "sgrs.json"),
        ("--config", "config.json"),
    ];

    /// <summary><c>render</c> with every tutorial file under <paramref name="directory"/>, then <paramref name="extra"/>.</summary>
    public static string[] Render(string directory, params string[] extra) =>
        ["render", .. Files.SelectMany(f => new[] { f.Option, Path.Combine(directory, f.File) }), .. extra];

    /// <summary>As <see cref="Render"/> with one option's file replaced, or the option left out when <paramref name="path"/> is null.</summary>
    public static string[] RenderWith(string option, string? path, params string[] extra) =>
    [
        "render",
        .. Files.SelectMany(f => f.Option != option
            ? new[] { f.Option, Path.Combine(RepositoryPaths.Tutorial, f.File) }
            : path is null ? [] : new[] { f.Option, path }),
        .. extra,
    ];
}
