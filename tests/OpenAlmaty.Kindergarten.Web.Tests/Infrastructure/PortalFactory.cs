using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

/// The real portal over a real PostgreSQL database, with a clock the test controls.
public sealed class PortalFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero));

    public TestDatabase Database { get; } = database;

    /// The relaxations a test host relies on, each set explicitly (they are off unless set, and
    /// refused in Production): the demo keys' CA, NCA's test IINs, the in-page key-file signer,
    /// cookies over plain http.
    /// One data-protection certificate for every test host, so that hosts sharing a database
    /// read each other's keys (the portal makes the file when it is missing, outside Production).
    public static readonly string DataProtectionCertificateFile = Path.Combine(Path.GetTempPath(), "oa-test-data-protection.pfx");

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["DataProtection:CertificateFile"] = DataProtectionCertificateFile,
        ["Eds:TrustDevelopmentCa"] = "true",
        ["Eds:AllowTestIins"] = "true",
        ["Eds:AllowKeyFileSigning"] = "true",
        ["Auth:AllowInsecureCookies"] = "true",
    };

    /// Testing unless a test needs another (the Development-only pages).
    public string Environment { get; set; } = "Testing";

    /// Extra test services, registered after the portal's own (e.g. a SQL command counter).
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Database:Migrate", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }
}
