namespace SgLambda.Functions.Tests.Build;

/// <summary>A handler whose context parameter is SgLambda's, not Amazon.Lambda.Core's: the runtime refuses it.</summary>
public static class ContextHandler
{
    public static Task<Stream> HandleAsync(Stream input, Lambda.ILambdaContext context) => Task.FromResult(input);
}
