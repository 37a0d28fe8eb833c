using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Signs XML the way NCALayer and eGov Mobile return it: enveloped, Reference URI="" with the
/// enveloped-signature and c14n#WithComments transforms, the certificate in KeyInfo, the
/// Signature appended as the last child of the root. For the phone stand-in (Development) and
/// the tests only: the portal itself never signs for a person.
public static class NcaStyleXmlSigner
{
    public const string Enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public const string C14nWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";

    /// RSA (rsa-sha256); <paramref name="shape"/> lets a test spoil the signature's form.
    public static string SignRsa(string xml, X509Certificate2 certificate, Action<SignedXml, Reference>? shape = null)
    {
        var document = Load(xml);
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("No RSA private key.");
        var signedXml = new SignedXml(document) { SigningKey = key };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NWithCommentsTransform());
        shape?.Invoke(signedXml, reference);
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signedXml.GetXml(), true));
        return document.OuterXml;
    }

    /// GOST 34.10-2015 (512): Streebog-512 digest; <paramref name="sign"/> makes r‖s over the
    /// canonical SignedInfo.
    public static string SignGost(string xml, X509Certificate2 certificate, Func<byte[], byte[]> sign)
    {
        var document = Load(xml);
        var c14n = new XmlDsigC14NWithCommentsTransform();
        c14n.LoadInput(document);
        var digest = Gost2015.Hash(((MemoryStream)c14n.GetOutput(typeof(Stream))).ToArray());
        var fragment = new XmlDocument { PreserveWhitespace = true };
        fragment.LoadXml($"""
            <ds:Signature xmlns:ds="{SignedXml.XmlDsigNamespaceUrl}">
            <ds:SignedInfo>
            <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
            <ds:SignatureMethod Algorithm="{Gost2015.XmlSignatureMethod}"/>
            <ds:Reference URI="">
            <ds:Transforms>
            <ds:Transform Algorithm="{Enveloped}"/>
            <ds:Transform Algorithm="{C14nWithComments}"/>
            </ds:Transforms>
            <ds:DigestMethod Algorithm="{Gost2015.XmlDigestMethod}"/>
            <ds:DigestValue>{Convert.ToBase64String(digest)}</ds:DigestValue>
            </ds:Reference>
            </ds:SignedInfo>
            <ds:SignatureValue></ds:SignatureValue>
            <ds:KeyInfo><ds:X509Data><ds:X509Certificate>{Convert.ToBase64String(certificate.RawData)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
            </ds:Signature>
            """);
        var signature = (XmlElement)document.ImportNode(fragment.DocumentElement!, true);
        document.DocumentElement!.AppendChild(signature);
        var signedInfo = (XmlElement)signature.GetElementsByTagName("SignedInfo", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var value = sign(XmlDsigMath.CanonicalSignedInfo(signedInfo));
        signature.GetElementsByTagName("SignatureValue", SignedXml.XmlDsigNamespaceUrl)[0]!.InnerText = Convert.ToBase64String(value);
        return document.OuterXml;
    }

    /// A demo key file (RSA or GOST, told apart by trying RSA first) as a signing function.
    public static Func<string, string> FromKeyFile(string path, string password)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            var rsa = X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.Exportable);
            if (rsa.HasPrivateKey && rsa.GetRSAPublicKey() is not null) return xml => SignRsa(xml, rsa);
            rsa.Dispose();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Not a file .NET can open with a key: a GOST file, read below.
        }
        var gost = DemoGostKeys.Open(bytes, password);
        return xml => SignGost(xml, gost.Certificate, gost.Sign);
    }

    // Loaded as given (tests sign deliberately odd documents to see them refused); XmlDocument
    // resolves no external entities on .NET.
    private static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document;
    }
}
