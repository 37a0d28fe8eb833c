using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// Revocation over the network, as the portal registers it (AddSignatureVerification): a real
/// `openssl ocsp` responder and a CRL over HTTP (RevocationResponders), signatures made with
/// the certificates those services know about.
public sealed class RevocationResponderTests(RevocationResponders responders) : IClassFixture<RevocationResponders>
{
    private ServiceProvider Portal(string mode, string unreachable = "Refuse")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eds:TrustAnchors:0"] = responders.CaFile,
            ["Eds:Revocation"] = mode,
            ["Eds:RevocationUnreachable"] = unreachable,
            // Generous for a busy machine, short enough for the silent responder's test.
            ["Eds:RevocationTimeout"] = "00:00:03",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new Verifiers.Environment("Testing"))
            .AddSignatureVerification(configuration)
            .BuildServiceProvider();
    }

    private static Task<VerifiedXml> SignIn(ServiceProvider portal, X509Certificate2 key, KeyPurpose purpose = KeyPurpose.Authentication) =>
        portal.GetRequiredService<IXmlSignatureVerifier>().VerifyAsync(NcaXmlSigner.SignLogin(key), purpose, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Ocsp_GoodCertificate_AcceptedAndRecordedAsOcsp()
    {
        using var portal = Portal("Ocsp");

        var verified = await SignIn(portal, responders.Good);

        Assert.Equal("ocsp: good", verified.Signer.RevocationCheck);
    }

    [Fact]
    public async Task Ocsp_RevokedCertificate_RefusedWithItsReasonAndDate()
    {
        using var portal = Portal("Ocsp");

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => SignIn(portal, responders.Revoked));

        Assert.Equal("eds.cert.revoked", rejection.Code);
        Assert.Contains("причина: ключ скомпрометирован", rejection.Reason.Ru, StringComparison.Ordinal);
        Assert.Contains(RevocationResponders.RevokedAt.UtcDateTime.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
            rejection.Reason.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ocsp_SecondSignInOfSameCertificate_AnsweredFromCache()
    {
        using var portal = Portal("Ocsp");

        await SignIn(portal, responders.Good);
        var second = await SignIn(portal, responders.Good);

        Assert.Equal("ocsp (cached): good", second.Signer.RevocationCheck);
    }

    [Fact]
    public async Task Crl_RevokedCertificateWhenOcspSilent_RefusedFromCrlWithReason()
    {
        using var portal = Portal("OcspThenCrl");

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => SignIn(portal, responders.OcspSilentCrlRevoked));

        Assert.Equal("eds.cert.revoked", rejection.Code);
        Assert.Contains("причина: сертификат заменён новым", rejection.Reason.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crl_GoodCertificateWhenOcspSilent_AcceptedAfterTimeoutAndRecordedAsCrl()
    {
        using var portal = Portal("OcspThenCrl");

        var verified = await SignIn(portal, responders.OcspSilentCrlGood);

        Assert.Equal("crl: good", verified.Signer.RevocationCheck);
    }

    [Fact]
    public async Task OcspOnly_ResponderSilent_RefusedAsUnavailable()
    {
        using var portal = Portal("Ocsp");

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => SignIn(portal, responders.OcspSilentCrlGood));

        Assert.Equal("eds.cert.revocation-unavailable", rejection.Code);
    }

    [Fact]
    public async Task BothDown_PolicyRefuse_SignInRefused()
    {
        using var portal = Portal("OcspThenCrl");

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() => SignIn(portal, responders.Unreachable));

        Assert.Equal("eds.cert.revocation-unavailable", rejection.Code);
    }

    [Fact]
    public async Task BothDown_PolicyAllowSignIn_SignInPassesButSignedRequestRefused()
    {
        using var portal = Portal("OcspThenCrl", unreachable: "AllowSignIn");

        var signIn = await SignIn(portal, responders.Unreachable);
        var signed = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            SignIn(portal, responders.UnreachableSigning, KeyPurpose.Signing));

        Assert.StartsWith("unavailable:", signIn.Signer.RevocationCheck, StringComparison.Ordinal);
        Assert.Equal("eds.cert.revocation-unavailable", signed.Code);
    }
}
