using SgLambda.Core.Admission;

namespace SgLambda.Core.Ports;

/// <summary>The cluster's Namespaces, reduced to what the admission decision reads (name and annotations).</summary>
public interface INamespaceReader
{
    /// <summary>The namespace; throws when it cannot be read (the caller decides how to fail).</summary>
    Task<NamespaceInfo> GetNamespaceAsync(string name, CancellationToken cancellationToken);
}
