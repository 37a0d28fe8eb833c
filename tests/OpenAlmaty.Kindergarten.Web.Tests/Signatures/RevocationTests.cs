using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using OpenAlmaty.Kindergarten.Web.Signatures;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The revocation decision and its cache with stand-in sources, and OCSP/CRL answers read
/// offline. The same paths over real HTTP with a real responder: RevocationResponderTests.
public sealed class RevocationTests(XmlSignatureRejectionTests.Keys keys) : IClassFixture<XmlSignatureRejectionTests.Keys>
{
    private sealed class StandInSource(string name, RevocationAnswer? answer) : IRevocationSource
    {
        public int Asked { get; private set; }
        public string Name => name;

        public Task<RevocationAnswer?> AskAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken ct)
        {
            Asked++;
            return Task.FromResult(answer);
        }
    }

    private static readonly RevocationAnswer Good = new(RevocationStatus.Good, null);
    private static readonly RevocationAnswer Revoked = new(RevocationStatus.Revoked, null, TestPki.Now.AddDays(-2), 1);
    private static readonly RevocationAnswer Unknown = new(RevocationStatus.Unknown, null);

    private readonly FakeTimeProvider clock = new(TestPki.Now);

    private RevocationChecker Checker(RevocationMode mode, IRevocationSource ocsp, IRevocationSource crl,
        RevocationUnreachable unreachable = RevocationUnreachable.Refuse) =>
        new(Options.Create(new EdsOptions { Revocation = mode, RevocationUnreachable = unreachable }), ocsp, crl, clock);

    private Task<string> Check(RevocationMode mode, IRevocationSource ocsp, IRevocationSource crl, KeyPurpose purpose = KeyPurpose.Authentication) =>
        Checker(mode, ocsp, crl).CheckAsync(keys.Authentication, keys.Pki.Ca, purpose, CancellationToken.None);

    private async Task<SignatureRejectedException> Rejected(RevocationMode mode, IRevocationSource ocsp, IRevocationSource crl) =>
        await Assert.ThrowsAsync<SignatureRejectedException>(() => Check(mode, ocsp, crl));

    [Fact]
    public async Task Check_Off_RecordsNotCheckedAndAsksNobody()
    {
        StandInSource ocsp = new("ocsp", Revoked), crl = new("crl", Revoked);

        Assert.Equal("off: not checked", await Check(RevocationMode.Off, ocsp, crl));
        Assert.Equal(0, ocsp.Asked + crl.Asked);
    }

    [Fact]
    public async Task Check_OcspGood_RecordsOcsp() =>
        Assert.Equal("ocsp: good", await Check(RevocationMode.OcspThenCrl, new StandInSource("ocsp", Good), new StandInSource("crl", null)));

    [Fact]
    public async Task Check_OcspRevoked_RejectedAsRevokedWithReasonAndDate()
    {
        var rejection = await Rejected(RevocationMode.Ocsp, new StandInSource("ocsp", Revoked), new StandInSource("crl", Good));

        Assert.Equal("eds.cert.revoked", rejection.Code);
        Assert.Contains("ключ скомпрометирован", rejection.Reason.Ru, StringComparison.Ordinal);
        Assert.Contains("кілттің құпиялылығы бұзылған", rejection.Reason.Kk, StringComparison.Ordinal);
        Assert.Contains("23.11.2026", rejection.Reason.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OcspOnlyAndNoAnswer_RejectedAsUnavailableWithoutAskingCrl()
    {
        var crl = new StandInSource("crl", Good);

        Assert.Equal("eds.cert.revocation-unavailable", (await Rejected(RevocationMode.Ocsp, new StandInSource("ocsp", null), crl)).Code);
        Assert.Equal(0, crl.Asked);
    }

    [Fact]
    public async Task Check_OcspSilentThenCrlGood_RecordsCrl() =>
        Assert.Equal("crl: good", await Check(RevocationMode.OcspThenCrl, new StandInSource("ocsp", null), new StandInSource("crl", Good)));

    [Fact]
    public async Task Check_OcspUnknownThenCrlRevoked_RejectedAsRevoked() =>
        Assert.Equal("eds.cert.revoked", (await Rejected(RevocationMode.OcspThenCrl, new StandInSource("ocsp", Unknown), new StandInSource("crl", Revoked))).Code);

    [Fact]
    public async Task Check_UnreachableWithAllowSignIn_SignInPassesButSignedActionRefused()
    {
        var checker = Checker(RevocationMode.OcspThenCrl, new StandInSource("ocsp", null), new StandInSource("crl", null), RevocationUnreachable.AllowSignIn);

        var signIn = await checker.CheckAsync(keys.Authentication, keys.Pki.Ca, KeyPurpose.Authentication, CancellationToken.None);
        var signed = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            checker.CheckAsync(keys.Authentication, keys.Pki.Ca, KeyPurpose.Signing, CancellationToken.None));

        Assert.StartsWith("unavailable:", signIn, StringComparison.Ordinal);
        Assert.Equal("eds.cert.revocation-unavailable", signed.Code);
    }

    [Fact]
    public async Task Check_SameSerialTwiceBeforeNextUpdate_AskedOnceThenAgainAfterIt()
    {
        var ocsp = new StandInSource("ocsp", new RevocationAnswer(RevocationStatus.Good, TestPki.Now.AddMinutes(10)));
        var checker = new RevocationChecker(Options.Create(new EdsOptions { Revocation = RevocationMode.Ocsp }), ocsp, new StandInSource("crl", null), clock);
        Task<string> Ask() => checker.CheckAsync(keys.Authentication, keys.Pki.Ca, KeyPurpose.Authentication, CancellationToken.None);

        Assert.Equal("ocsp: good", await Ask());
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("ocsp (cached): good", await Ask());
        Assert.Equal(1, ocsp.Asked);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("ocsp: good", await Ask());
        Assert.Equal(2, ocsp.Asked);
    }

    [Fact]
    public async Task Validate_RevocationChecked_ResultRecordedInSigner()
    {
        var options = Options.Create(new EdsOptions { Revocation = RevocationMode.OcspThenCrl });
        var checker = new RevocationChecker(options, new StandInSource("ocsp", null), new StandInSource("crl", Good), clock);
        var validator = new CertificateValidator(new TrustAnchors([keys.Pki.Ca]), checker, options, new Verifiers.Environment("Testing"));

        var signer = await validator.ValidateAsync(keys.Authentication, "RSA-SHA256", KeyPurpose.Authentication, TestPki.Now);

        Assert.Equal("crl: good", signer.RevocationCheck);
    }

    [Fact]
    public void CrlRead_CertificateListed_RevokedWithReason()
    {
        var answer = CrlClient.Read(Crl(keys.Pki, keys.Authentication), Serial(keys.Authentication), keys.Pki.Ca, TestPki.Now);
        Assert.Equal(RevocationStatus.Revoked, answer!.Status);
        Assert.Equal(1, answer.Reason);
    }

    [Fact]
    public void CrlRead_CertificateNotListed_GoodUntilNextUpdate()
    {
        var answer = CrlClient.Read(Crl(keys.Pki, keys.Signing), Serial(keys.Authentication), keys.Pki.Ca, TestPki.Now);
        Assert.Equal(RevocationStatus.Good, answer!.Status);
        Assert.Equal(TestPki.Now.AddDays(7), answer.NextUpdate);
    }

    [Fact]
    public void CrlRead_SignedByAnotherCa_NoAnswer()
    {
        using var other = new TestPki();
        Assert.Null(CrlClient.Read(Crl(other, keys.Authentication), Serial(keys.Authentication), keys.Pki.Ca, TestPki.Now));
    }

    [Fact]
    public void CrlRead_PastNextUpdate_NoAnswer() =>
        Assert.Null(CrlClient.Read(Crl(keys.Pki, keys.Authentication), Serial(keys.Authentication), keys.Pki.Ca, TestPki.Now.AddDays(30)));

    [Fact]
    public void OcspRead_GoodFromIssuer_Good()
    {
        var (id, response) = Ocsp(keys.Pki, CertificateStatus.Good);
        Assert.Equal(RevocationStatus.Good, OcspClient.Read(response, id, keys.Pki.Ca, TestPki.Now)!.Status);
    }

    [Fact]
    public void OcspRead_RevokedFromIssuer_RevokedWithReason()
    {
        var (id, response) = Ocsp(keys.Pki, new RevokedStatus(TestPki.Now.UtcDateTime, CrlReason.KeyCompromise));
        var answer = OcspClient.Read(response, id, keys.Pki.Ca, TestPki.Now);
        Assert.Equal(RevocationStatus.Revoked, answer!.Status);
        Assert.Equal(1, answer.Reason);
    }

    [Fact]
    public void OcspRead_SignedByAnotherCa_NoAnswer()
    {
        using var other = new TestPki();
        var (id, response) = Ocsp(other, CertificateStatus.Good);
        Assert.Null(OcspClient.Read(response, id, keys.Pki.Ca, TestPki.Now));
    }

    [Fact]
    public void OcspRead_PastNextUpdate_NoAnswer()
    {
        var (id, response) = Ocsp(keys.Pki, CertificateStatus.Good);
        Assert.Null(OcspClient.Read(response, id, keys.Pki.Ca, TestPki.Now.AddDays(2)));
    }

    private static Org.BouncyCastle.Math.BigInteger Serial(X509Certificate2 certificate) => new BcCertificate(certificate.RawData).SerialNumber;

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
        generator.AddResponse(id, status, TestPki.Now.UtcDateTime, TestPki.Now.UtcDateTime.AddDays(1), null);
        var key = DotNetUtilities.GetRsaKeyPair(signer.CaKey.ExportParameters(true)).Private;
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", key), null, TestPki.Now.UtcDateTime);
        return (id, new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic));
    }
}
