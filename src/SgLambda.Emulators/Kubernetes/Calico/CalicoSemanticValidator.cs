using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Emulators.Kubernetes.Calico;

/// <summary>
/// The checks Calico itself makes beyond the CRD schema (libcalico-go <c>lib/validator/v3/validator.go</c>, the
/// struct tags of <c>api/pkg/apis/projectcalico/v3</c>, <c>lib/names/policy.go</c>, <c>api/pkg/lib/numorstring</c>),
/// for the kinds SgLambda writes: Tier, GlobalNetworkPolicy, NetworkPolicy, HostEndpoint, GlobalNetworkSet.
/// The same checks apply to both API groups (the crd.projectcalico.org/v1 objects are what Calico reads back).
/// Selectors are parsed with SgLambda's own parser (<see cref="LabelSelector"/>), which follows Calico's grammar.
/// Reasons are Calico's; paths are JSON field paths. Fields of the wrong JSON type are left to the schema check.
/// </summary>
public static partial class CalicoSemanticValidator
{
    private const string NameLabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string NameSubdomainFormat = NameLabelFormat + "(\\." + NameLabelFormat + ")*";
    private const string ProtocolPortsMessage = "rules that specify ports must set protocol to TCP or UDP or SCTP";
    private const string ProtocolIcmpMessage = "rules that specify ICMP fields must set protocol to ICMP";
    private const string GlobalSelectorEntityRuleMessage = "global() can only be used in an EntityRule namespaceSelector";
    private const string PortRangeMessage = "port range invalid, port number must be between 1 and 65535";

    private static readonly string[] Actions = ["Allow", "Deny", "Log", "Pass"];
    private static readonly string[] PolicyTypes = ["Ingress", "Egress"];
    private static readonly string[] PolicyNamePrefixesWithoutTier = ["knp.default.", "kcnp.kube-admin.", "kcnp.kube-baseline.", "ossg."];

    public static IReadOnlyList<FieldError> Validate(JsonNode? resource)
    {
        var errors = new List<FieldError>();
        if (resource is not JsonObject map) return errors;
        var kind = Text(map["kind"]);
        var metadata = map["metadata"] as JsonObject;
        var spec = map["spec"] as JsonObject;
        var name = Text(metadata?["name"]) ?? "";

        ValidateObjectMeta(metadata, errors);
        switch (kind)
        {
            case "Tier":
                ValidateName(name, KubernetesNames.Dns1123LabelMaxLength, TierName(),
                    $"name must consist of lower case alphanumeric characters or '-' (regex: {NameLabelFormat})", errors);
                break;
            case "GlobalNetworkPolicy" or "StagedGlobalNetworkPolicy":
                ValidateName(name, KubernetesNames.Dns1123SubdomainMaxLength, GlobalNetworkPolicyName(),
                    $"name must consist of lower case alphanumeric characters or '-' (regex: {NameLabelFormat})", errors);
                ValidatePolicy(name, spec, global: true, errors);
                break;
            case "NetworkPolicy" or "StagedNetworkPolicy":
                ValidateName(name, KubernetesNames.Dns1123SubdomainMaxLength, NetworkPolicyName(),
                    $"name must consist of lower case alphanumeric characters or '-' (regex: {NameLabelFormat})", errors);
                ValidatePolicy(name, spec, global: false, errors);
                break;
            case "HostEndpoint":
                ValidateHostEndpoint(spec, errors);
                break;
            case "GlobalNetworkSet":
                ValidateGlobalNetworkSet(metadata, spec, errors);
                break;
        }
        return errors.DistinctBy(error => error.ToString()).ToList();
    }

    // validateObjectMeta: every resource name is a DNS subdomain; labels and annotations are well formed.
    private static void ValidateObjectMeta(JsonObject? metadata, List<FieldError> errors)
    {
        var name = Text(metadata?["name"]) ?? "";
        ValidateName(name, KubernetesNames.Dns1123SubdomainMaxLength, SubdomainName(),
            $"name must consist of lower case alphanumeric characters, '-' or '.' (regex: {NameSubdomainFormat})", errors);

        foreach (var (key, value) in StringEntries(metadata?["labels"]))
        {
            foreach (var problem in KubernetesNames.IsQualifiedName(key)) errors.Add(FieldError.Invalid("metadata.labels", key, problem));
            foreach (var problem in KubernetesNames.IsValidLabelValue(value)) errors.Add(FieldError.Invalid("metadata.labels", value, problem));
        }
        errors.AddRange(ObjectMetaValidator.ValidateAnnotations(StringEntries(metadata?["annotations"]), "metadata.annotations"));
    }

    private static void ValidateName(string name, int maxLength, Regex format, string formatMessage, List<FieldError> errors)
    {
        if (name.Length > maxLength)
            errors.Add(FieldError.Invalid("metadata.name", name, string.Create(CultureInfo.InvariantCulture, $"name is too long by {name.Length - maxLength} bytes")));
        if (!format.IsMatch(name)) errors.Add(FieldError.Invalid("metadata.name", name, formatMessage));
    }

    private static void ValidatePolicy(string name, JsonObject? spec, bool global, List<FieldError> errors)
    {
        // The tier: always written (crd.projectcalico.org/v1 readers do not default it), a valid name, and the
        // prefix of a tiered policy name (names.ValidateTieredPolicyName).
        var tier = Text(spec?["tier"]);
        if (string.IsNullOrEmpty(tier))
        {
            errors.Add(FieldError.Required("spec.tier", "policy must name its tier (the API server would put it in the \"default\" tier)"));
        }
        else if (!SubdomainName().IsMatch(tier))
        {
            errors.Add(FieldError.Invalid("spec.tier", tier, $"tier must be a valid name (regex: {NameSubdomainFormat})"));
        }
        if (name.Length > 0 && !IsTieredPolicyName(name, string.IsNullOrEmpty(tier) ? "default" : tier))
        {
            errors.Add(FieldError.Invalid("metadata.name", name, $"Incorrectly formatted policy name {name}: a policy in tier \"{tier ?? "default"}\" is named \"{tier ?? "default"}.<name>\""));
        }

        ValidateSelector(spec?["selector"], "spec.selector", errors, globalAllowed: false);
        ValidateSelector(spec?["serviceAccountSelector"], "spec.serviceAccountSelector", errors, globalAllowed: false);
        if (global) ValidateSelector(spec?["namespaceSelector"], "spec.namespaceSelector", errors, globalAllowed: false);

        var seenTypes = new HashSet<string>(StringComparer.Ordinal);
        var types = spec?["types"] as JsonArray ?? [];
        for (var index = 0; index < types.Count; index++)
        {
            if (Text(types[index]) is not { } type) continue;
            var path = FieldPath.Index("spec.types", index);
            if (!PolicyTypes.Contains(type, StringComparer.Ordinal)) errors.Add(FieldError.NotSupported(path, types[index], PolicyTypes));
            else if (!seenTypes.Add(type)) errors.Add(FieldError.Invalid(path, type, $"'{type}' type specified more than once"));
        }

        foreach (var direction in new[] { "ingress", "egress" })
        {
            var rules = spec?[direction] as JsonArray ?? [];
            for (var index = 0; index < rules.Count; index++)
            {
                if (rules[index] is JsonObject rule) ValidateRule(rule, FieldPath.Index("spec." + direction, index), direction == "egress", errors);
            }
        }
    }

    private static bool IsTieredPolicyName(string name, string tier)
    {
        if (PolicyNamePrefixesWithoutTier.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))) return true;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return tier == "default";
        return name.StartsWith(tier + ".", StringComparison.Ordinal);
    }

    // validateRule, validateEntityRule, validateICMPFields, validateProtocol, validatePort.
    private static void ValidateRule(JsonObject rule, string path, bool egress, List<FieldError> errors)
    {
        if (Text(rule["action"]) is { } action && !Actions.Contains(action, StringComparer.Ordinal))
            errors.Add(FieldError.NotSupported(FieldPath.Child(path, "action"), rule["action"], Actions));

        int? ipVersion = null;
        if (rule["ipVersion"] is JsonValue version && JsonNumbers.TryGetInt64(version, out var versionNumber))
        {
            if (versionNumber is 4 or 6) ipVersion = (int)versionNumber;
            else errors.Add(FieldError.NotSupported(FieldPath.Child(path, "ipVersion"), version, ["4", "6"]));
        }

        var protocol = ValidateProtocol(rule["protocol"], FieldPath.Child(path, "protocol"), errors);
        var notProtocol = ValidateProtocol(rule["notProtocol"], FieldPath.Child(path, "notProtocol"), errors);

        var source = rule["source"] as JsonObject;
        var destination = rule["destination"] as JsonObject;
        if (protocol is null || !SupportsPorts(protocol))
        {
            foreach (var (entity, entityName) in new[] { (source, "source"), (destination, "destination") })
            {
                foreach (var ports in new[] { "ports", "notPorts" })
                {
                    if (entity?[ports] is JsonArray { Count: > 0 } list)
                        errors.Add(FieldError.Invalid(FieldPath.Child(FieldPath.Child(path, entityName), ports), list, ProtocolPortsMessage));
                }
            }
        }

        if (rule["icmp"] is JsonObject && protocol is not "ICMP" and not "ICMPv6")
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "icmp"), rule["icmp"], ProtocolIcmpMessage));
        ValidateIcmp(rule["icmp"] as JsonObject, FieldPath.Child(path, "icmp"), errors);
        ValidateIcmp(rule["notICMP"] as JsonObject, FieldPath.Child(path, "notICMP"), errors);
        if ((protocol == "ICMP" || notProtocol == "ICMP") && ipVersion is not null and not 4)
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "ipVersion"), (JsonNode?)ipVersion, "must set ipversion to '4' with protocol icmp"));
        if ((protocol == "ICMPv6" || notProtocol == "ICMPv6") && ipVersion is not null and not 6)
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "ipVersion"), (JsonNode?)ipVersion, "must set ipversion to '6' with protocol icmpv6"));

        // Nets: each an address or a CIDR with no host bits; all of one family, the rule's ipVersion if set.
        bool seenV4 = false, seenV6 = false;
        foreach (var (entity, entityName) in new[] { (source, "source"), (destination, "destination") })
        {
            foreach (var field in new[] { "nets", "notNets" })
            {
                var netsPath = FieldPath.Child(FieldPath.Child(path, entityName), field);
                bool v4 = false, v6 = false;
                var nets = entity?[field] as JsonArray ?? [];
                for (var index = 0; index < nets.Count; index++)
                {
                    if (Text(nets[index]) is not { } net) continue;
                    var netPath = FieldPath.Index(netsPath, index);
                    var parsed = GoNet.ParseCidrOrIp(net);
                    if (parsed is null || !GoNet.IsMasked(parsed.Value.Address, parsed.Value.PrefixLength))
                        errors.Add(FieldError.Invalid(netPath, net, "invalid network: must be an IP address or a CIDR with no bits set after the prefix"));
                    if (GoNet.ParseCidr(net) is not { } cidr)
                    {
                        errors.Add(FieldError.Invalid(netPath, net, "invalid CIDR"));
                        continue;
                    }
                    v4 |= GoNet.Version(cidr.Address) == 4;
                    v6 |= GoNet.Version(cidr.Address) == 6;
                }
                if (ipVersion is not null && ((v4 && ipVersion != 4) || (v6 && ipVersion != 6)))
                    errors.Add(FieldError.Invalid(netsPath, nets, "rule IP version doesn't match CIDR version"));
                if ((v4 && seenV6) || (v6 && seenV4) || (v4 && v6))
                    errors.Add(FieldError.Invalid(netsPath, nets, "rule contains both IPv4 and IPv6 CIDRs"));
                seenV4 |= v4;
                seenV6 |= v6;
            }
        }

        if (source is not null) ValidateEntityRule(source, FieldPath.Child(path, "source"), errors);
        if (destination is not null) ValidateEntityRule(destination, FieldPath.Child(path, "destination"), errors);

        if (rule["http"] is JsonObject)
        {
            if (Text(rule["action"]) != "Allow") errors.Add(FieldError.Invalid(FieldPath.Child(path, "http"), rule["http"], "only valid for Allow rules"));
            if (egress) errors.Add(FieldError.Invalid(FieldPath.Child(path, "http"), rule["http"], "not allowed in egress rules"));
        }

        if (rule["metadata"]?["annotations"] is { } annotations)
            errors.AddRange(ObjectMetaValidator.ValidateAnnotations(StringEntries(annotations), FieldPath.Child(path, "metadata.annotations")));
    }

    private static void ValidateEntityRule(JsonObject entity, string path, List<FieldError> errors)
    {
        ValidateSelector(entity["selector"], FieldPath.Child(path, "selector"), errors, globalAllowed: false);
        ValidateSelector(entity["notSelector"], FieldPath.Child(path, "notSelector"), errors, globalAllowed: false);
        ValidateSelector(entity["namespaceSelector"], FieldPath.Child(path, "namespaceSelector"), errors, globalAllowed: true);
        if (Text(entity["namespaceSelector"]) is { } namespaceSelector
            && namespaceSelector.Contains("global(", StringComparison.Ordinal)
            && namespaceSelector.Trim(' ', '\t') != "global()")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "namespaceSelector"), namespaceSelector, "global() cannot be combined with other selectors"));
        }

        foreach (var field in new[] { "ports", "notPorts" })
        {
            var ports = entity[field] as JsonArray ?? [];
            for (var index = 0; index < ports.Count; index++)
            {
                if (PortProblem(ports[index]) is { } problem)
                    errors.Add(FieldError.Invalid(FieldPath.Index(FieldPath.Child(path, field), index), ports[index], problem));
            }
        }
    }

    private static void ValidateSelector(JsonNode? value, string path, List<FieldError> errors, bool globalAllowed)
    {
        if (Text(value) is not { } selector) return;
        try
        {
            // The one selector grammar of SgLambda (its evaluator's), checked against Calico's parser.
            LabelSelector.Parse(selector);
        }
        catch (SelectorSyntaxException problem)
        {
            errors.Add(FieldError.Invalid(path, selector, problem.Message));
        }
        if (!globalAllowed && selector.Contains("global()", StringComparison.Ordinal))
            errors.Add(FieldError.Invalid(path, selector, GlobalSelectorEntityRuleMessage));
    }

    private static void ValidateIcmp(JsonObject? icmp, string path, List<FieldError> errors)
    {
        if (icmp is null) return;
        if (icmp["code"] is not null && icmp["type"] is null)
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "code"), icmp["code"], "ICMP code specified without an ICMP type"));
        if (icmp["type"] is JsonValue type && JsonNumbers.TryGetInt64(type, out var typeNumber) && typeNumber is < 0 or > 254)
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "type"), type, "ICMP type must be between 0 and 254"));
        if (icmp["code"] is JsonValue code && JsonNumbers.TryGetInt64(code, out var codeNumber) && codeNumber is < 0 or > 255)
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "code"), code, "ICMP code must be between 0 and 255"));
    }

    /// <summary>The protocol as Calico holds it (a name, or a number as text), or null when absent or invalid.</summary>
    private static string? ValidateProtocol(JsonNode? value, string path, List<FieldError> errors)
    {
        if (value is not JsonValue protocol) return null;
        string text;
        if (protocol.GetValueKind() == JsonValueKind.Number)
        {
            if (!JsonNumbers.TryGetInt64(protocol, out var number) || number is < 0 or > 255)
            {
                errors.Add(FieldError.Invalid(path, value, "protocol number must be between 1 and 255"));
                return null;
            }
            text = number.ToString(CultureInfo.InvariantCulture);
        }
        else if (protocol.GetValueKind() == JsonValueKind.String)
        {
            text = protocol.GetValue<string>();
        }
        else
        {
            return null;
        }

        if (byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var protocolNumber))
        {
            if (protocolNumber != 0) return text;
            errors.Add(FieldError.Invalid(path, value, "protocol number invalid"));
            return null;
        }
        if (text is "TCP" or "UDP" or "ICMP" or "ICMPv6" or "SCTP" or "UDPLite") return text;
        errors.Add(FieldError.Invalid(path, value, "protocol name invalid"));
        return null;
    }

    // numorstring.Protocol.SupportsPorts: TCP, UDP and SCTP (by name or number); not UDPLite.
    private static bool SupportsPorts(string protocol) => protocol is "TCP" or "UDP" or "SCTP" or "6" or "17" or "132";

    // numorstring.PortFromString and validatePort.
    private static string? PortProblem(JsonNode? port)
    {
        if (port is not JsonValue value) return null;
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            if (!JsonNumbers.TryGetInt64(value, out var number) || number is < 0 or > ushort.MaxValue)
                return $"invalid port format ({value.ToJsonString()})";
            return number == 0 ? PortRangeMessage : null;
        }
        if (value.GetValueKind() != JsonValueKind.String) return null;

        var text = value.GetValue<string>();
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (!ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single)) return $"invalid port format ({text})";
            return single == 0 ? PortRangeMessage : null;
        }
        if (PortRange().Match(text) is { Success: true } range)
        {
            if (!ushort.TryParse(range.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
                return $"invalid minimum port number in range ({text})";
            if (!ushort.TryParse(range.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var maximum))
                return $"invalid maximum port number in range ({text})";
            if (minimum > maximum)
                return $"minimum port number ({minimum}) is greater than maximum port number ({maximum}) in port range";
            return minimum < 1 ? PortRangeMessage : null;
        }
        return PortName().IsMatch(text) ? null : $"invalid name for named port ({text})";
    }

    // validateHostEndpointSpec and the HostEndpointSpec tags (node and profiles are names, interface, ip).
    private static void ValidateHostEndpoint(JsonObject? spec, List<FieldError> errors)
    {
        var node = Text(spec?["node"]);
        if (string.IsNullOrEmpty(node)) errors.Add(FieldError.Required("spec.node", "no node has been specified"));
        else if (!SubdomainName().IsMatch(node)) errors.Add(FieldError.Invalid("spec.node", node, $"node must be a valid name (regex: {NameSubdomainFormat})"));

        var interfaceName = Text(spec?["interfaceName"]);
        var expectedIps = spec?["expectedIPs"] as JsonArray ?? [];
        if (string.IsNullOrEmpty(interfaceName) && expectedIps.Count == 0)
            errors.Add(FieldError.Required("spec.interfaceName", "no interface or expected IPs have been specified"));
        if (!string.IsNullOrEmpty(interfaceName) && interfaceName != "*" && !InterfaceName().IsMatch(interfaceName))
            errors.Add(FieldError.Invalid("spec.interfaceName", interfaceName, "interface name must be \"*\" or match ^[a-zA-Z0-9_.-]{1,15}$"));

        for (var index = 0; index < expectedIps.Count; index++)
        {
            if (Text(expectedIps[index]) is { } ip && GoNet.ParseIp(ip) is null)
                errors.Add(FieldError.Invalid(FieldPath.Index("spec.expectedIPs", index), ip, "invalid IP address"));
        }

        var profiles = spec?["profiles"] as JsonArray ?? [];
        for (var index = 0; index < profiles.Count; index++)
        {
            if (Text(profiles[index]) is { } profile && !SubdomainName().IsMatch(profile))
                errors.Add(FieldError.Invalid(FieldPath.Index("spec.profiles", index), profile, $"profile must be a valid name (regex: {NameSubdomainFormat})"));
        }
    }

    // validateGlobalNetworkSet and GlobalNetworkSetSpec.Nets (dive,cidr: any CIDR or address, host bits allowed).
    private static void ValidateGlobalNetworkSet(JsonObject? metadata, JsonObject? spec, List<FieldError> errors)
    {
        if (metadata?["labels"] is JsonObject labels && labels.ContainsKey("projectcalico.org/namespace"))
            errors.Add(FieldError.Invalid("metadata.labels", "projectcalico.org/namespace", "projectcalico.org/namespace is not a valid label name"));

        var nets = spec?["nets"] as JsonArray ?? [];
        for (var index = 0; index < nets.Count; index++)
        {
            if (Text(nets[index]) is { } net && GoNet.ParseCidrOrIp(net) is null)
                errors.Add(FieldError.Invalid(FieldPath.Index("spec.nets", index), net, "invalid CIDR"));
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static List<KeyValuePair<string, string>> StringEntries(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(entry => Text(entry.Value) is not null).Select(entry => new KeyValuePair<string, string>(entry.Key, Text(entry.Value)!)).ToList()
            : [];

    [GeneratedRegex("^" + NameSubdomainFormat + "\\z")]
    private static partial Regex SubdomainName();

    [GeneratedRegex("^" + NameLabelFormat + "\\z")]
    private static partial Regex TierName();

    [GeneratedRegex("^(" + NameLabelFormat + "\\.)?" + NameLabelFormat + "\\z")]
    private static partial Regex GlobalNetworkPolicyName();

    [GeneratedRegex("^((" + NameLabelFormat + ")(\\." + NameLabelFormat + ")?|((?:knp|ossg)\\.default\\.(" + NameSubdomainFormat + ")))\\z")]
    private static partial Regex NetworkPolicyName();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,15}\\z")]
    private static partial Regex InterfaceName();

    [GeneratedRegex("^([0-9]+):([0-9]+)\\z")]
    private static partial Regex PortRange();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,128}\\z")]
    private static partial Regex PortName();
}
