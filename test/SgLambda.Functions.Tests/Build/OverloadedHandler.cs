namespace SgLambda.Functions.Tests.Build;

/// <summary>A handler shaped as the function classes were before: two methods named HandleAsync.</summary>
public static class OverloadedHandler
{
    public static Task<Stream> HandleAsync(Stream input) => Task.FromResult(input);

    public static Task<Stream> HandleAsync(Stream input, Lambda.ILambdaContext context) => Task.FromResult(input);
}
