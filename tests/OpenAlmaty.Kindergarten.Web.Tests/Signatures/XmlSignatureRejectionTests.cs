using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// Signatures made here in the NCALayer shape with a throw-away CA; each refusal has its own code.
public sealed class XmlSignatureRejectionTests(XmlSignatureRejectionTests.Keys keys) : IClassFixture<XmlSignatureRejectionTests.Keys>
{
    private readonly TestPki pki = keys.Pki;
    private readonly X509Certificate2 authentication = keys.Authentication;
    private readonly X509Certificate2 signing = keys.Signing;

    /// RSA key generation is slow: one CA and two keys for the whole class.
    public sealed class Keys : IDisposable
    {
        public TestPki Pki { get; } = new();
        public X509Certificate2 Authentication => authentication ??= Pki.Authentication();
        public X509Certificate2 Signing => signing ??= Pki.Signing(bin: "123456789021");
        private X509Certificate2? authentication;
        private X509Certificate2? signing;

        public void Dispose()
        {
            authentication?.Dispose();
            signing?.Dispose();
            Pki.Dispose();
        }
    }

    private XmlSignatureVerifier Verifier => Verifiers.Xml(pki.Ca);

    private async Task<string> Rejected(string xml, KeyPurpose purpose = KeyPurpose.Authentication, XmlSignatureVerifier? verifier = null) =>
        (await Assert.ThrowsAsync<SignatureRejectedException>(() => (verifier ?? Verifier).VerifyAsync(xml, purpose, TestPki.Now))).Code;

    [Fact]
    public async Task OwnSignIn_AuthenticationKey_VerifiesWithIinAndNames()
    {
        var verified = await Verifier.VerifyAsync(NcaXmlSigner.SignLogin(authentication), KeyPurpose.Authentication, TestPki.Now);

        Assert.Equal(TestPki.RealIin, verified.Signer.Iin);
        Assert.Equal("АЙДАР", verified.Signer.GivenName);
        Assert.Equal("СЕРИКОВИЧ", verified.Signer.Patronymic);
        Assert.Equal(NcaXmlSigner.Login(), verified.ContentWithoutSignature);
    }

    [Fact]
    public async Task OwnSignedRequest_SigningKeyOfLegalEntity_VerifiesWithBin()
    {
        var verified = await Verifier.VerifyAsync(NcaXmlSigner.SignLogin(signing), KeyPurpose.Signing, TestPki.Now);

        Assert.Equal("123456789021", verified.Signer.Bin);
    }

    [Fact]
    public async Task Verify_TamperedDocument_RejectedAsContentChanged() =>
        Assert.Equal("eds.signature.content-changed", await Rejected(NcaXmlSigner.SignLogin(authentication).Replace("b2c1f0a9", "b2c1f0a8", StringComparison.Ordinal)));

    [Fact]
    public async Task Verify_CertificateFromUntrustedCa_RejectedAsUntrusted()
    {
        using var stranger = new TestPki("Чужой CA");
        Assert.Equal("eds.cert.untrusted", await Rejected(NcaXmlSigner.SignLogin(stranger.Authentication())));
    }

    [Fact]
    public async Task Verify_SameNameCaWithAnotherKey_RejectedAsUntrusted()
    {
        using var impostor = new TestPki();
        Assert.Equal("eds.cert.untrusted", await Rejected(NcaXmlSigner.SignLogin(impostor.Authentication())));
    }

    [Fact]
    public async Task Verify_ExpiredCertificate_RejectedAsExpired()
    {
        var expired = pki.Issue(TestPki.RealIin, null, X509KeyUsageFlags.DigitalSignature, TestPki.ClientAuth,
            TestPki.Now.AddYears(-2), TestPki.Now.AddYears(-1));
        Assert.Equal("eds.cert.expired", await Rejected(NcaXmlSigner.SignLogin(expired)));
    }

    [Fact]
    public async Task Verify_CertificateNotYetValid_RejectedAsNotYetValid()
    {
        var future = pki.Issue(TestPki.RealIin, null, X509KeyUsageFlags.DigitalSignature, TestPki.ClientAuth,
            TestPki.Now.AddDays(1), TestPki.Now.AddYears(1));
        Assert.Equal("eds.cert.not-yet-valid", await Rejected(NcaXmlSigner.SignLogin(future)));
    }

    [Fact]
    public async Task Verify_SigningKeyUsedToSignIn_Rejected() =>
        Assert.Equal("eds.cert.signing-key-for-sign-in", await Rejected(NcaXmlSigner.SignLogin(signing), KeyPurpose.Authentication));

    [Fact]
    public async Task Verify_AuthenticationKeyUsedToSign_Rejected() =>
        Assert.Equal("eds.cert.auth-key-for-signing", await Rejected(NcaXmlSigner.SignLogin(authentication), KeyPurpose.Signing));

    [Fact]
    public async Task Verify_KeyForNeitherPurpose_RejectedForKeyUsage()
    {
        var tls = pki.Issue(TestPki.RealIin, null, X509KeyUsageFlags.KeyEncipherment, "1.3.6.1.5.5.7.3.1");
        Assert.Equal("eds.cert.key-usage", await Rejected(NcaXmlSigner.SignLogin(tls)));
    }

    [Fact]
    public async Task Verify_IinWithWrongCheckDigit_RejectedWhenTestIinsOff()
    {
        var options = Verifiers.Options();
        options.AllowTestIins = false;
        var verifier = Verifiers.Xml(options, "Testing", pki.Ca);
        Assert.Equal("eds.cert.iin-invalid", await Rejected(NcaXmlSigner.SignLogin(pki.Authentication("900101300018")), verifier: verifier));
    }

    [Fact]
    public async Task Verify_TwoSignatures_RejectedForSeveralSignatures()
    {
        var twice = NcaXmlSigner.AppendSignature(NcaXmlSigner.SignLogin(authentication), authentication);
        Assert.Equal("eds.xml.several-signatures", await Rejected(twice));
    }

    [Fact]
    public async Task Verify_ExtraReference_RejectedForReferences()
    {
        var xml = NcaXmlSigner.Sign("<login><nonce id=\"n\">1</nonce></login>", authentication, (signedXml, _) =>
        {
            var extra = new Reference("#n") { DigestMethod = SignedXml.XmlDsigSHA256Url };
            signedXml.AddReference(extra);
        });
        Assert.Equal("eds.xml.references", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_ReferenceToPartOfDocument_RejectedForReferences()
    {
        var xml = NcaXmlSigner.Sign("<login><nonce Id=\"n\">1</nonce></login>", authentication, (_, reference) => reference.Uri = "#n");
        Assert.Equal("eds.xml.references", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_Dtd_RejectedForDtd()
    {
        var signed = NcaXmlSigner.SignLogin(authentication);
        var withDtd = "<!DOCTYPE login [<!ENTITY x \"y\">]>" + signed;
        Assert.Equal("eds.xml.dtd", await Rejected(withDtd));
    }

    [Fact]
    public async Task Verify_UnknownSignatureAlgorithm_RejectedAsUnknownAlgorithm()
    {
        var xml = NcaXmlSigner.Sign(NcaXmlSigner.Login(), authentication, (signedXml, _) =>
            signedXml.SignedInfo!.SignatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512");
        Assert.Equal("eds.algorithm.unknown", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_Sha1Digest_RejectedAsUnknownAlgorithm()
    {
        var xml = NcaXmlSigner.Sign(NcaXmlSigner.Login(), authentication, (_, reference) => reference.DigestMethod = SignedXml.XmlDsigSHA1Url);
        Assert.Equal("eds.algorithm.unknown", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_Gost2004Algorithm_RejectedAsOutdated()
    {
        var xml = NcaXmlSigner.SignLogin(authentication).Replace(SignedXml.XmlDsigRSASHA256Url,
            "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311", StringComparison.Ordinal);
        Assert.Equal("eds.algorithm.gost2004", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_TransformsWithoutComments_RejectedForTransforms()
    {
        var xml = NcaXmlSigner.Sign(NcaXmlSigner.Login(), authentication, (_, reference) =>
        {
            reference.TransformChain = new TransformChain();
            reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
            reference.AddTransform(new XmlDsigExcC14NTransform());
        });
        Assert.Equal("eds.xml.transforms", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_ExclusiveCanonicalization_RejectedForCanonicalization()
    {
        var xml = NcaXmlSigner.Sign(NcaXmlSigner.Login(), authentication, (signedXml, _) =>
            signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl);
        Assert.Equal("eds.xml.canonicalization", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_SignatureNotLastChild_RejectedForPosition()
    {
        var xml = NcaXmlSigner.SignLogin(authentication).Replace("</login>", "<after/></login>", StringComparison.Ordinal);
        Assert.Equal("eds.xml.signature-position", await Rejected(xml));
    }

    [Fact]
    public async Task Verify_Unsigned_RejectedAsNoSignature() =>
        Assert.Equal("eds.xml.no-signature", await Rejected(NcaXmlSigner.Login()));

    [Fact]
    public async Task Verify_NotXml_RejectedAsMalformed() =>
        Assert.Equal("eds.xml.malformed", await Rejected("<login><nonce>"));
}
