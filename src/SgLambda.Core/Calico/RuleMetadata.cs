using System.Collections.Immutable;

namespace SgLambda.Core.Calico;

/// <summary>Annotations on one rule: where SgLambda records the SG rule id and description.</summary>
public sealed record RuleMetadata
{
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}
