using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// Signs XML exactly as NCALayer does with an RSA key: enveloped, Reference URI="" with the
/// enveloped-signature and c14n#WithComments transforms, rsa-sha256, the certificate in
/// KeyInfo, the Signature appended as the last child of the root.
internal static class NcaXmlSigner
{
    public const string Enveloped = Web.Signatures.NcaStyleXmlSigner.Enveloped;
    public const string C14nWithComments = Web.Signatures.NcaStyleXmlSigner.C14nWithComments;

    public static string Sign(string xml, X509Certificate2 certificate, Action<SignedXml, Reference>? shape = null) =>
        Web.Signatures.NcaStyleXmlSigner.SignRsa(xml, certificate, shape);

    public static string Login(string nonce = "b2c1f0a9") => $"<login><nonce>{nonce}</nonce><issued>2026-11-25T10:00:00Z</issued></login>";

    public static string SignLogin(X509Certificate2 certificate) => Sign(Login(), certificate);

    public static string AppendSignature(string signedXml, X509Certificate2 certificate) => Sign(signedXml, certificate);
}
