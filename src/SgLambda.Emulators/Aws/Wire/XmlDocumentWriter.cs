using System.Text;
using System.Xml;

namespace SgLambda.Emulators.Aws.Wire;

/// <summary>Writes a response document as UTF-8 XML, the way the Query APIs answer.</summary>
internal static class XmlDocumentWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    public static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>Writes the fields of a structure as child elements of the current element.</summary>
    public static void WriteFields(XmlWriter writer, WireStruct structure, string ns)
    {
        foreach (var (name, value) in structure.Fields)
            WriteNode(writer, name, value, ns);
    }

    public static void WriteNode(XmlWriter writer, string name, WireNode node, string ns)
    {
        writer.WriteStartElement(name, ns);
        switch (node)
        {
            case WireValue value:
                writer.WriteString(value.Text);
                break;
            case WireStruct structure:
                WriteFields(writer, structure, ns);
                break;
            case WireList list:
                foreach (var item in list.Items)
                    WriteNode(writer, list.ItemName, item, ns);
                break;
        }
        writer.WriteEndElement();
    }
}
