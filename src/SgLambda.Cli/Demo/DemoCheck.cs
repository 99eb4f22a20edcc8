namespace SgLambda.Cli.Demo;

/// <summary>A connectivity question the tutorial answers at one step, and the answer its story expects.</summary>
internal sealed record DemoCheck(string From, string To, string Port, bool ExpectAllowed);
