using System.Globalization;
using System.Text.RegularExpressions;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Kubernetes' name and label syntax checks, with its messages (k8s.io/apimachinery/pkg/util/validation).
/// Each returns the list of problems; empty means valid.
/// </summary>
public static partial class KubernetesNames
{
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;

    public const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    public const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    public const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    public const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";

    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<string>();
        if (value.Length > Dns1123LabelMaxLength) problems.Add(MaxLengthError(Dns1123LabelMaxLength));
        if (!Dns1123Label().IsMatch(value)) problems.Add(RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        return problems;
    }

    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength) problems.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        if (!Dns1123Subdomain().IsMatch(value)) problems.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        return problems;
    }

    /// <summary>A label key or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0) problems.Add("prefix part must be non-empty");
                else problems.AddRange(IsDns1123Subdomain(prefix).Select(problem => "prefix part " + problem));
                break;
            default:
                problems.Add("a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return problems;
        }

        if (name.Length == 0) problems.Add("name part must be non-empty");
        else if (name.Length > QualifiedNameMaxLength) problems.Add("name part " + MaxLengthError(QualifiedNameMaxLength));
        if (!QualifiedName().IsMatch(name)) problems.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        return problems;
    }

    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<string>();
        if (value.Length > LabelValueMaxLength) problems.Add(MaxLengthError(LabelValueMaxLength));
        if (!LabelValue().IsMatch(value)) problems.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        return problems;
    }

    public static string MaxLengthError(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    /// <summary>Kubernetes' <c>RegexError</c>, double spaces between examples included.</summary>
    public static string RegexError(string message, string format, params string[] examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Length == 0) return message + " (regex used for validation is '" + format + "')";
        return message + " (e.g. " + string.Join(" or ", examples.Select(example => "'" + example + "', "))
            + "regex used for validation is '" + format + "')";
    }

    [GeneratedRegex("^" + Dns1123LabelFormat + "\\z")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^" + LabelValueFormat + "\\z")]
    private static partial Regex LabelValue();
}
