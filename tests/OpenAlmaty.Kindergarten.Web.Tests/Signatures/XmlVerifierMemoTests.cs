using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The verifier remembers the mathematics of a document it has checked (eGov Mobile's XML is
/// checked at the phone's PUT and again at sign-in), when asked to. What it remembers is only
/// that these exact bytes are signed: the certificate's checks run every time.
public sealed class XmlVerifierMemoTests
{
    [Fact]
    public async Task VerifyAsync_SameDocumentAgain_CertificateCheckedAgainForTimeAndPurpose()
    {
        using var pki = new TestPki();
        using var key = pki.Authentication();
        var xml = NcaXmlSigner.Sign(NcaXmlSigner.Login(Guid.NewGuid().ToString("N")), key);
        var verifier = Verifiers.Xml(pki.Ca);

        var first = await verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now, remember: true);
        var again = await verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now);
        var expired = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now.AddYears(1)));
        var wrongKey = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            verifier.VerifyAsync(xml, KeyPurpose.Signing, TestPki.Now));
        var otherCa = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verifiers.Xml(new TestPki().Ca).VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now));

        Assert.Equal(first.Signer.Iin, again.Signer.Iin);
        Assert.Equal(first.ContentWithoutSignature, again.ContentWithoutSignature);
        Assert.StartsWith("eds.cert.", expired.Code);
        Assert.StartsWith("eds.", wrongKey.Code);
        Assert.Equal("eds.cert.untrusted", otherCa.Code);
    }

    [Fact]
    public async Task VerifyAsync_DocumentChangedAfterARememberedOne_StillRefused()
    {
        using var pki = new TestPki();
        using var key = pki.Authentication();
        var xml = NcaXmlSigner.Sign(NcaXmlSigner.Login(Guid.NewGuid().ToString("N")), key);
        var verifier = Verifiers.Xml(pki.Ca);
        await verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now, remember: true);

        var changed = xml.Replace("<issued>2026", "<issued>2027", StringComparison.Ordinal);

        Assert.NotEqual(xml, changed);
        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            verifier.VerifyAsync(changed, KeyPurpose.Authentication, TestPki.Now));
        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }
}
