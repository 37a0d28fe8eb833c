using System.Security.Cryptography.X509Certificates;
using System.Text;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Hostile;

/// What an adversarial run sent to the verifier (issue 17, cases 1, 3, 4 and 6): each is refused
/// with its own code, and the shape of the document is refused by the pre-scan, before parsing.
public sealed class HostileXmlTests(XmlSignatureRejectionTests.Keys keys) : IClassFixture<XmlSignatureRejectionTests.Keys>
{
    private XmlSignatureVerifier Verifier => Verifiers.Xml(keys.Pki.Ca);

    private string Rejected(string xml) =>
        Assert.Throws<SignatureRejectedException>(() => Verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now).GetAwaiter().GetResult()).Code;

    /// A signed login with thousands of namespace declarations added to its root.
    internal static string NamespaceBomb(string signedXml, int declarations)
    {
        var extra = new StringBuilder();
        for (var i = 0; i < declarations; i++) extra.Append(" xmlns:n").Append(i).Append("=\"urn:n").Append(i).Append('"');
        return signedXml.Replace("<login>", "<login" + extra + ">", StringComparison.Ordinal);
    }

    internal static string Nested(string signedXml, int depth) =>
        signedXml.Replace("<nonce>", string.Concat(Enumerable.Repeat("<a>", depth)) + "<nonce>", StringComparison.Ordinal)
            .Replace("</nonce>", "</nonce>" + string.Concat(Enumerable.Repeat("</a>", depth)), StringComparison.Ordinal);

    /// The issue's smallest bomb (0.5 MB) is refused on its length alone.
    [Fact]
    public void Verify_TwentyThousandNamespaceDeclarations_RefusedByPreScan() =>
        Assert.Equal("xml.too-large", Rejected(NamespaceBomb(NcaXmlSigner.SignLogin(keys.Authentication), 20_000)));

    /// Under the length bound, the count of namespace declarations refuses it.
    [Fact]
    public void Verify_TwoThousandNamespaceDeclarations_RefusedByPreScan() =>
        Assert.Equal("xml.too-complex", Rejected(NamespaceBomb(NcaXmlSigner.SignLogin(keys.Authentication), 2_000)));

    [Fact]
    public void Verify_HundredLevelsDeep_RefusedByPreScan() =>
        Assert.Equal("xml.too-complex", Rejected(Nested(NcaXmlSigner.SignLogin(keys.Authentication), 100)));

    [Fact]
    public void Verify_TwoMegabytes_RefusedByPreScan() =>
        Assert.Equal("xml.too-large", Rejected(NcaXmlSigner.SignLogin(keys.Authentication)
            .Replace("</login>", "<!--" + new string('x', 2_000_000) + "--></login>", StringComparison.Ordinal)));

    [Fact]
    public void Verify_CaCertificateAsSigner_Refused()
    {
        using var ca = keys.Pki.Issue(TestPki.RealIin, null,
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, TestPki.ClientAuth,
            extend: r => r.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true)));

        Assert.Equal("eds.cert.ca", Rejected(NcaXmlSigner.SignLogin(ca)));
    }

    [Fact]
    public void Verify_TwoSerialNumbers_Refused()
    {
        using var twice = keys.Pki.Issue(TestPki.RealIin, null, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            TestPki.ClientAuth, subject: $"CN=АХМЕТОВ АЙДАР, SN=АХМЕТОВ, SERIALNUMBER=IIN{TestPki.RealIin}, SERIALNUMBER=IIN880302310000, C=KZ");

        Assert.Equal("eds.cert.iin-count", Rejected(NcaXmlSigner.SignLogin(twice)));
    }
}
