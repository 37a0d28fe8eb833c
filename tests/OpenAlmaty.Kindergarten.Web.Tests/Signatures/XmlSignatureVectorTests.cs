using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// Real signatures made by NCA RK's Kalkan with NCA test keys: what NCALayer produces.
public sealed class XmlSignatureVectorTests
{
    [Fact]
    public async Task RsaSignedXml_AsOfMidLifeOfCertificate_Verifies()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));

        var verified = await verifier.VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Signing, EdsVectors.RsaMidLife);

        Assert.Equal("123456789011", verified.Signer.Iin);
        Assert.Equal("ТЕСТОВ ТЕСТ", verified.Signer.CommonName);
        Assert.Equal("ТЕСТОВ", verified.Signer.Surname);
        Assert.Equal("ТЕСТ", verified.Signer.GivenName);
        Assert.Equal("ТЕСТОВИЧ", verified.Signer.Patronymic);
        Assert.Null(verified.Signer.Bin);
        Assert.Equal("RSA-SHA256", verified.Signer.Algorithm);
        Assert.Equal("off: not checked", verified.Signer.RevocationCheck);
        Assert.Equal("<a><b>test</b></a>", verified.ContentWithoutSignature);
    }

    [Fact]
    public async Task RsaSignedXml_TextChanged_RejectedAsContentChanged()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));
        var tampered = EdsVectors.RsaSignedXml.Replace("<b>test</b>", "<b>tesT</b>", StringComparison.Ordinal);

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(tampered, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }

    [Fact]
    public async Task RsaSignedXml_SignatureValueChanged_RejectedAsInvalid()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));
        var tampered = EdsVectors.RsaSignedXml.Replace("aAeSW+p2Af", "aAeSW+p3Af", StringComparison.Ordinal);
        Assert.NotEqual(EdsVectors.RsaSignedXml, tampered);

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(tampered, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.signature.invalid", rejection.Code);
    }

    [Fact]
    public async Task RsaSignedXml_Today_RejectedAsExpiredWithDate()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Signing, DateTimeOffset.UtcNow));

        Assert.Equal("eds.cert.expired", rejection.Code);
        Assert.Equal("Сертификат ЭЦП просрочен: срок действия истёк 18.01.2022.", rejection.Reason.Ru);
        Assert.Contains("18.01.2022", rejection.Reason.Kk);
    }

    [Fact]
    public async Task RsaSignedXml_SigningKeyUsedToSignIn_Rejected()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Authentication, EdsVectors.RsaMidLife));

        Assert.Equal("eds.cert.signing-key-for-sign-in", rejection.Code);
    }

    [Fact]
    public async Task RsaSignedXml_TestIinsNotAllowed_RejectedForCheckDigit()
    {
        var options = Verifiers.Options(EdsVectors.RsaAnchor);
        options.AllowTestIins = false;

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => Verifiers.Xml(options).VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.cert.iin-invalid", rejection.Code);
    }

    [Fact]
    public async Task RsaSignedXml_TestIinsAllowedButProduction_RejectedForCheckDigit()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor), "Production");

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.cert.iin-invalid", rejection.Code);
    }

    [Fact]
    public async Task RsaSignedXml_AnchorIsGostCa_RejectedAsUntrusted()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.GostAnchor));

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.cert.untrusted", rejection.Code);
    }

    [Fact]
    public void TwoSigners_EachSignatureMathematically_Verifies()
    {
        var document = XmlDsigMath.Parse(EdsVectors.TwoSignersXml);

        var rsa = XmlDsigMath.Verify(document, 0);
        var gost = XmlDsigMath.Verify(document, 1);

        Assert.Equal(XmlSignatureKind.RsaSha256, rsa.Profile.Kind);
        Assert.Equal(XmlSignatureKind.Gost2015, gost.Profile.Kind);
        Assert.Equal("<a><b>test</b></a>", rsa.ContentWithoutSignature);
        Assert.Contains("IIN123456789012", gost.Profile.Certificate.Subject);
    }

    [Fact]
    public void TwoSigners_GostSignatureOverChangedText_RejectedAsContentChanged()
    {
        var document = XmlDsigMath.Parse(EdsVectors.TwoSignersXml.Replace("<b>test</b>", "<b>tost</b>", StringComparison.Ordinal));

        var rejection = Assert.Throws<SignatureRejectedException>(() => XmlDsigMath.Verify(document, 1));

        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }

    [Fact]
    public void TwoSigners_GostSignatureValueChanged_RejectedAsInvalid()
    {
        var tampered = EdsVectors.TwoSignersXml.Replace("9KSGy33AXRui", "9KSGy33AXRuj", StringComparison.Ordinal);
        Assert.NotEqual(EdsVectors.TwoSignersXml, tampered);

        var rejection = Assert.Throws<SignatureRejectedException>(() => XmlDsigMath.Verify(XmlDsigMath.Parse(tampered), 1));

        Assert.Equal("eds.signature.invalid", rejection.Code);
    }

    [Fact]
    public async Task TwoSigners_ThroughTheContract_RejectedForTwoSignatures()
    {
        var verifier = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor, EdsVectors.GostAnchor));

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => verifier.VerifyAsync(EdsVectors.TwoSignersXml, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.xml.several-signatures", rejection.Code);
    }

    [Fact]
    public async Task GostCertificate_AsOfMidLife_ChainsToGostAnchorAndValidates()
    {
        var certificate = XmlDsigMath.Verify(XmlDsigMath.Parse(EdsVectors.TwoSignersXml), 1).Profile.Certificate;
        var validator = Verifiers.Certificates(Verifiers.Options(EdsVectors.GostAnchor));

        var signer = await validator.ValidateAsync(certificate, Gost2015.Name, KeyPurpose.Signing, EdsVectors.GostMidLife);

        Assert.Equal("123456789012", signer.Iin);
        Assert.Equal("ТЕСТТОВ", signer.Surname);
        Assert.Equal("ТЕСТТОВИЧ", signer.Patronymic);
    }

    [Fact]
    public async Task GostCertificate_OnlyRsaAnchorPinned_RejectedAsUntrusted()
    {
        var certificate = XmlDsigMath.Verify(XmlDsigMath.Parse(EdsVectors.TwoSignersXml), 1).Profile.Certificate;
        var validator = Verifiers.Certificates(Verifiers.Options(EdsVectors.RsaAnchor));

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => validator.ValidateAsync(certificate, Gost2015.Name, KeyPurpose.Signing, EdsVectors.GostMidLife));

        Assert.Equal("eds.cert.untrusted", rejection.Code);
    }
}
