namespace SgLambda.Core.Input;

/// <summary>The files of <c>sglambda render</c> (SEMANTICS.md section 7); null for an option not given.</summary>
public sealed record RenderInputFiles
{
    public required InputFile SecurityGroups { get; init; }
    public required InputFile NetworkInterfaces { get; init; }
    public InputFile? Vpcs { get; init; }
    public InputFile? PrefixLists { get; init; }
    /// <summary>Entries of prefix lists, e.g. of those <see cref="PrefixLists"/> gives without them; several files of one list add up (pages).</summary>
    public IReadOnlyList<PrefixListEntriesFile> PrefixListEntries { get; init; } = [];
    public InputFile? Nodes { get; init; }
    public InputFile? SecurityGroupRules { get; init; }
    public required InputFile Config { get; init; }
}
