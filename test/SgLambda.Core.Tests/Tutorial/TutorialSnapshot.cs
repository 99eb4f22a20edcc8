using SgLambda.Core.Input;

namespace SgLambda.Core.Tests.Tutorial;

/// <summary>The seed tutorial's AWS snapshot (infra/examples/tutorial), parsed as <c>render</c> parses it.</summary>
internal static class TutorialSnapshot
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot.Path, "infra", "examples", "tutorial");

    public static RenderInput Read() => InputParser.ParseRenderInput(new RenderInputFiles
    {
        SecurityGroups = File("sgs.json"),
        NetworkInterfaces = File("enis.json"),
        Vpcs = File("vpcs.json"),
        PrefixLists = File("pls.json"),
        Nodes = File("nodes.json"),
        SecurityGroupRules = File("sgrs.json"),
        Config = File("config.json"),
    });

    private static InputFile File(string name) => new(name, System.IO.File.ReadAllText(Path.Combine(Directory, name)));
}
