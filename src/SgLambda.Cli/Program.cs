using SgLambda.Cli;

return SgLambdaCli.Run(args, Console.Out, Console.Error);
