using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// A test CA with the two services NCA runs for it, on loopback: a real `openssl ocsp`
/// responder (its index.txt written here) and the CA's CRL served over HTTP by a small Kestrel.
/// The people's certificates name them in AIA and CRL distribution points, as NCA's do.
/// "Silent" is a port that accepts connections and never answers (a hung responder: the
/// timeout must end the wait); "closed" is a port nobody listens on.
public sealed class RevocationResponders : IAsyncLifetime
{
    private readonly RSA caKey = RSA.Create(2048);
    private readonly string folder = Directory.CreateTempSubdirectory("oa-ocsp-").FullName;
    private readonly TcpListener silent = new(IPAddress.Loopback, 0);
    private Process? openssl;
    private WebApplication? crlServer;
    private byte[] crl = [];

    public X509Certificate2 Ca { get; private set; } = null!;
    public string CaFile => Path.Combine(folder, "ca.crt");

    /// OCSP and CRL both up and both say good.
    public X509Certificate2 Good { get; private set; } = null!;
    /// Revoked for keyCompromise: in the responder's index and in the CRL.
    public X509Certificate2 Revoked { get; private set; } = null!;
    /// OCSP silent; the CRL (up) does not list it.
    public X509Certificate2 OcspSilentCrlGood { get; private set; } = null!;
    /// OCSP silent; the CRL lists it (superseded).
    public X509Certificate2 OcspSilentCrlRevoked { get; private set; } = null!;
    /// OCSP silent and the CRL's server closed: nothing can be learnt.
    public X509Certificate2 Unreachable { get; private set; } = null!;
    public X509Certificate2 UnreachableSigning { get; private set; } = null!;

    public static readonly DateTimeOffset RevokedAt = DateTimeOffset.UtcNow.AddDays(-3);

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var request = new CertificateRequest("CN=OpenAlmaty OCSP TEST CA, C=KZ", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(5));
        await File.WriteAllTextAsync(CaFile, Ca.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.key"), caKey.ExportPkcs8PrivateKeyPem());

        crlServer = await StartCrlServerAsync();
        var crlUrl = Address(crlServer) + "/ca.crl";
        silent.Start();
        var silentUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        var closedUrl = $"http://127.0.0.1:{Deploy.PortalProcess.FreePort()}/ca.crl";
        var ocspPort = Deploy.PortalProcess.FreePort();
        var ocspUrl = $"http://127.0.0.1:{ocspPort}/";

        Good = Issue(ocspUrl, crlUrl, signing: false);
        Revoked = Issue(ocspUrl, crlUrl, signing: false);
        OcspSilentCrlGood = Issue(silentUrl, crlUrl, signing: false);
        OcspSilentCrlRevoked = Issue(silentUrl, crlUrl, signing: false);
        Unreachable = Issue(silentUrl, closedUrl, signing: false);
        UnreachableSigning = Issue(silentUrl, closedUrl, signing: true);

        var list = new CertificateRevocationListBuilder();
        list.AddEntry(Revoked, RevokedAt, X509RevocationReason.KeyCompromise);
        list.AddEntry(OcspSilentCrlRevoked, RevokedAt, X509RevocationReason.Superseded);
        crl = list.Build(Ca, 1, now.AddDays(1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddHours(-1));

        await File.WriteAllTextAsync(Path.Combine(folder, "index.txt"), Index(now));
        openssl = Process.Start(new ProcessStartInfo("openssl",
            ["ocsp", "-index", "index.txt", "-port", ocspPort.ToString(CultureInfo.InvariantCulture), "-rsigner", "ca.crt", "-rkey", "ca.key",
             "-CA", "ca.crt", "-nmin", "5", "-ignore_err"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("openssl did not start");
        // Its own words say when it listens: a probe connection would hang it (it serves one
        // connection at a time and waits for a request on it).
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler watch = (_, e) =>
        {
            if (e.Data?.Contains("waiting for OCSP client connections", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        openssl.OutputDataReceived += watch;
        openssl.ErrorDataReceived += watch;
        openssl.BeginOutputReadLine();
        openssl.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (openssl is { HasExited: false })
        {
            openssl.Kill(entireProcessTree: true);
            await openssl.WaitForExitAsync();
        }
        openssl?.Dispose();
        if (crlServer is not null) await crlServer.DisposeAsync();
        silent.Stop();
        caKey.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    // openssl ca's database: status, expiry, revocation "date,reason", serial (hex), file, subject.
    private string Index(DateTimeOffset now)
    {
        static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        var lines = new StringBuilder();
        foreach (var certificate in new[] { Good, Revoked })
        {
            var revoked = ReferenceEquals(certificate, Revoked);
            lines.Append(CultureInfo.InvariantCulture, $"{(revoked ? "R" : "V")}\t{Time(now.AddYears(1))}\t{(revoked ? Time(RevokedAt) + ",keyCompromise" : "")}\t{certificate.SerialNumber}\tunknown\t/CN=test\n");
        }
        return lines.ToString();
    }

    private X509Certificate2 Issue(string ocspUrl, string crlUrl, bool signing)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=АХМЕТОВ АЙДАР, SN=АХМЕТОВ, SERIALNUMBER=IIN{TestPki.RealIin}, C=KZ, G=СЕРИКОВИЧ",
            key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(signing
            ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(signing ? TestPki.EmailProtection : TestPki.ClientAuth), new Oid(TestPki.Individual)], false));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([ocspUrl], null));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl]));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Ca, now.AddDays(-1), now.AddYears(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private async Task<WebApplication> StartCrlServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/ca.crl", () => Results.Bytes(crl, "application/pkix-crl"));
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
