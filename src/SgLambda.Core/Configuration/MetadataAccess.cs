namespace SgLambda.Core.Configuration;

/// <summary>Whether pods without the allow-metadata-access label may reach the instance metadata service.</summary>
public enum MetadataAccess
{
    Denied,
    Allowed,
}
