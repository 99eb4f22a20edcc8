using SgLambda.Functions;
using SgLambda.Functions.Lambda;

// The Native AOT bootstrap of provided.al2023 (and `dotnet SgLambda.Functions.dll`, the same loop on the JIT):
// _HANDLER picks the function, composed once at init; the Runtime API loop serves it until Lambda stops us.
LambdaBootstrap bootstrap;
try
{
    bootstrap = LambdaBootstrap.FromEnvironment(LambdaHandlers.FromEnvironment);
}
catch (ConfigurationException e)
{
    // Without the Runtime API there is nobody to report an init error to.
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return LambdaBootstrap.InitFailedExitCode;
}

using (bootstrap)
{
    return await bootstrap.RunAsync();
}
