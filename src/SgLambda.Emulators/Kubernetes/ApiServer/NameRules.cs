using System.Globalization;
using System.Text.RegularExpressions;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>Kubernetes' name and label syntax (k8s.io/apimachinery/pkg/util/validation), with its messages.</summary>
internal static partial class NameRules
{
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        var problems = new List<string>();
        if (value.Length > 63) problems.Add(MaxLength(63));
        if (!Dns1123Label().IsMatch(value))
            problems.Add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        return problems;
    }

    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        var problems = new List<string>();
        if (value.Length > 253) problems.Add(MaxLength(253));
        if (!Dns1123Subdomain().IsMatch(value))
            problems.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        return problems;
    }

    /// <summary>A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        var problems = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            problems.Add("a qualified name " + QualifiedNameMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        var name = parts[^1];
        if (parts.Length == 2)
        {
            if (parts[0].Length == 0) problems.Add("prefix part must be non-empty");
            else problems.AddRange(IsDns1123Subdomain(parts[0]).Select(problem => "prefix part " + problem));
        }
        if (name.Length == 0) problems.Add("name part must be non-empty");
        else if (name.Length > 63) problems.Add("name part " + MaxLength(63));
        if (!QualifiedName().IsMatch(name)) problems.Add("name part " + QualifiedNameMessage);
        return problems;
    }

    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        var problems = new List<string>();
        if (value.Length > 63) problems.Add(MaxLength(63));
        if (!LabelValue().IsMatch(value))
            problems.Add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        return problems;
    }

    private static string MaxLength(int length) => string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();
}
