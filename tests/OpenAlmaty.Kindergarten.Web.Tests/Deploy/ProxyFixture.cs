using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Deploy;

/// deploy/ as an operator installs it, on loopback: Debian's nginx with deploy/nginx/kindergarten.conf
/// (TLS with a self-signed certificate made here) in front of two built portal instances on one
/// PostgreSQL database. The instances run as "Staging" (production-like cookies, but the demo
/// keys' test CA trusted) and trust forwarded headers from 127.0.0.1 only. Clients pick their
/// own loopback source address (127.0.0.x), so "who is the client" has a real answer.
public sealed class ProxyFixture : IAsyncLifetime
{
    public const int SignInAttemptsPerMinute = 3;

    private readonly string folder = Directory.CreateTempSubdirectory("oa-nginx-").FullName;
    private Process? nginx;
    private X509Certificate2? certificate;

    public TestDatabase Database { get; private set; } = null!;
    public string KeysFolder => Path.Combine(folder, "keys");
    public int HttpsPort { get; } = PortalProcess.FreePort();
    public int[] InstancePorts { get; } = [PortalProcess.FreePort(), PortalProcess.FreePort()];
    public int[] MetricsPorts { get; } = [PortalProcess.FreePort(), PortalProcess.FreePort()];
    public PortalProcess[] Instances { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        // Made once, before either instance starts: both read the same test CA and key files.
        await DemoKeys.EnsureAsync(KeysFolder, DemoUsers.All);
        // One after the other: the first migrates and seeds, the second finds it done.
        var a = StartInstance(0);
        Instances = [a];
        await a.WaitHealthyAsync(InstancePorts[0]);
        var b = StartInstance(1);
        Instances = [a, b];
        await b.WaitHealthyAsync(InstancePorts[1]);
        await StartNginxAsync();
    }

    private PortalProcess StartInstance(int i) => PortalProcess.Start(new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Staging",
        ["ConnectionStrings__Default"] = Database.ConnectionString,
        ["Database__Migrate"] = "true",
        ["DemoData__Seed"] = "true",
        ["DemoData__KeysFolder"] = KeysFolder,
        ["Hangfire__Server"] = "false",
        ["SignIn__AttemptsPerMinute"] = SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Proxy__KnownProxies__0"] = "127.0.0.1",
        ["Metrics__Port"] = MetricsPorts[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__OutboxFolder"] = Path.Combine(folder, "outbox"),
        // The demo keys' CA is trusted only when said (decision 0009); both instances encrypt
        // the cookie keys with one certificate, so either can read the other's session.
        ["Eds__TrustDevelopmentCa"] = "true",
        ["DataProtection__CertificateFile"] = Path.Combine(folder, "data-protection.pfx"),
    }, "--urls", $"http://127.0.0.1:{InstancePorts[i]}");

    /// An HTTPS client of nginx whose connections come from <paramref name="from"/> (127.0.0.x).
    public HttpClient ViaNginx(string from, CookieContainer? cookies = null) =>
        Client(from, $"https://127.0.0.1:{HttpsPort}", cookies);

    /// A client that goes straight to an instance, past nginx, from <paramref name="from"/>.
    public HttpClient Direct(string from, int instance) => Client(from, $"http://127.0.0.1:{InstancePorts[instance]}", null);

    private HttpClient Client(string from, string baseAddress, CookieContainer? cookies)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        // Only this run's self-signed certificate is accepted.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate!.Thumbprint;
        return new HttpClient(handler) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(60) };
    }

    private async Task StartNginxAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=kindergarten.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());

        var site = await File.ReadAllTextAsync(Path.Combine(PortalProcess.RepositoryRoot, "deploy", "nginx", "kindergarten.conf"));
        site = Rewrite(site, "listen 80;", $"listen 127.0.0.1:{PortalProcess.FreePort()};");
        site = Rewrite(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;");
        site = Rewrite(site, "server 127.0.0.1:5001 ", $"server 127.0.0.1:{InstancePorts[0]} ");
        site = Rewrite(site, "server 127.0.0.1:5002 ", $"server 127.0.0.1:{InstancePorts[1]} ");
        site = Rewrite(site, "/etc/ssl/kindergarten/fullchain.pem", Path.Combine(folder, "cert.pem"));
        site = Rewrite(site, "/etc/ssl/kindergarten/privkey.pem", Path.Combine(folder, "key.pem"));
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi", "logs" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder, temp));
            // nginx's workers drop to "nobody" when the test runs as root.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir.FullName, (UnixFileMode)0b111_111_111);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/logs/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/logs/access.log;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        nginx = Process.Start(new ProcessStartInfo(binary, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start (scripts/test.sh installs Debian's nginx)");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (nginx.HasExited)
                throw new InvalidOperationException($"nginx exited: {await nginx.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = ViaNginx("127.0.0.1");
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException("nginx did not answer in 20 s");
    }

    // The deployed file must still have the line the test replaces, or the test says so.
    private static string Rewrite(string config, string line, string replacement) =>
        config.Contains(line, StringComparison.Ordinal) ? config.Replace(line, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx/kindergarten.conf no longer has '{line}'");

    public async Task DisposeAsync()
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
        nginx?.Dispose();
        foreach (var instance in Instances) await instance.DisposeAsync();
        certificate?.Dispose();
        if (Database is not null) await Database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
