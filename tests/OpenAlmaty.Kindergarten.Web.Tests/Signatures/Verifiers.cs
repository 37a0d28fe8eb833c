using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// Builds the verifiers the way the portal does, with revocation off and chosen anchors.
internal static class Verifiers
{
    public static EdsOptions Options(params string[] anchorFiles) =>
        new() { TrustAnchors = [.. anchorFiles], AllowTestIins = true, Revocation = RevocationMode.Off };

    public static CertificateValidator Certificates(EdsOptions options, string environment = "Testing", params X509Certificate2[] anchors)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var trust = anchors.Length > 0 ? new TrustAnchors(anchors) : new TrustAnchors(wrapped);
        var revocation = new RevocationChecker(wrapped,
            new OcspClient(new NoNetwork(), TimeProvider.System, NullLogger<OcspClient>.Instance),
            new CrlClient(new NoNetwork(), TimeProvider.System, NullLogger<CrlClient>.Instance), TimeProvider.System);
        return new CertificateValidator(trust, revocation, wrapped, new Environment(environment));
    }

    public static XmlSignatureVerifier Xml(EdsOptions options, string environment = "Testing", params X509Certificate2[] anchors) =>
        new(Certificates(options, environment, anchors), NullLogger<XmlSignatureVerifier>.Instance);

    public static XmlSignatureVerifier Xml(params X509Certificate2[] anchors) => Xml(Options(), "Testing", anchors);

    public static CmsSignatureVerifier Cms(EdsOptions options) =>
        new(Certificates(options), NullLogger<CmsSignatureVerifier>.Instance);

    /// Revocation is Off in these tests: any attempt to reach the network fails the test.
    internal sealed class NoNetwork : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No network in tests.");
    }

    internal sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "OpenAlmaty.Kindergarten.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
