using System.Security.Cryptography.X509Certificates;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The demo people's GOST-2015 key files from the development CA sign what the portal accepts:
/// the AUTH_GOST file for sign-in, the GOST file for a signed request, and not the other way.
public sealed class DemoGostKeysTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "oa-gost-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => DemoKeys.EnsureAsync(folder, [DemoUsers.Parent1], TestPki.Now.AddDays(-30));

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AuthGostFile_SignedLogin_VerifiesForSignInWithTheParentsIin()
    {
        var verified = await Verifier().VerifyAsync(SignWith(DemoKeys.GostAuthenticationFile(folder, DemoUsers.Parent1)), KeyPurpose.Authentication, TestPki.Now);

        Assert.Equal(DemoUsers.Parent1.Iin, verified.Signer.Iin);
        Assert.Equal(Gost2015.Name, verified.Signer.Algorithm);
    }

    [Fact]
    public async Task GostFile_SignedRequest_VerifiesForSigning()
    {
        var verified = await Verifier().VerifyAsync(SignWith(DemoKeys.GostSigningFile(folder, DemoUsers.Parent1)), KeyPurpose.Signing, TestPki.Now);

        Assert.Equal(DemoUsers.Parent1.Iin, verified.Signer.Iin);
    }

    [Fact]
    public async Task AuthGostFile_SignedRequest_RejectedAsAuthenticationKey()
    {
        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verifier().VerifyAsync(SignWith(DemoKeys.GostAuthenticationFile(folder, DemoUsers.Parent1)), KeyPurpose.Signing, TestPki.Now));

        Assert.Equal(SignatureRejections.AuthKeyForSigning().Code, rejection.Code);
    }

    [Fact]
    public void GostFile_WrongPassword_NotOpened()
    {
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            DemoGostKeys.Open(File.ReadAllBytes(DemoKeys.GostSigningFile(folder, DemoUsers.Parent1)), "wrong"));
    }

    private XmlSignatureVerifier Verifier() =>
        Verifiers.Xml(X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, DemoKeys.CaFile)));

    private static string SignWith(string file)
    {
        var key = DemoGostKeys.Open(File.ReadAllBytes(file), DemoUsers.KeyPassword);
        return GostTestPki.Sign(NcaXmlSigner.Login(), key.Certificate, key.Sign);
    }
}
