using SgLambda.Core.Calico;

namespace SgLambda.Core.Ports;

/// <summary>The objects of one list call and the resourceVersion the list was read at (null where the store has none).</summary>
public sealed record CalicoListing(IReadOnlyList<CalicoObject> Items, string? ResourceVersion);
