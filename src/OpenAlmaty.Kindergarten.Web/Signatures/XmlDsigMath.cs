using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The signature mathematics of one ds:Signature, without the certificate checks.
internal static class XmlDsigMath
{
    public sealed record Result(XmlDsigProfile Profile, string ContentWithoutSignature);

    public static XmlDocument Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document.Load(reader);
        }
        catch (XmlException)
        {
            throw xml.Contains("<!DOCTYPE", StringComparison.Ordinal) ? SignatureRejections.Dtd() : SignatureRejections.Malformed();
        }
        if (document.DocumentElement is null) throw SignatureRejections.Malformed();
        return document;
    }

    public static List<XmlElement> Signatures(XmlDocument document) =>
        document.GetElementsByTagName("Signature", XmlDsigProfile.DsigNamespace).OfType<XmlElement>().ToList();

    /// Verifies the signature at <paramref name="index"/> against the document as it was when it
    /// was made: later signatures (NCALayer appends each one) are taken away first, from a copy.
    /// <paramref name="checkFirst"/> sees the signature's profile (its certificate read once)
    /// before any canonicalisation or mathematics, for the cheap certificate checks.
    public static Result Verify(XmlDocument original, int index, Action<XmlDsigProfile>? checkFirst = null)
    {
        var document = original;
        var signatures = Signatures(document);
        if (signatures.Count > index + 1)
        {
            document = (XmlDocument)original.CloneNode(true);
            signatures = Signatures(document);
            foreach (var next in signatures.Skip(index + 1)) next.ParentNode!.RemoveChild(next);
        }
        var signature = signatures[index];
        var profile = XmlDsigProfile.Read(signature);
        checkFirst?.Invoke(profile);

        var content = WithoutSignature(signature, out var canonical);
        var digest = profile.Kind == XmlSignatureKind.Gost2015 ? Gost2015.Hash(canonical) : SHA256.HashData(canonical);
        if (!CryptographicOperations.FixedTimeEquals(digest, profile.DigestValue)) throw SignatureRejections.ContentChanged();

        // The reference's digest is checked above; what remains is the signature over the
        // canonical SignedInfo, the same bytes for both algorithms.
        var signedInfo = CanonicalSignedInfo(profile.SignedInfo);
        var valid = profile.Kind == XmlSignatureKind.Gost2015
            ? Gost2015.Verify(profile.Certificate, signedInfo, profile.SignatureValue)
            : VerifyRsa(profile.Certificate, signedInfo, profile.SignatureValue);
        if (!valid) throw SignatureRejections.Invalid();
        return new Result(profile, content);
    }

    // The enveloped-signature + c14n#WithComments transforms: the document minus the signature.
    private static string WithoutSignature(XmlElement signature, out byte[] canonical)
    {
        var parent = signature.ParentNode!;
        var next = signature.NextSibling;
        var document = signature.OwnerDocument;
        parent.RemoveChild(signature);
        try
        {
            canonical = Canonical(new XmlDsigC14NWithCommentsTransform(), document);
            return document.DocumentElement!.OuterXml;
        }
        finally
        {
            parent.InsertBefore(signature, next);
        }
    }

    /// RSA-SHA256 (PKCS#1 v1.5) over the canonical SignedInfo: what SignedXml.CheckSignature
    /// does after its reference check, without its second canonicalisation of the document and
    /// its algorithm look-ups by name (XmlSignatureVectorTests: NCA's real RSA signature).
    private static bool VerifyRsa(X509Certificate2 certificate, byte[] canonicalSignedInfo, byte[] signatureValue)
    {
        using var key = certificate.GetRSAPublicKey();
        if (key is null) return false;
        try
        {
            return key.VerifyData(canonicalSignedInfo, signatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // Inclusive c14n of SignedInfo carries the namespaces it inherits from its ancestors.
    internal static byte[] CanonicalSignedInfo(XmlElement signedInfo)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)document.ImportNode(signedInfo, true);
        document.AppendChild(copy);
        var seen = copy.Attributes.OfType<XmlAttribute>().Select(a => a.Name).ToHashSet();
        for (var ancestor = signedInfo.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (var attribute in ancestor.Attributes.OfType<XmlAttribute>())
            {
                var isNamespace = attribute.Prefix == "xmlns" || (attribute.Prefix == "" && attribute.LocalName == "xmlns");
                if (!isNamespace || !seen.Add(attribute.Name) || attribute.Value == "") continue;
                var declaration = document.CreateAttribute(attribute.Prefix, attribute.LocalName, attribute.NamespaceURI);
                declaration.Value = attribute.Value;
                copy.Attributes.Append(declaration);
            }
        }
        return Canonical(new XmlDsigC14NTransform(), document);
    }

    private static byte[] Canonical(Transform transform, XmlDocument document)
    {
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }
}
