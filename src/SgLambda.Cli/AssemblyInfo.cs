using System.Runtime.CompilerServices;

// The tests run commands in-process with their own stdout and stderr writers.
[assembly: InternalsVisibleTo("SgLambda.Cli.Tests")]
