using SgLambda.Cli.Output;
using SgLambda.Core.Calico;

namespace SgLambda.Cli.Sandbox;

/// <summary>What the functions wrote to the cluster between two looks: the Calico objects created, updated and deleted.</summary>
internal static class CalicoWrites
{
    /// <summary>Every Calico object's resourceVersion, to compare with a later look.</summary>
    public static async Task<Dictionary<ObjectKey, string?>> VersionsAsync(SandboxWorld world, CancellationToken cancellationToken) =>
        (await world.CalicoObjectsAsync(cancellationToken)).ToDictionary(o => o.Key, o => o.Metadata.ResourceVersion);

    /// <summary>Prints the objects created, updated and deleted since <paramref name="before"/>; returns the new versions.</summary>
    public static async Task<Dictionary<ObjectKey, string?>> PrintAsync(SandboxWorld world, Dictionary<ObjectKey, string?> before, TextWriter stdout, Painter painter, CancellationToken cancellationToken)
    {
        var after = await VersionsAsync(world, cancellationToken);
        var table = new TextTable("KIND", "NAME", "CHANGE");
        foreach (var (key, version) in after.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(key, out var old)) table.Add(key.Kind, Name(key), new TableCell("created", TextStyle.Good));
            else if (!string.Equals(old, version, StringComparison.Ordinal)) table.Add(key.Kind, Name(key), new TableCell("updated", TextStyle.Warning));
        }
        foreach (var key in before.Keys.Where(k => !after.ContainsKey(k)).OrderBy(k => k.Name, StringComparer.Ordinal))
            table.Add(key.Kind, Name(key), new TableCell("deleted", TextStyle.Bad));
        if (table.RowCount == 0)
        {
            stdout.WriteLine("  Calico objects written: none");
        }
        else
        {
            stdout.WriteLine($"  Calico objects written: {table.RowCount}");
            table.Write(stdout, painter, "    ");
        }
        return after;
    }

    private static string Name(ObjectKey key) => key.Namespace is null ? key.Name : $"{key.Namespace}/{key.Name}";
}
