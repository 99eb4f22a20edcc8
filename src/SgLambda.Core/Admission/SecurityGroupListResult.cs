namespace SgLambda.Core.Admission;

/// <summary>A parsed SG list annotation: the distinct ids in ordinal order, or what is wrong with it.</summary>
public sealed record SecurityGroupListResult(IReadOnlyList<string> Ids, string? Error)
{
    public bool IsValid => Error is null;

    public static SecurityGroupListResult Valid(IEnumerable<string> ids) =>
        new([.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], null);

    public static SecurityGroupListResult Invalid(string error) => new([], error);
}
