using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>
/// An offline AWS snapshot: a folder holding the files <c>render</c> takes, under their usual names
/// (sgs.json, enis.json and config.json required; vpcs.json, pls.json, nodes.json, sgrs.json optional).
/// </summary>
internal static class AwsSnapshotDirectory
{
    public static RenderInput Read(string directory, string? configPath)
    {
        if (!Directory.Exists(directory)) throw new InputException(directory, null, null, "no such directory (expected a folder with sgs.json, enis.json, config.json, ...)");
        return InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = InputFileReader.Read(Path.Combine(directory, "sgs.json")),
            NetworkInterfaces = InputFileReader.Read(Path.Combine(directory, "enis.json")),
            Vpcs = Optional(directory, "vpcs.json"),
            PrefixLists = Optional(directory, "pls.json"),
            Nodes = Optional(directory, "nodes.json"),
            SecurityGroupRules = Optional(directory, "sgrs.json"),
            Config = InputFileReader.Read(configPath ?? Path.Combine(directory, "config.json")),
        });
    }

    private static InputFile? Optional(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? InputFileReader.Read(path) : null;
    }
}
