namespace SgLambda.Functions;

/// <summary>Log levels, lowest first.</summary>
public enum LogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}
