namespace SgLambda.Cli;

/// <summary>What <c>sglambda</c> returns to the shell.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A bug: an exception no command expected (System.CommandLine prints it).</summary>
    public const int InternalError = 1;
    /// <summary>The user's to fix: a usage error, or an input file that is missing or malformed.</summary>
    public const int BadInput = 2;
    /// <summary>AWS or the cluster could not be reached or refused a call (after the clients' retries).</summary>
    public const int Unavailable = 3;
    /// <summary>
    /// <c>doctor</c> found problems in the installation (each printed with its fix), or <c>demo</c> saw a verdict
    /// that is not the tutorial's.
    /// </summary>
    public const int ProblemsFound = 4;
}
