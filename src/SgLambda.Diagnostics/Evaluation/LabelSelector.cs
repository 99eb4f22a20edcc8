using System.Collections.Concurrent;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// A parsed Calico label selector (<c>has(k)</c>, <c>k == 'v'</c>, <c>k in {...}</c>, <c>!</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, ...). Parsing is cached: the same selector strings repeat across thousands of rules.
/// </summary>
public sealed class LabelSelector
{
    /// <summary>The label Calico puts on every workload endpoint: the pod's namespace.</summary>
    public const string NamespaceLabel = "projectcalico.org/namespace";

    /// <summary>The prefix under which a pod inherits its namespace's labels (from the namespace profile).</summary>
    public const string NamespaceLabelPrefix = "pcns.";

    private const int CacheLimit = 8192;
    private static readonly ConcurrentDictionary<string, LabelSelector> Cache = new(StringComparer.Ordinal);

    private LabelSelector(string text, SelectorNode root)
    {
        Text = text;
        Root = root;
    }

    public static LabelSelector All { get; } = new("all()", SelectorNode.AllNode.Instance);

    /// <summary>The text as given (for messages).</summary>
    public string Text { get; }

    internal SelectorNode Root { get; }

    /// <summary>Parses (or returns the cached parse of) a selector; empty means <c>all()</c>.</summary>
    /// <exception cref="SelectorSyntaxException">The text is not a valid selector.</exception>
    public static LabelSelector Parse(string? text)
    {
        text ??= "";
        if (Cache.TryGetValue(text, out var cached)) return cached;
        var parsed = new LabelSelector(text, SelectorParser.Parse(text));
        // A crude bound: the working set of a cluster is far smaller, and a long-lived process must not grow forever.
        if (Cache.Count >= CacheLimit) Cache.Clear();
        return Cache.GetOrAdd(text, parsed);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Root.Matches(labels);
    }

    /// <summary>Both selectors must match.</summary>
    public LabelSelector And(LabelSelector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var root = new SelectorNode.AndNode(Root, other.Root);
        return new LabelSelector(root.ToString(), root);
    }

    /// <summary>
    /// What Calico makes of a rule's <c>namespaceSelector</c> so that it can be evaluated on endpoint
    /// labels: every key gets the <c>pcns.</c> prefix (pods inherit their namespace's labels under it),
    /// <c>all()</c> becomes "any pod" (<c>has(projectcalico.org/namespace)</c>) and <c>global()</c> "no pod"
    /// (<c>!has(projectcalico.org/namespace)</c>: HostEndpoints and GlobalNetworkSets).
    /// </summary>
    public LabelSelector AsNamespaceSelector()
    {
        var hasNamespace = new SelectorNode.HasNode(NamespaceLabel);
        var root = Root.Rewrite(key => NamespaceLabelPrefix + key, hasNamespace, new SelectorNode.NotNode(hasNamespace));
        return new LabelSelector(root.ToString(), root);
    }

    /// <summary>The canonical form of the parsed selector.</summary>
    public override string ToString() => Root.ToString();
}
