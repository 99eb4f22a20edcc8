using SgLambda.Core.Calico;

namespace SgLambda.Core.Planning;

/// <summary>An object to delete, with the resourceVersion it had when read (the delete's precondition).</summary>
public sealed record Deletion(ObjectKey Key, string? ResourceVersion);
