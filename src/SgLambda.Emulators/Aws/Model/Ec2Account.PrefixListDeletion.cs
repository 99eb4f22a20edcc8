namespace SgLambda.Emulators.Aws.Model;

/// <summary>Deleting a customer-managed prefix list.</summary>
public sealed partial class Ec2Account
{
    /// <summary>Removes the list and returns it as it was; a list a security group rule still references cannot be deleted.</summary>
    internal Ec2PrefixList DeletePrefixList(string prefixListId)
    {
        var list = GetPrefixList(prefixListId);
        if (_groups.Values.Any(g => g.Rules.Any(r => string.Equals(r.PrefixListId, prefixListId, StringComparison.Ordinal))))
            throw Ec2Errors.DependencyViolation(prefixListId);
        _prefixLists.Remove(prefixListId);
        return list;
    }
}
