namespace SgLambda.Emulators.Aws.Wire;

/// <summary>
/// RDS's Query API (awsQuery protocol) responses: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;...</c> then
/// <c>ResponseMetadata/RequestId</c>, in the <c>http://rds.amazonaws.com/doc/2014-10-31/</c> namespace; errors
/// as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;</c> plus <c>RequestId</c>.
/// </summary>
internal static class RdsXml
{
    public const string Namespace = "http://rds.amazonaws.com/doc/2014-10-31/";

    public static byte[] Response(string action, string requestId, WireStruct result) =>
        XmlDocumentWriter.Write(writer =>
        {
            writer.WriteStartElement(action + "Response", Namespace);
            writer.WriteStartElement(action + "Result", Namespace);
            XmlDocumentWriter.WriteFields(writer, result, Namespace);
            writer.WriteEndElement();
            writer.WriteStartElement("ResponseMetadata", Namespace);
            writer.WriteElementString("RequestId", Namespace, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    /// <summary>An error; Type is Sender for a client fault and Receiver for a server fault.</summary>
    public static byte[] Error(string code, string message, string requestId, bool sender) =>
        XmlDocumentWriter.Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", Namespace);
            writer.WriteStartElement("Error", Namespace);
            writer.WriteElementString("Type", Namespace, sender ? "Sender" : "Receiver");
            writer.WriteElementString("Code", Namespace, code);
            writer.WriteElementString("Message", Namespace, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", Namespace, requestId);
            writer.WriteEndElement();
        });
}
