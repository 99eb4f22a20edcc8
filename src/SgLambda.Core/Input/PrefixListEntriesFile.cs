namespace SgLambda.Core.Input;

/// <summary>A file of <c>get-managed-prefix-list-entries</c> output and the list it is of (the output does not say).</summary>
public sealed record PrefixListEntriesFile(string PrefixListId, InputFile File);
