using System.CommandLine;
using System.CommandLine.Invocation;

namespace SgLambda.Cli;

/// <summary>
/// The <c>sglambda</c> command line: one class per command, wired here. Output and error writers are
/// parameters so tests run commands in-process.
/// </summary>
internal static class SgLambdaCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("SgLambda: AWS security groups as Calico network policy.");
        root.Add(new RenderCommand().Command);
        root.Add(new ReplayCommand().Command);
        root.Add(new ReconcileCommand().Command);
        root.Add(new Explain.ExplainCommand().Command);
        root.Add(new Demo.DemoCommand().Command);
        root.Add(new Doctor.DoctorCommand().Command);
        root.Add(new Sandbox.SandboxCommand().Command);
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Action is not ParseErrorAction usageError)
            return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        // Errors and typo suggestions, all on stderr: stdout is often redirected to the file that
        // kubectl apply reads next.
        usageError.ShowHelp = false;
        parseResult.Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
        var command = parseResult.CommandResult.Command;
        stderr.WriteLine($"Run 'sglambda{(command is RootCommand ? "" : " " + command.Name)} --help' for usage.");
        // System.CommandLine reports usage errors with 1; sglambda keeps 1 for bugs and 2 for the user's mistakes.
        return ExitCodes.BadInput;
    }
}
