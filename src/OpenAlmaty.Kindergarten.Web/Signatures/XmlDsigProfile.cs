using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

public enum XmlSignatureKind { RsaSha256, Gost2015 }

/// One ds:Signature read against the only shape NCALayer produces: c14n, one Reference URI=""
/// with exactly the enveloped-signature and c14n#WithComments transforms, an allow-listed
/// algorithm pair, one certificate. Anything else is refused before any cryptography runs.
internal sealed record XmlDsigProfile(
    XmlSignatureKind Kind,
    XmlElement SignedInfo,
    byte[] DigestValue,
    byte[] SignatureValue,
    X509Certificate2 Certificate)
{
    public const string DsigNamespace = SignedXml.XmlDsigNamespaceUrl;
    private const string C14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    private const string C14nWithComments = C14n + "#WithComments";
    private const string Enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private const string Gost2004 = "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311";

    public string AlgorithmName => Kind == XmlSignatureKind.Gost2015 ? Gost2015.Name : "RSA-SHA256";

    public static XmlDsigProfile Read(XmlElement signature)
    {
        var signedInfo = Single(signature, "SignedInfo") ?? throw SignatureRejections.Malformed();
        var method = Single(signedInfo, "CanonicalizationMethod")?.GetAttribute("Algorithm");
        if (method != C14n) throw SignatureRejections.Canonicalization();
        var kind = Single(signedInfo, "SignatureMethod")?.GetAttribute("Algorithm") switch
        {
            RsaSha256 => XmlSignatureKind.RsaSha256,
            Gost2015.XmlSignatureMethod => XmlSignatureKind.Gost2015,
            Gost2004 => throw SignatureRejections.Gost2004(),
            var other => throw SignatureRejections.UnknownAlgorithm(other ?? "—"),
        };
        var references = Children(signedInfo, "Reference").ToList();
        if (references.Count != 1 || references[0].GetAttributeNode("URI")?.Value != "") throw SignatureRejections.References();
        var reference = references[0];
        CheckTransforms(reference);
        var digestMethod = Single(reference, "DigestMethod")?.GetAttribute("Algorithm");
        var expectedDigest = kind == XmlSignatureKind.Gost2015 ? Gost2015.XmlDigestMethod : Sha256;
        if (digestMethod != expectedDigest) throw SignatureRejections.UnknownAlgorithm(digestMethod ?? "—");
        return new XmlDsigProfile(kind, signedInfo,
            Base64(Single(reference, "DigestValue")),
            Base64(Single(signature, "SignatureValue")),
            ReadCertificate(signature));
    }

    private static void CheckTransforms(XmlElement reference)
    {
        var transforms = Single(reference, "Transforms");
        var algorithms = transforms is null ? [] : Children(transforms, "Transform")
            .Select(t => t.HasChildNodes ? "with-parameters" : t.GetAttribute("Algorithm")).ToList();
        var others = transforms?.ChildNodes.OfType<XmlElement>().Count() ?? 0;
        if (others != 2 || !algorithms.SequenceEqual([Enveloped, C14nWithComments])) throw SignatureRejections.Transforms();
    }

    private static X509Certificate2 ReadCertificate(XmlElement signature)
    {
        var certificates = signature.GetElementsByTagName("X509Certificate", DsigNamespace).OfType<XmlElement>().ToList();
        if (certificates.Count == 0) throw SignatureRejections.CertificateMissing();
        if (certificates.Count > 1) throw SignatureRejections.Malformed();
        try
        {
            return X509CertificateLoader.LoadCertificate(Base64(certificates[0]));
        }
        catch (CryptographicException)
        {
            throw SignatureRejections.CertificateMissing();
        }
    }

    private static byte[] Base64(XmlElement? element)
    {
        try
        {
            return Convert.FromBase64String(element?.InnerText ?? throw SignatureRejections.Malformed());
        }
        catch (FormatException)
        {
            throw SignatureRejections.Malformed();
        }
    }

    private static IEnumerable<XmlElement> Children(XmlElement parent, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == localName && e.NamespaceURI == DsigNamespace);

    private static XmlElement? Single(XmlElement parent, string localName)
    {
        var found = Children(parent, localName).Take(2).ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
