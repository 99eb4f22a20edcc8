using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>The complete object set for a VPC, sorted by kind then name, and what was skipped and why.</summary>
public sealed record RenderResult(IReadOnlyList<CalicoObject> Objects, IReadOnlyList<string> Warnings);
