namespace SgLambda.Functions;

/// <summary>A bad or missing environment variable, found at cold start; the message names it and says what is expected.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string variable, string problem)
        : base($"{variable}: {problem}")
    {
        Variable = variable;
    }

    public string Variable { get; }
}
