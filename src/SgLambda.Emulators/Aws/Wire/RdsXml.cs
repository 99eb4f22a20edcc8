namespace SgLambda.Emulators.Aws.Wire;

/// <summary>
/// RDS's Query API (awsQuery protocol) responses: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;...</c> then
/// <c>ResponseMetadata/RequestId</c>, in the <c>http://rds.amazonaws.com/doc/2014-10-31/</c> namespace; errors
/// as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;</c> plus <c>RequestId</c>.
/// </summary>
internal static class RdsXml
{
    public const string Namespace = "http://rds.amazonaws.com/doc/2014-10-31/";

    /// <summary>A response; STS answers in the same awsQuery form under its own namespace.</summary>
    public static byte[] Response(string action, string requestId, WireStruct result, string xmlNamespace = Namespace) =>
        XmlDocumentWriter.Write(writer =>
        {
            writer.WriteStartElement(action + "Response", xmlNamespace);
            writer.WriteStartElement(action + "Result", xmlNamespace);
            XmlDocumentWriter.WriteFields(writer, result, xmlNamespace);
            writer.WriteEndElement();
            writer.WriteStartElement("ResponseMetadata", xmlNamespace);
            writer.WriteElementString("RequestId", xmlNamespace, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    /// <summary>An error; Type is Sender for a client fault and Receiver for a server fault.</summary>
    public static byte[] Error(string code, string message, string requestId, bool sender, string xmlNamespace = Namespace) =>
        XmlDocumentWriter.Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", xmlNamespace);
            writer.WriteStartElement("Error", xmlNamespace);
            writer.WriteElementString("Type", xmlNamespace, sender ? "Sender" : "Receiver");
            writer.WriteElementString("Code", xmlNamespace, code);
            writer.WriteElementString("Message", xmlNamespace, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", xmlNamespace, requestId);
            writer.WriteEndElement();
        });
}
