using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Deploy;

/// The built portal started in Production: a setting that would leave it open (revocation Off,
/// demo data) stops the start with the reason and a non-zero exit code; a correct one serves.
public sealed class PortalStartTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Lazy<string> DataProtectionPfx = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"oa-production-dp-{Guid.NewGuid():N}.pfx");
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=OpenAlmaty data-protection (test)", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return path;
    });

    private Dictionary<string, string> Production(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = fixture.Database.ConnectionString,
            ["Hangfire__Enabled"] = "false",
            // What Production requires besides revocation (Infrastructure/StartupChecks): a pinned
            // CA and a certificate that encrypts the cookie keys.
            ["Eds__TrustAnchors__0"] = Signatures.EdsVectors.RsaAnchor,
            ["DataProtection__CertificateFile"] = DataProtectionPfx.Value,
        };
        foreach (var (name, value) in settings) environment[name] = value;
        return environment;
    }

    [Theory]
    [InlineData("Eds__Revocation", "Off", "Eds:Revocation is Off")]
    [InlineData("DemoData__Seed", "true", "DemoData:Seed is refused in Production")]
    public async Task Production_UnsafeSetting_ExitsNonZeroWithTheReason(string name, string value, string reason)
    {
        var settings = Production(("Eds__Revocation", "Ocsp"), ("Database__Migrate", "true"), (name, value));
        await using var portal = PortalProcess.Start(settings, "--urls", $"http://127.0.0.1:{PortalProcess.FreePort()}");

        Assert.True(await portal.WaitExitAsync(TimeSpan.FromMinutes(2)), "the portal kept running:\n" + portal.Output);
        Assert.NotEqual(0, portal.ExitCode);
        Assert.Contains(reason, portal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_RevocationOcsp_StartsAndAnswersHealth()
    {
        var port = PortalProcess.FreePort();
        await using var portal = PortalProcess.Start(Production(("Eds__Revocation", "OcspThenCrl")), "--urls", $"http://127.0.0.1:{port}");

        await portal.WaitHealthyAsync(port);

        Assert.False(portal.HasExited);
    }
}
