namespace SgLambda.Cli.Demo;

/// <summary>The ids AWS gives what the demo creates, known once created.</summary>
internal sealed class DemoIds
{
    public string InstanceSecurityGroup { get; set; } = "";
    public string PodSecurityGroup { get; set; } = "";
    public string Instance { get; set; } = "";

    /// <summary>A check's endpoint as explain takes it: <c>ec2-instance</c> is the instance's id.</summary>
    public string Resolve(string name) => name == "ec2-instance" ? Instance : name;
}
