using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// TrustAnchors remembers a good certificate → anchor link (issue 14: a signer seen before costs
/// one signature check). What it remembers must not let anything else through: a look-alike CA
/// with the same name but another key, and a certificate whose signature was changed.
public sealed class TrustAnchorLinkCacheTests
{
    [Fact]
    public void IssuerOf_AfterAGoodCertificateWasSeen_LookAlikeCaAndSpoiltSignatureStillRefused()
    {
        using var pki = new TestPki();
        using var lookAlike = new TestPki(); // same default CA name, another key
        var anchors = new TrustAnchors([pki.Ca]);
        var good = pki.Authentication();
        var forged = lookAlike.Authentication();
        var spoiltBytes = good.RawData.ToArray();
        spoiltBytes[^5] ^= 0x01; // inside the CA's signature at the end of the certificate
        var spoilt = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(spoiltBytes);

        var first = anchors.IssuerOf(good);
        var second = anchors.IssuerOf(good);

        Assert.Same(pki.Ca, first);
        Assert.Same(pki.Ca, second);
        Assert.Equal(pki.Ca.SubjectName.Name, forged.IssuerName.Name);
        Assert.Null(anchors.IssuerOf(forged));
        Assert.Null(anchors.IssuerOf(spoilt));
    }
}
