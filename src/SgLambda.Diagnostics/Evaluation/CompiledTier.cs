namespace SgLambda.Diagnostics.Evaluation;

/// <summary>A tier with its policies in evaluation order (order, then name).</summary>
internal sealed record CompiledTier(string Name, double Order, string DefaultAction, IReadOnlyList<CompiledPolicy> Policies);
