using SgLambda.Core.Admission;
using SgLambda.Core.Ports;

namespace SgLambda.Functions.Tests.Admission;

/// <summary>Namespaces in memory, counting reads; <see cref="Failure"/> makes every read throw it.</summary>
internal sealed class FakeNamespaces : INamespaceReader
{
    private readonly Dictionary<string, NamespaceInfo> _namespaces = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public Exception? Failure { get; set; }

    public FakeNamespaces With(string name, string? allowedSecurityGroups)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (allowedSecurityGroups is not null) annotations[AdmissionKeys.AllowedSecurityGroupsAnnotation] = allowedSecurityGroups;
        _namespaces[name] = new NamespaceInfo(name, annotations);
        return this;
    }

    public Task<NamespaceInfo> GetNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        Reads++;
        if (Failure is not null) throw Failure;
        return _namespaces.TryGetValue(name, out var found)
            ? Task.FromResult(found)
            : throw new InvalidOperationException($"namespace {name} not found");
    }
}
