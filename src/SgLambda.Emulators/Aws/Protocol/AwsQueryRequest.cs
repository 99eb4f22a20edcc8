using System.Globalization;

namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>
/// The parameters of a Query API call (form-encoded POST): <c>Action</c>, <c>Version</c> and flattened
/// members such as <c>GroupId.1</c>, <c>Filter.1.Value.2</c> or <c>IpPermissions.1.IpRanges.1.CidrIp</c>
/// (EC2) and <c>VpcSecurityGroupIds.member.1</c> (RDS). A structure inside a list is read as a request of
/// its own, so parsing nests the way the shapes do.
/// </summary>
internal sealed class AwsQueryRequest
{
    private readonly Dictionary<string, string> _parameters;

    public AwsQueryRequest(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        _parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
            _parameters[key] = value;
    }

    public IReadOnlyDictionary<string, string> Parameters => _parameters;

    public string Action => Get("Action") ?? "";

    public string Version => Get("Version") ?? "";

    public string? Get(string name) => _parameters.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _parameters.ContainsKey(name);

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value
            ? value
            : throw new AwsApiException("MissingParameter", $"The request must contain the parameter {name}");

    public int? GetInt(string name)
    {
        var text = Get(name);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AwsApiException("InvalidParameterValue", $"Value ({text}) for parameter {name} is invalid. Expected an integer.");
    }

    public bool? GetBool(string name)
    {
        var text = Get(name);
        if (text is null) return null;
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
        throw new AwsApiException("InvalidParameterValue", $"Value ({text}) for parameter {name} is invalid. Expected a boolean.");
    }

    /// <summary>The values of <c>prefix.1</c>, <c>prefix.2</c>, ... in index order.</summary>
    public IReadOnlyList<string> GetList(string prefix) =>
        [.. Indexed(prefix).Where(e => e.Tail.Length == 0).Select(e => e.Value)];

    /// <summary>The structures <c>prefix.N.*</c>, each as a request of its own members, in index order.</summary>
    public IReadOnlyList<AwsQueryRequest> GetStructList(string prefix) =>
        [.. Indexed(prefix)
            .Where(e => e.Tail.Length > 0)
            .GroupBy(e => e.Index)
            .OrderBy(g => g.Key)
            .Select(g => new AwsQueryRequest(g.Select(e => KeyValuePair.Create(e.Tail, e.Value))))];

    /// <summary>The structure <c>prefix.*</c>, or null when none of its members is present.</summary>
    public AwsQueryRequest? GetStruct(string prefix)
    {
        var start = prefix + ".";
        var members = _parameters
            .Where(p => p.Key.StartsWith(start, StringComparison.Ordinal))
            .Select(p => KeyValuePair.Create(p.Key[start.Length..], p.Value))
            .ToList();
        return members.Count == 0 ? null : new AwsQueryRequest(members);
    }

    /// <summary>EC2's <c>Filter.N.Name</c> / <c>Filter.N.Value.M</c>.</summary>
    public IReadOnlyList<QueryFilter> GetFilters() =>
        [.. GetStructList("Filter").Select(f => new QueryFilter(
            f.Get("Name") ?? throw new AwsApiException("InvalidParameterValue", "The filter name must be specified"),
            f.GetList("Value")))];

    private IEnumerable<(int Index, string Tail, string Value)> Indexed(string prefix)
    {
        var start = prefix + ".";
        foreach (var (key, value) in _parameters)
        {
            if (!key.StartsWith(start, StringComparison.Ordinal)) continue;
            var tail = key[start.Length..];
            var dot = tail.IndexOf('.', StringComparison.Ordinal);
            var indexText = dot < 0 ? tail : tail[..dot];
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            yield return (index, dot < 0 ? "" : tail[(dot + 1)..], value);
        }
    }
}
