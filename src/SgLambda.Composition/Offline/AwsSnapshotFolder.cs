using SgLambda.Core.Input;

namespace SgLambda.Composition.Offline;

/// <summary>
/// An AWS snapshot folder as <c>sglambda replay --aws-snapshot</c> takes: the files <c>render</c> reads under
/// their usual names (sgs.json, enis.json and config.json required; vpcs.json, pls.json, nodes.json, sgrs.json optional).
/// The one reader of such folders: the offline functions and every CLI command with <c>--aws-snapshot</c>.
/// </summary>
public static class AwsSnapshotFolder
{
    /// <summary>Reads and parses the folder; throws <see cref="InputException"/> naming the missing or bad file.</summary>
    /// <param name="folder">The snapshot folder.</param>
    /// <param name="configPath">A config file elsewhere (default: config.json in the folder).</param>
    public static RenderInput Read(string folder, string? configPath = null)
    {
        if (!Directory.Exists(folder)) throw new InputException(folder, null, null, "no such directory (expected a folder with sgs.json, enis.json, config.json, ...)");
        return InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = ReadFile(Path.Combine(folder, "sgs.json")),
            NetworkInterfaces = ReadFile(Path.Combine(folder, "enis.json")),
            Vpcs = Optional(folder, "vpcs.json"),
            PrefixLists = Optional(folder, "pls.json"),
            Nodes = Optional(folder, "nodes.json"),
            SecurityGroupRules = Optional(folder, "sgrs.json"),
            Config = ReadFile(configPath ?? Path.Combine(folder, "config.json")),
        });
    }

    private static InputFile? Optional(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? ReadFile(path) : null;
    }

    private static InputFile ReadFile(string path)
    {
        try
        {
            return new InputFile(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot read the file: " + e.Message);
        }
    }
}
