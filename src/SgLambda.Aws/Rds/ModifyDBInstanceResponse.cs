namespace SgLambda.Aws.Rds;

public sealed record ModifyDBInstanceResponse
{
    public DBInstance? DBInstance { get; set; }
}
