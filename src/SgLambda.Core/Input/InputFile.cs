namespace SgLambda.Core.Input;

/// <summary>The text of one input file and the name to show in errors (the path as the user gave it).</summary>
public sealed record InputFile(string Name, string Text);
