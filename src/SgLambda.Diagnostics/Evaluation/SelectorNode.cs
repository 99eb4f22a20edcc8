namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// The parsed form of a Calico selector. Each node matches a label set; <see cref="ToString"/> prints
/// a selector that parses back to the same tree.
/// </summary>
internal abstract record SelectorNode
{
    public abstract bool Matches(IReadOnlyDictionary<string, string> labels);

    /// <summary>Rewrites every label key, and <c>all()</c> / <c>global()</c>, bottom up.</summary>
    public abstract SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global);

    internal static string Quote(string value) => value.Contains('"', StringComparison.Ordinal) ? $"'{value}'" : $"\"{value}\"";

    /// <summary><c>all()</c>: every label set.</summary>
    internal sealed record AllNode : SelectorNode
    {
        public static readonly AllNode Instance = new();
        public override bool Matches(IReadOnlyDictionary<string, string> labels) => true;
        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) => all;
        public override string ToString() => "all()";
    }

    /// <summary>
    /// <c>global()</c>: as a label selector it matches everything (as in libcalico-go); its meaning
    /// ("no namespace") comes from the namespaceSelector conversion.
    /// </summary>
    internal sealed record GlobalNode : SelectorNode
    {
        public static readonly GlobalNode Instance = new();
        public override bool Matches(IReadOnlyDictionary<string, string> labels) => true;
        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) => global;
        public override string ToString() => "global()";
    }

    internal sealed record HasNode(string Key) : SelectorNode
    {
        public override bool Matches(IReadOnlyDictionary<string, string> labels) => labels.ContainsKey(Key);
        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) => new HasNode(key(Key));
        public override string ToString() => $"has({Key})";
    }

    /// <summary>A comparison of one label's value; an absent label matches only the negative operators.</summary>
    internal sealed record CompareNode(string Key, CompareOperator Operator, string Value) : SelectorNode
    {
        public override bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var present = labels.TryGetValue(Key, out var actual);
            return Operator switch
            {
                CompareOperator.Equal => present && string.Equals(actual, Value, StringComparison.Ordinal),
                CompareOperator.NotEqual => !present || !string.Equals(actual, Value, StringComparison.Ordinal),
                CompareOperator.Contains => present && actual!.Contains(Value, StringComparison.Ordinal),
                CompareOperator.StartsWith => present && actual!.StartsWith(Value, StringComparison.Ordinal),
                CompareOperator.EndsWith => present && actual!.EndsWith(Value, StringComparison.Ordinal),
                _ => throw new InvalidOperationException($"unknown operator {Operator}"),
            };
        }

        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) => this with { Key = key(Key) };

        public override string ToString() => Operator switch
        {
            CompareOperator.Equal => $"{Key} == {Quote(Value)}",
            CompareOperator.NotEqual => $"{Key} != {Quote(Value)}",
            CompareOperator.Contains => $"{Key} contains {Quote(Value)}",
            CompareOperator.StartsWith => $"{Key} starts with {Quote(Value)}",
            _ => $"{Key} ends with {Quote(Value)}",
        };
    }

    /// <summary><c>k in {...}</c>, or <c>k not in {...}</c> (which an absent label matches).</summary>
    internal sealed record InNode(string Key, IReadOnlySet<string> Values, bool Negated) : SelectorNode
    {
        public override bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var isIn = labels.TryGetValue(Key, out var actual) && Values.Contains(actual);
            return isIn != Negated;
        }

        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) => this with { Key = key(Key) };

        public override string ToString() =>
            $"{Key} {(Negated ? "not in" : "in")} {{{string.Join(", ", Values.Order(StringComparer.Ordinal).Select(Quote))}}}";
    }

    internal sealed record NotNode(SelectorNode Operand) : SelectorNode
    {
        public override bool Matches(IReadOnlyDictionary<string, string> labels) => !Operand.Matches(labels);
        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) => new NotNode(Operand.Rewrite(key, all, global));
        public override string ToString() => $"!{Operand}";
    }

    internal sealed record AndNode(SelectorNode Left, SelectorNode Right) : SelectorNode
    {
        public override bool Matches(IReadOnlyDictionary<string, string> labels) => Left.Matches(labels) && Right.Matches(labels);
        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) =>
            new AndNode(Left.Rewrite(key, all, global), Right.Rewrite(key, all, global));
        public override string ToString() => $"({Left} && {Right})";
    }

    internal sealed record OrNode(SelectorNode Left, SelectorNode Right) : SelectorNode
    {
        public override bool Matches(IReadOnlyDictionary<string, string> labels) => Left.Matches(labels) || Right.Matches(labels);
        public override SelectorNode Rewrite(Func<string, string> key, SelectorNode all, SelectorNode global) =>
            new OrNode(Left.Rewrite(key, all, global), Right.Rewrite(key, all, global));
        public override string ToString() => $"({Left} || {Right})";
    }

    internal enum CompareOperator
    {
        Equal,
        NotEqual,
        Contains,
        StartsWith,
        EndsWith,
    }
}
