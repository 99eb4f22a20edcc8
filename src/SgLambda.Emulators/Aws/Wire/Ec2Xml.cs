namespace SgLambda.Emulators.Aws.Wire;

/// <summary>
/// EC2's Query API responses: <c>&lt;ActionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"&gt;</c>
/// with <c>requestId</c> first, and errors as <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c> with
/// <c>RequestID</c> (EC2 API reference, "Error codes" and each action's example response).
/// </summary>
internal static class Ec2Xml
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static byte[] Response(string action, string requestId, WireStruct body) =>
        XmlDocumentWriter.Write(writer =>
        {
            writer.WriteStartElement(action + "Response", Namespace);
            writer.WriteElementString("requestId", Namespace, requestId);
            XmlDocumentWriter.WriteFields(writer, body, Namespace);
            writer.WriteEndElement();
        });

    public static byte[] Error(string code, string message, string requestId) =>
        XmlDocumentWriter.Write(writer =>
        {
            writer.WriteStartElement("Response");
            writer.WriteStartElement("Errors");
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", code);
            writer.WriteElementString("Message", message);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteElementString("RequestID", requestId);
            writer.WriteEndElement();
        });
}
