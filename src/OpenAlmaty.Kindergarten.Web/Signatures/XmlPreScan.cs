using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Bounds a signed document before any parsing work: its size, depth, element and attribute
/// counts, namespace declarations, and one root of the expected name, in one forward-only pass
/// with DTDs prohibited. What the portal issues and NCALayer signs is a few kilobytes with a
/// handful of elements; a document far outside that is refused here, in linear time, instead of
/// being canonicalised (issue 17: 80,000 namespace declarations held a core for 50 s).
internal static class XmlPreScan
{
    public const int MaxCharacters = 64 * 1024;

    /// A signed login is the nonce, one certificate and one signature: 3–5 K characters from
    /// NCALayer with RSA or GOST keys. Anything over this is refused before the nonce is read, so
    /// no oversized login ever reaches the certificate checks or canonicalisation.
    public const int MaxLoginCharacters = 16 * 1024;
    private const int MaxDepth = 12;
    private const int MaxElements = 400;
    private const int MaxAttributesPerElement = 8;
    private const int MaxNamespaceDeclarations = 16;

    /// Throws <see cref="SignatureRejectedException"/> when the document is out of bounds.
    public static void Check(string xml, string? expectedRoot, int maxCharacters = MaxCharacters)
    {
        if (xml.Length > maxCharacters) throw PolicyRejections.TooLarge();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreWhitespace = true,
        };
        int elements = 0, namespaces = 0;
        var root = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.Depth == 0)
                {
                    if (root) throw PolicyRejections.TooComplex();
                    root = true;
                    if (expectedRoot is not null && reader.LocalName != expectedRoot) throw PolicyRejections.UnexpectedRoot();
                }
                if (++elements > MaxElements || reader.Depth >= MaxDepth || reader.AttributeCount > MaxAttributesPerElement)
                    throw PolicyRejections.TooComplex();
                for (var i = 0; i < reader.AttributeCount; i++)
                {
                    reader.MoveToAttribute(i);
                    if ((reader.Prefix == "xmlns" || reader.Name == "xmlns") && ++namespaces > MaxNamespaceDeclarations)
                        throw PolicyRejections.TooComplex();
                }
                reader.MoveToElement();
            }
        }
        catch (XmlException)
        {
            throw xml.Contains("<!DOCTYPE", StringComparison.Ordinal) ? SignatureRejections.Dtd() : SignatureRejections.Malformed();
        }
        if (!root) throw SignatureRejections.Malformed();
    }

    /// The text of the root's first child element named <paramref name="name"/>, for a
    /// document that passed <see cref="Check"/>: the sign-in nonce, read without building a DOM.
    public static string? ChildText(string xml, string name)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == name && reader.NamespaceURI == "")
                    return reader.ReadElementContentAsString();
            }
        }
        catch (XmlException)
        {
            return null;
        }
        return null;
    }
}
