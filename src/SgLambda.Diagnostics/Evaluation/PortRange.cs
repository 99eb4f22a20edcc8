namespace SgLambda.Diagnostics.Evaluation;

/// <summary>An inclusive range of ports (a single port has <see cref="From"/> = <see cref="To"/>).</summary>
internal readonly record struct PortRange(int From, int To)
{
    public bool Contains(int port) => port >= From && port <= To;
}
