using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// The real portal on a real port over a fresh PostgreSQL database, demo keys made for this run
/// (their test CA pinned as the trust anchor), the demo data loaded once (the demo parent's
/// three children, the organisations and their free seats), and the system's Chromium driven
/// by Playwright.
public sealed class BrowserPortal : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private TestDatabase database = null!;
    private PortalOnKestrel portal = null!;
    private IPlaywright playwright = null!;

    public string KeysFolder { get; } = Path.Combine(Path.GetTempPath(), "oa-browser-keys-" + Guid.NewGuid().ToString("N")[..8]);
    public string BaseUrl { get; private set; } = "";
    public TestDatabase Database => database;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(KeysFolder, DemoUsers.All);
        portal = new PortalOnKestrel(database.ConnectionString, KeysFolder);
        portal.UseKestrel(0);
        portal.StartServer();
        await using (var scope = portal.Services.CreateAsyncScope())
            await DemoData.SeedOnceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider, CancellationToken.None);
        BaseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    /// The portal's services, e.g. a scope's AppDbContext to read what a journey wrote.
    public IServiceProvider Services => portal.Services;

    public Task<IPage> NewPageAsync() => NewPageAsync(1280, 900);

    /// A page at the given viewport width (390 for a phone), in Kazakh when <paramref name="kazakh"/>
    /// (the language switch's cookie).
    public Task<IPage> NewPageAsync(int width, int height, bool kazakh = false) => NewPageAsync(width, height, kazakh ? "kk" : "ru");

    /// A page in the given language ("ru", "kk" or "en": the language switch's cookie).
    public async Task<IPage> NewPageAsync(int width, int height, string language)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, Locale = language switch { "kk" => "kk-KZ", "en" => "en-GB", _ => "ru-RU" }, ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = 1, IsMobile = width < 768, HasTouch = width < 768,
            // Bootstrap's fades and Leaflet's popup honour it: no half-faded page for axe or screenshots.
            ReducedMotion = ReducedMotion.Reduce,
        });
        if (language != "ru")
            await context.AddCookiesAsync([new() { Name = "lang", Value = language, Url = BaseUrl }]);
        // Opening a key file runs RSA in the page's JavaScript; on a busy 2-core CI machine that
        // and the first sign-in can take longer than Playwright's default 30 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// A setting changed on the running portal until the result is disposed (the tests of this
    /// collection run one at a time), e.g. a map's tile server for one journey.
    public IDisposable Setting(string key, string value)
    {
        var config = portal.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var before = config[key];
        config[key] = value;
        return new Restore(() => config[key] = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// Saved beside the test results for a person to look at.
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await portal.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(KeysFolder, recursive: true);
    }

    private sealed class PortalOnKestrel(string connectionString, string keysFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Hangfire:Server", "false");
            builder.UseSetting("Database:Migrate", "false");
            builder.UseSetting("DemoData:KeysFolder", keysFolder);
            builder.UseSetting("Eds:TrustAnchors:0", Path.Combine(keysFolder, DemoKeys.CaFile));
            // The relaxations the journeys rely on, set explicitly (off unless set): the in-page
            // key-file signer, the demo CA (NCALayer is asked for any chain), plain-http cookies.
            builder.UseSetting("Eds:AllowKeyFileSigning", "true");
            builder.UseSetting("Eds:TrustDevelopmentCa", "true");
            builder.UseSetting("Auth:AllowInsecureCookies", "true");
            // eGov Mobile needs the department's BIN; its URLs are the portal's own (no PublicBaseUrl).
            builder.UseSetting("EgovMobile:OrganisationBin", "123456789012");
            // Every journey signs in from 127.0.0.1: the per-IP limit (10 a minute) would turn
            // the eleventh test's sign-in into a 429. The limit itself is tested in Web.Tests.
            builder.UseSetting("SignIn:AttemptsPerMinute", "1000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
