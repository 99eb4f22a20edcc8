namespace SgLambda.Core.Admission;

/// <summary>
/// Which SGs pods of a namespace may claim, from the namespace annotation
/// <c>sglambda.io/allowed-security-groups</c> (<c>*</c> or a JSON list of SG ids; absent = any).
/// </summary>
public sealed record NamespaceRestriction(string Namespace, IReadOnlyList<string>? AllowedIds, string? Error)
{
    /// <summary>True when every SG may be claimed (no annotation, or <c>*</c>).</summary>
    public bool AllowsAll => AllowedIds is null && Error is null;

    public static NamespaceRestriction For(NamespaceInfo? ns)
    {
        // No namespace given (the caller could not read it): nothing to restrict by.
        if (ns is null || !ns.Annotations.TryGetValue(AdmissionKeys.AllowedSecurityGroupsAnnotation, out var text))
        {
            return new(ns?.Name ?? "", null, null);
        }
        if (IsWildcard(text)) return new(ns.Name, null, null);
        var parsed = SecurityGroupList.Parse(text, AdmissionKeys.AllowedSecurityGroupsAnnotation);
        return parsed.IsValid ? new(ns.Name, parsed.Ids, null) : new(ns.Name, null, parsed.Error);
    }

    /// <summary>Null when every claimed SG is allowed, else a message naming the SG, the namespace and what is allowed.</summary>
    public string? Check(IReadOnlyList<string> claimedIds)
    {
        if (AllowsAll || claimedIds.Count == 0) return null;
        if (Error is not null)
        {
            // Fail closed: a broken restriction must not become "anything goes".
            return $"namespace \"{Namespace}\" has a malformed {AdmissionKeys.AllowedSecurityGroupsAnnotation} "
                + $"annotation, so its pods cannot claim security groups until a namespace admin fixes it "
                + $"(write \"*\" or a JSON list of SG ids): {Error}";
        }
        var refused = claimedIds.Where(id => !AllowedIds!.Contains(id, StringComparer.Ordinal)).ToList();
        if (refused.Count == 0) return null;
        var allowed = AllowedIds!.Count == 0
            ? "allows none"
            : "allows only " + string.Join(", ", AllowedIds!);
        var subject = refused.Count == 1 ? $"security group {refused[0]}" : "security groups " + string.Join(", ", refused);
        return $"pods in namespace \"{Namespace}\" may not claim {subject}: the namespace's "
            + $"{AdmissionKeys.AllowedSecurityGroupsAnnotation} annotation {allowed}. "
            + "Claim only allowed SGs, or ask a namespace admin to allow it.";
    }

    private static bool IsWildcard(string text) =>
        string.Equals(text.Trim(), "*", StringComparison.Ordinal)
        || string.Equals(text.Replace(" ", "", StringComparison.Ordinal), "[\"*\"]", StringComparison.Ordinal);
}
