using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// One GOST-2015 signature through the whole contract, with a throw-away GOST CA.
public sealed class GostXmlSignatureTests
{
    private static readonly GostTestPki Pki = new();

    [Fact]
    public async Task GostSignIn_AuthenticationKey_Verifies()
    {
        var verified = await Verifiers.Xml(Pki.Ca).VerifyAsync(Pki.Sign(NcaXmlSigner.Login()), KeyPurpose.Authentication, TestPki.Now);

        Assert.Equal(Gost2015.Name, verified.Signer.Algorithm);
        Assert.Equal(TestPki.RealIin, verified.Signer.Iin);
        Assert.Equal(NcaXmlSigner.Login(), verified.ContentWithoutSignature);
    }

    [Fact]
    public async Task GostSignIn_TamperedDocument_RejectedAsContentChanged()
    {
        var tampered = Pki.Sign(NcaXmlSigner.Login()).Replace("b2c1f0a9", "b2c1f0a0", StringComparison.Ordinal);

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => Verifiers.Xml(Pki.Ca).VerifyAsync(tampered, KeyPurpose.Authentication, TestPki.Now));

        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }

    [Fact]
    public async Task GostSignIn_CaNotPinned_RejectedAsUntrusted()
    {
        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verifiers.Xml(new GostTestPki().Ca).VerifyAsync(Pki.Sign(NcaXmlSigner.Login()), KeyPurpose.Authentication, TestPki.Now));

        Assert.Equal("eds.cert.untrusted", rejection.Code);
    }

    [Fact]
    public void GostCertificate_IssuedHere_ReadsLikeNcaCertificate()
    {
        Assert.Equal(Gost2015.PublicKeyOid, Pki.Authentication.PublicKey.Oid.Value);
        Assert.Equal(Gost2015.SignatureOid, Pki.Authentication.SignatureAlgorithm.Value);
        Assert.True(TrustAnchors.IsSignedBy(Pki.Authentication, Pki.Ca));
    }
}
