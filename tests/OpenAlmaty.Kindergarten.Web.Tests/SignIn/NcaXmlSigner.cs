using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

/// Signs XML the way NCALayer does for an RSA key: enveloped, Reference URI="" with the
/// enveloped-signature and C14N-with-comments transforms, RSA-SHA256, the certificate in KeyInfo,
/// the Signature appended as the root's last child.
public static class NcaXmlSigner
{
    public static string Sign(string xml, X509Certificate2 certificate)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        doc.LoadXml(xml);
        var signed = new SignedXml(doc) { SigningKey = certificate.GetRSAPrivateKey() };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NWithCommentsTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        doc.DocumentElement!.AppendChild(doc.ImportNode(signed.GetXml(), true));
        return doc.OuterXml;
    }
}
