namespace SgLambda.Diagnostics.Doctor;

/// <summary>One rule of an admission webhook: which operations on which resources it sees.</summary>
public sealed record WebhookRule(
    IReadOnlyList<string> ApiGroups, IReadOnlyList<string> ApiVersions, IReadOnlyList<string> Operations, IReadOnlyList<string> Resources);
