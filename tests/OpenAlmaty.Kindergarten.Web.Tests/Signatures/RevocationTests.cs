using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using OpenAlmaty.Kindergarten.Web.Signatures;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The revocation decision with fake sources, and the OCSP/CRL answers read offline: no network.
public sealed class RevocationTests(XmlSignatureRejectionTests.Keys keys) : IClassFixture<XmlSignatureRejectionTests.Keys>
{
    private sealed class FakeSource(string name, RevocationStatus? answer) : IRevocationSource
    {
        public int Asked { get; private set; }
        public string Name => name;

        public RevocationStatus? Ask(X509Certificate2 certificate, X509Certificate2 issuer)
        {
            Asked++;
            return answer;
        }
    }

    private string Decide(RevocationMode mode, FakeSource ocsp, FakeSource crl) =>
        RevocationChecker.Decide(mode, ocsp, crl, keys.Authentication, keys.Pki.Ca);

    private string Rejected(RevocationMode mode, FakeSource ocsp, FakeSource crl) =>
        Assert.Throws<SignatureRejectedException>(() => Decide(mode, ocsp, crl)).Code;

    [Fact]
    public void Decide_Off_RecordsNotCheckedAndAsksNobody()
    {
        FakeSource ocsp = new("ocsp", RevocationStatus.Revoked), crl = new("crl", RevocationStatus.Revoked);

        Assert.Equal("off: not checked", Decide(RevocationMode.Off, ocsp, crl));
        Assert.Equal(0, ocsp.Asked + crl.Asked);
    }

    [Fact]
    public void Decide_OcspGood_RecordsOcsp() =>
        Assert.Equal("ocsp: good", Decide(RevocationMode.OcspThenCrl, new("ocsp", RevocationStatus.Good), new("crl", null)));

    [Fact]
    public void Decide_OcspRevoked_RejectedAsRevoked() =>
        Assert.Equal("eds.cert.revoked", Rejected(RevocationMode.Ocsp, new("ocsp", RevocationStatus.Revoked), new("crl", RevocationStatus.Good)));

    [Fact]
    public void Decide_OcspOnlyAndNoAnswer_RejectedAsUnavailableWithoutCrl()
    {
        var crl = new FakeSource("crl", RevocationStatus.Good);

        Assert.Equal("eds.cert.revocation-unavailable", Rejected(RevocationMode.Ocsp, new("ocsp", null), crl));
        Assert.Equal(0, crl.Asked);
    }

    [Fact]
    public void Decide_OcspSilentThenCrlGood_RecordsCrl() =>
        Assert.Equal("crl: good", Decide(RevocationMode.OcspThenCrl, new("ocsp", null), new("crl", RevocationStatus.Good)));

    [Fact]
    public void Decide_OcspUnknownThenCrlRevoked_RejectedAsRevoked() =>
        Assert.Equal("eds.cert.revoked", Rejected(RevocationMode.OcspThenCrl, new("ocsp", RevocationStatus.Unknown), new("crl", RevocationStatus.Revoked)));

    [Fact]
    public void Decide_NeitherAnswers_RejectedAsUnavailable() =>
        Assert.Equal("eds.cert.revocation-unavailable", Rejected(RevocationMode.OcspThenCrl, new("ocsp", null), new("crl", null)));

    [Fact]
    public void Validate_RevocationChecked_ResultRecordedInSigner()
    {
        var options = Options.Create(new EdsOptions { Revocation = RevocationMode.OcspThenCrl });
        var checker = new RevocationChecker(options, new FakeSource("ocsp", null), new FakeSource("crl", RevocationStatus.Good));
        var validator = new CertificateValidator(new TrustAnchors([keys.Pki.Ca]), checker, options, new Verifiers.Environment("Testing"));

        var signer = validator.Validate(keys.Authentication, "RSA-SHA256", KeyPurpose.Authentication, TestPki.Now);

        Assert.Equal("crl: good", signer.RevocationCheck);
    }

    [Fact]
    public void CrlRead_CertificateListed_Revoked() =>
        Assert.Equal(RevocationStatus.Revoked, CrlClient.Read(Crl(keys.Pki, keys.Authentication), keys.Authentication, keys.Pki.Ca, TestPki.Now));

    [Fact]
    public void CrlRead_CertificateNotListed_Good() =>
        Assert.Equal(RevocationStatus.Good, CrlClient.Read(Crl(keys.Pki, keys.Signing), keys.Authentication, keys.Pki.Ca, TestPki.Now));

    [Fact]
    public void CrlRead_SignedByAnotherCa_NoAnswer()
    {
        using var other = new TestPki();
        Assert.Null(CrlClient.Read(Crl(other, keys.Authentication), keys.Authentication, keys.Pki.Ca, TestPki.Now));
    }

    [Fact]
    public void CrlRead_PastNextUpdate_NoAnswer() =>
        Assert.Null(CrlClient.Read(Crl(keys.Pki, keys.Authentication), keys.Authentication, keys.Pki.Ca, TestPki.Now.AddDays(30)));

    [Fact]
    public void OcspRead_GoodFromIssuer_Good()
    {
        var (id, response) = Ocsp(keys.Pki, CertificateStatus.Good);
        Assert.Equal(RevocationStatus.Good, OcspClient.Read(response, id, keys.Pki.Ca));
    }

    [Fact]
    public void OcspRead_RevokedFromIssuer_Revoked()
    {
        var (id, response) = Ocsp(keys.Pki, new RevokedStatus(TestPki.Now.UtcDateTime, CrlReason.KeyCompromise));
        Assert.Equal(RevocationStatus.Revoked, OcspClient.Read(response, id, keys.Pki.Ca));
    }

    [Fact]
    public void OcspRead_SignedByAnotherCa_NoAnswer()
    {
        using var other = new TestPki();
        var (id, response) = Ocsp(other, CertificateStatus.Good);
        Assert.Null(OcspClient.Read(response, id, keys.Pki.Ca));
    }

    private static X509Crl Crl(TestPki signer, X509Certificate2 revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(revoked, TestPki.Now.AddDays(-1), X509RevocationReason.KeyCompromise);
        var der = builder.Build(signer.Ca, 1, TestPki.Now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, TestPki.Now.AddHours(-1));
        return new X509CrlParser().ReadCrl(der);
    }

    // The CertID names keys.Pki's CA as issuer; the response is signed by `signer`'s CA key.
    private (CertificateID Id, OcspResp Response) Ocsp(TestPki signer, CertificateStatus status)
    {
        var issuer = new BcCertificate(keys.Pki.Ca.RawData);
        var id = new CertificateID(CertificateID.DigestSha1, issuer, new BcCertificate(keys.Authentication.RawData).SerialNumber);
        var generator = new BasicOcspRespGenerator(new RespID(new BcCertificate(signer.Ca.RawData).SubjectDN));
        generator.AddResponse(id, status);
        var key = DotNetUtilities.GetRsaKeyPair(signer.CaKey.ExportParameters(true)).Private;
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", key), null, TestPki.Now.UtcDateTime);
        return (id, new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic));
    }
}
