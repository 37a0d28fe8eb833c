using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// Signs XML exactly as NCALayer does with an RSA key: enveloped, Reference URI="" with the
/// enveloped-signature and c14n#WithComments transforms, rsa-sha256, the certificate in
/// KeyInfo, the Signature appended as the last child of the root.
internal static class NcaXmlSigner
{
    public const string Enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public const string C14nWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";

    public static string Sign(string xml, X509Certificate2 certificate, Action<SignedXml, Reference>? shape = null)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        using var key = certificate.GetRSAPrivateKey()!;
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

    public static string Login(string nonce = "b2c1f0a9") => $"<login><nonce>{nonce}</nonce><issued>2026-11-25T10:00:00Z</issued></login>";

    public static string SignLogin(X509Certificate2 certificate) => Sign(Login(), certificate);

    public static string AppendSignature(string signedXml, X509Certificate2 certificate) => Sign(signedXml, certificate);
}
